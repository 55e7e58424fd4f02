using Kittens;

namespace Kittens.Attention.Kernels;

/// <summary>
/// The H100 FlashAttention forward kernels behind <see cref="FlashAttention"/>, written in the
/// Kittens tile DSL (translated to CUDA by the generator, compiled by NVRTC for sm_90a).
/// <para>
/// Per block: one producer warpgroup (registers lowered to 32) streams K and V tiles of
/// <see cref="KvRows"/> rows through a ring of shared tiles by TMA; three consumer warpgroups
/// (registers raised to 160) each own 64 query rows and compute S = Q·Kᵀ and O += P·V with wgmma,
/// running the online softmax in registers on exp2 with the softmax scale folded into
/// <c>scaleLog2</c> = scale · log2(e). Causal blocks past the diagonal are neither loaded nor
/// computed; the ragged last K/V tile is masked by column; query rows past the end read as zeros
/// (TMA fill) and are never stored (the TMA store of O clips them, the LSE store is clipped by row).
/// </para>
/// <para>
/// Grouped-query attention: query head h reads K/V head h / <c>headRatio</c> (headRatio =
/// heads / kvHeads). LSE: after the loop each query row's natural-log log-sum-exp of its scaled
/// scores, (rowMax + log2(norm)) · ln 2 = rowMax · ln 2 + ln(norm), is written by a clipped warp
/// store (<c>Warp.Store(GL, RV, Coord, limit)</c>): the (B, H, 1, N) float tensor has a row pitch
/// of 4·N bytes, which a TMA map would need to be a multiple of 16.
/// </para>
/// <para>
/// Grid and schedule: (ceil(N / 192), heads, batch), so the blocks of one head are consecutive in
/// launch order and share that head's K/V in L2, and the query heads of one GQA group (adjacent
/// in y) follow each other, reusing the same K/V head. When causal, block x takes query block
/// gridDim.x − 1 − x: the blocks with the most K/V tiles start first and the short ones fill the
/// tail of the grid (longest-first scheduling).
/// </para>
/// </summary>
internal static partial class FlashAttentionKernels
{
    /// <summary>Consumer warpgroups per block, each owning 64 query rows.</summary>
    public const int Consumers = 3;

    /// <summary>Query rows per block.</summary>
    public const int BlockRows = Consumers * 64;

    /// <summary>Rows of K and V per pipeline stage.</summary>
    public const int KvRows = 128;

    /// <summary>Threads per block: the consumer warpgroups and the producer warpgroup.</summary>
    public const int Threads = (Consumers + 1) * 128;

    /// <summary>ln 2: turns the log2-unit row maximum into natural-log units for the LSE.</summary>
    private const float Ln2 = 0.693147180559945309417f;

    /// <summary>
    /// O = softmax(scale · Q·Kᵀ [causal])·V and LSE for head dim 64. q, o: (B, H, N, 64);
    /// k, v: (B, G, N, 64) with H = G · headRatio; lse: (B, H, 1, N) float. Any N ≥ 1.
    /// Grid: (ceil(N / 192), H, B).
    /// </summary>
    [Kernel(Threads = Threads, MinBlocksPerSm = 1)]
    public static void ForwardD64(
        [Shape("B", "H", "N", 64), Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> q,
        [Shape("B", "G", "N", 64), Tma(typeof(ST<bf16, D128, D64>))] GL<bf16> k,
        [Shape("B", "G", "N", 64), Tma(typeof(ST<bf16, D128, D64>))] GL<bf16> v,
        [Shape("B", "H", "N", 64), Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> o,
        [Shape("B", "H", 1, "N")] GL<float> lse,
        int causal, float scaleLog2, int headRatio)
    {
        const int stages = 4;
        int batch = BlockIdx.Z;
        int head = BlockIdx.Y;
        int kvHead = head / headRatio;
        int qBlock = causal != 0 ? GridDim.X - 1 - BlockIdx.X : BlockIdx.X;
        int n = q.Rows;
        int warpgroup = Gpu.WarpgroupId;

        var qTiles = Shared.Alloc<ST<bf16, D64, D64>>(Consumers);
        var kTiles = Shared.Alloc<ST<bf16, D128, D64>>(stages);
        var vTiles = Shared.Alloc<ST<bf16, D128, D64>>(stages);
        var qArrived = Shared.Alloc<Semaphore>();
        var kArrived = Shared.Alloc<Semaphore>(stages);
        var vArrived = Shared.Alloc<Semaphore>(stages);
        var slotFree = Shared.Alloc<Semaphore>(stages);

        int kvBlocks = KvBlocksFor(n, qBlock * BlockRows + BlockRows, causal);

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
                Tma.Load(qTiles[w], q, new Coord(batch, head, qBlock * Consumers + w, 0), qArrived);
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
                    Tma.Load(kTiles[s], k, new Coord(batch, kvHead, i, 0), kArrived[s]);
                    Tma.Expect(vArrived[s], vTiles[s]);
                    Tma.Load(vTiles[s], v, new Coord(batch, kvHead, i, 0), vArrived[s]);
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

            int qRow = (qBlock * Consumers + warpgroup) * 64;
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
                    OnlineSoftmax(scores, probs, rowMax, lastMax, norm, scaleLog2);
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
                Tma.Store(o, qTiles[warpgroup], new Coord(batch, head, qBlock * Consumers + warpgroup, 0));
                Tma.StoreCommit();
            }

            // LSE of this warp's 16 rows, while the O store is in flight; rows past n are not written.
            LogSumExp(rowMax, norm);
            Warp.Store(lse, rowMax, new Coord(batch, head, 0, warpRow / 16), n);
            if (Gpu.WarpId % 4 == 0 && Gpu.LaneId == 0)
            {
                Tma.StoreWait(0);
            }
        }
    }

