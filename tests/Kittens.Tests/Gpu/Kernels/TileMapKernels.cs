using Kittens;

namespace Kittens.Tests.GpuKernels;

/// <summary>
/// Test kernels for element-wise register-tile ops: fills, copies with dtype conversion, unary
/// maps and binary maps (tile-tile and tile-scalar), in both layouts. Results are kept in
/// "slots": slot s of an output is output[0, s, :, :].
/// </summary>
public static partial class TileMapKernels
{
    /// <summary>
    /// f, b, h: (1, 8, 32, 48) of float, bf16, f16. Slots 0..3 are a row-layout tile set by Zero,
    /// One, NegInfty, PosInfty; slots 4..7 the same for a column-layout tile.
    /// </summary>
    [Kernel(Threads = 32)]
    public static void Fill(GL<float> f, GL<bf16> b, GL<f16> h)
    {
        var fRow = new RT<float, D32, D48, Row>();
        Warp.Zero(fRow);
        Warp.Store(f, fRow, new Coord(0, 0, 0, 0));
        Warp.One(fRow);
        Warp.Store(f, fRow, new Coord(0, 1, 0, 0));
        Warp.NegInfty(fRow);
        Warp.Store(f, fRow, new Coord(0, 2, 0, 0));
        Warp.PosInfty(fRow);
        Warp.Store(f, fRow, new Coord(0, 3, 0, 0));
        var fCol = new RT<float, D32, D48, Col>();
        Warp.Zero(fCol);
        Warp.Store(f, fCol, new Coord(0, 4, 0, 0));
        Warp.One(fCol);
        Warp.Store(f, fCol, new Coord(0, 5, 0, 0));
        Warp.NegInfty(fCol);
        Warp.Store(f, fCol, new Coord(0, 6, 0, 0));
        Warp.PosInfty(fCol);
        Warp.Store(f, fCol, new Coord(0, 7, 0, 0));
        var bRow = new RT<bf16, D32, D48, Row>();
        Warp.Zero(bRow);
        Warp.Store(b, bRow, new Coord(0, 0, 0, 0));
        Warp.One(bRow);
        Warp.Store(b, bRow, new Coord(0, 1, 0, 0));
        Warp.NegInfty(bRow);
        Warp.Store(b, bRow, new Coord(0, 2, 0, 0));
        Warp.PosInfty(bRow);
        Warp.Store(b, bRow, new Coord(0, 3, 0, 0));
        var bCol = new RT<bf16, D32, D48, Col>();
        Warp.Zero(bCol);
        Warp.Store(b, bCol, new Coord(0, 4, 0, 0));
        Warp.One(bCol);
        Warp.Store(b, bCol, new Coord(0, 5, 0, 0));
        Warp.NegInfty(bCol);
        Warp.Store(b, bCol, new Coord(0, 6, 0, 0));
        Warp.PosInfty(bCol);
        Warp.Store(b, bCol, new Coord(0, 7, 0, 0));
        var hRow = new RT<f16, D32, D48, Row>();
        Warp.Zero(hRow);
        Warp.Store(h, hRow, new Coord(0, 0, 0, 0));
        Warp.One(hRow);
        Warp.Store(h, hRow, new Coord(0, 1, 0, 0));
        Warp.NegInfty(hRow);
        Warp.Store(h, hRow, new Coord(0, 2, 0, 0));
        Warp.PosInfty(hRow);
        Warp.Store(h, hRow, new Coord(0, 3, 0, 0));
        var hCol = new RT<f16, D32, D48, Col>();
        Warp.Zero(hCol);
        Warp.Store(h, hCol, new Coord(0, 4, 0, 0));
        Warp.One(hCol);
        Warp.Store(h, hCol, new Coord(0, 5, 0, 0));
        Warp.NegInfty(hCol);
        Warp.Store(h, hCol, new Coord(0, 6, 0, 0));
        Warp.PosInfty(hCol);
        Warp.Store(h, hCol, new Coord(0, 7, 0, 0));
    }

