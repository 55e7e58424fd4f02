using Kittens;

namespace Kittens.Tests.GpuKernels;

/// <summary>
/// Warpgroup-scope test kernels: moves between 64-row shared tiles and the four warps' 16-row
/// register tiles, and a producer / consumer pipeline of two warpgroups over TMA and semaphores.
/// </summary>
public static partial class HopperWarpgroupKernels
{
    /// <summary>
    /// One warpgroup (grid 1). xf (1, 1, 64, 64) float, xb (1, 1, 64, 64) bf16, xh (1, 1, 64, 32) f16
    /// are TMA-loaded into shared tiles, moved through the warps' register tiles (Warpgroup.Load,
    /// warp w rows 16w .. 16w + 15) into other shared tiles (Warpgroup.Store), then, after a
    /// warpgroup barrier, TMA-stored to slot s (depth s) of the outputs:
    /// of (1, 3, 64, 64) float: 0 float → rt float row → float; 1 float → rt float col → float;
    /// 2 bf16 → rt bf16 row → float (widened on the store) — so of = xf, xf, xb;
    /// ob (1, 4, 64, 64) bf16: 0 bf16 → rt bf16 row (ldmatrix) → bf16; 1 bf16 → rt bf16 col
    /// (ldmatrix.trans) → bf16; 2 bf16 → rt float row → bf16; 3 float → rt float row → bf16
    /// (rounded) — so ob = xb, xb, xb, bf16(xf);
    /// oh (1, 2, 64, 32) f16 (64-byte swizzle): 0 f16 → rt f16 row → f16; 1 f16 → rt float col → f16 — oh = xh, xh.
    /// </summary>
    [Kernel(Threads = 128)]
    public static void RoundTrip(
        [Tma(typeof(ST<float, D64, D64>))] GL<float> xf,
        [Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> xb,
        [Tma(typeof(ST<f16, D64, D32>))] GL<f16> xh,
        [Tma(typeof(ST<float, D64, D64>))] GL<float> of,
        [Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> ob,
        [Tma(typeof(ST<f16, D64, D32>))] GL<f16> oh)
    {
        var inF = Shared.Alloc<ST<float, D64, D64>>();
        var inB = Shared.Alloc<ST<bf16, D64, D64>>();
        var inH = Shared.Alloc<ST<f16, D64, D32>>();
        var outF = Shared.Alloc<ST<float, D64, D64>>(3);
        var outB = Shared.Alloc<ST<bf16, D64, D64>>(4);
        var outH = Shared.Alloc<ST<f16, D64, D32>>(2);
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 0, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            Tma.ExpectBytes(arrived, 64 * 64 * 4 + 64 * 64 * 2 + 64 * 32 * 2);
            Tma.Load(inF, xf, new Coord(0, 0), arrived);
            Tma.Load(inB, xb, new Coord(0, 0), arrived);
            Tma.Load(inH, xh, new Coord(0, 0), arrived);
        }
        Sync.Wait(arrived, 0);

        var fRow = new RT<float, D16, D64, Row>();
        var fCol = new RT<float, D16, D64, Col>();
        var bRow = new RT<bf16, D16, D64, Row>();
        var bCol = new RT<bf16, D16, D64, Col>();
        var hRow = new RT<f16, D16, D32, Row>();
        var hfCol = new RT<float, D16, D32, Col>();

        Warpgroup.Load(fRow, inF);
        Warpgroup.Store(outF[0], fRow);
        Warpgroup.Load(fCol, inF);
        Warpgroup.Store(outF[1], fCol);
        Warpgroup.Load(bRow, inB);
        Warpgroup.Store(outF[2], bRow);

        Warpgroup.Store(outB[0], bRow);
        Warpgroup.Load(bCol, inB);
        Warpgroup.Store(outB[1], bCol);
        Warpgroup.Load(fRow, inB);
        Warpgroup.Store(outB[2], fRow);
        Warpgroup.Load(fRow, inF);
        Warpgroup.Store(outB[3], fRow);

        Warpgroup.Load(hRow, inH);
        Warpgroup.Store(outH[0], hRow);
        Warpgroup.Load(hfCol, inH);
        Warpgroup.Store(outH[1], hfCol);

        Warpgroup.Sync(1);
        if (ThreadIdx.X == 0)
        {
            for (int s = 0; s < 3; s++)
            {
                Tma.Store(of, outF[s], new Coord(0, s, 0, 0));
            }
            for (int s = 0; s < 4; s++)
            {
                Tma.Store(ob, outB[s], new Coord(0, s, 0, 0));
            }
            for (int s = 0; s < 2; s++)
            {
                Tma.Store(oh, outH[s], new Coord(0, s, 0, 0));
            }
            Tma.StoreCommit();
            Tma.StoreWait(0);
        }
    }

    /// <summary>Tiles the pipeline streams, and the stages of its ring.</summary>
    public const int PipelineBlocks = 8, PipelineStages = 2;

    /// <summary>
    /// Producer / consumer pipeline, 256 threads (grid 1). Warpgroup 1 produces: it gives registers
    /// away and one thread TMA-loads the 8 tiles of x (2, 2, 128, 64) float — tile i at (b, d, r) =
    /// (i / 4, (i / 2) % 2, i % 2) — into a 2-stage ring, waiting on the slot's "free" semaphore
    /// (parity 1 − (i / 2) % 2, so the first use of each slot passes at once on the fresh
    /// semaphore) and completing the slot's "arrived" semaphore. Warpgroup 0 consumes: waits on
    /// "arrived" with parity (i / 2) % 2, moves the tile to registers (Warpgroup.Load), releases
    /// the slot (all 128 threads arrive) and adds the tile into a register accumulator; the sum is
    /// stored to sum (1, 1, 64, 64), warp w its rows 16w .. 16w + 15. sum = Σ of the 8 tiles.
    /// </summary>
    [Kernel(Threads = 256)]
    public static void PipelineSum([Tma(typeof(ST<float, D64, D64>))] GL<float> x, GL<float> sum)
    {
        var tiles = Shared.Alloc<ST<float, D64, D64>>(PipelineStages);
        var arrived = Shared.Alloc<Semaphore>(PipelineStages);
        var slotFree = Shared.Alloc<Semaphore>(PipelineStages);
        if (ThreadIdx.X == 0)
        {
            for (int s = 0; s < PipelineStages; s++)
            {
                Sync.Init(arrived[s], 0, 1);
                Sync.Init(slotFree[s], 128, 0);
            }
        }
        Gpu.SyncThreads();

        if (Gpu.WarpgroupId == 1)
        {
            Warpgroup.DecreaseRegisters(40);
            if (ThreadIdx.X == 128)
            {
                for (int i = 0; i < PipelineBlocks; i++)
                {
                    int slot = i % PipelineStages;
                    Sync.Wait(slotFree[slot], 1 - (i / PipelineStages) % 2);
                    Tma.Expect(arrived[slot], tiles[slot]);
                    Tma.Load(tiles[slot], x, new Coord(i / 4, (i / 2) % 2, i % 2, 0), arrived[slot]);
                }
            }
        }
        else
        {
            Warpgroup.IncreaseRegisters(232);
            var acc = new RT<float, D16, D64, Row>();
            var tile = new RT<float, D16, D64, Row>();
            Warp.Zero(acc);
            for (int i = 0; i < PipelineBlocks; i++)
            {
                int slot = i % PipelineStages;
                Sync.Wait(arrived[slot], (i / PipelineStages) % 2);
                Warpgroup.Load(tile, tiles[slot]);
                Sync.Arrive(slotFree[slot]);
                Warp.Add(acc, acc, tile);
            }
            Warp.Store(sum, acc, new Coord(0, 0, Gpu.WarpId % 4, 0));
        }
    }
}
