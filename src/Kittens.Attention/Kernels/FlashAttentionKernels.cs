using Kittens;

namespace Kittens.Attention.Kernels;

/// <summary>
/// The H100 FlashAttention forward kernels behind <see cref="FlashAttention"/>, written in the
/// Kittens tile DSL (translated to CUDA by the generator, compiled by NVRTC for sm_90a).
/// <para>
/// Per block: one producer warpgroup (registers lowered) streams K and V tiles of
/// <see cref="KvRows"/> rows through a ring of shared tiles by TMA; the consumer warpgroups
/// (registers raised) each own 64 query rows: three at head dim 64 (192 rows a block, 160
/// registers), two at head dim 128 (128 rows, 240 registers, room for a second score tile's worth
/// of live state). They compute S = Q·Kᵀ and O += P·V with wgmma and run the online softmax in
/// registers on exp2 with the softmax scale folded into one FMA per score
/// (<see cref="Warp.Exp2AffineRow{T, U, R, C}(RT{T, R, C, Row}, RT{T, R, C, Row}, float, RV{U, R, Ortho})"/>).
/// At head dim 128 a consumer reads its Q rows into registers once a tile (32 registers): S = Q·Kᵀ
/// then reads only K from shared memory, whose bandwidth the products and the TMA writes share,
/// and the Q tile is free for the next tile's load at once (+1.5–2.5% in an A/B run on an H100).
/// At head dim 64 the three consumers have no registers to spare for that.
/// </para>
/// <para>
/// Overlap inside a warpgroup: iteration i issues S(i) = Q·K(i)ᵀ and O += P(i−1)·V(i−1) back to
/// back, waits only for S(i), and runs the softmax of block i while the tensor cores still work
/// on P(i−1)·V(i−1); O is rescaled once that product lands. K(i) is released as soon as S(i)
/// lands and V(i−1) once its product does, so the producer refills each as early as possible.
/// Across warpgroups: the consumers take turns issuing their products (named barriers, round
/// robin; a consumer with nothing to compute for a block still takes its turn), so one's softmax
/// runs while another's products occupy the tensor cores.
/// </para>
/// <para>
/// Tiles: a tile is one block's query rows of one head. Blocks loop over tiles (in units, see
/// <see cref="UnitsPerHead"/>), carrying the K/V ring and the semaphore phases across them, so the producer loads the
/// next tile's Q and first K/V blocks while the consumers finish the current tile; O goes out
/// through its own shared tiles by TMA, so the next Q can land while O is still being stored.
/// </para>
/// <para>
/// Causal: blocks past the diagonal are neither loaded nor computed; a warpgroup whose own rows
/// end before a block frees that block's slots without computing it. Ragged sizes: the query
/// rows come in 64-row groups, one per warpgroup; when they do not fill the tiles, the first
/// tile's leading warpgroups have no rows and compute nothing (<see cref="QueryGroup"/>). The
/// ragged last K/V tile is masked by column; query rows past the end read as zeros (TMA fill)
/// and are never stored (the TMA store of O clips them, the LSE store is clipped).
/// </para>
/// <para>
/// Grouped-query attention: query head h reads K/V head h / <c>headRatio</c>. LSE: each query
/// row's natural-log log-sum-exp of its scaled scores, rowMax · scale + ln(norm), written by a
/// clipped warp store (<c>Warp.Store(GL, RV, Coord, limit)</c>): the (B, H, 1, N) float tensor
/// has a row pitch of 4·N bytes, which a TMA map would need to be a multiple of 16.
/// </para>
/// </summary>
internal static partial class FlashAttentionKernels
{
    /// <summary>Consumer warpgroups per block at head dim 64.</summary>
    public const int ConsumersD64 = 3;

    /// <summary>Consumer warpgroups per block at head dim 128.</summary>
    public const int ConsumersD128 = 2;

    /// <summary>Query rows per block at head dim 64.</summary>
    public const int BlockRowsD64 = ConsumersD64 * 64;

    /// <summary>Query rows per block at head dim 128.</summary>
    public const int BlockRowsD128 = ConsumersD128 * 64;

    /// <summary>Rows of K and V per pipeline stage.</summary>
    public const int KvRows = 128;