    /// <summary>
    /// x: (1, 1, 32, 48) float (any sign), positive: (1, 1, 32, 48) float (> 0).
    /// output: (1, 10, 32, 48) float. Row layout in slots 0..4, column layout in 5..9:
    /// copy(x), exp(x), exp2(x), log(positive) (in place), abs(x) (in place).
    /// </summary>
    [Kernel(Threads = 32)]
    public static void UnaryFloat(GL<float> x, GL<float> positive, GL<float> output)
    {
        var tRow = new RT<float, D32, D48, Row>();
        var pRow = new RT<float, D32, D48, Row>();
        var yRow = new RT<float, D32, D48, Row>();
        Warp.Load(tRow, x, new Coord(0, 0));
        Warp.Load(pRow, positive, new Coord(0, 0));
        Warp.Copy(yRow, tRow);
        Warp.Store(output, yRow, new Coord(0, 0, 0, 0));
        Warp.Exp(yRow, tRow);
        Warp.Store(output, yRow, new Coord(0, 1, 0, 0));
        Warp.Exp2(yRow, tRow);
        Warp.Store(output, yRow, new Coord(0, 2, 0, 0));
        Warp.Log(pRow, pRow);
        Warp.Store(output, pRow, new Coord(0, 3, 0, 0));
        Warp.Abs(tRow, tRow);
        Warp.Store(output, tRow, new Coord(0, 4, 0, 0));
        var tCol = new RT<float, D32, D48, Col>();
        var pCol = new RT<float, D32, D48, Col>();
        var yCol = new RT<float, D32, D48, Col>();
        Warp.Load(tCol, x, new Coord(0, 0));
        Warp.Load(pCol, positive, new Coord(0, 0));
        Warp.Copy(yCol, tCol);
        Warp.Store(output, yCol, new Coord(0, 5, 0, 0));
        Warp.Exp(yCol, tCol);
        Warp.Store(output, yCol, new Coord(0, 6, 0, 0));
        Warp.Exp2(yCol, tCol);
        Warp.Store(output, yCol, new Coord(0, 7, 0, 0));
        Warp.Log(pCol, pCol);
        Warp.Store(output, pCol, new Coord(0, 8, 0, 0));
        Warp.Abs(tCol, tCol);
        Warp.Store(output, tCol, new Coord(0, 9, 0, 0));
    }

    /// <summary>
    /// The slots of <see cref="UnaryFloat"/> for 48x32 tiles of bf16 (xb, pb → ob) and f16
    /// (xh, ph → oh); every output is (1, 10, 48, 32).
    /// </summary>
    [Kernel(Threads = 32)]
    public static void UnaryHalf(GL<bf16> xb, GL<bf16> pb, GL<bf16> ob, GL<f16> xh, GL<f16> ph, GL<f16> oh)
    {
        var tRowB = new RT<bf16, D48, D32, Row>();
        var pRowB = new RT<bf16, D48, D32, Row>();
        var yRowB = new RT<bf16, D48, D32, Row>();
        Warp.Load(tRowB, xb, new Coord(0, 0));
        Warp.Load(pRowB, pb, new Coord(0, 0));
        Warp.Copy(yRowB, tRowB);
        Warp.Store(ob, yRowB, new Coord(0, 0, 0, 0));
        Warp.Exp(yRowB, tRowB);
        Warp.Store(ob, yRowB, new Coord(0, 1, 0, 0));
        Warp.Exp2(yRowB, tRowB);
        Warp.Store(ob, yRowB, new Coord(0, 2, 0, 0));
        Warp.Log(pRowB, pRowB);
        Warp.Store(ob, pRowB, new Coord(0, 3, 0, 0));
        Warp.Abs(tRowB, tRowB);
        Warp.Store(ob, tRowB, new Coord(0, 4, 0, 0));
        var tColB = new RT<bf16, D48, D32, Col>();
        var pColB = new RT<bf16, D48, D32, Col>();
        var yColB = new RT<bf16, D48, D32, Col>();
        Warp.Load(tColB, xb, new Coord(0, 0));
        Warp.Load(pColB, pb, new Coord(0, 0));
        Warp.Copy(yColB, tColB);
        Warp.Store(ob, yColB, new Coord(0, 5, 0, 0));
        Warp.Exp(yColB, tColB);
        Warp.Store(ob, yColB, new Coord(0, 6, 0, 0));
        Warp.Exp2(yColB, tColB);
        Warp.Store(ob, yColB, new Coord(0, 7, 0, 0));
        Warp.Log(pColB, pColB);
        Warp.Store(ob, pColB, new Coord(0, 8, 0, 0));
        Warp.Abs(tColB, tColB);
        Warp.Store(ob, tColB, new Coord(0, 9, 0, 0));
        var tRowH = new RT<f16, D48, D32, Row>();
        var pRowH = new RT<f16, D48, D32, Row>();
        var yRowH = new RT<f16, D48, D32, Row>();
        Warp.Load(tRowH, xh, new Coord(0, 0));
        Warp.Load(pRowH, ph, new Coord(0, 0));
        Warp.Copy(yRowH, tRowH);
        Warp.Store(oh, yRowH, new Coord(0, 0, 0, 0));
        Warp.Exp(yRowH, tRowH);
        Warp.Store(oh, yRowH, new Coord(0, 1, 0, 0));
        Warp.Exp2(yRowH, tRowH);
        Warp.Store(oh, yRowH, new Coord(0, 2, 0, 0));
        Warp.Log(pRowH, pRowH);
        Warp.Store(oh, pRowH, new Coord(0, 3, 0, 0));
        Warp.Abs(tRowH, tRowH);
        Warp.Store(oh, tRowH, new Coord(0, 4, 0, 0));
        var tColH = new RT<f16, D48, D32, Col>();
        var pColH = new RT<f16, D48, D32, Col>();
        var yColH = new RT<f16, D48, D32, Col>();
        Warp.Load(tColH, xh, new Coord(0, 0));
        Warp.Load(pColH, ph, new Coord(0, 0));
        Warp.Copy(yColH, tColH);
        Warp.Store(oh, yColH, new Coord(0, 5, 0, 0));
        Warp.Exp(yColH, tColH);
        Warp.Store(oh, yColH, new Coord(0, 6, 0, 0));
        Warp.Exp2(yColH, tColH);
        Warp.Store(oh, yColH, new Coord(0, 7, 0, 0));
        Warp.Log(pColH, pColH);
        Warp.Store(oh, pColH, new Coord(0, 8, 0, 0));
        Warp.Abs(tColH, tColH);
        Warp.Store(oh, tColH, new Coord(0, 9, 0, 0));
    }

