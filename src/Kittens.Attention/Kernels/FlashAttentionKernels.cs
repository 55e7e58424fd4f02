using Kittens;

namespace Kittens.Attention.Kernels;

/// <summary>
/// The sm_90a (TMA + wgmma) FlashAttention forward behind <see cref="FlashAttention"/>: one
/// generic kernel written in the Kittens tile DSL, with one instance per head dim (translated to
/// CUDA by the generator, compiled by NVRTC for sm_90a).
/// <para>
/// Per block: one producer warpgroup (registers lowered) streams K and V tiles of TKvRows rows
/// through a ring of shared tiles by TMA; the consumer warpgroups (registers raised) each own 64
/// query rows: three at head dim 64 (192 rows a block, 160 registers), two at head dims 96, 128
/// and 256 (128 rows, 240 registers). They compute S = Q·Kᵀ and O += P·V with wgmma and run the
/// online softmax in registers on exp2 with the softmax scale folded into one FMA per score
/// (<see cref="Warp.Exp2AffineRow{T, U, R, C, L, V}(RT{T, R, C, L}, RT{T, R, C, L}, float, RV{U, R, V})"/>).
/// Where registers allow (head dims 96 and 128) a consumer reads its Q rows into registers once a
/// tile: S = Q·Kᵀ then reads only K from shared memory, whose bandwidth the products and the TMA
/// writes share, and the Q tile is free for the next tile's load at once. The schedules are in
/// <see cref="IAttentionSchedule"/>'s implementations; head dim 256 stores O from registers and
/// gives the shared memory of the O tiles to a two-deep ring of 80-row K/V blocks, except causal
/// at short N, where a second instance keeps the O tiles and takes 48-row blocks
/// (<see cref="HeadDim256ShortCausalSchedule"/>).
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
/// through its own shared tiles by TMA, so the next Q can land while O is still being stored, or
/// (<see cref="IAttentionSchedule.OutputThroughShared"/> false) each warp stores its rows from registers.
/// </para>
/// <para>
/// Causal: blocks past the diagonal are neither loaded nor computed; a warpgroup whose own rows
/// end before a block frees that block's slots without computing it. Ragged sizes: the query
/// rows come in 64-row groups, one per warpgroup; when they do not fill the tiles, the first
/// tile's leading warpgroups have no rows and compute nothing (<see cref="QueryGroup"/>). The
/// ragged last K/V tile is masked by column; query rows past the end read as zeros (TMA fill)
/// and are never stored (the TMA store of O or the register store clips them, the LSE store is clipped).
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
    /// <summary>First named-barrier id of the consumers' turns (ids 1-3 are the warpgroups' own syncs).</summary>
    private const int TurnBarrier = 8;

    /// <summary>ln 2: turns log2-unit quantities into natural-log units for the LSE.</summary>
    private const float Ln2 = 0.693147180559945309417f;

    /// <summary>
    /// O = softmax(scale · Q·Kᵀ [causal])·V and LSE, one instance per head dim D (THeadDim).
    /// q, o: (B, H, N, D); k, v: (B, G, N, D) with H = G · headRatio; lse: (B, H, 1, N) float.
    /// Any N ≥ 1. Grid: (blocks, 1, 1), any count ≥ 1; block x computes units x, x + blocks, … of
    /// the ceil(N / (64 · consumers)) · H · B query tiles (<see cref="UnitsPerHead"/>). K and V
    /// come in blocks of TKvRows rows; the schedule (<see cref="IAttentionSchedule"/>) fixes the
    /// consumer and stage counts, the register split, where Q lives and the form of the P·V wait.
    /// </summary>
    [Kernel(MinBlocksPerSm = 1)]
    [KernelInstance("ForwardD64", typeof(D64), typeof(D128), typeof(HeadDim64Schedule), Threads = (HeadDim64Schedule.ConsumerCount + 1) * 128)]
    [KernelInstance("ForwardD96", typeof(D96), typeof(D128), typeof(HeadDim128Schedule), Threads = (HeadDim128Schedule.ConsumerCount + 1) * 128)]
    [KernelInstance("ForwardD128", typeof(D128), typeof(D128), typeof(HeadDim128Schedule), Threads = (HeadDim128Schedule.ConsumerCount + 1) * 128)]
    [KernelInstance("ForwardD256", typeof(D256), typeof(D80), typeof(HeadDim256Schedule), Threads = (HeadDim256Schedule.ConsumerCount + 1) * 128)]
    [KernelInstance("ForwardD256ShortCausal", typeof(D256), typeof(D48), typeof(HeadDim256ShortCausalSchedule), Threads = (HeadDim256ShortCausalSchedule.ConsumerCount + 1) * 128)]
    public static void Forward<THeadDim, TKvRows, TSchedule>(
        [Shape("B", "H", "N", nameof(THeadDim)), Tma] GL<bf16> q,
        [Shape("B", "G", "N", nameof(THeadDim)), Tma] GL<bf16> k,
        [Shape("B", "G", "N", nameof(THeadDim)), Tma] GL<bf16> v,
        [Shape("B", "H", "N", nameof(THeadDim)), Tma] GL<bf16> o,
        [Shape("B", "H", 1, "N")] GL<float> lse,
        int causal, float scaleLog2, int headRatio)
        where THeadDim : struct, IDim
        where TKvRows : struct, IDim
        where TSchedule : struct, IAttentionSchedule
    {
        int consumers = TSchedule.Consumers;
        int stages = TSchedule.Stages;
        int n = q.Rows;
        int qBlocks = (n + consumers * 64 - 1) / (consumers * 64);
        int shortBy = qBlocks * consumers - (n + 63) / 64;
        int unitsPerHead = UnitsPerHead(qBlocks, causal);
        int units = unitsPerHead * q.Depth * q.Batch;
        int warpgroup = Gpu.WarpgroupId;

        var qTiles = Shared.Alloc<ST<bf16, D64, THeadDim>>(consumers);
        var oTiles = Shared.Alloc<ST<bf16, D64, THeadDim>>(consumers);
        var kTiles = Shared.Alloc<ST<bf16, TKvRows, THeadDim>>(stages);
        var vTiles = Shared.Alloc<ST<bf16, TKvRows, THeadDim>>(stages);
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
            Warpgroup.DecreaseRegisters(TSchedule.ProducerRegisters);
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
                        int kvBlocks = KvBlocksFor<TKvRows>(n, (QueryGroup(qBlock, consumers - 1, shortBy, consumers) + 1) * 64, causal);
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
            Warpgroup.IncreaseRegisters(TSchedule.ConsumerRegisters);
            var queries = new RT<bf16, D16, THeadDim, Row>();
            var scores = new RT<float, D16, TKvRows, Row>();
            var probs = new RT<bf16, D16, TKvRows, Row>();
            var acc = new RT<float, D16, THeadDim, Row>();
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
                    int kvBlocks = KvBlocksFor<TKvRows>(n, qRow + (consumers - warpgroup) * 64, causal);
                    int warpRow = qRow + (Gpu.WarpId % 4) * 16;
                    int ownBlocks = qRow >= 0 ? KvBlocksFor<TKvRows>(n, qRow + 64, causal) : 0;
                    Warp.NegInfty(rowMax);
                    Warp.Zero(norm);
                    Warp.Zero(acc);
                    Sync.Wait(qArrived[warpgroup], j % 2);
                    if (TSchedule.QueriesInRegisters)
                    {
                        // Q into registers at once: the tile is free for the next tile's Q.
                        if (ownBlocks > 0)
                        {
                            Warpgroup.Load(queries, qTiles[warpgroup]);
                        }
                        Sync.Arrive(qFree[warpgroup]);
                    }
                    else if (ownBlocks == 0)
                    {
                        Sync.Arrive(qFree[warpgroup]);
                    }

                    if (ownBlocks > 0)
                    {
                        // Block 0: S(0) and its softmax, nothing to overlap yet.
                        int s0 = used % stages;
                        Sync.Wait(kArrived[s0], used / stages % 2);
                        Sync.BarrierSync(TurnBarrier + warpgroup, 256);
                        if (TSchedule.QueriesInRegisters)
                        {
                            Warpgroup.MmABt(scores, queries, kTiles[s0]);
                        }
                        else
                        {
                            Warpgroup.MmABt(scores, qTiles[warpgroup], kTiles[s0]);
                        }
                        Sync.BarrierArrive(nextTurn, 256);
                        Warpgroup.MmaWait(0, scores);
                        Sync.Arrive(kFree[s0]);
                        if (!TSchedule.QueriesInRegisters && ownBlocks == 1)
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
                            if (TSchedule.QueriesInRegisters)
                            {
                                Warpgroup.MmABt(scores, queries, kTiles[s]);
                            }
                            else
                            {
                                Warpgroup.MmABt(scores, qTiles[warpgroup], kTiles[s]);
                            }
                            Warpgroup.MmaAB(acc, probs, vTiles[prev]);
                            Sync.BarrierArrive(nextTurn, 256);
                            Warpgroup.MmaWait(1, scores);
                            Sync.Arrive(kFree[s]);
                            if (!TSchedule.QueriesInRegisters && i + 1 == ownBlocks)
                            {
                                Sync.Arrive(qFree[warpgroup]);
                            }
                            MaskScores(scores, i, qRow, warpRow, n, causal);
                            NextSoftmax(scores, rowMax, rescale, shift, norm, scaleLog2);
                            if (TSchedule.WaitAfterSoftmax)
                            {
                                // After norm, the softmax's last values: the compiler would otherwise
                                // hoist the wait above the softmax, which then waits for P·V.
                                Warpgroup.MmaWait(0, acc, norm);
                            }
                            else
                            {
                                // A plain wait, hoisted above the softmax, which then waits for P·V:
                                // with three consumers sharing the exp2 unit that is faster at head
                                // dim 64 (docs/performance.md).
                                Warpgroup.MmaWait(0, acc);
                            }
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
                        if (TSchedule.OutputThroughShared)
                        {
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
                        }
                        else
                        {
                            // Each warp's 16 rows straight from registers; rows past n are not written.
                            Warp.Store(o, acc, new Coord(batch, head, warpRow / 16, 0), n);
                        }

                        // LSE of this warp's 16 rows, while the O store is in flight; rows past n are not written.
                        LogSumExp(rowMax, norm, scaleLog2);
                        Warp.Store(lse, rowMax, new Coord(batch, head, 0, warpRow / 16), n);
                    }
                }
            }
            if (TSchedule.OutputThroughShared)
            {
                if (leader)
                {
                    Tma.StoreWait(0);
                }
            }
        }
    }

}
