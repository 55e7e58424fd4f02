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
    /// <summary>How the second product (slot 1) is waited for.</summary>
    public interface IWaitForm
    {
        /// <summary>With <c>Warpgroup.MmaWait(0, acc, after)</c>, after a row sum that overlaps the product; else a plain wait.</summary>
        static abstract bool AfterOtherWork { get; }
    }

    /// <summary>Slot 1 waited for with <c>MmaWait(0, acc)</c>.</summary>
    public readonly struct PlainWait : IWaitForm
    {
        public static bool AfterOtherWork => false;
    }

    /// <summary>Slot 1 waited for after other work, <c>MmaWait(0, acc, rowSums)</c>.</summary>
    public readonly struct WaitAfterOtherWork : IWaitForm
    {
        public static bool AfterOtherWork => true;
    }

    /// <summary>
    /// T inputs, A 64 x K, B K x N (and Bᵀ N x K); the instance names say T, N and K. See the
    /// class summary for the slots of d.
    /// </summary>
    [Kernel(Threads = 128)]
    [KernelInstance("Bf16N64K16", typeof(bf16), typeof(D64), typeof(D16), typeof(WaitAfterOtherWork))]
    [KernelInstance("Bf16N128K32", typeof(bf16), typeof(D128), typeof(D32), typeof(PlainWait))]
    [KernelInstance("Bf16N256K64", typeof(bf16), typeof(D256), typeof(D64), typeof(PlainWait))]
    [KernelInstance("Bf16N256K128", typeof(bf16), typeof(D256), typeof(D128), typeof(PlainWait))]
    [KernelInstance("Bf16N48K64", typeof(bf16), typeof(D48), typeof(D64), typeof(PlainWait))]
    [KernelInstance("Bf16N96K32", typeof(bf16), typeof(D96), typeof(D32), typeof(PlainWait))]
    [KernelInstance("Bf16N128K128", typeof(bf16), typeof(D128), typeof(D128), typeof(PlainWait))]
    [KernelInstance("Bf16N16K48", typeof(bf16), typeof(D16), typeof(D48), typeof(PlainWait))]
    [KernelInstance("F16N64K64", typeof(f16), typeof(D64), typeof(D64), typeof(PlainWait))]
    [KernelInstance("F16N128K16", typeof(f16), typeof(D128), typeof(D16), typeof(PlainWait))]
    [KernelInstance("F16N256K32", typeof(f16), typeof(D256), typeof(D32), typeof(PlainWait))]
    [KernelInstance("F16N80K96", typeof(f16), typeof(D80), typeof(D96), typeof(PlainWait))]
    public static void Product<T, N, K, TWait>([Tma] GL<T> a, [Tma] GL<T> b, [Tma] GL<T> bt, GL<float> d)
        where T : unmanaged, IMmaInput where N : struct, IDim where K : struct, IDim where TWait : struct, IWaitForm
    {
        var sa = Shared.Alloc<ST<T, D64, K>>();
        var sb = Shared.Alloc<ST<T, K, N>>();
        var sbt = Shared.Alloc<ST<T, N, K>>();
        var arrived = Shared.Alloc<Semaphore>();
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 0, 1);
        }
        Gpu.SyncThreads();
        if (ThreadIdx.X == 0)
        {
            // Both dtypes are 2 bytes.
            Tma.ExpectBytes(arrived, (64 * Dims.Of<K>() + 2 * Dims.Of<K>() * Dims.Of<N>()) * 2);
            Tma.Load(sa, a, new Coord(0, 0), arrived);
            Tma.Load(sb, b, new Coord(0, 0), arrived);
            Tma.Load(sbt, bt, new Coord(0, 0), arrived);
        }
        Sync.Wait(arrived, 0);

        int warp = Gpu.WarpId % 4;
        var ra = new RT<T, D16, K, Row>();
        var acc = new RT<float, D16, N, Row>();
        Warpgroup.Load(ra, sa);

        Warp.PosInfty(acc);
        Warpgroup.MmAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        Warpgroup.MmaWait(0, acc);
        Warp.Store(d, acc, new Coord(0, 0, warp, 0));
        Gpu.SyncThreads();
        Warpgroup.MmaAB(acc, sa, sb);
        Warpgroup.MmaCommit();
        if (TWait.AfterOtherWork)
        {
            // The wait placed after work that overlaps the product (slot 1 is still 2·A·B).
            var rowSums = new RV<float, D16, Ortho>();
            Warp.RowSum(rowSums, ra);
            Warpgroup.MmaWait(0, acc, rowSums);
        }
        else
        {
            Warpgroup.MmaWait(0, acc);
        }
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