    /// <summary>
    /// Copy between dtypes. x: (1, 1, 32, 32) float. For the row layout (base slot 0) and the
    /// column layout (base slot 2):
    /// ob[base] = bf16(x) (float→bf16); o32[base] = float(bf16(x)) (bf16→float);
    /// oh[base] = f16(x) (float→f16); o32[base + 1] = float(f16(x)) (f16→float);
    /// oh[base + 1] = f16(bf16(x)) (bf16→f16); ob[base + 1] = bf16(f16(x)) (f16→bf16).
    /// Outputs are (1, 4, 32, 32).
    /// </summary>
    [Kernel(Threads = 32)]
    public static void CopyConvert(GL<float> x, GL<float> o32, GL<bf16> ob, GL<f16> oh)
    {
        var fRow = new RT<float, D32, D32, Row>();
        var bRow = new RT<bf16, D32, D32, Row>();
        var hRow = new RT<f16, D32, D32, Row>();
        Warp.Load(fRow, x, new Coord(0, 0));
        Warp.Copy(bRow, fRow);
        Warp.Store(ob, bRow, new Coord(0, 0, 0, 0));
        Warp.Copy(hRow, fRow);
        Warp.Store(oh, hRow, new Coord(0, 0, 0, 0));
        Warp.Copy(fRow, bRow);
        Warp.Store(o32, fRow, new Coord(0, 0, 0, 0));
        Warp.Copy(fRow, hRow);
        Warp.Store(o32, fRow, new Coord(0, 1, 0, 0));
        Warp.Copy(bRow, hRow);
        Warp.Store(ob, bRow, new Coord(0, 1, 0, 0));
        Warp.Load(bRow, x, new Coord(0, 0));
        Warp.Copy(hRow, bRow);
        Warp.Store(oh, hRow, new Coord(0, 1, 0, 0));
        var fCol = new RT<float, D32, D32, Col>();
        var bCol = new RT<bf16, D32, D32, Col>();
        var hCol = new RT<f16, D32, D32, Col>();
        Warp.Load(fCol, x, new Coord(0, 0));
        Warp.Copy(bCol, fCol);
        Warp.Store(ob, bCol, new Coord(0, 2, 0, 0));
        Warp.Copy(hCol, fCol);
        Warp.Store(oh, hCol, new Coord(0, 2, 0, 0));
        Warp.Copy(fCol, bCol);
        Warp.Store(o32, fCol, new Coord(0, 2, 0, 0));
        Warp.Copy(fCol, hCol);
        Warp.Store(o32, fCol, new Coord(0, 3, 0, 0));
        Warp.Copy(bCol, hCol);
        Warp.Store(ob, bCol, new Coord(0, 3, 0, 0));
        Warp.Load(bCol, x, new Coord(0, 0));
        Warp.Copy(hCol, bCol);
        Warp.Store(oh, hCol, new Coord(0, 3, 0, 0));
    }

