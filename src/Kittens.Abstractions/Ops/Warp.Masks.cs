namespace Kittens;

/// <summary>Warp-scope masks of row-layout register tiles, in absolute (whole-matrix) coordinates.</summary>
public static partial class Warp
{
    /// <summary>
    /// Sets to <paramref name="value"/> every element above the diagonal: element (r, c) of the
    /// tile, at absolute row <paramref name="rowOffset"/> + r and column <paramref name="colOffset"/> + c,
    /// is masked when its column is greater than its row (causal attention).
    /// </summary>
    [Cuda("kittens::warp::causal_mask")]
    public static void CausalMask<T, R, C>(RT<T, R, C, Row> tile, int rowOffset, int colOffset, float value)
        where T : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>
    /// Sets to <paramref name="value"/> every element whose absolute column
    /// <paramref name="colOffset"/> + c is at least <paramref name="limit"/> (a ragged last tile).
    /// </summary>
    [Cuda("kittens::warp::column_mask")]
    public static void ColumnMask<T, R, C>(RT<T, R, C, Row> tile, int colOffset, int limit, float value)
        where T : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();
}
