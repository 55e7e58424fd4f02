using Kittens;

namespace Kittens.Tests.GpuKernels;

/// <summary>
/// Test kernels for row and column reductions of register tiles into register vectors, plain and
/// accumulating, in both tile layouts. Result vector i is row i of a (1, 1, n, len) output.
/// </summary>
public static partial class ReductionKernels
{
    /// <summary>
    /// x: (1, 1, 32, 48) float; rowAcc: (1, 1, 1, 32) and colAcc: (1, 1, 1, 48) float accumulators.
    /// rows: (1, 1, 8, 32), cols: (1, 1, 8, 48) float. For the row layout (vectors 0..3) and the
    /// column layout (4..7): max, sum, max with accumulator (separate destination), sum with
    /// accumulator (in place: acc = acc + sum).
    /// </summary>
    [Kernel(Threads = 32)]
    public static void ReduceFloat(GL<float> x, GL<float> rowAcc, GL<float> colAcc, GL<float> rows, GL<float> cols)
    {
        var tRow = new RT<float, D32, D48, Row>();
        var rowResRow = new RV<float, D32, Ortho>();
        var rowAccRow = new RV<float, D32, Ortho>();
        var colResRow = new RV<float, D48, Align>();
        var colAccRow = new RV<float, D48, Align>();
        Warp.Load(tRow, x, new Coord(0, 0));
        Warp.Load(rowAccRow, rowAcc, new Coord(0, 0));
        Warp.Load(colAccRow, colAcc, new Coord(0, 0));

        Warp.RowMax(rowResRow, tRow);
        Warp.Store(rows, rowResRow, new Coord(0, 0, 0, 0));
        Warp.RowSum(rowResRow, tRow);
        Warp.Store(rows, rowResRow, new Coord(0, 0, 1, 0));
        Warp.RowMax(rowResRow, tRow, rowAccRow);
        Warp.Store(rows, rowResRow, new Coord(0, 0, 2, 0));
        Warp.RowSum(rowAccRow, tRow, rowAccRow);
        Warp.Store(rows, rowAccRow, new Coord(0, 0, 3, 0));

        Warp.ColMax(colResRow, tRow);
        Warp.Store(cols, colResRow, new Coord(0, 0, 0, 0));
        Warp.ColSum(colResRow, tRow);
        Warp.Store(cols, colResRow, new Coord(0, 0, 1, 0));
        Warp.ColMax(colResRow, tRow, colAccRow);
        Warp.Store(cols, colResRow, new Coord(0, 0, 2, 0));
        Warp.ColSum(colAccRow, tRow, colAccRow);
        Warp.Store(cols, colAccRow, new Coord(0, 0, 3, 0));
        var tCol = new RT<float, D32, D48, Col>();
        var rowResCol = new RV<float, D32, Align>();
        var rowAccCol = new RV<float, D32, Align>();
        var colResCol = new RV<float, D48, Ortho>();
        var colAccCol = new RV<float, D48, Ortho>();
        Warp.Load(tCol, x, new Coord(0, 0));
        Warp.Load(rowAccCol, rowAcc, new Coord(0, 0));
        Warp.Load(colAccCol, colAcc, new Coord(0, 0));

        Warp.RowMax(rowResCol, tCol);
        Warp.Store(rows, rowResCol, new Coord(0, 0, 4, 0));
        Warp.RowSum(rowResCol, tCol);
        Warp.Store(rows, rowResCol, new Coord(0, 0, 5, 0));
        Warp.RowMax(rowResCol, tCol, rowAccCol);
        Warp.Store(rows, rowResCol, new Coord(0, 0, 6, 0));
        Warp.RowSum(rowAccCol, tCol, rowAccCol);
        Warp.Store(rows, rowAccCol, new Coord(0, 0, 7, 0));

        Warp.ColMax(colResCol, tCol);
        Warp.Store(cols, colResCol, new Coord(0, 0, 4, 0));
        Warp.ColSum(colResCol, tCol);
        Warp.Store(cols, colResCol, new Coord(0, 0, 5, 0));
        Warp.ColMax(colResCol, tCol, colAccCol);
        Warp.Store(cols, colResCol, new Coord(0, 0, 6, 0));
        Warp.ColSum(colAccCol, tCol, colAccCol);
        Warp.Store(cols, colAccCol, new Coord(0, 0, 7, 0));
    }

