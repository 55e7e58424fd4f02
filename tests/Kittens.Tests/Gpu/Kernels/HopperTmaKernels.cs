using Kittens;

namespace Kittens.Tests.GpuKernels;

/// <summary>
/// TMA test kernels, one warp (the TMA copies are issued by thread 0), one per shared tile or
/// vector type (each swizzle width: 128, 64 and 32 bytes for 16-bit tiles, 128 and 64 for float).
/// Every kernel takes the same arguments:
/// src (any 4-D shape, with the tile's tensor map), seen (1, 1, R, C) plain, dst (any 4-D shape,
/// with the tile's tensor map), the tile coordinate (b, d, r, c) to load from src and the tile
/// coordinate (outB, outD, outR, outC) to store to dst. Body: a semaphore is initialised, the
/// bytes expected and tile (b, d, r, c) of src TMA-loaded into shared memory; after the wait
/// (a) the warp reads the shared tile into a register tile (our swizzle formula) and stores it
/// to seen, so seen = the tile as TMA wrote it (zeros past the end of src), and (b) the shared
/// tile is TMA-stored to tile (outB, outD, outR, outC) of dst (clipped at the end of dst), so dst
/// holds the tile there and is untouched elsewhere.
/// </summary>
public static partial class HopperTmaKernels
{
    /// <summary>
    /// st&lt;bf16, 64, 64&gt;: 128-byte swizzle. The semaphore also counts the warp's 32 thread
    /// arrivals (init with 32 threads and 1 transaction).
    /// </summary>
    [Kernel(Threads = 32)]
    public static void Bf16Tile64x64(
        [Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> src,
        GL<bf16> seen,
        [Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> dst,
        int b, int d, int r, int c, int outB, int outD, int outR, int outC)
    {
        var tile = Shared.Alloc<ST<bf16, D64, D64>>();
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 32, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            Tma.Expect(arrived, tile);
            Tma.Load(tile, src, new Coord(b, d, r, c), arrived);
        }
        Sync.Arrive(arrived);
        Sync.Wait(arrived, 0);

        var reg = new RT<bf16, D64, D64, Row>();
        Warp.Load(reg, tile);
        Warp.Store(seen, reg, new Coord(0, 0));
        if (ThreadIdx.X == 0)
        {
            Tma.Store(dst, tile, new Coord(outB, outD, outR, outC));
            Tma.StoreCommit();
            Tma.StoreWait(0);
        }
    }

    /// <summary>st&lt;bf16, 64, 32&gt;: 64-byte swizzle.</summary>
    [Kernel(Threads = 32)]
    public static void Bf16Tile64x32(
        [Tma(typeof(ST<bf16, D64, D32>))] GL<bf16> src,
        GL<bf16> seen,
        [Tma(typeof(ST<bf16, D64, D32>))] GL<bf16> dst,
        int b, int d, int r, int c, int outB, int outD, int outR, int outC)
    {
        var tile = Shared.Alloc<ST<bf16, D64, D32>>();
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 0, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            Tma.Expect(arrived, tile);
            Tma.Load(tile, src, new Coord(b, d, r, c), arrived);
        }
        Sync.Wait(arrived, 0);

        var reg = new RT<bf16, D64, D32, Row>();
        Warp.Load(reg, tile);
        Warp.Store(seen, reg, new Coord(0, 0));
        if (ThreadIdx.X == 0)
        {
            Tma.Store(dst, tile, new Coord(outB, outD, outR, outC));
            Tma.StoreCommit();
            Tma.StoreWait(0);
        }
    }

    /// <summary>st&lt;bf16, 64, 16&gt;: 32-byte swizzle; the bytes are announced with ExpectBytes.</summary>
    [Kernel(Threads = 32)]
    public static void Bf16Tile64x16(
        [Tma(typeof(ST<bf16, D64, D16>))] GL<bf16> src,
        GL<bf16> seen,
        [Tma(typeof(ST<bf16, D64, D16>))] GL<bf16> dst,
        int b, int d, int r, int c, int outB, int outD, int outR, int outC)
    {
        var tile = Shared.Alloc<ST<bf16, D64, D16>>();
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 0, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            Tma.ExpectBytes(arrived, 64 * 16 * 2);
            Tma.Load(tile, src, new Coord(b, d, r, c), arrived);
        }
        Sync.Wait(arrived, 0);

