namespace Kittens;

/// <summary>Warp-scope ops: every lane of the warp calls them together. Destination first.</summary>
public static partial class Warp
{
    /// <summary>Loads a register tile from global memory at a tile coordinate (dtype converted).</summary>
    [Cuda("kittens::warp::load")]
    public static void Load<T, U, R, C, L>(RT<T, R, C, L> dst, GL<U> src, Coord idx)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Stores a register tile to global memory at a tile coordinate (dtype converted).</summary>
    [Cuda("kittens::warp::store")]
    public static void Store<T, U, R, C, L>(GL<U> dst, RT<T, R, C, L> src, Coord idx)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Copies a tile from global to shared memory (the warp moves 16-byte vectors).</summary>
    [Cuda("kittens::warp::load")]
    public static void Load<T, R, C>(ST<T, R, C> dst, GL<T> src, Coord idx)
        where T : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>Copies a shared tile to global memory.</summary>
    [Cuda("kittens::warp::store")]
    public static void Store<T, R, C>(GL<T> dst, ST<T, R, C> src, Coord idx)
        where T : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>Loads a register tile from a shared tile of the same shape (ldmatrix for 16-bit types).</summary>
    [Cuda("kittens::warp::load")]
    public static void Load<T, U, R, C, L>(RT<T, R, C, L> dst, ST<U, R, C> src)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Stores a register tile into a shared tile of the same shape.</summary>
    [Cuda("kittens::warp::store")]
    public static void Store<T, U, R, C, L>(ST<U, R, C> dst, RT<T, R, C, L> src)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Loads a register vector from global memory (col counts vectors, row counts rows).</summary>
    [Cuda("kittens::warp::load")]
    public static void Load<T, U, N, VL>(RV<T, N, VL> dst, GL<U> src, Coord idx)
        where T : unmanaged where U : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Stores a register vector to global memory.</summary>
    [Cuda("kittens::warp::store")]
    public static void Store<T, U, N, VL>(GL<U> dst, RV<T, N, VL> src, Coord idx)
        where T : unmanaged where U : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Copies a vector from global to shared memory.</summary>
    [Cuda("kittens::warp::load")]
    public static void Load<T, N>(SV<T, N> dst, GL<T> src, Coord idx)
        where T : unmanaged where N : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>Copies a shared vector to global memory.</summary>
    [Cuda("kittens::warp::store")]
    public static void Store<T, N>(GL<T> dst, SV<T, N> src, Coord idx)
        where T : unmanaged where N : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>Loads a register vector from a shared vector.</summary>
    [Cuda("kittens::warp::load")]
    public static void Load<T, U, N, VL>(RV<T, N, VL> dst, SV<U, N> src)
        where T : unmanaged where U : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Stores a register vector into a shared vector.</summary>
    [Cuda("kittens::warp::store")]
    public static void Store<T, U, N, VL>(SV<U, N> dst, RV<T, N, VL> src)
        where T : unmanaged where U : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();
}
