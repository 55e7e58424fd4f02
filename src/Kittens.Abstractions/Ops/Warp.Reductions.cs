namespace Kittens;

/// <summary>Warp-scope row and column reductions of register tiles into register vectors.</summary>
public static partial class Warp
{
    /// <summary>dst[r] = maximum of row r.</summary>
    [Cuda("kittens::warp::row_max")]
    public static void RowMax<T, U, R, C>(RV<U, R, Ortho> dst, RT<T, R, C, Row> src)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>dst[r] = maximum of row r and accum[r] (online reductions).</summary>
    [Cuda("kittens::warp::row_max")]
    public static void RowMax<T, U, R, C>(RV<U, R, Ortho> dst, RT<T, R, C, Row> src, RV<U, R, Ortho> accum)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>dst[r] = maximum of row r, column-layout tile.</summary>
    [Cuda("kittens::warp::row_max")]
    public static void RowMax<T, U, R, C>(RV<U, R, Align> dst, RT<T, R, C, Col> src)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>dst[r] = maximum of row r and accum[r], column-layout tile.</summary>
    [Cuda("kittens::warp::row_max")]
    public static void RowMax<T, U, R, C>(RV<U, R, Align> dst, RT<T, R, C, Col> src, RV<U, R, Align> accum)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>dst[r] = sum of row r.</summary>
    [Cuda("kittens::warp::row_sum")]
    public static void RowSum<T, U, R, C>(RV<U, R, Ortho> dst, RT<T, R, C, Row> src)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>dst[r] = sum of row r and accum[r] (online reductions).</summary>
    [Cuda("kittens::warp::row_sum")]
    public static void RowSum<T, U, R, C>(RV<U, R, Ortho> dst, RT<T, R, C, Row> src, RV<U, R, Ortho> accum)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>dst[r] = sum of row r, column-layout tile.</summary>
    [Cuda("kittens::warp::row_sum")]
    public static void RowSum<T, U, R, C>(RV<U, R, Align> dst, RT<T, R, C, Col> src)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>dst[r] = sum of row r and accum[r], column-layout tile.</summary>
    [Cuda("kittens::warp::row_sum")]
    public static void RowSum<T, U, R, C>(RV<U, R, Align> dst, RT<T, R, C, Col> src, RV<U, R, Align> accum)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>dst[c] = maximum of column c.</summary>
    [Cuda("kittens::warp::col_max")]
    public static void ColMax<T, U, R, C>(RV<U, C, Align> dst, RT<T, R, C, Row> src)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>dst[c] = maximum of column c and accum[c].</summary>
    [Cuda("kittens::warp::col_max")]
    public static void ColMax<T, U, R, C>(RV<U, C, Align> dst, RT<T, R, C, Row> src, RV<U, C, Align> accum)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>dst[c] = maximum of column c, column-layout tile.</summary>
    [Cuda("kittens::warp::col_max")]
    public static void ColMax<T, U, R, C>(RV<U, C, Ortho> dst, RT<T, R, C, Col> src)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>dst[c] = maximum of column c and accum[c], column-layout tile.</summary>
    [Cuda("kittens::warp::col_max")]
    public static void ColMax<T, U, R, C>(RV<U, C, Ortho> dst, RT<T, R, C, Col> src, RV<U, C, Ortho> accum)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>dst[c] = sum of column c.</summary>
    [Cuda("kittens::warp::col_sum")]
    public static void ColSum<T, U, R, C>(RV<U, C, Align> dst, RT<T, R, C, Row> src)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>dst[c] = sum of column c and accum[c].</summary>
    [Cuda("kittens::warp::col_sum")]
    public static void ColSum<T, U, R, C>(RV<U, C, Align> dst, RT<T, R, C, Row> src, RV<U, C, Align> accum)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>dst[c] = sum of column c, column-layout tile.</summary>
    [Cuda("kittens::warp::col_sum")]
    public static void ColSum<T, U, R, C>(RV<U, C, Ortho> dst, RT<T, R, C, Col> src)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>dst[c] = sum of column c and accum[c], column-layout tile.</summary>
    [Cuda("kittens::warp::col_sum")]
    public static void ColSum<T, U, R, C>(RV<U, C, Ortho> dst, RT<T, R, C, Col> src, RV<U, C, Ortho> accum)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();
}