    /// <summary>
    /// O = softmax(scale · Q·Kᵀ [causal])·V and LSE for head dim 128. q, o: (B, H, N, 128);
    /// k, v: (B, G, N, 128) with H = G · headRatio; lse: (B, H, 1, N) float. Any N ≥ 1.
    /// Grid: (ceil(N / 192), H, B).
    /// </summary>
    [Kernel(Threads = Threads, MinBlocksPerSm = 1)]
    public static void ForwardD128(
        [Shape("B", "H", "N", 128), Tma(typeof(ST<bf16, D64, D128>))] GL<bf16> q,
        [Shape("B", "G", "N", 128), Tma(typeof(ST<bf16, D128, D128>))] GL<bf16> k,
        [Shape("B", "G", "N", 128), Tma(typeof(ST<bf16, D128, D128>))] GL<bf16> v,
        [Shape("B", "H", "N", 128), Tma(typeof(ST<bf16, D64, D128>))] GL<bf16> o,
        [Shape("B", "H", 1, "N")] GL<float> lse,
        int causal, float scaleLog2, int headRatio)
    {
        const int stages = 2;
        int batch = BlockIdx.Z;
        int head = BlockIdx.Y;
        int kvHead = head / headRatio;
        int qBlock = causal != 0 ? GridDim.X - 1 - BlockIdx.X : BlockIdx.X;
        int n = q.Rows;
        int warpgroup = Gpu.WarpgroupId;

        var qTiles = Shared.Alloc<ST<bf16, D64, D128>>(Consumers);
        var kTiles = Shared.Alloc<ST<bf16, D128, D128>>(stages);
        var vTiles = Shared.Alloc<ST<bf16, D128, D128>>(stages);
        var qArrived = Shared.Alloc<Semaphore>();
        var kArrived = Shared.Alloc<Semaphore>(stages);
        var vArrived = Shared.Alloc<Semaphore>(stages);
        var slotFree = Shared.Alloc<Semaphore>(stages);

        int kvBlocks = KvBlocksFor(n, qBlock * BlockRows + BlockRows, causal);

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
                Tma.Load(qTiles[w], q, new Coord(batch, head, qBlock * Consumers + w, 0), qArrived);
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
                    Tma.Load(kTiles[s], k, new Coord(batch, kvHead, i, 0), kArrived[s]);
                    Tma.Expect(vArrived[s], vTiles[s]);
                    Tma.Load(vTiles[s], v, new Coord(batch, kvHead, i, 0), vArrived[s]);
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

            int qRow = (qBlock * Consumers + warpgroup) * 64;
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
                    OnlineSoftmax(scores, probs, rowMax, lastMax, norm, scaleLog2);
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
                Tma.Store(o, qTiles[warpgroup], new Coord(batch, head, qBlock * Consumers + warpgroup, 0));
                Tma.StoreCommit();
            }

            LogSumExp(rowMax, norm);
            Warp.Store(lse, rowMax, new Coord(batch, head, 0, warpRow / 16), n);
            if (Gpu.WarpId % 4 == 0 && Gpu.LaneId == 0)
            {
                Tma.StoreWait(0);
            }
        }
    }

    /// <summary>
    /// One step of the online softmax on a 16x128 score tile: scale into log2 units, raise the
    /// running row max, turn scores into probabilities (bf16, ready to be the A operand of P·V),
    /// and leave in <paramref name="lastMax"/> the factor exp2(old max − new max) that the
    /// running sum (done here) and the output accumulator (done by the caller) are rescaled by.
    /// </summary>
    [DeviceFunction]
    private static void OnlineSoftmax(RT<float, D16, D128, Row> scores, RT<bf16, D16, D128, Row> probs,
        RV<float, D16, Ortho> rowMax, RV<float, D16, Ortho> lastMax, RV<float, D16, Ortho> norm, float scaleLog2)
    {
        Warp.Mul(scores, scores, scaleLog2);
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

    /// <summary>
    /// Turns the running row max (log2 units of the scaled scores) and the running sum
    /// Σ 2^(x − max) into the natural-log log-sum-exp, left in <paramref name="rowMax"/>:
    /// max · ln 2 + ln(norm) = (max + log2(norm)) · ln 2. <paramref name="norm"/> is overwritten.
    /// </summary>
    [DeviceFunction]
    private static void LogSumExp(RV<float, D16, Ortho> rowMax, RV<float, D16, Ortho> norm)
    {
        Warp.Log(norm, norm);
        Warp.Mul(rowMax, rowMax, Ln2);
        Warp.Add(rowMax, rowMax, norm);
    }

    /// <summary>K/V blocks a query range ending (exclusively) at <paramref name="rowEnd"/> needs.</summary>
    [DeviceFunction]
    private static int KvBlocksFor(int n, int rowEnd, int causal)
    {
        int last = causal != 0 ? DeviceMath.Min(rowEnd, n) : n;
        return (last + KvRows - 1) / KvRows;
    }
}