    /// <summary>
    /// x: (1, 1, 48, 32) bf16; rowAcc: (1, 1, 1, 48), colAcc: (1, 1, 1, 32) float. A row-layout
    /// bf16 tile reduces into float vectors (rowsF: (1, 1, 4, 48), colsF: (1, 1, 4, 32)); a
    /// column-layout bf16 tile into bf16 vectors whose accumulators are rounded to bf16 on load
    /// (rowsB: (1, 1, 4, 48), colsB: (1, 1, 4, 32)). Vectors 0..3 as in <see cref="ReduceFloat"/>.
    /// </summary>
    [Kernel(Threads = 32)]
    public static void ReduceBf16(GL<bf16> x, GL<float> rowAcc, GL<float> colAcc, GL<float> rowsF, GL<float> colsF, GL<bf16> rowsB, GL<bf16> colsB)
    {
        var tRow = new RT<bf16, D48, D32, Row>();
        var rowResRow = new RV<float, D48, Ortho>();
        var rowAccRow = new RV<float, D48, Ortho>();
        var colResRow = new RV<float, D32, Align>();
        var colAccRow = new RV<float, D32, Align>();
        Warp.Load(tRow, x, new Coord(0, 0));
        Warp.Load(rowAccRow, rowAcc, new Coord(0, 0));
        Warp.Load(colAccRow, colAcc, new Coord(0, 0));

        Warp.RowMax(rowResRow, tRow);
        Warp.Store(rowsF, rowResRow, new Coord(0, 0, 0, 0));
        Warp.RowSum(rowResRow, tRow);
        Warp.Store(rowsF, rowResRow, new Coord(0, 0, 1, 0));
        Warp.RowMax(rowResRow, tRow, rowAccRow);
        Warp.Store(rowsF, rowResRow, new Coord(0, 0, 2, 0));
        Warp.RowSum(rowAccRow, tRow, rowAccRow);
        Warp.Store(rowsF, rowAccRow, new Coord(0, 0, 3, 0));

        Warp.ColMax(colResRow, tRow);
        Warp.Store(colsF, colResRow, new Coord(0, 0, 0, 0));
        Warp.ColSum(colResRow, tRow);
        Warp.Store(colsF, colResRow, new Coord(0, 0, 1, 0));
        Warp.ColMax(colResRow, tRow, colAccRow);
        Warp.Store(colsF, colResRow, new Coord(0, 0, 2, 0));
        Warp.ColSum(colAccRow, tRow, colAccRow);
        Warp.Store(colsF, colAccRow, new Coord(0, 0, 3, 0));

        var tCol = new RT<bf16, D48, D32, Col>();
        var rowResCol = new RV<bf16, D48, Align>();
        var rowAccCol = new RV<bf16, D48, Align>();
        var colResCol = new RV<bf16, D32, Ortho>();
        var colAccCol = new RV<bf16, D32, Ortho>();
        Warp.Load(tCol, x, new Coord(0, 0));
        Warp.Load(rowAccCol, rowAcc, new Coord(0, 0));
        Warp.Load(colAccCol, colAcc, new Coord(0, 0));

        Warp.RowMax(rowResCol, tCol);
        Warp.Store(rowsB, rowResCol, new Coord(0, 0, 0, 0));
        Warp.RowSum(rowResCol, tCol);
        Warp.Store(rowsB, rowResCol, new Coord(0, 0, 1, 0));
        Warp.RowMax(rowResCol, tCol, rowAccCol);
        Warp.Store(rowsB, rowResCol, new Coord(0, 0, 2, 0));
        Warp.RowSum(rowAccCol, tCol, rowAccCol);
        Warp.Store(rowsB, rowAccCol, new Coord(0, 0, 3, 0));

        Warp.ColMax(colResCol, tCol);
        Warp.Store(colsB, colResCol, new Coord(0, 0, 0, 0));
        Warp.ColSum(colResCol, tCol);
        Warp.Store(colsB, colResCol, new Coord(0, 0, 1, 0));
        Warp.ColMax(colResCol, tCol, colAccCol);
        Warp.Store(colsB, colResCol, new Coord(0, 0, 2, 0));
        Warp.ColSum(colAccCol, tCol, colAccCol);
        Warp.Store(colsB, colAccCol, new Coord(0, 0, 3, 0));
    }
}
