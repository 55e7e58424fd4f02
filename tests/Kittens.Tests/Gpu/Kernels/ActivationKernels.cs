using Kittens;

namespace Kittens.Tests.GpuKernels;

/// <summary>
/// Test kernels for the activation and root maps (Sqrt, Rsqrt, Tanh, Sigmoid, Gelu, GeluTanh) on
/// register tiles of both layouts and register vectors of both layouts, one instance per dtype,
/// and for their scalar DeviceMath forms. The op order in every output is
/// 0 sqrt(p), 1 rsqrt(p), 2 tanh(x), 3 sigmoid(x), 4 gelu(x), 5 gelu_tanh(x) (p &gt; 0, x any sign).
/// </summary>
public static partial class ActivationKernels
{
    /// <summary>
    /// x, p: (1, 1, 32, 48) of T. output: (1, 12, 32, 48) of T; slot s = output[0, s]: row layout
    /// in slots 0..5, column layout in 6..11 (the last two of each computed in place, dst = src).
    /// </summary>
    [Kernel(Threads = 32)]
    [KernelInstance("TileActivationsFloat", typeof(float))]
    [KernelInstance("TileActivationsBf16", typeof(bf16))]
    [KernelInstance("TileActivationsF16", typeof(f16))]
    public static void TileActivations<T>(GL<T> x, GL<T> p, GL<T> output) where T : unmanaged
    {
        var xr = new RT<T, D32, D48, Row>();
        var pr = new RT<T, D32, D48, Row>();
        var rr = new RT<T, D32, D48, Row>();
        Warp.Load(xr, x, new Coord(0, 0));
        Warp.Load(pr, p, new Coord(0, 0));
        Warp.Sqrt(rr, pr);
        Warp.Store(output, rr, new Coord(0, 0, 0, 0));
        Warp.Rsqrt(rr, pr);
        Warp.Store(output, rr, new Coord(0, 1, 0, 0));
        Warp.Tanh(rr, xr);
        Warp.Store(output, rr, new Coord(0, 2, 0, 0));
        Warp.Sigmoid(rr, xr);
        Warp.Store(output, rr, new Coord(0, 3, 0, 0));
        Warp.Copy(rr, xr);
        Warp.Gelu(rr, rr);
        Warp.Store(output, rr, new Coord(0, 4, 0, 0));
        Warp.GeluTanh(xr, xr);
        Warp.Store(output, xr, new Coord(0, 5, 0, 0));

        var xc = new RT<T, D32, D48, Col>();
        var pc = new RT<T, D32, D48, Col>();
        var rc = new RT<T, D32, D48, Col>();
        Warp.Load(xc, x, new Coord(0, 0));
        Warp.Load(pc, p, new Coord(0, 0));
        Warp.Sqrt(rc, pc);
        Warp.Store(output, rc, new Coord(0, 6, 0, 0));
        Warp.Rsqrt(rc, pc);
        Warp.Store(output, rc, new Coord(0, 7, 0, 0));
        Warp.Tanh(rc, xc);
        Warp.Store(output, rc, new Coord(0, 8, 0, 0));
        Warp.Sigmoid(rc, xc);
        Warp.Store(output, rc, new Coord(0, 9, 0, 0));
        Warp.Copy(rc, xc);
        Warp.Gelu(rc, rc);
        Warp.Store(output, rc, new Coord(0, 10, 0, 0));
        Warp.GeluTanh(xc, xc);
        Warp.Store(output, xc, new Coord(0, 11, 0, 0));
    }

    /// <summary>
    /// x, p: (1, 1, 1, 64) of T. output: (1, 1, 12, 64) of T; row i: ortho layout in rows 0..5,
    /// align layout in rows 6..11.
    /// </summary>
    [Kernel(Threads = 32)]
    [KernelInstance("VectorActivationsFloat", typeof(float))]
    [KernelInstance("VectorActivationsBf16", typeof(bf16))]
    [KernelInstance("VectorActivationsF16", typeof(f16))]
    public static void VectorActivations<T>(GL<T> x, GL<T> p, GL<T> output) where T : unmanaged
    {
        var xo = new RV<T, D64, Ortho>();
        var po = new RV<T, D64, Ortho>();
        var ro = new RV<T, D64, Ortho>();
        Warp.Load(xo, x, new Coord(0, 0));
        Warp.Load(po, p, new Coord(0, 0));
        Warp.Sqrt(ro, po);
        Warp.Store(output, ro, new Coord(0, 0, 0, 0));
        Warp.Rsqrt(ro, po);
        Warp.Store(output, ro, new Coord(0, 0, 1, 0));
        Warp.Tanh(ro, xo);
        Warp.Store(output, ro, new Coord(0, 0, 2, 0));
        Warp.Sigmoid(ro, xo);
        Warp.Store(output, ro, new Coord(0, 0, 3, 0));
        Warp.Gelu(ro, xo);
        Warp.Store(output, ro, new Coord(0, 0, 4, 0));
        Warp.GeluTanh(xo, xo);
        Warp.Store(output, xo, new Coord(0, 0, 5, 0));

        var xa = new RV<T, D64, Align>();
        var pa = new RV<T, D64, Align>();
        var ra = new RV<T, D64, Align>();
        Warp.Load(xa, x, new Coord(0, 0));
        Warp.Load(pa, p, new Coord(0, 0));
        Warp.Sqrt(ra, pa);
        Warp.Store(output, ra, new Coord(0, 0, 6, 0));
        Warp.Rsqrt(ra, pa);
        Warp.Store(output, ra, new Coord(0, 0, 7, 0));
        Warp.Tanh(ra, xa);
        Warp.Store(output, ra, new Coord(0, 0, 8, 0));
        Warp.Sigmoid(ra, xa);
        Warp.Store(output, ra, new Coord(0, 0, 9, 0));
        Warp.Gelu(ra, xa);
        Warp.Store(output, ra, new Coord(0, 0, 10, 0));
        Warp.GeluTanh(xa, xa);
        Warp.Store(output, xa, new Coord(0, 0, 11, 0));
    }

    /// <summary>
    /// The scalar forms, one element per thread iteration through tensor indexers. x, p: (1, 1, 1, n)
    /// float; output: (1, 7, 1, n) float, slots 0..5 as above and 6 erf(x).
    /// </summary>
    [Kernel(Threads = 64)]
    public static void ScalarActivations(GL<float> x, GL<float> p, GL<float> output)
    {
        for (int i = ThreadIdx.X; i < x.Cols; i += BlockDim.X)
        {
            float v = x[0, 0, 0, i];
            float q = p[0, i];
            output[0, 0, 0, i] = DeviceMath.Sqrt(q);
            output[0, 1, 0, i] = DeviceMath.Rsqrt(q);
            output[0, 2, 0, i] = DeviceMath.Tanh(v);
            output[0, 3, 0, i] = DeviceMath.Sigmoid(v);
            output[0, 4, 0, i] = DeviceMath.Gelu(v);
            output[0, 5, 0, i] = DeviceMath.GeluTanh(v);
            output[0, 6, 0, i] = DeviceMath.Erf(v);
        }
    }
}
