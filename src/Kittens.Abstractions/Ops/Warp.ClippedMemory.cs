namespace Kittens;

/// <summary>Warp-scope stores that stop at a bound (the ragged end of a tensor).</summary>
public static partial class Warp
{
    /// <summary>
    /// Stores a register vector to global memory like <see cref="Store{T, U, N, VL}(GL{U}, RV{T, N, VL}, Coord)"/>
    /// (dtype converted; col counts vectors, row counts rows), but writes only the elements whose
    /// absolute column <c>idx.c · N + e</c> is below <paramref name="limit"/>: the rest of a
    /// ragged last vector is left untouched. Needs no alignment of the row pitch (unlike a TMA store).
    /// </summary>
    [Cuda("kittens::warp::store")]
    public static void Store<T, U, N, VL>(GL<U> dst, RV<T, N, VL> src, Coord idx, int limit)
        where T : unmanaged where U : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>
    /// Stores a row-layout register tile to global memory like <see cref="Store{T, U, R, C, L}(GL{U}, RT{T, R, C, L}, Coord)"/>
    /// (dtype converted; the coordinate counts tiles), but writes only the rows whose absolute row
    /// <c>idx.r · R + r</c> is below <paramref name="rowLimit"/>: the rest of a ragged last tile is
    /// left untouched. Needs no shared staging and no alignment of the row pitch beyond an even
    /// column count (unlike a TMA store).
    /// </summary>
    [Cuda("kittens::warp::store")]
    public static void Store<T, U, R, C>(GL<U> dst, RT<T, R, C, Row> src, Coord idx, int rowLimit)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();
}
