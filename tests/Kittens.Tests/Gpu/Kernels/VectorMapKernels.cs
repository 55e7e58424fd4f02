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
        var xOrtho = new RV<float, D64, Ortho>();
        var yOrtho = new RV<float, D64, Ortho>();
        var pOrtho = new RV<float, D64, Ortho>();
        var rOrtho = new RV<float, D64, Ortho>();
        Warp.Load(xOrtho, x, new Coord(0, 0));
        Warp.Load(yOrtho, y, new Coord(0, 0));
        Warp.Load(pOrtho, positive, new Coord(0, 0));
        Warp.Zero(rOrtho);
        Warp.Store(output, rOrtho, new Coord(0, 0, 0, 0));
        Warp.One(rOrtho);
        Warp.Store(output, rOrtho, new Coord(0, 0, 1, 0));
        Warp.NegInfty(rOrtho);
        Warp.Store(output, rOrtho, new Coord(0, 0, 2, 0));
        Warp.PosInfty(rOrtho);
        Warp.Store(output, rOrtho, new Coord(0, 0, 3, 0));
        Warp.Copy(rOrtho, xOrtho);
        Warp.Store(output, rOrtho, new Coord(0, 0, 4, 0));
        Warp.Exp(rOrtho, xOrtho);
        Warp.Store(output, rOrtho, new Coord(0, 0, 5, 0));
        Warp.Exp2(rOrtho, xOrtho);
        Warp.Store(output, rOrtho, new Coord(0, 0, 6, 0));
        Warp.Log(rOrtho, pOrtho);
        Warp.Store(output, rOrtho, new Coord(0, 0, 7, 0));
        Warp.Abs(rOrtho, xOrtho);
        Warp.Store(output, rOrtho, new Coord(0, 0, 8, 0));
        Warp.Add(rOrtho, xOrtho, yOrtho);
        Warp.Store(output, rOrtho, new Coord(0, 0, 9, 0));
        Warp.Sub(rOrtho, xOrtho, yOrtho);
        Warp.Store(output, rOrtho, new Coord(0, 0, 10, 0));
        Warp.Mul(rOrtho, xOrtho, yOrtho);
        Warp.Store(output, rOrtho, new Coord(0, 0, 11, 0));
        Warp.Div(rOrtho, xOrtho, yOrtho);
        Warp.Store(output, rOrtho, new Coord(0, 0, 12, 0));
        Warp.Max(rOrtho, xOrtho, yOrtho);
        Warp.Store(output, rOrtho, new Coord(0, 0, 13, 0));
        Warp.Min(rOrtho, xOrtho, yOrtho);
        Warp.Store(output, rOrtho, new Coord(0, 0, 14, 0));
        Warp.Add(rOrtho, xOrtho, s);
        Warp.Store(output, rOrtho, new Coord(0, 0, 15, 0));
        Warp.Sub(rOrtho, xOrtho, s);
        Warp.Store(output, rOrtho, new Coord(0, 0, 16, 0));
        Warp.Mul(rOrtho, xOrtho, s);
        Warp.Store(output, rOrtho, new Coord(0, 0, 17, 0));
        Warp.Div(rOrtho, xOrtho, s);
        Warp.Store(output, rOrtho, new Coord(0, 0, 18, 0));
        Warp.Max(rOrtho, xOrtho, s);
        Warp.Store(output, rOrtho, new Coord(0, 0, 19, 0));
        Warp.Min(rOrtho, xOrtho, s);
        Warp.Store(output, rOrtho, new Coord(0, 0, 20, 0));
        var xAlign = new RV<float, D64, Align>();
        var yAlign = new RV<float, D64, Align>();
        var pAlign = new RV<float, D64, Align>();
        var rAlign = new RV<float, D64, Align>();
        Warp.Load(xAlign, x, new Coord(0, 0));
        Warp.Load(yAlign, y, new Coord(0, 0));
        Warp.Load(pAlign, positive, new Coord(0, 0));
        Warp.Zero(rAlign);
        Warp.Store(output, rAlign, new Coord(0, 0, 21, 0));
        Warp.One(rAlign);
        Warp.Store(output, rAlign, new Coord(0, 0, 22, 0));
        Warp.NegInfty(rAlign);
        Warp.Store(output, rAlign, new Coord(0, 0, 23, 0));
        Warp.PosInfty(rAlign);
        Warp.Store(output, rAlign, new Coord(0, 0, 24, 0));
        Warp.Copy(rAlign, xAlign);
        Warp.Store(output, rAlign, new Coord(0, 0, 25, 0));
        Warp.Exp(rAlign, xAlign);
        Warp.Store(output, rAlign, new Coord(0, 0, 26, 0));
        Warp.Exp2(rAlign, xAlign);
        Warp.Store(output, rAlign, new Coord(0, 0, 27, 0));
        Warp.Log(rAlign, pAlign);
        Warp.Store(output, rAlign, new Coord(0, 0, 28, 0));
        Warp.Abs(rAlign, xAlign);
        Warp.Store(output, rAlign, new Coord(0, 0, 29, 0));
        Warp.Add(rAlign, xAlign, yAlign);
        Warp.Store(output, rAlign, new Coord(0, 0, 30, 0));
        Warp.Sub(rAlign, xAlign, yAlign);
        Warp.Store(output, rAlign, new Coord(0, 0, 31, 0));
        Warp.Mul(rAlign, xAlign, yAlign);
        Warp.Store(output, rAlign, new Coord(0, 0, 32, 0));
        Warp.Div(rAlign, xAlign, yAlign);
        Warp.Store(output, rAlign, new Coord(0, 0, 33, 0));
        Warp.Max(rAlign, xAlign, yAlign);
        Warp.Store(output, rAlign, new Coord(0, 0, 34, 0));
        Warp.Min(rAlign, xAlign, yAlign);
        Warp.Store(output, rAlign, new Coord(0, 0, 35, 0));
        Warp.Add(rAlign, xAlign, s);
        Warp.Store(output, rAlign, new Coord(0, 0, 36, 0));
        Warp.Sub(rAlign, xAlign, s);
        Warp.Store(output, rAlign, new Coord(0, 0, 37, 0));
        Warp.Mul(rAlign, xAlign, s);
        Warp.Store(output, rAlign, new Coord(0, 0, 38, 0));
        Warp.Div(rAlign, xAlign, s);
        Warp.Store(output, rAlign, new Coord(0, 0, 39, 0));
        Warp.Max(rAlign, xAlign, s);
        Warp.Store(output, rAlign, new Coord(0, 0, 40, 0));
        Warp.Min(rAlign, xAlign, s);
        Warp.Store(output, rAlign, new Coord(0, 0, 41, 0));
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
        var xOrthoB = new RV<bf16, D48, Ortho>();
        var yOrthoB = new RV<bf16, D48, Ortho>();
        var pOrthoB = new RV<bf16, D48, Ortho>();
        var rOrthoB = new RV<bf16, D48, Ortho>();
        Warp.Load(xOrthoB, xb, new Coord(0, 0));
        Warp.Load(yOrthoB, yb, new Coord(0, 0));
        Warp.Load(pOrthoB, pb, new Coord(0, 0));
        Warp.Zero(rOrthoB);
        Warp.Store(ob, rOrthoB, new Coord(0, 0, 0, 0));
        Warp.One(rOrthoB);
        Warp.Store(ob, rOrthoB, new Coord(0, 0, 1, 0));
        Warp.NegInfty(rOrthoB);
        Warp.Store(ob, rOrthoB, new Coord(0, 0, 2, 0));
        Warp.PosInfty(rOrthoB);
        Warp.Store(ob, rOrthoB, new Coord(0, 0, 3, 0));
        Warp.Copy(rOrthoB, xOrthoB);
        Warp.Store(ob, rOrthoB, new Coord(0, 0, 4, 0));
        Warp.Exp(rOrthoB, xOrthoB);
        Warp.Store(ob, rOrthoB, new Coord(0, 0, 5, 0));
        Warp.Exp2(rOrthoB, xOrthoB);
        Warp.Store(ob, rOrthoB, new Coord(0, 0, 6, 0));
        Warp.Log(rOrthoB, pOrthoB);
        Warp.Store(ob, rOrthoB, new Coord(0, 0, 7, 0));
        Warp.Abs(rOrthoB, xOrthoB);
        Warp.Store(ob, rOrthoB, new Coord(0, 0, 8, 0));
        Warp.Add(rOrthoB, xOrthoB, yOrthoB);
        Warp.Store(ob, rOrthoB, new Coord(0, 0, 9, 0));
        Warp.Sub(rOrthoB, xOrthoB, yOrthoB);
        Warp.Store(ob, rOrthoB, new Coord(0, 0, 10, 0));
        Warp.Mul(rOrthoB, xOrthoB, yOrthoB);
        Warp.Store(ob, rOrthoB, new Coord(0, 0, 11, 0));
        Warp.Div(rOrthoB, xOrthoB, yOrthoB);
        Warp.Store(ob, rOrthoB, new Coord(0, 0, 12, 0));
        Warp.Max(rOrthoB, xOrthoB, yOrthoB);
        Warp.Store(ob, rOrthoB, new Coord(0, 0, 13, 0));
        Warp.Min(rOrthoB, xOrthoB, yOrthoB);
        Warp.Store(ob, rOrthoB, new Coord(0, 0, 14, 0));
        Warp.Add(rOrthoB, xOrthoB, s);
        Warp.Store(ob, rOrthoB, new Coord(0, 0, 15, 0));
        Warp.Sub(rOrthoB, xOrthoB, s);
        Warp.Store(ob, rOrthoB, new Coord(0, 0, 16, 0));
        Warp.Mul(rOrthoB, xOrthoB, s);
        Warp.Store(ob, rOrthoB, new Coord(0, 0, 17, 0));
        Warp.Div(rOrthoB, xOrthoB, s);
        Warp.Store(ob, rOrthoB, new Coord(0, 0, 18, 0));
        Warp.Max(rOrthoB, xOrthoB, s);
        Warp.Store(ob, rOrthoB, new Coord(0, 0, 19, 0));
        Warp.Min(rOrthoB, xOrthoB, s);
        Warp.Store(ob, rOrthoB, new Coord(0, 0, 20, 0));
        var xAlignB = new RV<bf16, D48, Align>();
        var yAlignB = new RV<bf16, D48, Align>();
        var pAlignB = new RV<bf16, D48, Align>();
        var rAlignB = new RV<bf16, D48, Align>();
        Warp.Load(xAlignB, xb, new Coord(0, 0));
        Warp.Load(yAlignB, yb, new Coord(0, 0));
        Warp.Load(pAlignB, pb, new Coord(0, 0));
        Warp.Zero(rAlignB);
        Warp.Store(ob, rAlignB, new Coord(0, 0, 21, 0));
        Warp.One(rAlignB);
        Warp.Store(ob, rAlignB, new Coord(0, 0, 22, 0));
        Warp.NegInfty(rAlignB);
        Warp.Store(ob, rAlignB, new Coord(0, 0, 23, 0));
        Warp.PosInfty(rAlignB);
        Warp.Store(ob, rAlignB, new Coord(0, 0, 24, 0));
        Warp.Copy(rAlignB, xAlignB);
        Warp.Store(ob, rAlignB, new Coord(0, 0, 25, 0));
        Warp.Exp(rAlignB, xAlignB);
        Warp.Store(ob, rAlignB, new Coord(0, 0, 26, 0));
        Warp.Exp2(rAlignB, xAlignB);
        Warp.Store(ob, rAlignB, new Coord(0, 0, 27, 0));
        Warp.Log(rAlignB, pAlignB);
        Warp.Store(ob, rAlignB, new Coord(0, 0, 28, 0));
        Warp.Abs(rAlignB, xAlignB);
        Warp.Store(ob, rAlignB, new Coord(0, 0, 29, 0));
        Warp.Add(rAlignB, xAlignB, yAlignB);
        Warp.Store(ob, rAlignB, new Coord(0, 0, 30, 0));
        Warp.Sub(rAlignB, xAlignB, yAlignB);
        Warp.Store(ob, rAlignB, new Coord(0, 0, 31, 0));
        Warp.Mul(rAlignB, xAlignB, yAlignB);
        Warp.Store(ob, rAlignB, new Coord(0, 0, 32, 0));
        Warp.Div(rAlignB, xAlignB, yAlignB);
        Warp.Store(ob, rAlignB, new Coord(0, 0, 33, 0));
        Warp.Max(rAlignB, xAlignB, yAlignB);
        Warp.Store(ob, rAlignB, new Coord(0, 0, 34, 0));
        Warp.Min(rAlignB, xAlignB, yAlignB);
        Warp.Store(ob, rAlignB, new Coord(0, 0, 35, 0));
        Warp.Add(rAlignB, xAlignB, s);
        Warp.Store(ob, rAlignB, new Coord(0, 0, 36, 0));
        Warp.Sub(rAlignB, xAlignB, s);
        Warp.Store(ob, rAlignB, new Coord(0, 0, 37, 0));
        Warp.Mul(rAlignB, xAlignB, s);
        Warp.Store(ob, rAlignB, new Coord(0, 0, 38, 0));
        Warp.Div(rAlignB, xAlignB, s);
        Warp.Store(ob, rAlignB, new Coord(0, 0, 39, 0));
        Warp.Max(rAlignB, xAlignB, s);
        Warp.Store(ob, rAlignB, new Coord(0, 0, 40, 0));
        Warp.Min(rAlignB, xAlignB, s);
        Warp.Store(ob, rAlignB, new Coord(0, 0, 41, 0));

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
}