    /// <summary>First named-barrier id of the consumers' turns (ids 1-3 are the warpgroups' own syncs).</summary>
    private const int TurnBarrier = 8;

    /// <summary>ln 2: turns log2-unit quantities into natural-log units for the LSE.</summary>
    private const float Ln2 = 0.693147180559945309417f;

    /// <summary>Query rows per block for a head dim (64 or 128).</summary>
    public static int BlockRowsFor(int headDim) => headDim == 64 ? BlockRowsD64 : BlockRowsD128;

    /// <summary>
    /// O = softmax(scale · Q·Kᵀ [causal])·V and LSE for head dim 64. q, o: (B, H, N, 64);
    /// k, v: (B, G, N, 64) with H = G · headRatio; lse: (B, H, 1, N) float. Any N ≥ 1.
    /// Grid: (blocks, 1, 1), any count ≥ 1; block x computes units x, x + blocks, … of the
    /// ceil(N / 192) · H · B query tiles (<see cref="UnitsPerHead"/>).
    /// </summary>
    [Kernel(Threads = (ConsumersD64 + 1) * 128, MinBlocksPerSm = 1)]
    public static void ForwardD64(
        [Shape("B", "H", "N", 64), Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> q,
        [Shape("B", "G", "N", 64), Tma(typeof(ST<bf16, D128, D64>))] GL<bf16> k,
        [Shape("B", "G", "N", 64), Tma(typeof(ST<bf16, D128, D64>))] GL<bf16> v,
        [Shape("B", "H", "N", 64), Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> o,
        [Shape("B", "H", 1, "N")] GL<float> lse,
        int causal, float scaleLog2, int headRatio)
    {
        const int consumers = ConsumersD64;
        const int stages = 4;
        int n = q.Rows;
        int qBlocks = (n + consumers * 64 - 1) / (consumers * 64);
        int shortBy = qBlocks * consumers - (n + 63) / 64;
        int unitsPerHead = UnitsPerHead(qBlocks, causal);
        int units = unitsPerHead * q.Depth * q.Batch;
        int warpgroup = Gpu.WarpgroupId;

        var qTiles = Shared.Alloc<ST<bf16, D64, D64>>(consumers);
        var oTiles = Shared.Alloc<ST<bf16, D64, D64>>(consumers);
        var kTiles = Shared.Alloc<ST<bf16, D128, D64>>(stages);
        var vTiles = Shared.Alloc<ST<bf16, D128, D64>>(stages);
        var qArrived = Shared.Alloc<Semaphore>(consumers);
        var qFree = Shared.Alloc<Semaphore>(consumers);
        var kArrived = Shared.Alloc<Semaphore>(stages);
        var vArrived = Shared.Alloc<Semaphore>(stages);
        var kFree = Shared.Alloc<Semaphore>(stages);
        var vFree = Shared.Alloc<Semaphore>(stages);

        if (ThreadIdx.X == 0)
        {
            for (int w = 0; w < consumers; w++)
            {
                Sync.Init(qArrived[w], 0, 1);
                Sync.Init(qFree[w], 128, 0);
            }
            for (int s = 0; s < stages; s++)
            {
                Sync.Init(kArrived[s], 0, 1);
                Sync.Init(vArrived[s], 0, 1);
                Sync.Init(kFree[s], consumers * 128, 0);
                Sync.Init(vFree[s], consumers * 128, 0);
            }
        }
        Gpu.SyncThreads();

        if (warpgroup == consumers)
        {
            // Producer: one thread issues every copy, tile after tile, so the next tile's Q and
            // first K/V blocks load while the consumers finish the current one; the rest of the
            // warpgroup only gives its registers to the consumers.
            Warpgroup.DecreaseRegisters(32);
            if (Gpu.WarpId == consumers * 4 && Gpu.LaneId == 0)
            {
                int loaded = 0;
                for (int u = BlockIdx.X, j = 0; u < units; u += GridDim.X)
                {
                    int head = u / unitsPerHead % q.Depth;
                    int batch = u / unitsPerHead / q.Depth;
                    for (int h = 0; h < TilesInUnit(UnitInHead(u, unitsPerHead), qBlocks, causal); h++, j++)
                    {
                        int qBlock = UnitQueryBlock(UnitInHead(u, unitsPerHead), h, qBlocks, causal);
                        int kvHead = head / headRatio;
                        for (int w = 0; w < consumers; w++)
                        {
                            if (j > 0)
                            {
                                Sync.Wait(qFree[w], (j - 1) % 2);
                            }
                            Tma.Expect(qArrived[w], qTiles[w]);
                            Tma.Load(qTiles[w], q, new Coord(batch, head, DeviceMath.Max(QueryGroup(qBlock, w, shortBy, consumers), 0), 0), qArrived[w]);
                        }
                        int kvBlocks = KvBlocksFor(n, (QueryGroup(qBlock, consumers - 1, shortBy, consumers) + 1) * 64, causal);
                        for (int i = 0; i < kvBlocks; i++, loaded++)
                        {
                            int s = loaded % stages;
                            if (loaded >= stages)
                            {
                                Sync.Wait(kFree[s], (loaded / stages - 1) % 2);
                            }
                            Tma.Expect(kArrived[s], kTiles[s]);
                            Tma.Load(kTiles[s], k, new Coord(batch, kvHead, i, 0), kArrived[s]);
                            if (loaded >= stages)
                            {
                                Sync.Wait(vFree[s], (loaded / stages - 1) % 2);
                            }
                            Tma.Expect(vArrived[s], vTiles[s]);
                            Tma.Load(vTiles[s], v, new Coord(batch, kvHead, i, 0), vArrived[s]);
                        }
                    }
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
            var rescale = new RV<float, D16, Ortho>();
            var shift = new RV<float, D16, Ortho>();
            var norm = new RV<float, D16, Ortho>();
            bool leader = Gpu.WarpId % 4 == 0 && Gpu.LaneId == 0;
            int used = 0;
            // Turns: each consumer issues its products only after the previous one (round
            // robin) has issued its own, so their softmaxes interleave with each other's products
            // instead of colliding. The last consumer opens the first turn.
            int nextTurn = TurnBarrier + (warpgroup + 1) % consumers;
            if (warpgroup == consumers - 1)
            {
                Sync.BarrierArrive(TurnBarrier, 256);
            }
            for (int u = BlockIdx.X, j = 0; u < units; u += GridDim.X)
            {
                for (int h = 0; h < TilesInUnit(UnitInHead(u, unitsPerHead), qBlocks, causal); h++, j++)
                {
                    int qBlock = UnitQueryBlock(UnitInHead(u, unitsPerHead), h, qBlocks, causal);
                    int qRow = QueryGroup(qBlock, warpgroup, shortBy, consumers) * 64;
                    int kvBlocks = KvBlocksFor(n, qRow + (consumers - warpgroup) * 64, causal);
                    int warpRow = qRow + (Gpu.WarpId % 4) * 16;
                    int ownBlocks = qRow >= 0 ? KvBlocksFor(n, qRow + 64, causal) : 0;
                    Warp.NegInfty(rowMax);
                    Warp.Zero(norm);
                    Warp.Zero(acc);
                    Sync.Wait(qArrived[warpgroup], j % 2);
                    if (ownBlocks == 0)
                    {
                        Sync.Arrive(qFree[warpgroup]);
                    }

                    if (ownBlocks > 0)
                    {
                        // Block 0: S(0) and its softmax, nothing to overlap yet.
                        int s0 = used % stages;
                        Sync.Wait(kArrived[s0], used / stages % 2);
                        Sync.BarrierSync(TurnBarrier + warpgroup, 256);
                        Warpgroup.MmABt(scores, qTiles[warpgroup], kTiles[s0]);
                        Sync.BarrierArrive(nextTurn, 256);
                        Warpgroup.MmaWait(0, scores);
                        Sync.Arrive(kFree[s0]);
                        if (ownBlocks == 1)
                        {
                            Sync.Arrive(qFree[warpgroup]);
                        }
                        MaskScores(scores, 0, qRow, warpRow, n, causal);
                        FirstSoftmax(scores, rowMax, shift, norm, scaleLog2);
                        Warp.Copy(probs, scores);

                        for (int i = 1; i < ownBlocks; i++)
                        {
                            int s = (used + i) % stages;
                            int prev = (used + i - 1) % stages;
                            Sync.Wait(kArrived[s], (used + i) / stages % 2);
                            Sync.Wait(vArrived[prev], (used + i - 1) / stages % 2);
                            Sync.BarrierSync(TurnBarrier + warpgroup, 256);
                            Warpgroup.MmABt(scores, qTiles[warpgroup], kTiles[s]);
                            Warpgroup.MmaAB(acc, probs, vTiles[prev]);
                            Sync.BarrierArrive(nextTurn, 256);
                            Warpgroup.MmaWait(1, scores);
                            Sync.Arrive(kFree[s]);
                            if (i + 1 == ownBlocks)
                            {
                                Sync.Arrive(qFree[warpgroup]);
                            }
                            MaskScores(scores, i, qRow, warpRow, n, causal);
                            NextSoftmax(scores, rowMax, rescale, shift, norm, scaleLog2);
                            // A plain wait: the compiler hoists it above the softmax, which then
                            // waits for P·V, and with three consumers sharing the exp2 unit that is
                            // 3–7% faster than the wait after the softmax (MmaWait(0, acc, norm),
                            // as at head dim 128) in an in-process A/B run on an H100.
                            Warpgroup.MmaWait(0, acc);
                            Sync.Arrive(vFree[prev]);
                            Warp.MulRow(acc, acc, rescale);
                            Warp.Copy(probs, scores);
                        }

                        int last = (used + ownBlocks - 1) % stages;
                        Sync.Wait(vArrived[last], (used + ownBlocks - 1) / stages % 2);
                        Warpgroup.MmaAB(acc, probs, vTiles[last]);
                        Warpgroup.MmaWait(0, acc);
                        Sync.Arrive(vFree[last]);
                    }

                    // Blocks only the later warpgroups need: free their slots once the data has landed.
                    for (int i = ownBlocks; i < kvBlocks; i++)
                    {
                        int s = (used + i) % stages;
                        Sync.BarrierSync(TurnBarrier + warpgroup, 256);
                        Sync.BarrierArrive(nextTurn, 256);
                        Sync.Wait(kArrived[s], (used + i) / stages % 2);
                        Sync.Wait(vArrived[s], (used + i) / stages % 2);
                        Sync.Arrive(kFree[s]);
                        Sync.Arrive(vFree[s]);
                    }
                    used += kvBlocks;

                    if (ownBlocks > 0)
                    {
                        // O = acc / norm, staged in this warpgroup's O tile (once the previous tile's
                        // store has read it) and stored by TMA, which clips rows past n.
                        int head = u / unitsPerHead % q.Depth;
                        int batch = u / unitsPerHead / q.Depth;
                        Warp.DivRow(acc, acc, norm);
                        if (leader)
                        {
                            Tma.StoreReadWait(0);
                        }
                        Warpgroup.Sync(warpgroup + 1);
                        Warpgroup.Store(oTiles[warpgroup], acc);
                        Warpgroup.Sync(warpgroup + 1);
                        if (leader)
                        {
                            Tma.Store(o, oTiles[warpgroup], new Coord(batch, head, qRow / 64, 0));
                            Tma.StoreCommit();
                        }

                        // LSE of this warp's 16 rows, while the O store is in flight; rows past n are not written.
                        LogSumExp(rowMax, norm, scaleLog2);
                        Warp.Store(lse, rowMax, new Coord(batch, head, 0, warpRow / 16), n);
                    }
                }
            }
            if (leader)
            {
                Tma.StoreWait(0);
            }
        }
    }

    /// <summary>
    /// O = softmax(scale · Q·Kᵀ [causal])·V and LSE for head dim 128. q, o: (B, H, N, 128);
    /// k, v: (B, G, N, 128) with H = G · headRatio; lse: (B, H, 1, N) float. Any N ≥ 1.
    /// Grid: (blocks, 1, 1), any count ≥ 1; block x computes units x, x + blocks, … of the
    /// ceil(N / 128) · H · B query tiles (<see cref="UnitsPerHead"/>).
    /// </summary>
    [Kernel(Threads = (ConsumersD128 + 1) * 128, MinBlocksPerSm = 1)]
    public static void ForwardD128(
        [Shape("B", "H", "N", 128), Tma(typeof(ST<bf16, D64, D128>))] GL<bf16> q,
        [Shape("B", "G", "N", 128), Tma(typeof(ST<bf16, D128, D128>))] GL<bf16> k,
        [Shape("B", "G", "N", 128), Tma(typeof(ST<bf16, D128, D128>))] GL<bf16> v,
        [Shape("B", "H", "N", 128), Tma(typeof(ST<bf16, D64, D128>))] GL<bf16> o,
        [Shape("B", "H", 1, "N")] GL<float> lse,
        int causal, float scaleLog2, int headRatio)
    {
        const int consumers = ConsumersD128;
        const int stages = 2;
        int n = q.Rows;
        int qBlocks = (n + consumers * 64 - 1) / (consumers * 64);
        int shortBy = qBlocks * consumers - (n + 63) / 64;
        int unitsPerHead = UnitsPerHead(qBlocks, causal);
        int units = unitsPerHead * q.Depth * q.Batch;
        int warpgroup = Gpu.WarpgroupId;

        var qTiles = Shared.Alloc<ST<bf16, D64, D128>>(consumers);
        var oTiles = Shared.Alloc<ST<bf16, D64, D128>>(consumers);
        var kTiles = Shared.Alloc<ST<bf16, D128, D128>>(stages);
        var vTiles = Shared.Alloc<ST<bf16, D128, D128>>(stages);
        var qArrived = Shared.Alloc<Semaphore>(consumers);
        var qFree = Shared.Alloc<Semaphore>(consumers);
        var kArrived = Shared.Alloc<Semaphore>(stages);
        var vArrived = Shared.Alloc<Semaphore>(stages);
        var kFree = Shared.Alloc<Semaphore>(stages);
        var vFree = Shared.Alloc<Semaphore>(stages);

        if (ThreadIdx.X == 0)
        {
            for (int w = 0; w < consumers; w++)
            {
                Sync.Init(qArrived[w], 0, 1);
                Sync.Init(qFree[w], 128, 0);
            }
            for (int s = 0; s < stages; s++)
            {
                Sync.Init(kArrived[s], 0, 1);
                Sync.Init(vArrived[s], 0, 1);
                Sync.Init(kFree[s], consumers * 128, 0);
                Sync.Init(vFree[s], consumers * 128, 0);
            }
        }
        Gpu.SyncThreads();

        if (warpgroup == consumers)
        {
            Warpgroup.DecreaseRegisters(24);
            if (Gpu.WarpId == consumers * 4 && Gpu.LaneId == 0)
            {
                int loaded = 0;
                for (int u = BlockIdx.X, j = 0; u < units; u += GridDim.X)
                {
                    int head = u / unitsPerHead % q.Depth;
                    int batch = u / unitsPerHead / q.Depth;
                    for (int h = 0; h < TilesInUnit(UnitInHead(u, unitsPerHead), qBlocks, causal); h++, j++)
                    {
                        int qBlock = UnitQueryBlock(UnitInHead(u, unitsPerHead), h, qBlocks, causal);
                        int kvHead = head / headRatio;
                        for (int w = 0; w < consumers; w++)
                        {
                            if (j > 0)
                            {
                                Sync.Wait(qFree[w], (j - 1) % 2);
                            }
                            Tma.Expect(qArrived[w], qTiles[w]);
                            Tma.Load(qTiles[w], q, new Coord(batch, head, DeviceMath.Max(QueryGroup(qBlock, w, shortBy, consumers), 0), 0), qArrived[w]);
                        }
                        int kvBlocks = KvBlocksFor(n, (QueryGroup(qBlock, consumers - 1, shortBy, consumers) + 1) * 64, causal);
                        for (int i = 0; i < kvBlocks; i++, loaded++)
                        {
                            int s = loaded % stages;
                            if (loaded >= stages)
                            {
                                Sync.Wait(kFree[s], (loaded / stages - 1) % 2);
                            }
                            Tma.Expect(kArrived[s], kTiles[s]);
                            Tma.Load(kTiles[s], k, new Coord(batch, kvHead, i, 0), kArrived[s]);
                            if (loaded >= stages)
                            {
                                Sync.Wait(vFree[s], (loaded / stages - 1) % 2);
                            }
                            Tma.Expect(vArrived[s], vTiles[s]);
                            Tma.Load(vTiles[s], v, new Coord(batch, kvHead, i, 0), vArrived[s]);
                        }
                    }
                }
            }
        }
        else
        {
            Warpgroup.IncreaseRegisters(240);
            var queries = new RT<bf16, D16, D128, Row>();
            var scores = new RT<float, D16, D128, Row>();
            var probs = new RT<bf16, D16, D128, Row>();
            var acc = new RT<float, D16, D128, Row>();
            var rowMax = new RV<float, D16, Ortho>();
            var rescale = new RV<float, D16, Ortho>();
            var shift = new RV<float, D16, Ortho>();
            var norm = new RV<float, D16, Ortho>();
            bool leader = Gpu.WarpId % 4 == 0 && Gpu.LaneId == 0;
            int used = 0;
            // Turns: each consumer issues its products only after the previous one (round
            // robin) has issued its own, so their softmaxes interleave with each other's products
            // instead of colliding. The last consumer opens the first turn.
            int nextTurn = TurnBarrier + (warpgroup + 1) % consumers;
            if (warpgroup == consumers - 1)
            {
                Sync.BarrierArrive(TurnBarrier, 256);
            }
            for (int u = BlockIdx.X, j = 0; u < units; u += GridDim.X)
            {
                for (int h = 0; h < TilesInUnit(UnitInHead(u, unitsPerHead), qBlocks, causal); h++, j++)
                {
                    int qBlock = UnitQueryBlock(UnitInHead(u, unitsPerHead), h, qBlocks, causal);
                    int qRow = QueryGroup(qBlock, warpgroup, shortBy, consumers) * 64;
                    int kvBlocks = KvBlocksFor(n, qRow + (consumers - warpgroup) * 64, causal);
                    int warpRow = qRow + (Gpu.WarpId % 4) * 16;
                    int ownBlocks = qRow >= 0 ? KvBlocksFor(n, qRow + 64, causal) : 0;
                    Warp.NegInfty(rowMax);
                    Warp.Zero(norm);
                    Warp.Zero(acc);
                    Sync.Wait(qArrived[warpgroup], j % 2);
                    if (ownBlocks > 0)
                    {
                        Warpgroup.Load(queries, qTiles[warpgroup]);
                    }
                    Sync.Arrive(qFree[warpgroup]);

                    if (ownBlocks > 0)
                    {
                        // Block 0: S(0) and its softmax, nothing to overlap yet.
                        int s0 = used % stages;
                        Sync.Wait(kArrived[s0], used / stages % 2);
                        Sync.BarrierSync(TurnBarrier + warpgroup, 256);
                        Warpgroup.MmABt(scores, queries, kTiles[s0]);
                        Sync.BarrierArrive(nextTurn, 256);
                        Warpgroup.MmaWait(0, scores);
                        Sync.Arrive(kFree[s0]);
                        MaskScores(scores, 0, qRow, warpRow, n, causal);
                        FirstSoftmax(scores, rowMax, shift, norm, scaleLog2);
                        Warp.Copy(probs, scores);

                        for (int i = 1; i < ownBlocks; i++)
                        {
                            int s = (used + i) % stages;
                            int prev = (used + i - 1) % stages;
                            Sync.Wait(kArrived[s], (used + i) / stages % 2);
                            Sync.Wait(vArrived[prev], (used + i - 1) / stages % 2);
                            Sync.BarrierSync(TurnBarrier + warpgroup, 256);
                            Warpgroup.MmABt(scores, queries, kTiles[s]);
                            Warpgroup.MmaAB(acc, probs, vTiles[prev]);
                            Sync.BarrierArrive(nextTurn, 256);
                            Warpgroup.MmaWait(1, scores);
                            Sync.Arrive(kFree[s]);
                            MaskScores(scores, i, qRow, warpRow, n, causal);
                            NextSoftmax(scores, rowMax, rescale, shift, norm, scaleLog2);
                            // After norm, the softmax's last values: the compiler would otherwise
                            // hoist the wait above the softmax, which then waits for P·V.
                            Warpgroup.MmaWait(0, acc, norm);
                            Sync.Arrive(vFree[prev]);
                            Warp.MulRow(acc, acc, rescale);
                            Warp.Copy(probs, scores);
                        }

                        int last = (used + ownBlocks - 1) % stages;
                        Sync.Wait(vArrived[last], (used + ownBlocks - 1) / stages % 2);
                        Warpgroup.MmaAB(acc, probs, vTiles[last]);
                        Warpgroup.MmaWait(0, acc);
                        Sync.Arrive(vFree[last]);
                    }

                    // Blocks only the later warpgroups need: free their slots once the data has landed.
                    for (int i = ownBlocks; i < kvBlocks; i++)
                    {
                        int s = (used + i) % stages;
                        Sync.BarrierSync(TurnBarrier + warpgroup, 256);
                        Sync.BarrierArrive(nextTurn, 256);
                        Sync.Wait(kArrived[s], (used + i) / stages % 2);
                        Sync.Wait(vArrived[s], (used + i) / stages % 2);
                        Sync.Arrive(kFree[s]);
                        Sync.Arrive(vFree[s]);
                    }
                    used += kvBlocks;

                    if (ownBlocks > 0)
                    {
                        // O = acc / norm, staged in this warpgroup's O tile (once the previous tile's
                        // store has read it) and stored by TMA, which clips rows past n.
                        int head = u / unitsPerHead % q.Depth;
                        int batch = u / unitsPerHead / q.Depth;
                        Warp.DivRow(acc, acc, norm);
                        if (leader)
                        {
                            Tma.StoreReadWait(0);
                        }
                        Warpgroup.Sync(warpgroup + 1);
                        Warpgroup.Store(oTiles[warpgroup], acc);
                        Warpgroup.Sync(warpgroup + 1);
                        if (leader)
                        {
                            Tma.Store(o, oTiles[warpgroup], new Coord(batch, head, qRow / 64, 0));
                            Tma.StoreCommit();
                        }

                        // LSE of this warp's 16 rows, while the O store is in flight; rows past n are not written.
                        LogSumExp(rowMax, norm, scaleLog2);
                        Warp.Store(lse, rowMax, new Coord(batch, head, 0, warpRow / 16), n);
                    }
                }
            }
            if (leader)
            {
                Tma.StoreWait(0);
            }
        }
    }

    /// <summary>
    /// Work units per head. Blocks take units x, x + gridDim.x, …; the units of one head are
    /// consecutive, so the blocks working at one time share few heads' K/V in L2. Without a
    /// causal mask a unit is one query block (tile). With one, a tile's cost grows with its query
    /// block, so a unit pairs query blocks qBlocks − 1 − x and x: every unit costs about the
    /// same, and a static assignment of units to blocks stays balanced.
    /// </summary>
    [DeviceFunction]
    private static int UnitsPerHead(int qBlocks, int causal)
    {
        return causal != 0 ? (qBlocks + 1) / 2 : qBlocks;
    }

    /// <summary>
    /// Which unit of its head unit <paramref name="u"/> is. The units of a head go to consecutive
    /// blocks, so with a grid that is a multiple of the units per head, block x would get the
    /// same unit of every head, round after round: the short first tile of a ragged sequence
    /// (<see cref="QueryGroup"/>) for some blocks and never for the others, which then set the
    /// time. Each head's units are rotated by head · unitsPerHead / gridDim.x, about the round
    /// in which the head is dealt, so every block gets each unit in turn.
    /// </summary>
    [DeviceFunction]
    private static int UnitInHead(int u, int unitsPerHead)
    {
        int head = u / unitsPerHead;
        return (u - head * unitsPerHead + head * unitsPerHead / GridDim.X) % unitsPerHead;
    }

    /// <summary>Tiles in unit <paramref name="x"/> of a head: 1, or 2 for a causal pair (1 for the middle block of an odd count).</summary>
    [DeviceFunction]
    private static int TilesInUnit(int x, int qBlocks, int causal)
    {
        return causal != 0 && qBlocks - 1 - x != x ? 2 : 1;
    }

    /// <summary>The query block of tile <paramref name="h"/> of unit <paramref name="x"/>: the long one of a causal pair first.</summary>
    [DeviceFunction]
    private static int UnitQueryBlock(int x, int h, int qBlocks, int causal)
    {
        if (causal == 0)
        {
            return x;
        }
        return h == 0 ? qBlocks - 1 - x : x;
    }

    /// <summary>
    /// The 64-row query group (rows 64·g to 64·g + 63) that warpgroup <paramref name="w"/> computes
    /// in query block <paramref name="qBlock"/>, when the ceil(n / 64) groups fall
    /// <paramref name="shortBy"/> groups short of filling every tile. Tiles are laid out back from
    /// the end of the sequence, so it is the first tile that runs short: its leading warpgroups
    /// get negative groups and no rows. Under a causal mask the first tile is the cheapest (one
    /// K/V block); laid out from the front, the short tile would be the dearest one, its idle
    /// warpgroups waiting through every K/V block.
    /// </summary>
    [DeviceFunction]
    private static int QueryGroup(int qBlock, int w, int shortBy, int consumers)
    {
        return qBlock * consumers + w - shortBy;
    }

    /// <summary>Masks block <paramref name="i"/>'s scores: causal on and right of the diagonal, and columns past n.</summary>
    [DeviceFunction]
    private static void MaskScores(RT<float, D16, D128, Row> scores, int i, int qRow, int warpRow, int n, int causal)
    {
        if (causal != 0 && (i + 1) * KvRows > qRow)
        {
            Warp.CausalMask(scores, warpRow, i * KvRows, float.NegativeInfinity);
        }
        if ((i + 1) * KvRows > n)
        {
            Warp.ColumnMask(scores, i * KvRows, n, float.NegativeInfinity);
        }
    }

    /// <summary>
    /// The online softmax of the first block: row max of the raw scores, scores turned in place
    /// into 2^((s − max) · scaleLog2), their row sums started.
    /// </summary>
    [DeviceFunction]
    private static void FirstSoftmax(RT<float, D16, D128, Row> scores, RV<float, D16, Ortho> rowMax,
        RV<float, D16, Ortho> shift, RV<float, D16, Ortho> norm, float scaleLog2)
    {
        Warp.RowMax(rowMax, scores, rowMax);
        Warp.Mul(shift, rowMax, scaleLog2);
        Warp.Exp2AffineRow(scores, scores, scaleLog2, shift);
        Warp.RowSum(norm, scores, norm);
    }

    /// <summary>
    /// One later step of the online softmax: raises the running row max (of raw scores), turns
    /// the scores in place into 2^((s − max) · scaleLog2), and leaves in <paramref name="rescale"/>
    /// the factor 2^((old max − new max) · scaleLog2) that the running sum (done here) and the
    /// output accumulator (done by the caller, once its product has landed) are multiplied by.
    /// </summary>
    [DeviceFunction]
    private static void NextSoftmax(RT<float, D16, D128, Row> scores, RV<float, D16, Ortho> rowMax,
        RV<float, D16, Ortho> rescale, RV<float, D16, Ortho> shift, RV<float, D16, Ortho> norm, float scaleLog2)
    {
        Warp.Copy(rescale, rowMax);
        Warp.RowMax(rowMax, scores, rowMax);
        Warp.Mul(shift, rowMax, scaleLog2);
        Warp.Exp2AffineRow(scores, scores, scaleLog2, shift);
        Warp.Sub(rescale, rescale, rowMax);
        Warp.Mul(rescale, rescale, scaleLog2);
        Warp.Exp2(rescale, rescale);
        Warp.Mul(norm, norm, rescale);
        Warp.RowSum(norm, scores, norm);
    }

    /// <summary>
    /// Turns the running row max (of raw scores) and the running sum Σ 2^((s − max) · scaleLog2)
    /// into the natural-log log-sum-exp of the scaled scores, left in <paramref name="rowMax"/>:
    /// max · scale + ln(norm) = (max · scaleLog2 + log2(norm)) · ln 2. <paramref name="norm"/> is overwritten.
    /// </summary>
    [DeviceFunction]
    private static void LogSumExp(RV<float, D16, Ortho> rowMax, RV<float, D16, Ortho> norm, float scaleLog2)
    {
        Warp.Log(norm, norm);
        Warp.Mul(rowMax, rowMax, scaleLog2 * Ln2);
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
