using Kittens;

namespace Kittens.Tests.GpuKernels;

/// <summary>
/// Test kernels for element-wise register-vector ops in both vector layouts. Result i is row i of
/// a (1, 1, n, len) output; inputs are row 0 of (1, 1, 1, len) tensors.
/// </summary>
public static partial class VectorMapKernels
{
    /// <summary>
    /// x, y (nonzero), positive (> 0): (1, 1, 1, 64) float; s a nonzero scalar. output: (1, 1, 42, 64)
    /// float; ortho layout in rows 0..20, align layout in rows 21..41, in the order
    /// 0 Zero, 1 One, 2 NegInfty, 3 PosInfty, 4 copy(x), 5 exp(x), 6 exp2(x), 7 log(positive), 8 abs(x),
    /// 9..14 add, sub, mul, div, max, min of (x, y), 15..20 the same of (x, s).
    /// </summary>
    [Kernel(Threads = 32)]
    public static void VectorMapsFloat(GL<float> x, GL<float> y, GL<float> positive, float s, GL<float> output)
    {
        VectorMaps<float, D64, Ortho>(x, y, positive, s, output, 0);
        VectorMaps<float, D64, Align>(x, y, positive, s, output, 21);
    }

    /// <summary>
    /// The rows of <see cref="VectorMapsFloat"/> for bf16 vectors of 48: xb, yb, pb: (1, 1, 1, 48)
    /// bf16 → ob: (1, 1, 42, 48) bf16. Plus Copy between dtypes on align-layout vectors of xf:
    /// (1, 1, 1, 48) float: convB row 0 = bf16(xf), row 1 = bf16(f16(xf)); convH row 0 = f16(xf),
    /// row 1 = f16(bf16(xf)); convF row 0 = float(bf16(xf)), row 1 = float(f16(xf)); each (1, 1, 2, 48).
    /// </summary>
    [Kernel(Threads = 32)]
    public static void VectorMapsHalf(GL<bf16> xb, GL<bf16> yb, GL<bf16> pb, float s, GL<bf16> ob,
        GL<float> xf, GL<float> convF, GL<bf16> convB, GL<f16> convH)
    {
        VectorMaps<bf16, D48, Ortho>(xb, yb, pb, s, ob, 0);
        VectorMaps<bf16, D48, Align>(xb, yb, pb, s, ob, 21);

        var vf = new RV<float, D48, Align>();
        var vb = new RV<bf16, D48, Align>();
        var vh = new RV<f16, D48, Align>();
        Warp.Load(vf, xf, new Coord(0, 0));
        Warp.Copy(vb, vf);
        Warp.Store(convB, vb, new Coord(0, 0, 0, 0));
        Warp.Copy(vh, vf);
        Warp.Store(convH, vh, new Coord(0, 0, 0, 0));
        Warp.Copy(vf, vb);
        Warp.Store(convF, vf, new Coord(0, 0, 0, 0));
        Warp.Copy(vf, vh);
        Warp.Store(convF, vf, new Coord(0, 0, 1, 0));
        Warp.Copy(vh, vb);
        Warp.Store(convH, vh, new Coord(0, 0, 1, 0));
        Warp.Load(vh, xf, new Coord(0, 0));
        Warp.Copy(vb, vh);
        Warp.Store(convB, vb, new Coord(0, 0, 1, 0));
    }

    /// <summary>
    /// Rows first .. first + 20 of output, on N-element vectors of layout VL, in the order of
    /// <see cref="VectorMapsFloat"/>: Zero, One, NegInfty, PosInfty, copy(x), exp(x), exp2(x),
    /// log(positive), abs(x), then add, sub, mul, div, max, min of (x, y) and of (x, s).
    /// </summary>
    [DeviceFunction]
    private static void VectorMaps<T, N, VL>(GL<T> x, GL<T> y, GL<T> positive, float s, GL<T> output, int first)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
    {
        var vx = new RV<T, N, VL>();
        var vy = new RV<T, N, VL>();
        var vp = new RV<T, N, VL>();
        var r = new RV<T, N, VL>();
        Warp.Load(vx, x, new Coord(0, 0));
        Warp.Load(vy, y, new Coord(0, 0));
        Warp.Load(vp, positive, new Coord(0, 0));
        Warp.Zero(r);
        Warp.Store(output, r, new Coord(0, 0, first, 0));
        Warp.One(r);
        Warp.Store(output, r, new Coord(0, 0, first + 1, 0));
        Warp.NegInfty(r);
        Warp.Store(output, r, new Coord(0, 0, first + 2, 0));
        Warp.PosInfty(r);
        Warp.Store(output, r, new Coord(0, 0, first + 3, 0));
        Warp.Copy(r, vx);
        Warp.Store(output, r, new Coord(0, 0, first + 4, 0));
        Warp.Exp(r, vx);
        Warp.Store(output, r, new Coord(0, 0, first + 5, 0));
        Warp.Exp2(r, vx);
        Warp.Store(output, r, new Coord(0, 0, first + 6, 0));
        Warp.Log(r, vp);
        Warp.Store(output, r, new Coord(0, 0, first + 7, 0));
        Warp.Abs(r, vx);
        Warp.Store(output, r, new Coord(0, 0, first + 8, 0));
        Warp.Add(r, vx, vy);
        Warp.Store(output, r, new Coord(0, 0, first + 9, 0));
        Warp.Sub(r, vx, vy);
        Warp.Store(output, r, new Coord(0, 0, first + 10, 0));
        Warp.Mul(r, vx, vy);
        Warp.Store(output, r, new Coord(0, 0, first + 11, 0));
        Warp.Div(r, vx, vy);
        Warp.Store(output, r, new Coord(0, 0, first + 12, 0));
        Warp.Max(r, vx, vy);
        Warp.Store(output, r, new Coord(0, 0, first + 13, 0));
        Warp.Min(r, vx, vy);
        Warp.Store(output, r, new Coord(0, 0, first + 14, 0));
        Warp.Add(r, vx, s);
        Warp.Store(output, r, new Coord(0, 0, first + 15, 0));
        Warp.Sub(r, vx, s);
        Warp.Store(output, r, new Coord(0, 0, first + 16, 0));
        Warp.Mul(r, vx, s);
        Warp.Store(output, r, new Coord(0, 0, first + 17, 0));
        Warp.Div(r, vx, s);
        Warp.Store(output, r, new Coord(0, 0, first + 18, 0));
        Warp.Max(r, vx, s);
        Warp.Store(output, r, new Coord(0, 0, first + 19, 0));
        Warp.Min(r, vx, s);
        Warp.Store(output, r, new Coord(0, 0, first + 20, 0));
    }
}
