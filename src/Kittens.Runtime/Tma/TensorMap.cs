using System.Runtime.CompilerServices;

namespace Kittens.Runtime;

/// <summary>
/// The 128 opaque bytes of a <c>CUtensorMap</c>, as <c>cuTensorMapEncodeTiled</c> wrote them. The
/// launcher copies them byte for byte into the <c>kittens::gl&lt;T, TMA...&gt;</c> kernel argument.
/// </summary>
[InlineArray(16)]
internal struct TensorMap
{
    /// <summary>The size of a CUtensorMap.</summary>
    public const int Size = 128;

    private ulong _element0;
}

/// <summary>CUtensorMapDataType values for the dtypes tiles hold (see cuda.h).</summary>
internal enum TensorMapDataType
{
    Float16 = 6,
    Float32 = 7,
    BFloat16 = 9,
}

/// <summary>CUtensorMapSwizzle values (see cuda.h).</summary>
internal enum TensorMapSwizzle
{
    None = 0,
    Bytes32 = 1,
    Bytes64 = 2,
    Bytes128 = 3,
}

/// <summary>
/// Every argument of one <c>cuTensorMapEncodeTiled</c> call but the output, as values: what
/// <see cref="TensorMapEncoder.Describe"/> computes and an <see cref="TensorMapEncoder.EncodeFunction"/>
/// receives (tests capture it instead of calling the driver).
/// </summary>
internal struct TensorMapParameters
{
    /// <summary>CU_TENSOR_MAP_INTERLEAVE_NONE.</summary>
    public const int InterleaveNone = 0;

    /// <summary>CU_TENSOR_MAP_L2_PROMOTION_L2_256B.</summary>
    public const int L2Promotion256B = 3;

    /// <summary>CU_TENSOR_MAP_FLOAT_OOB_FILL_NONE: out-of-bounds elements load as zeros.</summary>
    public const int OobFillNone = 0;

    public TensorMapDataType DataType;
    public int Rank;
    public nint GlobalAddress;

    /// <summary>Extents in elements, innermost first (<see cref="Rank"/> used).</summary>
    public Rank5<ulong> GlobalDims;

    /// <summary>Byte strides of dimensions 1 .. Rank-1 (dimension 0 is contiguous).</summary>
    public Rank5<ulong> GlobalStrides;

    /// <summary>The box extents in elements, innermost first.</summary>
    public Rank5<uint> BoxDims;

    /// <summary>Traversal strides (all 1).</summary>
    public Rank5<uint> ElementStrides;

    public int Interleave;
    public TensorMapSwizzle Swizzle;
    public int L2Promotion;
    public int OobFill;
}

/// <summary>Five values, one per tensor-map dimension (TMA ranks go up to 5).</summary>
[InlineArray(5)]
internal struct Rank5<T> where T : unmanaged
{
    private T _element0;
}
