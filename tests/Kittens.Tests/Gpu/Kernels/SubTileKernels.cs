using Kittens;

namespace Kittens.Tests.GpuKernels;

/// <summary>
/// Sub-tiles (bands of a shared tile's rows and columns) and arrays of tiles: warp loads and
/// stores through bands, wgmma with bands as A and B, device functions that take bands, arrays
/// of shared tiles, register tiles and semaphores.
/// </summary>
public static partial class SubTileKernels
{
    /// <summary>
    /// 4 warps. a (1, 1, 64, 128) bf16 into a 64 x 128 shared tile t (two 64-column swizzle chunks).
    /// rows (1, 1, 64, 128): warp w loads band w of 16 rows (through a device function taking the
    /// band) and stores it = a. cols (1, 1, 64, 64): warp w loads the 16 x 64 sub-tile (w, 1) into a
    /// column-layout tile = a[:, 64:128]. stored (1, 1, 64, 128): warp w writes 2·(its band) into
    /// band 3 − w of a second tile, which warp 0 then stores = a with its row bands reversed, doubled.
    /// </summary>
    [Kernel(Threads = 128)]
    public static void WarpBands(GL<bf16> a, GL<float> rows, GL<float> cols, GL<bf16> stored)
    {
        var t = Shared.Alloc<ST<bf16, D64, D128>>();
        var u = Shared.Alloc<ST<bf16, D64, D128>>();
        int warp = Gpu.WarpId;
        if (warp == 0)
        {
            Warp.Load(t, a, new Coord(0, 0));
        }
        Gpu.SyncThreads();

        var band = new RT<float, D16, D128, Row>();
        LoadBand(band, t.Rows<D16>(warp));
        Warp.Store(rows, band, new Coord(0, 0, warp, 0));

        var right = t.Sub<D16, D64>(warp, 1);
        var half = new RT<float, D16, D64, Col>();
        Warp.Load(half, right);
        Warp.Store(cols, half, new Coord(0, 0, warp, 0));

        Warp.Mul(band, band, 2f);
        Warp.Store(u.Rows<D16>(3 - warp), band);
        Gpu.SyncThreads();
        if (warp == 0)
        {
            Warp.Store(stored, u, new Coord(0, 0));
        }
    }

    [DeviceFunction]
    private static void LoadBand(RT<float, D16, D128, Row> dst, ST<bf16, D16, D128> src) => Warp.Load(dst, src);

    /// <summary>
    /// One warpgroup. x (1, 1, 128, 64) and y (1, 1, 64, 128) bf16, TMA-loaded into shared tiles X
    /// and Y (Y is two 64-column chunks). d (1, 5, 64, 64) float, warp w storing rows 16w.. of each:
    /// 0 X[64:128, :] · Y[:, 64:128] (A a row band, B a column band of an N-major operand);
    /// 1 Y[:, 0:64] · X[64:128, :] (A a one-chunk column band = a K range, B a row band = a K range);
    /// 2 Y[:, 64:128] · X[0:64, :]ᵀ (B of A·Bᵀ a row band = an N range of a K-major operand);
    /// 3 X[0:64, :] · Y[:, 64:128] with A in registers, loaded from a row band by the warpgroup;
    /// 4 Y[:, 64:128] · X[64:128, :] through Sub.
    /// o (1, 1, 128, 64) float: the warpgroup stores slot 4's result into rows 64..127 of a float
    /// tile and zeros into rows 0..63, and warp 0 stores the tile.
    /// </summary>
    [Kernel(Threads = 128)]
    public static void WgmmaBands([Tma] GL<bf16> x, [Tma] GL<bf16> y, GL<float> d, GL<float> o)
    {
        var sx = Shared.Alloc<ST<bf16, D128, D64>>();
        var sy = Shared.Alloc<ST<bf16, D64, D128>>();
        var so = Shared.Alloc<ST<float, D128, D64>>();
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 0, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            Tma.ExpectBytes(arrived, 2 * 128 * 64 * 2);
            Tma.Load(sx, x, new Coord(0, 0), arrived);
            Tma.Load(sy, y, new Coord(0, 0), arrived);
        }
        Sync.Wait(arrived, 0);

