using Kittens;

namespace Kittens.Tests.GpuKernels;

/// <summary>
/// wgmma test kernels: one warpgroup (128 threads, grid 1) multiplies a 64 x K matrix A by a
/// K x N matrix B, fp32 accumulate, for one (dtype, N, K) each. Arguments:
/// a (1, 1, 64, K), b (1, 1, K, N) = B, bt (1, 1, N, K) = Bᵀ, all TMA-loaded into shared tiles,
/// and d (1, 8, 64, N) float, one 64 x N result per slot, warp w of the group storing rows
/// 16w .. 16w + 15 of each (Warp.Store at its 16-row band):
/// 0 MmAB(A shared, B) over an accumulator of +inf = A·B; 1 then MmaAB (accumulate) = 2·A·B
/// (in Bf16N64K16 waited for with the form that follows other work, MmaWait(0, acc, after));
/// 2, 3 the same with A in registers (Warpgroup.Load of the shared A, each warp its 16 rows);
/// 4 .. 7 the same four with MmABt / MmaABt on Bᵀ (K-major B) = A·B, 2·A·B, A·B, 2·A·B.
/// Swizzle of each shared operand: K-major (A, Bᵀ) by K and N-major (B) by N, 128 bytes for a
/// multiple of 64, 64 bytes for another multiple of 32, 32 bytes otherwise; the kernel names
/// list them. A barrier follows each store of the accumulator: without it ptxas keeps a copy of
/// the stored values past the next wgmma, and the N = 256 kernels spill and serialise their wgmma.
/// </summary>
public static partial class HopperWgmmaKernels
{

    /// <summary>
    /// bf16 inputs, N = 64, K = 16: A and Bᵀ K-major with a 32-byte swizzle, B N-major with a
    /// 128-byte swizzle. See the class summary for the slots of d.
    /// </summary>
    [Kernel(Threads = 128)]
    public static void Bf16N64K16(
        [Tma(typeof(ST<bf16, D64, D16>))] GL<bf16> a,
        [Tma(typeof(ST<bf16, D16, D64>))] GL<bf16> b,
        [Tma(typeof(ST<bf16, D64, D16>))] GL<bf16> bt,
        GL<float> d)
    {
        var sa = Shared.Alloc<ST<bf16, D64, D16>>();
        var sb = Shared.Alloc<ST<bf16, D16, D64>>();
        var sbt = Shared.Alloc<ST<bf16, D64, D16>>();
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 0, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            Tma.ExpectBytes(arrived, (64 * 16 + 2 * 16 * 64) * 2);
            Tma.Load(sa, a, new Coord(0, 0), arrived);
            Tma.Load(sb, b, new Coord(0, 0), arrived);
            Tma.Load(sbt, bt, new Coord(0, 0), arrived);
        }
        Sync.Wait(arrived, 0);

