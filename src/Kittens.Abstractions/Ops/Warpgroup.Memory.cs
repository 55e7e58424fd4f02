namespace Kittens;

/// <summary>Warpgroup-scope moves between a 64-row shared tile and the four warps' 16-row register tiles.</summary>
public static partial class Warpgroup
{
    /// <summary>Loads rows 16w..16w+15 of the 64 x C shared tile into warp w's register tile (dtype converted).</summary>
    [Cuda("kittens::warpgroup::load")]
    public static void Load<T, U, C, L>(RT<T, D16, C, L> dst, ST<U, D64, C> src)
        where T : unmanaged where U : unmanaged where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Stores warp w's register tile into rows 16w..16w+15 of the 64 x C shared tile (dtype converted).</summary>
    [Cuda("kittens::warpgroup::store")]
    public static void Store<T, U, C, L>(ST<U, D64, C> dst, RT<T, D16, C, L> src)
        where T : unmanaged where U : unmanaged where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();
}
