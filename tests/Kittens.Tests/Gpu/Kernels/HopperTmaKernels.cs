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
    /// <summary>How the kernel's semaphore completes: what arrives on it and how its bytes are announced.</summary>
    public interface ICompletion
    {
        /// <summary>Thread arrivals it waits for besides the transaction: 0, or 32 (each lane of the warp once).</summary>
        static abstract int ThreadArrivals { get; }

        /// <summary>With <c>Tma.ExpectBytes</c> and a count (16-bit tiles only); else <c>Tma.Expect</c> of the tile's type.</summary>
        static abstract bool ExpectByteCount { get; }
    }

    /// <summary>The transaction alone, announced with <c>Tma.Expect</c>.</summary>
    public readonly struct TransactionOnly : ICompletion
    {
        public static int ThreadArrivals => 0;
        public static bool ExpectByteCount => false;
    }

    /// <summary>The transaction and the warp's 32 thread arrivals (init with 32 threads and 1 transaction).</summary>
    public readonly struct WarpArrives : ICompletion
    {
        public static int ThreadArrivals => 32;
        public static bool ExpectByteCount => false;
    }

    /// <summary>The transaction alone, its bytes announced with <c>Tma.ExpectBytes</c>.</summary>
    public readonly struct ByteCount : ICompletion
    {
        public static int ThreadArrivals => 0;
        public static bool ExpectByteCount => true;
    }

    /// <summary>
    /// st&lt;T, R, C&gt;; the instance names say T, R and C. Swizzle: 128 bytes for bf16 64x64 and
    /// 128x64 and float 64x32 (32 floats per row chunk), 64 bytes for bf16 and f16 64x32 and float
    /// 64x16, 32 bytes for bf16 64x16.
    /// </summary>
    [Kernel(Threads = 32)]
    [KernelInstance("Bf16Tile64x64", typeof(bf16), typeof(D64), typeof(D64), typeof(WarpArrives))]
    [KernelInstance("Bf16Tile64x32", typeof(bf16), typeof(D64), typeof(D32), typeof(TransactionOnly))]
    [KernelInstance("Bf16Tile64x16", typeof(bf16), typeof(D64), typeof(D16), typeof(ByteCount))]
    [KernelInstance("F16Tile64x32", typeof(f16), typeof(D64), typeof(D32), typeof(TransactionOnly))]
    [KernelInstance("FloatTile64x32", typeof(float), typeof(D64), typeof(D32), typeof(TransactionOnly))]
    [KernelInstance("FloatTile64x16", typeof(float), typeof(D64), typeof(D16), typeof(TransactionOnly))]
    [KernelInstance("Bf16Tile128x64", typeof(bf16), typeof(D128), typeof(D64), typeof(TransactionOnly))]
    public static void Tile<T, R, C, TCompletion>(
        [Tma] GL<T> src,
        GL<T> seen,
        [Tma] GL<T> dst,
        int b, int d, int r, int c, int outB, int outD, int outR, int outC)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where TCompletion : struct, ICompletion
    {
        var tile = Shared.Alloc<ST<T, R, C>>();
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, TCompletion.ThreadArrivals, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            if (TCompletion.ExpectByteCount)
            {
                // Two bytes an element: the byte-count instances are of 16-bit tiles.
                Tma.ExpectBytes(arrived, Dims.Of<R>() * Dims.Of<C>() * 2);
            }
            else
            {
                Tma.Expect(arrived, tile);
            }
            Tma.Load(tile, src, new Coord(b, d, r, c), arrived);
        }
        if (TCompletion.ThreadArrivals > 0)
        {
            Sync.Arrive(arrived);
        }
        Sync.Wait(arrived, 0);

        var reg = new RT<T, R, C, Row>();
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