        int warp = Gpu.WarpId % 4;
        var ra = new RT<bf16, D16, D16, Row>();
        var acc = new RT<float, D16, D64, Row>();
        Warpgroup.Load(ra, sa);

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 0, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        // The wait placed after work that overlaps the product (slot 1 is still 2·A·B).
        var rowSums = new RV<float, D16, Ortho>();
        Warp.RowSum(rowSums, ra);
        Warpgroup.MmaWait(0, acc, rowSums);
        Warp.Store(d, acc, new Coord(0, 1, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 2, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 3, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 4, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 5, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 6, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 7, warp, 0));
        Gpu.SyncThreads();
    }

    /// <summary>
    /// bf16 inputs, N = 128, K = 32: A and Bᵀ K-major with a 64-byte swizzle, B N-major with a
    /// 128-byte swizzle. See the class summary for the slots of d.
    /// </summary>
    [Kernel(Threads = 128)]
    public static void Bf16N128K32(
        [Tma(typeof(ST<bf16, D64, D32>))] GL<bf16> a,
        [Tma(typeof(ST<bf16, D32, D128>))] GL<bf16> b,
        [Tma(typeof(ST<bf16, D128, D32>))] GL<bf16> bt,
        GL<float> d)
    {
        var sa = Shared.Alloc<ST<bf16, D64, D32>>();
        var sb = Shared.Alloc<ST<bf16, D32, D128>>();
        var sbt = Shared.Alloc<ST<bf16, D128, D32>>();
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 0, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            Tma.ExpectBytes(arrived, (64 * 32 + 2 * 32 * 128) * 2);
            Tma.Load(sa, a, new Coord(0, 0), arrived);
            Tma.Load(sb, b, new Coord(0, 0), arrived);
            Tma.Load(sbt, bt, new Coord(0, 0), arrived);
        }
        Sync.Wait(arrived, 0);

        int warp = Gpu.WarpId % 4;
        var ra = new RT<bf16, D16, D32, Row>();
        var acc = new RT<float, D16, D128, Row>();
        Warpgroup.Load(ra, sa);

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 0, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 1, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 2, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 3, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 4, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 5, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 6, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 7, warp, 0));
        Gpu.SyncThreads();
    }

    /// <summary>
    /// bf16 inputs, N = 256, K = 64: A and Bᵀ K-major with a 128-byte swizzle, B N-major with a
    /// 128-byte swizzle. See the class summary for the slots of d.
    /// </summary>
    [Kernel(Threads = 128)]
    public static void Bf16N256K64(
        [Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> a,
        [Tma(typeof(ST<bf16, D64, D256>))] GL<bf16> b,
        [Tma(typeof(ST<bf16, D256, D64>))] GL<bf16> bt,
        GL<float> d)
    {
        var sa = Shared.Alloc<ST<bf16, D64, D64>>();
        var sb = Shared.Alloc<ST<bf16, D64, D256>>();
        var sbt = Shared.Alloc<ST<bf16, D256, D64>>();
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 0, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            Tma.ExpectBytes(arrived, (64 * 64 + 2 * 64 * 256) * 2);
            Tma.Load(sa, a, new Coord(0, 0), arrived);
            Tma.Load(sb, b, new Coord(0, 0), arrived);
            Tma.Load(sbt, bt, new Coord(0, 0), arrived);
        }
        Sync.Wait(arrived, 0);

        int warp = Gpu.WarpId % 4;
        var ra = new RT<bf16, D16, D64, Row>();
        var acc = new RT<float, D16, D256, Row>();
        Warpgroup.Load(ra, sa);

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 0, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 1, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 2, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 3, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 4, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 5, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 6, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 7, warp, 0));
        Gpu.SyncThreads();
    }

    /// <summary>
    /// bf16 inputs, N = 256, K = 128: A and Bᵀ K-major with a 128-byte swizzle, B N-major with a
    /// 128-byte swizzle. See the class summary for the slots of d.
    /// </summary>
    [Kernel(Threads = 128)]
    public static void Bf16N256K128(
        [Tma(typeof(ST<bf16, D64, D128>))] GL<bf16> a,
        [Tma(typeof(ST<bf16, D128, D256>))] GL<bf16> b,
        [Tma(typeof(ST<bf16, D256, D128>))] GL<bf16> bt,
        GL<float> d)
    {
        var sa = Shared.Alloc<ST<bf16, D64, D128>>();
        var sb = Shared.Alloc<ST<bf16, D128, D256>>();
        var sbt = Shared.Alloc<ST<bf16, D256, D128>>();
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 0, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            Tma.ExpectBytes(arrived, (64 * 128 + 2 * 128 * 256) * 2);
            Tma.Load(sa, a, new Coord(0, 0), arrived);
            Tma.Load(sb, b, new Coord(0, 0), arrived);
            Tma.Load(sbt, bt, new Coord(0, 0), arrived);
        }
        Sync.Wait(arrived, 0);

        int warp = Gpu.WarpId % 4;
        var ra = new RT<bf16, D16, D128, Row>();
        var acc = new RT<float, D16, D256, Row>();
        Warpgroup.Load(ra, sa);

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 0, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 1, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 2, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 3, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 4, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 5, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 6, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 7, warp, 0));
        Gpu.SyncThreads();
    }

    /// <summary>
    /// bf16 inputs, N = 48, K = 64: A and Bᵀ K-major with a 128-byte swizzle, B N-major with a
    /// 32-byte swizzle. See the class summary for the slots of d.
    /// </summary>
    [Kernel(Threads = 128)]
    public static void Bf16N48K64(
        [Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> a,
        [Tma(typeof(ST<bf16, D64, D48>))] GL<bf16> b,
        [Tma(typeof(ST<bf16, D48, D64>))] GL<bf16> bt,
        GL<float> d)
    {
        var sa = Shared.Alloc<ST<bf16, D64, D64>>();
        var sb = Shared.Alloc<ST<bf16, D64, D48>>();
        var sbt = Shared.Alloc<ST<bf16, D48, D64>>();
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 0, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            Tma.ExpectBytes(arrived, (64 * 64 + 2 * 64 * 48) * 2);
            Tma.Load(sa, a, new Coord(0, 0), arrived);
            Tma.Load(sb, b, new Coord(0, 0), arrived);
            Tma.Load(sbt, bt, new Coord(0, 0), arrived);
        }
        Sync.Wait(arrived, 0);

        int warp = Gpu.WarpId % 4;
        var ra = new RT<bf16, D16, D64, Row>();
        var acc = new RT<float, D16, D48, Row>();
        Warpgroup.Load(ra, sa);

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 0, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 1, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 2, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 3, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 4, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 5, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 6, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 7, warp, 0));
        Gpu.SyncThreads();
    }

    /// <summary>
    /// bf16 inputs, N = 96, K = 32: A and Bᵀ K-major with a 64-byte swizzle, B N-major with a
    /// 64-byte swizzle. See the class summary for the slots of d.
    /// </summary>
    [Kernel(Threads = 128)]
    public static void Bf16N96K32(
        [Tma(typeof(ST<bf16, D64, D32>))] GL<bf16> a,
        [Tma(typeof(ST<bf16, D32, D96>))] GL<bf16> b,
        [Tma(typeof(ST<bf16, D96, D32>))] GL<bf16> bt,
        GL<float> d)
    {
        var sa = Shared.Alloc<ST<bf16, D64, D32>>();
        var sb = Shared.Alloc<ST<bf16, D32, D96>>();
        var sbt = Shared.Alloc<ST<bf16, D96, D32>>();
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 0, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            Tma.ExpectBytes(arrived, (64 * 32 + 2 * 32 * 96) * 2);
            Tma.Load(sa, a, new Coord(0, 0), arrived);
            Tma.Load(sb, b, new Coord(0, 0), arrived);
            Tma.Load(sbt, bt, new Coord(0, 0), arrived);
        }
        Sync.Wait(arrived, 0);

        int warp = Gpu.WarpId % 4;
        var ra = new RT<bf16, D16, D32, Row>();
        var acc = new RT<float, D16, D96, Row>();
        Warpgroup.Load(ra, sa);

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 0, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 1, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 2, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 3, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 4, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 5, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 6, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 7, warp, 0));
        Gpu.SyncThreads();
    }

    /// <summary>
    /// bf16 inputs, N = 128, K = 128: A and Bᵀ K-major with a 128-byte swizzle, B N-major with a
    /// 128-byte swizzle. See the class summary for the slots of d.
    /// </summary>
    [Kernel(Threads = 128)]
    public static void Bf16N128K128(
        [Tma(typeof(ST<bf16, D64, D128>))] GL<bf16> a,
        [Tma(typeof(ST<bf16, D128, D128>))] GL<bf16> b,
        [Tma(typeof(ST<bf16, D128, D128>))] GL<bf16> bt,
        GL<float> d)
    {
        var sa = Shared.Alloc<ST<bf16, D64, D128>>();
        var sb = Shared.Alloc<ST<bf16, D128, D128>>();
        var sbt = Shared.Alloc<ST<bf16, D128, D128>>();
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 0, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            Tma.ExpectBytes(arrived, (64 * 128 + 2 * 128 * 128) * 2);
            Tma.Load(sa, a, new Coord(0, 0), arrived);
            Tma.Load(sb, b, new Coord(0, 0), arrived);
            Tma.Load(sbt, bt, new Coord(0, 0), arrived);
        }
        Sync.Wait(arrived, 0);

        int warp = Gpu.WarpId % 4;
        var ra = new RT<bf16, D16, D128, Row>();
        var acc = new RT<float, D16, D128, Row>();
        Warpgroup.Load(ra, sa);

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 0, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 1, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 2, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 3, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 4, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 5, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 6, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 7, warp, 0));
        Gpu.SyncThreads();
    }

    /// <summary>
    /// bf16 inputs, N = 16, K = 48: A and Bᵀ K-major with a 32-byte swizzle, B N-major with a
    /// 32-byte swizzle. See the class summary for the slots of d.
    /// </summary>
    [Kernel(Threads = 128)]
    public static void Bf16N16K48(
        [Tma(typeof(ST<bf16, D64, D48>))] GL<bf16> a,
        [Tma(typeof(ST<bf16, D48, D16>))] GL<bf16> b,
        [Tma(typeof(ST<bf16, D16, D48>))] GL<bf16> bt,
        GL<float> d)
    {
        var sa = Shared.Alloc<ST<bf16, D64, D48>>();
        var sb = Shared.Alloc<ST<bf16, D48, D16>>();
        var sbt = Shared.Alloc<ST<bf16, D16, D48>>();
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 0, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            Tma.ExpectBytes(arrived, (64 * 48 + 2 * 48 * 16) * 2);
            Tma.Load(sa, a, new Coord(0, 0), arrived);
            Tma.Load(sb, b, new Coord(0, 0), arrived);
            Tma.Load(sbt, bt, new Coord(0, 0), arrived);
        }
        Sync.Wait(arrived, 0);

        int warp = Gpu.WarpId % 4;
        var ra = new RT<bf16, D16, D48, Row>();
        var acc = new RT<float, D16, D16, Row>();
        Warpgroup.Load(ra, sa);

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 0, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 1, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 2, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 3, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 4, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 5, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 6, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 7, warp, 0));
        Gpu.SyncThreads();
    }

    /// <summary>
    /// f16 inputs, N = 64, K = 64: A and Bᵀ K-major with a 128-byte swizzle, B N-major with a
    /// 128-byte swizzle. See the class summary for the slots of d.
    /// </summary>
    [Kernel(Threads = 128)]
    public static void F16N64K64(
        [Tma(typeof(ST<f16, D64, D64>))] GL<f16> a,
        [Tma(typeof(ST<f16, D64, D64>))] GL<f16> b,
        [Tma(typeof(ST<f16, D64, D64>))] GL<f16> bt,
        GL<float> d)
    {
        var sa = Shared.Alloc<ST<f16, D64, D64>>();
        var sb = Shared.Alloc<ST<f16, D64, D64>>();
        var sbt = Shared.Alloc<ST<f16, D64, D64>>();
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 0, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            Tma.ExpectBytes(arrived, (64 * 64 + 2 * 64 * 64) * 2);
            Tma.Load(sa, a, new Coord(0, 0), arrived);
            Tma.Load(sb, b, new Coord(0, 0), arrived);
            Tma.Load(sbt, bt, new Coord(0, 0), arrived);
        }
        Sync.Wait(arrived, 0);

        int warp = Gpu.WarpId % 4;
        var ra = new RT<f16, D16, D64, Row>();
        var acc = new RT<float, D16, D64, Row>();
        Warpgroup.Load(ra, sa);

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 0, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 1, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 2, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 3, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 4, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 5, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 6, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 7, warp, 0));
        Gpu.SyncThreads();
    }

    /// <summary>
    /// f16 inputs, N = 128, K = 16: A and Bᵀ K-major with a 32-byte swizzle, B N-major with a
    /// 128-byte swizzle. See the class summary for the slots of d.
    /// </summary>
    [Kernel(Threads = 128)]
    public static void F16N128K16(
        [Tma(typeof(ST<f16, D64, D16>))] GL<f16> a,
        [Tma(typeof(ST<f16, D16, D128>))] GL<f16> b,
        [Tma(typeof(ST<f16, D128, D16>))] GL<f16> bt,
        GL<float> d)
    {
        var sa = Shared.Alloc<ST<f16, D64, D16>>();
        var sb = Shared.Alloc<ST<f16, D16, D128>>();
        var sbt = Shared.Alloc<ST<f16, D128, D16>>();
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 0, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            Tma.ExpectBytes(arrived, (64 * 16 + 2 * 16 * 128) * 2);
            Tma.Load(sa, a, new Coord(0, 0), arrived);
            Tma.Load(sb, b, new Coord(0, 0), arrived);
            Tma.Load(sbt, bt, new Coord(0, 0), arrived);
        }
        Sync.Wait(arrived, 0);

        int warp = Gpu.WarpId % 4;
        var ra = new RT<f16, D16, D16, Row>();
        var acc = new RT<float, D16, D128, Row>();
        Warpgroup.Load(ra, sa);

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 0, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 1, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 2, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 3, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 4, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 5, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 6, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 7, warp, 0));
        Gpu.SyncThreads();
    }

    /// <summary>
    /// f16 inputs, N = 256, K = 32: A and Bᵀ K-major with a 64-byte swizzle, B N-major with a
    /// 128-byte swizzle. See the class summary for the slots of d.
    /// </summary>
    [Kernel(Threads = 128)]
    public static void F16N256K32(
        [Tma(typeof(ST<f16, D64, D32>))] GL<f16> a,
        [Tma(typeof(ST<f16, D32, D256>))] GL<f16> b,
        [Tma(typeof(ST<f16, D256, D32>))] GL<f16> bt,
        GL<float> d)
    {
        var sa = Shared.Alloc<ST<f16, D64, D32>>();
        var sb = Shared.Alloc<ST<f16, D32, D256>>();
        var sbt = Shared.Alloc<ST<f16, D256, D32>>();
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 0, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            Tma.ExpectBytes(arrived, (64 * 32 + 2 * 32 * 256) * 2);
            Tma.Load(sa, a, new Coord(0, 0), arrived);
            Tma.Load(sb, b, new Coord(0, 0), arrived);
            Tma.Load(sbt, bt, new Coord(0, 0), arrived);
        }
        Sync.Wait(arrived, 0);

        int warp = Gpu.WarpId % 4;
        var ra = new RT<f16, D16, D32, Row>();
        var acc = new RT<float, D16, D256, Row>();
        Warpgroup.Load(ra, sa);

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 0, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 1, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 2, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 3, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 4, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 5, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 6, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 7, warp, 0));
        Gpu.SyncThreads();
    }

    /// <summary>
    /// f16 inputs, N = 80, K = 96: A and Bᵀ K-major with a 64-byte swizzle, B N-major with a
    /// 32-byte swizzle. See the class summary for the slots of d.
    /// </summary>
    [Kernel(Threads = 128)]
    public static void F16N80K96(
        [Tma(typeof(ST<f16, D64, D96>))] GL<f16> a,
        [Tma(typeof(ST<f16, D96, D80>))] GL<f16> b,
        [Tma(typeof(ST<f16, D80, D96>))] GL<f16> bt,
        GL<float> d)
    {
        var sa = Shared.Alloc<ST<f16, D64, D96>>();
        var sb = Shared.Alloc<ST<f16, D96, D80>>();
        var sbt = Shared.Alloc<ST<f16, D80, D96>>();
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 0, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            Tma.ExpectBytes(arrived, (64 * 96 + 2 * 96 * 80) * 2);
            Tma.Load(sa, a, new Coord(0, 0), arrived);
            Tma.Load(sb, b, new Coord(0, 0), arrived);
            Tma.Load(sbt, bt, new Coord(0, 0), arrived);
        }
        Sync.Wait(arrived, 0);

        int warp = Gpu.WarpId % 4;
        var ra = new RT<f16, D16, D96, Row>();
        var acc = new RT<float, D16, D80, Row>();
        Warpgroup.Load(ra, sa);

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 0, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 1, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 2, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, ra, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 3, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 4, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, sa, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 5, warp, 0));
        Gpu.SyncThreads();

        Warp.PosInfty(acc);
        Warpgroup.MmABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 6, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaABt(acc, ra, sbt);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 7, warp, 0));
        Gpu.SyncThreads();
    }
}
