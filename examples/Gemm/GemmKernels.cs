using Kittens;

namespace Kittens.Examples.Gemm;

/// <summary>
/// A tiled bf16 GEMM with fp32 accumulation, C = A·B, on warp-level tensor-core mma: a block of
/// four warps computes a 64x64 tile of C, each warp a 16-row band. Per 64-wide K step, warp 0
/// stages the shared B tile every warp needs, and each warp loads its own A band to registers.
/// </summary>
public static partial class GemmKernels
{
    /// <summary>Rows and columns of C per block, and the K step.</summary>
    public const int Tile = 64;

    /// <summary>Warps per block, each owning 16 rows of the block's C tile.</summary>
    public const int Warps = Tile / 16;

    /// <summary>
    /// C (m x n, fp32) = A (m x k, bf16) · B (k x n, bf16); m, n, k multiples of 64.
    /// Grid: (n / 64, m / 64).
    /// </summary>
    [Kernel(Threads = Warps * 32)]
    public static void Gemm(
        [Shape(1, 1, "M", "K")] GL<bf16> a,
        [Shape(1, 1, "K", "N")] GL<bf16> b,
        [Shape(1, 1, "M", "N")] GL<float> c)
    {
        int warp = Gpu.WarpId;
        int rowBand = BlockIdx.Y * Warps + warp;
        int colTile = BlockIdx.X;

        var bStage = Shared.Alloc<ST<bf16, D64, D64>>();
        var aReg = new RT<bf16, D16, D64, Row>();
        var bReg = new RT<bf16, D64, D64, Col>();
        var acc = new RT<float, D16, D64, Row>();
        Warp.Zero(acc);

        int steps = a.Cols / Tile;
        for (int step = 0; step < steps; step++)
        {
            if (warp == 0)
            {
                Warp.Load(bStage, b, new Coord(step, colTile));
            }
            Warp.Load(aReg, a, new Coord(rowBand, step));
            Gpu.SyncThreads();

            // Column layout is what mma wants for B; ldmatrix.trans gives it straight from shared.
            Warp.Load(bReg, bStage);
            Warp.MmaAB(acc, aReg, bReg, acc);
            Gpu.SyncThreads();
        }

        Warp.Store(c, acc, new Coord(rowBand, colTile));
    }

    /// <summary>
    /// Row softmax of x (rows x 64, fp32) into y, one warp per 16 rows: a different shape of
    /// kernel (reductions and broadcasts, no mma). Grid: (rows / 64).
    /// </summary>
    [Kernel(Threads = 128)]
    public static void RowSoftmax(
        [Shape(1, 1, "R", 64)] GL<float> x,
        [Shape(1, 1, "R", 64)] GL<float> y)
    {
        int band = BlockIdx.X * 4 + Gpu.WarpId;
        var t = new RT<float, D16, D64, Row>();
        var max = new RV<float, D16, Ortho>();
        var sum = new RV<float, D16, Ortho>();

        Warp.Load(t, x, new Coord(band, 0));
        Warp.RowMax(max, t);
        Warp.SubRow(t, t, max);
        Warp.Exp(t, t);
        Warp.RowSum(sum, t);
        Warp.DivRow(t, t, sum);
        Warp.Store(y, t, new Coord(band, 0));
    }
}