        var reg = new RT<bf16, D64, D16, Row>();
        Warp.Load(reg, tile);
        Warp.Store(seen, reg, new Coord(0, 0));
        if (ThreadIdx.X == 0)
        {
            Tma.Store(dst, tile, new Coord(outB, outD, outR, outC));
            Tma.StoreCommit();
            Tma.StoreWait(0);
        }
    }

    /// <summary>st&lt;f16, 64, 32&gt;: 64-byte swizzle.</summary>
    [Kernel(Threads = 32)]
    public static void F16Tile64x32(
        [Tma(typeof(ST<f16, D64, D32>))] GL<f16> src,
        GL<f16> seen,
        [Tma(typeof(ST<f16, D64, D32>))] GL<f16> dst,
        int b, int d, int r, int c, int outB, int outD, int outR, int outC)
    {
        var tile = Shared.Alloc<ST<f16, D64, D32>>();
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 0, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            Tma.Expect(arrived, tile);
            Tma.Load(tile, src, new Coord(b, d, r, c), arrived);
        }
        Sync.Wait(arrived, 0);

        var reg = new RT<f16, D64, D32, Row>();
        Warp.Load(reg, tile);
        Warp.Store(seen, reg, new Coord(0, 0));
        if (ThreadIdx.X == 0)
        {
            Tma.Store(dst, tile, new Coord(outB, outD, outR, outC));
            Tma.StoreCommit();
            Tma.StoreWait(0);
        }
    }

    /// <summary>st&lt;float, 64, 32&gt;: 128-byte swizzle (32 floats per row chunk).</summary>
    [Kernel(Threads = 32)]
    public static void FloatTile64x32(
        [Tma(typeof(ST<float, D64, D32>))] GL<float> src,
        GL<float> seen,
        [Tma(typeof(ST<float, D64, D32>))] GL<float> dst,
        int b, int d, int r, int c, int outB, int outD, int outR, int outC)
    {
        var tile = Shared.Alloc<ST<float, D64, D32>>();
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 0, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            Tma.Expect(arrived, tile);
            Tma.Load(tile, src, new Coord(b, d, r, c), arrived);
        }
        Sync.Wait(arrived, 0);

        var reg = new RT<float, D64, D32, Row>();
        Warp.Load(reg, tile);
        Warp.Store(seen, reg, new Coord(0, 0));
        if (ThreadIdx.X == 0)
        {
            Tma.Store(dst, tile, new Coord(outB, outD, outR, outC));
            Tma.StoreCommit();
            Tma.StoreWait(0);
        }
    }

    /// <summary>st&lt;float, 64, 16&gt;: 64-byte swizzle.</summary>
    [Kernel(Threads = 32)]
    public static void FloatTile64x16(
        [Tma(typeof(ST<float, D64, D16>))] GL<float> src,
        GL<float> seen,
        [Tma(typeof(ST<float, D64, D16>))] GL<float> dst,
        int b, int d, int r, int c, int outB, int outD, int outR, int outC)
    {
        var tile = Shared.Alloc<ST<float, D64, D16>>();
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 0, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            Tma.Expect(arrived, tile);
            Tma.Load(tile, src, new Coord(b, d, r, c), arrived);
        }
        Sync.Wait(arrived, 0);

        var reg = new RT<float, D64, D16, Row>();
        Warp.Load(reg, tile);
        Warp.Store(seen, reg, new Coord(0, 0));
        if (ThreadIdx.X == 0)
        {
            Tma.Store(dst, tile, new Coord(outB, outD, outR, outC));
            Tma.StoreCommit();
            Tma.StoreWait(0);
        }
    }

    /// <summary>st&lt;bf16, 128, 64&gt;: 128-byte swizzle, a 128-row box.</summary>
    [Kernel(Threads = 32)]
    public static void Bf16Tile128x64(
        [Tma(typeof(ST<bf16, D128, D64>))] GL<bf16> src,
        GL<bf16> seen,
        [Tma(typeof(ST<bf16, D128, D64>))] GL<bf16> dst,
        int b, int d, int r, int c, int outB, int outD, int outR, int outC)
    {
        var tile = Shared.Alloc<ST<bf16, D128, D64>>();
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 0, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            Tma.Expect(arrived, tile);
            Tma.Load(tile, src, new Coord(b, d, r, c), arrived);
        }
        Sync.Wait(arrived, 0);

        var reg = new RT<bf16, D128, D64, Row>();
        Warp.Load(reg, tile);
        Warp.Store(seen, reg, new Coord(0, 0));
        if (ThreadIdx.X == 0)
        {
            Tma.Store(dst, tile, new Coord(outB, outD, outR, outC));
            Tma.StoreCommit();
            Tma.StoreWait(0);
        }
    }

    /// <summary>
    /// sv&lt;float, 64&gt; (no swizzle): vector (b, d, r, c) is columns 64c .. 64c + 63 of row r;
    /// seen is (1, 1, 1, 64). The semaphore waits for 2 thread arrivals (thread 0 arrives twice)
    /// besides the transaction.
    /// </summary>
    [Kernel(Threads = 32)]
    public static void FloatVector64(
        [Tma(typeof(SV<float, D64>))] GL<float> src,
        GL<float> seen,
        [Tma(typeof(SV<float, D64>))] GL<float> dst,
        int b, int d, int r, int c, int outB, int outD, int outR, int outC)
    {
        var vector = Shared.Alloc<SV<float, D64>>();
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 2, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            Tma.Expect(arrived, vector);
            Tma.Load(vector, src, new Coord(b, d, r, c), arrived);
            Sync.Arrive(arrived, 2);
        }
        Sync.Wait(arrived, 0);

        var reg = new RV<float, D64, Align>();
        Warp.Load(reg, vector);
        Warp.Store(seen, reg, new Coord(0, 0));
        if (ThreadIdx.X == 0)
        {
            Tma.Store(dst, vector, new Coord(outB, outD, outR, outC));
            Tma.StoreCommit();
            Tma.StoreWait(0);
        }
    }
}
