using Kittens.Runtime.Native;

namespace Kittens.Runtime;

/// <summary>
/// Builds the <c>CUtensorMap</c> of a (tensor, <see cref="TmaBox"/>) pair exactly as the tile
/// headers read it (docs/design.md §5): a swizzled 5-D map for a shared tile, a 4-D map for a
/// shared vector. Arguments are validated first, with an <see cref="ArgumentException"/> naming
/// the kernel argument and the rule; then the encode function (the driver's
/// <c>cuTensorMapEncodeTiled</c> unless a test injects another) runs, and a failure becomes a
/// <see cref="CudaException"/> naming the call.
/// </summary>
internal sealed unsafe class TensorMapEncoder
{
    /// <summary>The largest extent of a box in any dimension.</summary>
    public const int MaxBoxDim = 256;

    /// <summary>Required alignment of the tensor's base address, and of every byte stride.</summary>
    public const int AddressAlignment = 16;

    /// <summary>Byte strides must stay below 2^40.</summary>
    public const long MaxStride = 1L << 40;

    /// <summary>Writes the tensor map described by <paramref name="parameters"/>; returns a CUresult.</summary>
    public delegate int EncodeFunction(ref TensorMap map, in TensorMapParameters parameters);

    private readonly EncodeFunction _encode;

    /// <summary>An encoder calling <paramref name="encode"/> (tests pass one that records its parameters).</summary>
    public TensorMapEncoder(EncodeFunction encode) => _encode = encode;

    /// <summary>The encoder that calls the driver's <c>cuTensorMapEncodeTiled</c>.</summary>
    public static TensorMapEncoder Driver { get; } = new(EncodeWithDriver);

    /// <summary>
    /// The swizzle width, in bytes, of a shared tile whose rows are <paramref name="cols"/>
    /// elements of <paramref name="elementBytes"/> bytes: the widest of 128/64/32 that divides a
    /// row, exactly as <c>kittens::st_swizzle_bytes</c> in st.cuh chooses it (16-bit types:
    /// cols % 64 == 0 → 128, cols % 32 == 0 → 64, else 32; float: cols % 32 == 0 → 128, else 64).
    /// </summary>
    public static int SwizzleBytes(int elementBytes, int cols) => elementBytes == 2
        ? (cols % 64 == 0 ? 128 : cols % 32 == 0 ? 64 : 32)
        : (cols % 32 == 0 ? 128 : 64);

    /// <summary>The tensor-map dtype of <typeparamref name="T"/>; an <see cref="ArgumentException"/> naming <paramref name="argument"/> for other types.</summary>
    public static TensorMapDataType DataType<T>(string argument) where T : unmanaged
    {
        if (typeof(T) == typeof(bf16)) return TensorMapDataType.BFloat16;
        if (typeof(T) == typeof(f16)) return TensorMapDataType.Float16;
        if (typeof(T) == typeof(float)) return TensorMapDataType.Float32;
        throw new ArgumentException(
            $"Argument '{argument}' is a DeviceTensor<{typeof(T).Name}>: TMA tensor maps are made for float, bf16 or f16 tensors.", argument);
    }

    /// <summary>The bytes of one element of <paramref name="type"/>.</summary>
    public static int ElementBytes(TensorMapDataType type) => type == TensorMapDataType.Float32 ? 4 : 2;