    /// <summary>
    /// a, b: (1, 1, 32, 48) float (b nonzero), s: a nonzero scalar. output: (1, 24, 32, 48) float,
    /// slot = 12·layout + 2·op + form, layout 0 = row, 1 = column; op 0..5 = add, sub, mul, div,
    /// max, min; form 0 = op(a, b), 1 = op(a, s).
    /// </summary>
    [Kernel(Threads = 32)]
    public static void BinaryFloat(GL<float> a, GL<float> b, float s, GL<float> output)
    {
        var aRow = new RT<float, D32, D48, Row>();
        var bRow = new RT<float, D32, D48, Row>();
        var yRow = new RT<float, D32, D48, Row>();
        Warp.Load(aRow, a, new Coord(0, 0));
        Warp.Load(bRow, b, new Coord(0, 0));
        Warp.Add(yRow, aRow, bRow);
        Warp.Store(output, yRow, new Coord(0, 0, 0, 0));
        Warp.Add(yRow, aRow, s);
        Warp.Store(output, yRow, new Coord(0, 1, 0, 0));
        Warp.Sub(yRow, aRow, bRow);
        Warp.Store(output, yRow, new Coord(0, 2, 0, 0));
        Warp.Sub(yRow, aRow, s);
        Warp.Store(output, yRow, new Coord(0, 3, 0, 0));
        Warp.Mul(yRow, aRow, bRow);
        Warp.Store(output, yRow, new Coord(0, 4, 0, 0));
        Warp.Mul(yRow, aRow, s);
        Warp.Store(output, yRow, new Coord(0, 5, 0, 0));
        Warp.Div(yRow, aRow, bRow);
        Warp.Store(output, yRow, new Coord(0, 6, 0, 0));
        Warp.Div(yRow, aRow, s);
        Warp.Store(output, yRow, new Coord(0, 7, 0, 0));
        Warp.Max(yRow, aRow, bRow);
        Warp.Store(output, yRow, new Coord(0, 8, 0, 0));
        Warp.Max(yRow, aRow, s);
        Warp.Store(output, yRow, new Coord(0, 9, 0, 0));
        Warp.Min(yRow, aRow, bRow);
        Warp.Store(output, yRow, new Coord(0, 10, 0, 0));
        Warp.Min(yRow, aRow, s);
        Warp.Store(output, yRow, new Coord(0, 11, 0, 0));
        var aCol = new RT<float, D32, D48, Col>();
        var bCol = new RT<float, D32, D48, Col>();
        var yCol = new RT<float, D32, D48, Col>();
        Warp.Load(aCol, a, new Coord(0, 0));
        Warp.Load(bCol, b, new Coord(0, 0));
        Warp.Add(yCol, aCol, bCol);
        Warp.Store(output, yCol, new Coord(0, 12, 0, 0));
        Warp.Add(yCol, aCol, s);
        Warp.Store(output, yCol, new Coord(0, 13, 0, 0));
        Warp.Sub(yCol, aCol, bCol);
        Warp.Store(output, yCol, new Coord(0, 14, 0, 0));
        Warp.Sub(yCol, aCol, s);
        Warp.Store(output, yCol, new Coord(0, 15, 0, 0));
        Warp.Mul(yCol, aCol, bCol);
        Warp.Store(output, yCol, new Coord(0, 16, 0, 0));
        Warp.Mul(yCol, aCol, s);
        Warp.Store(output, yCol, new Coord(0, 17, 0, 0));
        Warp.Div(yCol, aCol, bCol);
        Warp.Store(output, yCol, new Coord(0, 18, 0, 0));
        Warp.Div(yCol, aCol, s);
        Warp.Store(output, yCol, new Coord(0, 19, 0, 0));
        Warp.Max(yCol, aCol, bCol);
        Warp.Store(output, yCol, new Coord(0, 20, 0, 0));
        Warp.Max(yCol, aCol, s);
        Warp.Store(output, yCol, new Coord(0, 21, 0, 0));
        Warp.Min(yCol, aCol, bCol);
        Warp.Store(output, yCol, new Coord(0, 22, 0, 0));
        Warp.Min(yCol, aCol, s);
        Warp.Store(output, yCol, new Coord(0, 23, 0, 0));
    }