        int warp = Gpu.WarpId % 4;
        var acc = new RT<float, D16, D64, Row>();
        var ra = new RT<bf16, D16, D64, Row>();

        Warpgroup.MmAB(acc, sx.Rows<D64>(1), sy.Cols<D64>(1));
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 0, warp, 0));

        Warpgroup.MmAB(acc, sy.Cols<D64>(0), sx.Rows<D64>(1));
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 1, warp, 0));

        Warpgroup.MmABt(acc, sy.Cols<D64>(1), sx.Rows<D64>(0));
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 2, warp, 0));

        Warpgroup.Load(ra, sx.Rows<D64>(0));
        Warpgroup.MmAB(acc, ra, sy.Cols<D64>(1));
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 3, warp, 0));

        Warpgroup.MmAB(acc, sy.Sub<D64, D64>(0, 1), sx.Sub<D64, D64>(1, 0));
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 4, warp, 0));

        Warpgroup.Store(so.Rows<D64>(1), acc);
        Warp.Zero(acc);
        Warpgroup.Store(so.Rows<D64>(0), acc);
        Gpu.SyncThreads();
        if (warp == 0 && Gpu.WarpgroupId == 0)
        {
            Warp.Store(o, so, new Coord(0, 0));
        }
    }

    /// <summary>
    /// 1 warp. x (1, 3, 16, 32) float: three tiles, loaded by a device function into an array of
    /// three shared tiles, read into an array of three register tiles by another, summed by a
    /// third that walks the array by its length. y (1, 1, 16, 32) = x0 + x1 + x2. Every lane
    /// arrives on each of an array of two semaphores in a device function and then waits for
    /// their phase 0, which completes only if the function reached the kernel's semaphores.
    /// </summary>
    [Kernel(Threads = 32)]
    public static void TileArrays(GL<float> x, GL<float> y)
    {
        var parts = Shared.Alloc<ST<float, D16, D32>>(3);
        var ready = Shared.Alloc<Semaphore>(2);
        var acc = new RT<float, D16, D32, Row>[3];
        if (Gpu.LaneId == 0)
        {
            Sync.Init(ready[0], 32, 0);
            Sync.Init(ready[1], 32, 0);
        }
        Gpu.SyncThreads();

        LoadParts(parts, x);
        ReadParts(acc, parts);
        SumInto(acc);
        Warp.Store(y, acc[0], new Coord(0, 0));

        ArriveOnEach(ready);
        Sync.Wait(ready[0], 0);
        Sync.Wait(ready[1], 0);
    }

    [DeviceFunction]
    private static void LoadParts(ST<float, D16, D32>[] parts, GL<float> x)
    {
        for (int i = 0; i < parts.Length; i++)
        {
            Warp.Load(parts[i], x, new Coord(0, i, 0, 0));
        }
    }

    [DeviceFunction]
    private static void ReadParts(RT<float, D16, D32, Row>[] tiles, ST<float, D16, D32>[] parts)
    {
        for (int i = 0; i < tiles.Length; i++)
        {
            Warp.Load(tiles[i], parts[i]);
        }
    }

    [DeviceFunction]
    private static void SumInto(RT<float, D16, D32, Row>[] tiles)
    {
        for (int i = 1; i < tiles.Length; i++)
        {
            Warp.Add(tiles[0], tiles[0], tiles[i]);
        }
    }

    [DeviceFunction]
    private static void ArriveOnEach(Semaphore[] semaphores)
    {
        for (int i = 0; i < semaphores.Length; i++)
        {
            Sync.Arrive(semaphores[i]);
        }
    }
}
