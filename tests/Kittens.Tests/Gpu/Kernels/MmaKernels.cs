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
    /// <summary>bf16 inputs, M = 16, N = 16, K = 16; see the class summary for the slots of d.</summary>
    [Kernel(Threads = 32)]
    public static void Bf16M16N16K16(GL<bf16> a, GL<bf16> at, GL<bf16> b, GL<bf16> bt, GL<float> c, GL<float> d)
    {
        var sa = Shared.Alloc<ST<bf16, D16, D16>>();
        var sb = Shared.Alloc<ST<bf16, D16, D16>>();
        var aRow = new RT<bf16, D16, D16, Row>();
        var aCol = new RT<bf16, D16, D16, Col>();
        var bCol = new RT<bf16, D16, D16, Col>();
        var bRow = new RT<bf16, D16, D16, Row>();
        var bKn = new RT<bf16, D16, D16, Row>();
        var cReg = new RT<float, D16, D16, Row>();
        var acc = new RT<float, D16, D16, Row>();

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

    /// <summary>bf16 inputs, M = 32, N = 64, K = 32; see the class summary for the slots of d.</summary>
    [Kernel(Threads = 32)]
    public static void Bf16M32N64K32(GL<bf16> a, GL<bf16> at, GL<bf16> b, GL<bf16> bt, GL<float> c, GL<float> d)
    {
        var sa = Shared.Alloc<ST<bf16, D32, D32>>();
        var sb = Shared.Alloc<ST<bf16, D32, D64>>();
        var aRow = new RT<bf16, D32, D32, Row>();
        var aCol = new RT<bf16, D32, D32, Col>();
        var bCol = new RT<bf16, D32, D64, Col>();
        var bRow = new RT<bf16, D64, D32, Row>();
        var bKn = new RT<bf16, D32, D64, Row>();
        var cReg = new RT<float, D32, D64, Row>();
        var acc = new RT<float, D32, D64, Row>();

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

    /// <summary>bf16 inputs, M = 64, N = 32, K = 48; see the class summary for the slots of d.</summary>
    [Kernel(Threads = 32)]
    public static void Bf16M64N32K48(GL<bf16> a, GL<bf16> at, GL<bf16> b, GL<bf16> bt, GL<float> c, GL<float> d)
    {
        var sa = Shared.Alloc<ST<bf16, D64, D48>>();
        var sb = Shared.Alloc<ST<bf16, D48, D32>>();
        var aRow = new RT<bf16, D64, D48, Row>();
        var aCol = new RT<bf16, D48, D64, Col>();
        var bCol = new RT<bf16, D48, D32, Col>();
        var bRow = new RT<bf16, D32, D48, Row>();
        var bKn = new RT<bf16, D48, D32, Row>();
        var cReg = new RT<float, D64, D32, Row>();
        var acc = new RT<float, D64, D32, Row>();

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

    /// <summary>f16 inputs, M = 16, N = 16, K = 16; see the class summary for the slots of d.</summary>
    [Kernel(Threads = 32)]
    public static void F16M16N16K16(GL<f16> a, GL<f16> at, GL<f16> b, GL<f16> bt, GL<float> c, GL<float> d)
    {
        var sa = Shared.Alloc<ST<f16, D16, D16>>();
        var sb = Shared.Alloc<ST<f16, D16, D16>>();
        var aRow = new RT<f16, D16, D16, Row>();
        var aCol = new RT<f16, D16, D16, Col>();
        var bCol = new RT<f16, D16, D16, Col>();
        var bRow = new RT<f16, D16, D16, Row>();
        var bKn = new RT<f16, D16, D16, Row>();
        var cReg = new RT<float, D16, D16, Row>();
        var acc = new RT<float, D16, D16, Row>();

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

    /// <summary>f16 inputs, M = 32, N = 64, K = 32; see the class summary for the slots of d.</summary>
    [Kernel(Threads = 32)]
    public static void F16M32N64K32(GL<f16> a, GL<f16> at, GL<f16> b, GL<f16> bt, GL<float> c, GL<float> d)
    {
        var sa = Shared.Alloc<ST<f16, D32, D32>>();
        var sb = Shared.Alloc<ST<f16, D32, D64>>();
        var aRow = new RT<f16, D32, D32, Row>();
        var aCol = new RT<f16, D32, D32, Col>();
        var bCol = new RT<f16, D32, D64, Col>();
        var bRow = new RT<f16, D64, D32, Row>();
        var bKn = new RT<f16, D32, D64, Row>();
        var cReg = new RT<float, D32, D64, Row>();
        var acc = new RT<float, D32, D64, Row>();

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