    /// <summary>
    /// The slots of <see cref="BinaryFloat"/> for 48x32 tiles of bf16 (ab, bb → ob) and f16
    /// (ah, bh → oh); outputs (1, 24, 48, 32).
    /// </summary>
    [Kernel(Threads = 32)]
    public static void BinaryHalf(GL<bf16> ab, GL<bf16> bb, GL<f16> ah, GL<f16> bh, float s, GL<bf16> ob, GL<f16> oh)
    {
        var aRowB = new RT<bf16, D48, D32, Row>();
        var bRowB = new RT<bf16, D48, D32, Row>();
        var yRowB = new RT<bf16, D48, D32, Row>();
        Warp.Load(aRowB, ab, new Coord(0, 0));
        Warp.Load(bRowB, bb, new Coord(0, 0));
        Warp.Add(yRowB, aRowB, bRowB);
        Warp.Store(ob, yRowB, new Coord(0, 0, 0, 0));
        Warp.Add(yRowB, aRowB, s);
        Warp.Store(ob, yRowB, new Coord(0, 1, 0, 0));
        Warp.Sub(yRowB, aRowB, bRowB);
        Warp.Store(ob, yRowB, new Coord(0, 2, 0, 0));
        Warp.Sub(yRowB, aRowB, s);
        Warp.Store(ob, yRowB, new Coord(0, 3, 0, 0));
        Warp.Mul(yRowB, aRowB, bRowB);
        Warp.Store(ob, yRowB, new Coord(0, 4, 0, 0));
        Warp.Mul(yRowB, aRowB, s);
        Warp.Store(ob, yRowB, new Coord(0, 5, 0, 0));
        Warp.Div(yRowB, aRowB, bRowB);
        Warp.Store(ob, yRowB, new Coord(0, 6, 0, 0));
        Warp.Div(yRowB, aRowB, s);
        Warp.Store(ob, yRowB, new Coord(0, 7, 0, 0));
        Warp.Max(yRowB, aRowB, bRowB);
        Warp.Store(ob, yRowB, new Coord(0, 8, 0, 0));
        Warp.Max(yRowB, aRowB, s);
        Warp.Store(ob, yRowB, new Coord(0, 9, 0, 0));
        Warp.Min(yRowB, aRowB, bRowB);
        Warp.Store(ob, yRowB, new Coord(0, 10, 0, 0));
        Warp.Min(yRowB, aRowB, s);
        Warp.Store(ob, yRowB, new Coord(0, 11, 0, 0));
        var aColB = new RT<bf16, D48, D32, Col>();
        var bColB = new RT<bf16, D48, D32, Col>();
        var yColB = new RT<bf16, D48, D32, Col>();
        Warp.Load(aColB, ab, new Coord(0, 0));
        Warp.Load(bColB, bb, new Coord(0, 0));
        Warp.Add(yColB, aColB, bColB);
        Warp.Store(ob, yColB, new Coord(0, 12, 0, 0));
        Warp.Add(yColB, aColB, s);
        Warp.Store(ob, yColB, new Coord(0, 13, 0, 0));
        Warp.Sub(yColB, aColB, bColB);
        Warp.Store(ob, yColB, new Coord(0, 14, 0, 0));
        Warp.Sub(yColB, aColB, s);
        Warp.Store(ob, yColB, new Coord(0, 15, 0, 0));
        Warp.Mul(yColB, aColB, bColB);
        Warp.Store(ob, yColB, new Coord(0, 16, 0, 0));
        Warp.Mul(yColB, aColB, s);
        Warp.Store(ob, yColB, new Coord(0, 17, 0, 0));
        Warp.Div(yColB, aColB, bColB);
        Warp.Store(ob, yColB, new Coord(0, 18, 0, 0));
        Warp.Div(yColB, aColB, s);
        Warp.Store(ob, yColB, new Coord(0, 19, 0, 0));
        Warp.Max(yColB, aColB, bColB);
        Warp.Store(ob, yColB, new Coord(0, 20, 0, 0));
        Warp.Max(yColB, aColB, s);
        Warp.Store(ob, yColB, new Coord(0, 21, 0, 0));
        Warp.Min(yColB, aColB, bColB);
        Warp.Store(ob, yColB, new Coord(0, 22, 0, 0));
        Warp.Min(yColB, aColB, s);
        Warp.Store(ob, yColB, new Coord(0, 23, 0, 0));
        var aRowH = new RT<f16, D48, D32, Row>();
        var bRowH = new RT<f16, D48, D32, Row>();
        var yRowH = new RT<f16, D48, D32, Row>();
        Warp.Load(aRowH, ah, new Coord(0, 0));
        Warp.Load(bRowH, bh, new Coord(0, 0));
        Warp.Add(yRowH, aRowH, bRowH);
        Warp.Store(oh, yRowH, new Coord(0, 0, 0, 0));
        Warp.Add(yRowH, aRowH, s);
        Warp.Store(oh, yRowH, new Coord(0, 1, 0, 0));
        Warp.Sub(yRowH, aRowH, bRowH);
        Warp.Store(oh, yRowH, new Coord(0, 2, 0, 0));
        Warp.Sub(yRowH, aRowH, s);
        Warp.Store(oh, yRowH, new Coord(0, 3, 0, 0));
        Warp.Mul(yRowH, aRowH, bRowH);
        Warp.Store(oh, yRowH, new Coord(0, 4, 0, 0));
        Warp.Mul(yRowH, aRowH, s);
        Warp.Store(oh, yRowH, new Coord(0, 5, 0, 0));
        Warp.Div(yRowH, aRowH, bRowH);
        Warp.Store(oh, yRowH, new Coord(0, 6, 0, 0));
        Warp.Div(yRowH, aRowH, s);
        Warp.Store(oh, yRowH, new Coord(0, 7, 0, 0));
        Warp.Max(yRowH, aRowH, bRowH);
        Warp.Store(oh, yRowH, new Coord(0, 8, 0, 0));
        Warp.Max(yRowH, aRowH, s);
        Warp.Store(oh, yRowH, new Coord(0, 9, 0, 0));
        Warp.Min(yRowH, aRowH, bRowH);
        Warp.Store(oh, yRowH, new Coord(0, 10, 0, 0));
        Warp.Min(yRowH, aRowH, s);
        Warp.Store(oh, yRowH, new Coord(0, 11, 0, 0));
        var aColH = new RT<f16, D48, D32, Col>();
        var bColH = new RT<f16, D48, D32, Col>();
        var yColH = new RT<f16, D48, D32, Col>();
        Warp.Load(aColH, ah, new Coord(0, 0));
        Warp.Load(bColH, bh, new Coord(0, 0));
        Warp.Add(yColH, aColH, bColH);
        Warp.Store(oh, yColH, new Coord(0, 12, 0, 0));
        Warp.Add(yColH, aColH, s);
        Warp.Store(oh, yColH, new Coord(0, 13, 0, 0));
        Warp.Sub(yColH, aColH, bColH);
        Warp.Store(oh, yColH, new Coord(0, 14, 0, 0));
        Warp.Sub(yColH, aColH, s);
        Warp.Store(oh, yColH, new Coord(0, 15, 0, 0));
        Warp.Mul(yColH, aColH, bColH);
        Warp.Store(oh, yColH, new Coord(0, 16, 0, 0));
        Warp.Mul(yColH, aColH, s);
        Warp.Store(oh, yColH, new Coord(0, 17, 0, 0));
        Warp.Div(yColH, aColH, bColH);
        Warp.Store(oh, yColH, new Coord(0, 18, 0, 0));
        Warp.Div(yColH, aColH, s);
        Warp.Store(oh, yColH, new Coord(0, 19, 0, 0));
        Warp.Max(yColH, aColH, bColH);
        Warp.Store(oh, yColH, new Coord(0, 20, 0, 0));
        Warp.Max(yColH, aColH, s);
        Warp.Store(oh, yColH, new Coord(0, 21, 0, 0));
        Warp.Min(yColH, aColH, bColH);
        Warp.Store(oh, yColH, new Coord(0, 22, 0, 0));
        Warp.Min(yColH, aColH, s);
        Warp.Store(oh, yColH, new Coord(0, 23, 0, 0));
    }
}