    /// <summary>
    /// The arguments of <c>cuTensorMapEncodeTiled</c> for moving <paramref name="box"/> of the
    /// contiguous row-major tensor of <paramref name="shape"/> at <paramref name="address"/>,
    /// after checking what the driver would reject (each as an <see cref="ArgumentException"/>
    /// whose ParamName is <paramref name="argument"/>).
    /// </summary>
    /// <remarks>
    /// Tile st&lt;T, R, C&gt; with swizzle S and W = S / sizeof(T): rank 5, dims {W, rows,
    /// ceil(cols / W), depth, batch}, byte strides {cols·sizeof(T), S, rows·cols·sizeof(T),
    /// depth·rows·cols·sizeof(T)}, box {W, R, C / W, 1, 1}. Vector sv&lt;T, N&gt;: rank 4, dims
    /// {cols, rows, depth, batch}, box {N, 1, 1, 1}, no swizzle. Element strides 1, no interleave,
    /// L2 promotion 256B, out-of-bounds fill none (zeros). A box partly outside the tensor is fine:
    /// TMA fills the rest with zeros on loads and skips it on stores.
    /// </remarks>
    public static TensorMapParameters Describe(TensorMapDataType type, nint address, TensorShape shape, TmaBox box, string argument)
    {
        int elementBytes = ElementBytes(type);
        string what = $"Argument '{argument}' {shape} cannot use TMA box {box}";
        if (box.Cols <= 0)
            throw new ArgumentException($"{what}: the box is empty; make it with TmaBox.Tile or TmaBox.Vector.", argument);
        if (shape.Batch < 1 || shape.Depth < 1 || shape.Rows < 1 || shape.Cols < 1)
            throw new ArgumentException($"{what}: every extent must be at least 1.", argument);
        if (address % AddressAlignment != 0)
            throw new ArgumentException(
                $"{what}: the base address must be {AddressAlignment}-byte aligned, but it is 0x{address:x}.", argument);
        long pitch = (long)shape.Cols * elementBytes;
        if (pitch % AddressAlignment != 0)
            throw new ArgumentException(
                $"{what}: the row pitch (cols · element size) must be a multiple of {AddressAlignment} bytes, " +
                $"but it is {shape.Cols} · {elementBytes} = {pitch} bytes.", argument);
        long planeBytes = pitch * shape.Rows;
        long batchBytes = planeBytes * shape.Depth;
        if (batchBytes >= MaxStride)
            throw new ArgumentException(
                $"{what}: every byte stride must be less than 2^40, but one batch is {batchBytes} bytes.", argument);

        var p = new TensorMapParameters
        {
            DataType = type,
            GlobalAddress = address,
            Interleave = TensorMapParameters.InterleaveNone,
            L2Promotion = TensorMapParameters.L2Promotion256B,
            OobFill = TensorMapParameters.OobFillNone,
        };
        if (box.IsVector)
        {
            p.Rank = 4;
            p.Swizzle = TensorMapSwizzle.None;
            Set(ref p.GlobalDims, (ulong)shape.Cols, (ulong)shape.Rows, (ulong)shape.Depth, (ulong)shape.Batch);
            Set(ref p.GlobalStrides, (ulong)pitch, (ulong)planeBytes, (ulong)batchBytes);
            Set(ref p.BoxDims, (uint)box.Cols, 1u, 1u, 1u);
        }
        else
        {
            int swizzle = SwizzleBytes(elementBytes, box.Cols);
            int width = swizzle / elementBytes; // W: columns per swizzled chunk
            // The map walks columns in chunks of W; a last, partial chunk would read the next
            // row's elements where zeros belong, so a ragged width is refused, not mis-read.
            if (shape.Cols % width != 0)
                throw new ArgumentException(
                    $"{what}: cols must be a multiple of the tile's {swizzle}-byte swizzle width ({width} elements), but it is {shape.Cols}.", argument);
            p.Rank = 5;
            p.Swizzle = swizzle switch { 128 => TensorMapSwizzle.Bytes128, 64 => TensorMapSwizzle.Bytes64, _ => TensorMapSwizzle.Bytes32 };
            ulong chunks = (ulong)((shape.Cols + width - 1) / width);
            Set(ref p.GlobalDims, (ulong)width, (ulong)shape.Rows, chunks, (ulong)shape.Depth, (ulong)shape.Batch);
            Set(ref p.GlobalStrides, (ulong)pitch, (ulong)swizzle, (ulong)planeBytes, (ulong)batchBytes);
            Set(ref p.BoxDims, (uint)width, (uint)box.Rows, (uint)(box.Cols / width), 1u, 1u);
        }
        for (int i = 0; i < p.Rank; i++)
        {
            p.ElementStrides[i] = 1;
            if (p.BoxDims[i] > MaxBoxDim)
                throw new ArgumentException(
                    $"{what}: a box may span at most {MaxBoxDim} elements in each dimension, but dimension {i} of the " +
                    $"{p.Rank}-D map spans {p.BoxDims[i]}.", argument);
        }
        return p;
    }

    /// <summary>Validates, then encodes the tensor map (see <see cref="Describe"/>).</summary>
    public TensorMap Encode(TensorMapDataType type, nint address, TensorShape shape, TmaBox box, string argument)
    {
        var parameters = Describe(type, address, shape, box, argument);
        var map = default(TensorMap);
        CudaDriver.Check(_encode(ref map, in parameters), "cuTensorMapEncodeTiled");
        return map;
    }

    private static void Set(ref Rank5<ulong> values, params ReadOnlySpan<ulong> items)
    {
        for (int i = 0; i < items.Length; i++) values[i] = items[i];
    }

    private static void Set(ref Rank5<uint> values, params ReadOnlySpan<uint> items)
    {
        for (int i = 0; i < items.Length; i++) values[i] = items[i];
    }

    private static int EncodeWithDriver(ref TensorMap map, in TensorMapParameters parameters)
    {
        var p = parameters; // a stack copy: its arrays can be passed by address
        // The driver writes a 64-byte-aligned CUtensorMap.
        byte* raw = stackalloc byte[TensorMap.Size + 64];
        var aligned = (TensorMap*)(((nint)raw + 63) & ~(nint)63);
        int result = CudaDriver.cuTensorMapEncodeTiled(
            aligned, (int)p.DataType, (uint)p.Rank, (void*)p.GlobalAddress,
            (ulong*)&p.GlobalDims, (ulong*)&p.GlobalStrides, (uint*)&p.BoxDims, (uint*)&p.ElementStrides,
            p.Interleave, (int)p.Swizzle, p.L2Promotion, p.OobFill);
        if (result == 0) map = *aligned;
        return result;
    }
}
