using Kittens;

namespace Kittens.Tests.GpuKernels;

/// <summary>
/// Test kernels for the four warp mma forms, bf16 and f16 inputs, several (M, N, K) shapes. Every
/// kernel takes the same host matrices in the orientations each form wants:
/// a: (1, 1, M, K), at: (1, 1, K, M) = aᵀ, b: (1, 1, K, N), bt: (1, 1, N, K) = bᵀ, c: (1, 1, M, N) float.
/// d: (1, 6, M, N) float, one result per slot:
/// 0 MmaAB (B loaded from global straight into a column tile; d distinct from c) = a·b + c;
/// 1 MmaABt (in place on the accumulator) = a·b + c; 2 MmaAtB = a·b + c; 3 MmaAtBt = a·b + c;
/// 4 MmaAB with B loaded as a row tile and converted by SwapLayout, zero accumulator = a·b;
/// 5 MmaAB with A and B read from shared tiles (ldmatrix / ldmatrix.trans) = a·b + c.
/// </summary>
public static partial class MmaKernels
{
    /// <summary>
    /// T inputs, A M x K, B K x N; the instance names say T, M, N and K. See the class summary for
    /// the slots of d.
    /// </summary>
    [Kernel(Threads = 32)]
    [KernelInstance("Bf16M16N16K16", typeof(bf16), typeof(D16), typeof(D16), typeof(D16))]
    [KernelInstance("Bf16M32N64K32", typeof(bf16), typeof(D32), typeof(D64), typeof(D32))]
    [KernelInstance("Bf16M64N32K48", typeof(bf16), typeof(D64), typeof(D32), typeof(D48))]
    [KernelInstance("F16M16N16K16", typeof(f16), typeof(D16), typeof(D16), typeof(D16))]
    [KernelInstance("F16M32N64K32", typeof(f16), typeof(D32), typeof(D64), typeof(D32))]
    public static void Product<T, M, N, K>(GL<T> a, GL<T> at, GL<T> b, GL<T> bt, GL<float> c, GL<float> d)
        where T : unmanaged, IMmaInput where M : struct, IDim where N : struct, IDim where K : struct, IDim
    {
        var sa = Shared.Alloc<ST<T, M, K>>();
        var sb = Shared.Alloc<ST<T, K, N>>();
        var aRow = new RT<T, M, K, Row>();
        var aCol = new RT<T, K, M, Col>();
        var bCol = new RT<T, K, N, Col>();
        var bRow = new RT<T, N, K, Row>();
        var bKn = new RT<T, K, N, Row>();
        var cReg = new RT<float, M, N, Row>();
        var acc = new RT<float, M, N, Row>();

        Warp.Load(aRow, a, new Coord(0, 0));
        Warp.Load(aCol, at, new Coord(0, 0));
        Warp.Load(bCol, b, new Coord(0, 0));
        Warp.Load(bRow, bt, new Coord(0, 0));
        Warp.Load(cReg, c, new Coord(0, 0));

        Warp.MmaAB(acc, aRow, bCol, cReg);
        Warp.Store(d, acc, new Coord(0, 0, 0, 0));

        Warp.Load(acc, c, new Coord(0, 0));
        Warp.MmaABt(acc, aRow, bRow, acc);
        Warp.Store(d, acc, new Coord(0, 1, 0, 0));

        Warp.Load(acc, c, new Coord(0, 0));
        Warp.MmaAtB(acc, aCol, bCol, acc);
        Warp.Store(d, acc, new Coord(0, 2, 0, 0));

        Warp.Copy(acc, cReg);
        Warp.MmaAtBt(acc, aCol, bRow, acc);
        Warp.Store(d, acc, new Coord(0, 3, 0, 0));

        Warp.Load(bKn, b, new Coord(0, 0));
        Warp.SwapLayout(bCol, bKn);
        Warp.Zero(acc);
        Warp.MmaAB(acc, aRow, bCol, acc);
        Warp.Store(d, acc, new Coord(0, 4, 0, 0));

        Warp.Load(sa, a, new Coord(0, 0));
        Warp.Load(sb, b, new Coord(0, 0));
        Gpu.SyncThreads();
        Warp.Load(aRow, sa);
        Warp.Load(bCol, sb);
        Warp.MmaAB(acc, aRow, bCol, cReg);
        Warp.Store(d, acc, new Coord(0, 5, 0, 0));
    }
}
