namespace Kittens;

/// <summary>
/// Warp-scope row and column reductions of register tiles into register vectors. The vector's
/// layout V is the one the tile layout L names (<see cref="IColVecLayout{V}"/> for row reductions,
/// <see cref="IRowVecLayout{V}"/> for column reductions), so a vector of the other layout is a
/// compile error at the call, and a generic L works when it carries the same constraint.
/// </summary>
public static partial class Warp
{
    /// <summary>dst[r] = maximum of row r; dst is the tile's column vector (layout V, which L names).</summary>
    [Cuda("kittens::warp::row_max")]
    public static void RowMax<T, U, R, C, L, V>(RV<U, R, V> dst, RT<T, R, C, L> src)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        where L : struct, IColVecLayout<V> where V : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst[r] = maximum of row r and accum[r] (online reductions).</summary>
    [Cuda("kittens::warp::row_max")]
    public static void RowMax<T, U, R, C, L, V>(RV<U, R, V> dst, RT<T, R, C, L> src, RV<U, R, V> accum)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        where L : struct, IColVecLayout<V> where V : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst[r] = sum of row r; dst is the tile's column vector (layout V, which L names).</summary>
    [Cuda("kittens::warp::row_sum")]
    public static void RowSum<T, U, R, C, L, V>(RV<U, R, V> dst, RT<T, R, C, L> src)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        where L : struct, IColVecLayout<V> where V : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst[r] = sum of row r and accum[r] (online reductions).</summary>
    [Cuda("kittens::warp::row_sum")]
    public static void RowSum<T, U, R, C, L, V>(RV<U, R, V> dst, RT<T, R, C, L> src, RV<U, R, V> accum)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        where L : struct, IColVecLayout<V> where V : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst[c] = maximum of column c; dst is the tile's row vector (layout V, which L names).</summary>
    [Cuda("kittens::warp::col_max")]
    public static void ColMax<T, U, R, C, L, V>(RV<U, C, V> dst, RT<T, R, C, L> src)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        where L : struct, IRowVecLayout<V> where V : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst[c] = maximum of column c and accum[c].</summary>
    [Cuda("kittens::warp::col_max")]
    public static void ColMax<T, U, R, C, L, V>(RV<U, C, V> dst, RT<T, R, C, L> src, RV<U, C, V> accum)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        where L : struct, IRowVecLayout<V> where V : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst[c] = sum of column c; dst is the tile's row vector (layout V, which L names).</summary>
    [Cuda("kittens::warp::col_sum")]
    public static void ColSum<T, U, R, C, L, V>(RV<U, C, V> dst, RT<T, R, C, L> src)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        where L : struct, IRowVecLayout<V> where V : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst[c] = sum of column c and accum[c].</summary>
    [Cuda("kittens::warp::col_sum")]
    public static void ColSum<T, U, R, C, L, V>(RV<U, C, V> dst, RT<T, R, C, L> src, RV<U, C, V> accum)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        where L : struct, IRowVecLayout<V> where V : struct, IVecLayout
        => throw Stub.OnlyInKernel();
}
