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
    /// column layout (4..7), the reductions of <see cref="Reductions"/>.
    /// </summary>
    [Kernel(Threads = 32)]
    public static void ReduceFloat(GL<float> x, GL<float> rowAcc, GL<float> colAcc, GL<float> rows, GL<float> cols)
    {
        Reductions<float, float, D32, D48, Row, Align, Ortho>(x, rowAcc, colAcc, rows, cols, 0);
        Reductions<float, float, D32, D48, Col, Ortho, Align>(x, rowAcc, colAcc, rows, cols, 4);
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
        Reductions<bf16, float, D48, D32, Row, Align, Ortho>(x, rowAcc, colAcc, rowsF, colsF, 0);
        Reductions<bf16, bf16, D48, D32, Col, Ortho, Align>(x, rowAcc, colAcc, rowsB, colsB, 0);
    }

    /// <summary>
    /// An R x C tile of layout L reduced into vectors of dtype U, written as vectors first ..
    /// first + 3 of rows (per-row results, layout VC) and of cols (per-column, layout VR): max,
    /// sum, max with accumulator (separate destination), sum with accumulator (in place:
    /// acc = acc + sum).
    /// </summary>
    [DeviceFunction]
    private static void Reductions<T, U, R, C, L, VR, VC>(GL<T> x, GL<float> rowAcc, GL<float> colAcc, GL<U> rows, GL<U> cols, int first)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        where L : struct, IColVecLayout<VC>, IRowVecLayout<VR> where VR : struct, IVecLayout where VC : struct, IVecLayout
    {
        var t = new RT<T, R, C, L>();
        var rowRes = new RV<U, R, VC>();
        var rowAccV = new RV<U, R, VC>();
        var colRes = new RV<U, C, VR>();
        var colAccV = new RV<U, C, VR>();
        Warp.Load(t, x, new Coord(0, 0));
        Warp.Load(rowAccV, rowAcc, new Coord(0, 0));
        Warp.Load(colAccV, colAcc, new Coord(0, 0));

        Warp.RowMax(rowRes, t);
        Warp.Store(rows, rowRes, new Coord(0, 0, first, 0));
        Warp.RowSum(rowRes, t);
        Warp.Store(rows, rowRes, new Coord(0, 0, first + 1, 0));
        Warp.RowMax(rowRes, t, rowAccV);
        Warp.Store(rows, rowRes, new Coord(0, 0, first + 2, 0));
        Warp.RowSum(rowAccV, t, rowAccV);
        Warp.Store(rows, rowAccV, new Coord(0, 0, first + 3, 0));

        Warp.ColMax(colRes, t);
        Warp.Store(cols, colRes, new Coord(0, 0, first, 0));
        Warp.ColSum(colRes, t);
        Warp.Store(cols, colRes, new Coord(0, 0, first + 1, 0));
        Warp.ColMax(colRes, t, colAccV);
        Warp.Store(cols, colRes, new Coord(0, 0, first + 2, 0));
        Warp.ColSum(colAccV, t, colAccV);
        Warp.Store(cols, colAccV, new Coord(0, 0, first + 3, 0));
    }
}
