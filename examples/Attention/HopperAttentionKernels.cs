using Kittens;

namespace Kittens.Examples.Attention;

/// <summary>
/// The H100 FlashAttention forward of ThunderKittens, in C#: per block one producer warpgroup
/// streams K and V through a ring of shared tiles by TMA, and three consumer warpgroups each own
/// 64 query rows, computing S = Q·Kᵀ and O += P·V with wgmma and the online softmax (exp2, scale
/// folded in) in registers. Causal blocks past the diagonal are not loaded or computed; a ragged
/// last K/V tile is masked, and rows past the end are clipped by the TMA store.
/// </summary>
public static partial class HopperAttentionKernels
{
    /// <summary>Consumer warpgroups per block, each owning 64 query rows.</summary>
    public const int Consumers = 3;

    /// <summary>Query rows per block.</summary>
    public const int BlockRows = Consumers * 64;

    /// <summary>Rows of K and V per pipeline stage.</summary>
    public const int KvRows = 128;

    /// <summary>log2(e): softmax runs on exp2, so scores are scaled by log2(e)/sqrt(d).</summary>
    public const float Log2E = 1.44269504088896340736f;

    /// <summary>
    /// O = softmax(Q·Kᵀ/√64 [causal])·V for q, k, v, o of shape (batch, heads, n, 64), any n ≥ 1.
    /// Grid: (ceil(n / 192), heads, batch).
    /// </summary>
    [Kernel(Threads = (Consumers + 1) * 128, MinBlocksPerSm = 1)]
    public static void AttendD64(
        [Shape("B", "H", "N", 64), Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> q,
        [Shape("B", "H", "N", 64), Tma(typeof(ST<bf16, D128, D64>))] GL<bf16> k,
        [Shape("B", "H", "N", 64), Tma(typeof(ST<bf16, D128, D64>))] GL<bf16> v,
        [Shape("B", "H", "N", 64), Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> o,
        int causal)
    {
        const int stages = 4;
        int batch = BlockIdx.Z;
        int head = BlockIdx.Y;
        int n = q.Rows;
        int warpgroup = Gpu.WarpgroupId;

        var qTiles = Shared.Alloc<ST<bf16, D64, D64>>(Consumers);
        var kTiles = Shared.Alloc<ST<bf16, D128, D64>>(stages);
        var vTiles = Shared.Alloc<ST<bf16, D128, D64>>(stages);
        var qArrived = Shared.Alloc<Semaphore>();
        var kArrived = Shared.Alloc<Semaphore>(stages);
        var vArrived = Shared.Alloc<Semaphore>(stages);
        var slotFree = Shared.Alloc<Semaphore>(stages);

        int kvBlocks = KvBlocksFor(n, BlockIdx.X * BlockRows + BlockRows, causal);

        if (ThreadIdx.X == 0)
        {
            Sync.Init(qArrived, 0, 1);
            for (int s = 0; s < stages; s++)
            {
                Sync.Init(kArrived[s], 0, 1);
                Sync.Init(vArrived[s], 0, 1);
                Sync.Init(slotFree[s], Consumers, 0);
            }
            Tma.ExpectBytes(qArrived, Consumers * 64 * 64 * 2);
            for (int w = 0; w < Consumers; w++)
            {
                Tma.Load(qTiles[w], q, new Coord(batch, head, BlockIdx.X * Consumers + w, 0), qArrived);
            }
        }
        Gpu.SyncThreads();

        if (warpgroup == Consumers)
        {
            // Producer: one thread issues every K/V copy; the rest of the warpgroup only gives
            // its registers to the consumers.
            Warpgroup.DecreaseRegisters(32);
            if (Gpu.WarpId == Consumers * 4 && Gpu.LaneId == 0)
            {
                for (int i = 0; i < kvBlocks; i++)
                {
                    int s = i % stages;
                    if (i >= stages)
                    {
                        Sync.Wait(slotFree[s], (i / stages - 1) % 2);
                    }
                    Tma.Expect(kArrived[s], kTiles[s]);
                    Tma.Load(kTiles[s], k, new Coord(batch, head, i, 0), kArrived[s]);
                    Tma.Expect(vArrived[s], vTiles[s]);
                    Tma.Load(vTiles[s], v, new Coord(batch, head, i, 0), vArrived[s]);
                }
            }
        }
        else
        {
            Warpgroup.IncreaseRegisters(160);
            var scores = new RT<float, D16, D128, Row>();
            var probs = new RT<bf16, D16, D128, Row>();
            var acc = new RT<float, D16, D64, Row>();
            var rowMax = new RV<float, D16, Ortho>();
            var lastMax = new RV<float, D16, Ortho>();
            var norm = new RV<float, D16, Ortho>();
            Warp.NegInfty(rowMax);
            Warp.Zero(norm);
            Warp.Zero(acc);

            int qRow = (BlockIdx.X * Consumers + warpgroup) * 64;
            int warpRow = qRow + (Gpu.WarpId % 4) * 16;
            int ownBlocks = KvBlocksFor(n, qRow + 64, causal);
            Sync.Wait(qArrived, 0);

            for (int i = 0; i < kvBlocks; i++)
            {
                int s = i % stages;
                int phase = (i / stages) % 2;
                Sync.Wait(kArrived[s], phase);
                if (i < ownBlocks)
                {
                    Warpgroup.MmABt(scores, qTiles[warpgroup], kTiles[s]);
                    Warpgroup.MmaWait(0, scores);
                    if (causal != 0 && (i + 1) * KvRows > qRow)
                    {
                        Warp.CausalMask(scores, warpRow, i * KvRows, float.NegativeInfinity);
                    }
                    if ((i + 1) * KvRows > n)
                    {
                        Warp.ColumnMask(scores, i * KvRows, n, float.NegativeInfinity);
                    }
                    OnlineSoftmax(scores, probs, rowMax, lastMax, norm, Log2E * 0.125f);
                    Warp.MulRow(acc, acc, lastMax);
                    Sync.Wait(vArrived[s], phase);
                    Warpgroup.MmaAB(acc, probs, vTiles[s]);
                    Warpgroup.MmaWait(0, acc);
                }
                else
                {
                    Sync.Wait(vArrived[s], phase);
                }
                if (Gpu.WarpId % 4 == 0 && Gpu.LaneId == 0)
                {
                    Sync.Arrive(slotFree[s]);
                }
            }

            // O = acc / norm, written through this warpgroup's (now idle) Q tile by TMA.
            Warp.DivRow(acc, acc, norm);
            Warpgroup.Store(qTiles[warpgroup], acc);
            Warpgroup.Sync(warpgroup + 1);
            if (Gpu.WarpId % 4 == 0 && Gpu.LaneId == 0)
            {
                Tma.Store(o, qTiles[warpgroup], new Coord(batch, head, BlockIdx.X * Consumers + warpgroup, 0));
                Tma.StoreCommit();
                Tma.StoreWait(0);
            }
        }
    }

    /// <summary>
    /// O = softmax(Q·Kᵀ/√128 [causal])·V for q, k, v, o of shape (batch, heads, n, 128), any n ≥ 1.
    /// Grid: (ceil(n / 192), heads, batch).
    /// </summary>
    [Kernel(Threads = (Consumers + 1) * 128, MinBlocksPerSm = 1)]
    public static void AttendD128(
        [Shape("B", "H", "N", 128), Tma(typeof(ST<bf16, D64, D128>))] GL<bf16> q,
        [Shape("B", "H", "N", 128), Tma(typeof(ST<bf16, D128, D128>))] GL<bf16> k,
        [Shape("B", "H", "N", 128), Tma(typeof(ST<bf16, D128, D128>))] GL<bf16> v,
        [Shape("B", "H", "N", 128), Tma(typeof(ST<bf16, D64, D128>))] GL<bf16> o,
        int causal)
    {
        const int stages = 2;
        int batch = BlockIdx.Z;
        int head = BlockIdx.Y;
        int n = q.Rows;
        int warpgroup = Gpu.WarpgroupId;

        var qTiles = Shared.Alloc<ST<bf16, D64, D128>>(Consumers);
        var kTiles = Shared.Alloc<ST<bf16, D128, D128>>(stages);
        var vTiles = Shared.Alloc<ST<bf16, D128, D128>>(stages);
        var qArrived = Shared.Alloc<Semaphore>();
        var kArrived = Shared.Alloc<Semaphore>(stages);
        var vArrived = Shared.Alloc<Semaphore>(stages);
        var slotFree = Shared.Alloc<Semaphore>(stages);

        int kvBlocks = KvBlocksFor(n, BlockIdx.X * BlockRows + BlockRows, causal);

        if (ThreadIdx.X == 0)
        {
            Sync.Init(qArrived, 0, 1);
            for (int s = 0; s < stages; s++)
            {
                Sync.Init(kArrived[s], 0, 1);
                Sync.Init(vArrived[s], 0, 1);
                Sync.Init(slotFree[s], Consumers, 0);
            }
            Tma.ExpectBytes(qArrived, Consumers * 64 * 128 * 2);
            for (int w = 0; w < Consumers; w++)
            {
                Tma.Load(qTiles[w], q, new Coord(batch, head, BlockIdx.X * Consumers + w, 0), qArrived);
            }
        }
        Gpu.SyncThreads();

        if (warpgroup == Consumers)
        {
            Warpgroup.DecreaseRegisters(32);
            if (Gpu.WarpId == Consumers * 4 && Gpu.LaneId == 0)
            {
                for (int i = 0; i < kvBlocks; i++)
                {
                    int s = i % stages;
                    if (i >= stages)
                    {
                        Sync.Wait(slotFree[s], (i / stages - 1) % 2);
                    }
                    Tma.Expect(kArrived[s], kTiles[s]);
                    Tma.Load(kTiles[s], k, new Coord(batch, head, i, 0), kArrived[s]);
                    Tma.Expect(vArrived[s], vTiles[s]);
                    Tma.Load(vTiles[s], v, new Coord(batch, head, i, 0), vArrived[s]);
                }
            }
        }
        else
        {
            Warpgroup.IncreaseRegisters(160);
            var scores = new RT<float, D16, D128, Row>();
            var probs = new RT<bf16, D16, D128, Row>();
            var acc = new RT<float, D16, D128, Row>();
            var rowMax = new RV<float, D16, Ortho>();
            var lastMax = new RV<float, D16, Ortho>();
            var norm = new RV<float, D16, Ortho>();
            Warp.NegInfty(rowMax);
            Warp.Zero(norm);
            Warp.Zero(acc);

            int qRow = (BlockIdx.X * Consumers + warpgroup) * 64;
            int warpRow = qRow + (Gpu.WarpId % 4) * 16;
            int ownBlocks = KvBlocksFor(n, qRow + 64, causal);
            Sync.Wait(qArrived, 0);

            for (int i = 0; i < kvBlocks; i++)
            {
                int s = i % stages;
                int phase = (i / stages) % 2;
                Sync.Wait(kArrived[s], phase);
                if (i < ownBlocks)
                {
                    Warpgroup.MmABt(scores, qTiles[warpgroup], kTiles[s]);
                    Warpgroup.MmaWait(0, scores);
                    if (causal != 0 && (i + 1) * KvRows > qRow)
                    {
                        Warp.CausalMask(scores, warpRow, i * KvRows, float.NegativeInfinity);
                    }
                    if ((i + 1) * KvRows > n)
                    {
                        Warp.ColumnMask(scores, i * KvRows, n, float.NegativeInfinity);
                    }
                    OnlineSoftmax(scores, probs, rowMax, lastMax, norm, Log2E * 0.08838834764831845f);
                    Warp.MulRow(acc, acc, lastMax);
                    Sync.Wait(vArrived[s], phase);
                    Warpgroup.MmaAB(acc, probs, vTiles[s]);
                    Warpgroup.MmaWait(0, acc);
                }
                else
                {
                    Sync.Wait(vArrived[s], phase);
                }
                if (Gpu.WarpId % 4 == 0 && Gpu.LaneId == 0)
                {
                    Sync.Arrive(slotFree[s]);
                }
            }

            Warp.DivRow(acc, acc, norm);
            Warpgroup.Store(qTiles[warpgroup], acc);
            Warpgroup.Sync(warpgroup + 1);
            if (Gpu.WarpId % 4 == 0 && Gpu.LaneId == 0)
            {
                Tma.Store(o, qTiles[warpgroup], new Coord(batch, head, BlockIdx.X * Consumers + warpgroup, 0));
                Tma.StoreCommit();
                Tma.StoreWait(0);
            }
        }
    }

    /// <summary>
    /// One step of the online softmax on a 16x128 score tile: scale into log2 units, raise the
    /// running row max, turn scores into probabilities (bf16, ready to be the A operand of P·V),
    /// and leave in <paramref name="lastMax"/> the factor exp2(old max - new max) that the
    /// running sum (done here) and the output accumulator (done by the caller) are rescaled by.
    /// </summary>
    [DeviceFunction]
    private static void OnlineSoftmax(RT<float, D16, D128, Row> scores, RT<bf16, D16, D128, Row> probs,
        RV<float, D16, Ortho> rowMax, RV<float, D16, Ortho> lastMax, RV<float, D16, Ortho> norm, float scale)
    {
        Warp.Mul(scores, scores, scale);
        Warp.Copy(lastMax, rowMax);
        Warp.RowMax(rowMax, scores, rowMax);
        Warp.SubRow(scores, scores, rowMax);
        Warp.Exp2(scores, scores);
        Warp.Sub(lastMax, lastMax, rowMax);
        Warp.Exp2(lastMax, lastMax);
        Warp.Mul(norm, norm, lastMax);
        Warp.RowSum(norm, scores, norm);
        Warp.Copy(probs, scores);
    }

    /// <summary>K/V blocks a query range ending (exclusively) at <paramref name="rowEnd"/> needs.</summary>
    [DeviceFunction]
    private static int KvBlocksFor(int n, int rowEnd, int causal)
    {
        int last = causal != 0 ? DeviceMath.Min(rowEnd, n) : n;
        return (last + KvRows - 1) / KvRows;
    }
}
