namespace Kittens;

/// <summary>Warp-scope layout conversions of register tiles.</summary>
public static partial class Warp
{
    /// <summary>Same values, column layout (e.g. to use a tile as the B operand of MmaAB).</summary>
    [Cuda("kittens::warp::swap_layout")]
    public static void SwapLayout<T, R, C>(RT<T, R, C, Col> dst, RT<T, R, C, Row> src)
        where T : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>Same values, row layout.</summary>
    [Cuda("kittens::warp::swap_layout")]
    public static void SwapLayout<T, R, C>(RT<T, R, C, Row> dst, RT<T, R, C, Col> src)
        where T : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>dst = srcᵀ (dst and src must be different tiles).</summary>
    [Cuda("kittens::warp::transpose_sep")]
    public static void Transpose<T, R, C, L>(RT<T, C, R, L> dst, RT<T, R, C, L> src)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();
}
