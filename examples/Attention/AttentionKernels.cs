using Kittens;

namespace Kittens.Examples.Attention;

/// <summary>
/// The warp-level FlashAttention forward of ThunderKittens' "GPUs Go Brrr" write-up, head dim 64.
/// Each of the 16 warps owns 16 query rows in registers; K and V pass through shared memory,
/// 16 rows per warp per step, and every warp then walks all 16 staged K/V subtiles with an
/// online softmax.
/// </summary>
public static partial class AttentionKernels
{
    /// <summary>Warps per block; each stages one 16-row K/V subtile per step.</summary>
    public const int Workers = 16;

    /// <summary>Head dimension.</summary>
    public const int HeadDim = 64;

    /// <summary>Query rows per block (and K/V rows staged per step).</summary>
    public const int BlockRows = Workers * 16;

    /// <summary>
    /// O = softmax(Q·Kᵀ/√64)·V for q, k, v, o of shape (batch, heads, n, 64); n a multiple of 256.
    /// Grid: (n / 256, heads, batch).
    /// </summary>
    [Kernel(Threads = Workers * 32)]
    public static void AttendForward(
        [Shape("B", "H", "N", HeadDim)] GL<bf16> q,
        [Shape("B", "H", "N", HeadDim)] GL<bf16> k,
        [Shape("B", "H", "N", HeadDim)] GL<bf16> v,
        [Shape("B", "H", "N", HeadDim)] GL<bf16> o)
    {
        int worker = Gpu.WarpId;
        int batch = BlockIdx.Z;
        int head = BlockIdx.Y;
        int qTile = BlockIdx.X * Workers + worker;

        var kStage = Shared.Alloc<ST<bf16, D16, D64>>(Workers);
        var vStage = Shared.Alloc<ST<bf16, D16, D64>>(Workers);

        var qReg = new RT<bf16, D16, D64, Row>();
        var kReg = new RT<bf16, D16, D64, Row>();
        var vReg = new RT<bf16, D16, D64, Col>();
        var scores = new RT<float, D16, D16, Row>();
        var probs = new RT<bf16, D16, D16, Row>();
        var acc = new RT<float, D16, D64, Row>();
        var rowMax = new RV<float, D16, Ortho>();
        var lastMax = new RV<float, D16, Ortho>();
        var norm = new RV<float, D16, Ortho>();

        // Fold 1/sqrt(d) into Q once instead of scaling every score tile.
        Warp.Load(qReg, q, new Coord(batch, head, qTile, 0));
        Warp.Mul(qReg, qReg, 0.125f);

        Warp.NegInfty(rowMax);
        Warp.Zero(norm);
        Warp.Zero(acc);

        int kvBlocks = k.Rows / BlockRows;
        for (int kvBlock = 0; kvBlock < kvBlocks; kvBlock++)
        {
            Warp.Load(kStage[worker], k, new Coord(batch, head, kvBlock * Workers + worker, 0));
            Warp.Load(vStage[worker], v, new Coord(batch, head, kvBlock * Workers + worker, 0));
            Gpu.SyncThreads();

            for (int sub = 0; sub < Workers; sub++)
            {
                Warp.Load(kReg, kStage[sub]);
                Warp.Zero(scores);
                Warp.MmaABt(scores, qReg, kReg, scores);

                // Online softmax: new running max, rescale what came before by exp(old - new).
                Warp.Copy(lastMax, rowMax);
                Warp.RowMax(rowMax, scores, rowMax);
                Warp.SubRow(scores, scores, rowMax);
                Warp.Exp(scores, scores);
                Warp.Sub(lastMax, lastMax, rowMax);
                Warp.Exp(lastMax, lastMax);
                Warp.Mul(norm, norm, lastMax);
                Warp.RowSum(norm, scores, norm);
                Warp.Copy(probs, scores);

                Warp.Load(vReg, vStage[sub]);
                Warp.MulRow(acc, acc, lastMax);
                Warp.MmaAB(acc, probs, vReg, acc);
            }

            // Nobody may overwrite a stage until every warp has read all of them.
            Gpu.SyncThreads();
        }

        Warp.DivRow(acc, acc, norm);
        Warp.Store(o, acc, new Coord(batch, head, qTile, 0));
    }
}
