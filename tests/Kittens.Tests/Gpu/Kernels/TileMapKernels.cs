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
        Fills<float, D32, D48, Row>(f, 0);
        Fills<float, D32, D48, Col>(f, 4);
        Fills<bf16, D32, D48, Row>(b, 0);
        Fills<bf16, D32, D48, Col>(b, 4);
        Fills<f16, D32, D48, Row>(h, 0);
        Fills<f16, D32, D48, Col>(h, 4);
    }

    /// <summary>Slots first .. first + 3 of output: an R x C tile of layout L set by Zero, One, NegInfty, PosInfty.</summary>
    [DeviceFunction]
    private static void Fills<T, R, C, L>(GL<T> output, int first)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
    {
        var t = new RT<T, R, C, L>();
        Warp.Zero(t);
        Warp.Store(output, t, new Coord(0, first, 0, 0));
        Warp.One(t);
        Warp.Store(output, t, new Coord(0, first + 1, 0, 0));
        Warp.NegInfty(t);
        Warp.Store(output, t, new Coord(0, first + 2, 0, 0));
        Warp.PosInfty(t);
        Warp.Store(output, t, new Coord(0, first + 3, 0, 0));
    }

    /// <summary>
    /// x: (1, 1, 32, 48) float (any sign), positive: (1, 1, 32, 48) float (> 0).
    /// output: (1, 10, 32, 48) float. Row layout in slots 0..4, column layout in 5..9, the maps
    /// of <see cref="UnaryMaps"/>.
    /// </summary>
    [Kernel(Threads = 32)]
    public static void UnaryFloat(GL<float> x, GL<float> positive, GL<float> output)
    {
        UnaryMaps<float, D32, D48, Row>(x, positive, output, 0);
        UnaryMaps<float, D32, D48, Col>(x, positive, output, 5);
    }

    /// <summary>
    /// The slots of <see cref="UnaryFloat"/> for 48x32 tiles of bf16 (xb, pb → ob) and f16
    /// (xh, ph → oh); every output is (1, 10, 48, 32).
    /// </summary>
    [Kernel(Threads = 32)]
    public static void UnaryHalf(GL<bf16> xb, GL<bf16> pb, GL<bf16> ob, GL<f16> xh, GL<f16> ph, GL<f16> oh)
    {
        UnaryMaps<bf16, D48, D32, Row>(xb, pb, ob, 0);
        UnaryMaps<bf16, D48, D32, Col>(xb, pb, ob, 5);
        UnaryMaps<f16, D48, D32, Row>(xh, ph, oh, 0);
        UnaryMaps<f16, D48, D32, Col>(xh, ph, oh, 5);
    }

    /// <summary>
    /// Slots first .. first + 4 of output, on R x C tiles of layout L: copy(x), exp(x), exp2(x),
    /// log(positive) (in place), abs(x) (in place).
    /// </summary>
    [DeviceFunction]
    private static void UnaryMaps<T, R, C, L>(GL<T> x, GL<T> positive, GL<T> output, int first)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
    {
        var t = new RT<T, R, C, L>();
        var p = new RT<T, R, C, L>();
        var y = new RT<T, R, C, L>();
        Warp.Load(t, x, new Coord(0, 0));
        Warp.Load(p, positive, new Coord(0, 0));
        Warp.Copy(y, t);
        Warp.Store(output, y, new Coord(0, first, 0, 0));
        Warp.Exp(y, t);
        Warp.Store(output, y, new Coord(0, first + 1, 0, 0));
        Warp.Exp2(y, t);
        Warp.Store(output, y, new Coord(0, first + 2, 0, 0));
        Warp.Log(p, p);
        Warp.Store(output, p, new Coord(0, first + 3, 0, 0));
        Warp.Abs(t, t);
        Warp.Store(output, t, new Coord(0, first + 4, 0, 0));
    }

    /// <summary>
    /// Copy between dtypes. x: (1, 1, 32, 32) float. For the row layout (base slot 0) and the
    /// column layout (base slot 2), the copies of <see cref="CopyConverts"/>. Outputs are (1, 4, 32, 32).
    /// </summary>
    [Kernel(Threads = 32)]
    public static void CopyConvert(GL<float> x, GL<float> o32, GL<bf16> ob, GL<f16> oh)
    {
        CopyConverts<Row>(x, o32, ob, oh, 0);
        CopyConverts<Col>(x, o32, ob, oh, 2);
    }

    /// <summary>
    /// On 32x32 tiles of layout L, from base slot first:
    /// ob[first] = bf16(x) (float→bf16); o32[first] = float(bf16(x)) (bf16→float);
    /// oh[first] = f16(x) (float→f16); o32[first + 1] = float(f16(x)) (f16→float);
    /// oh[first + 1] = f16(bf16(x)) (bf16→f16); ob[first + 1] = bf16(f16(x)) (f16→bf16).
    /// </summary>
    [DeviceFunction]
    private static void CopyConverts<L>(GL<float> x, GL<float> o32, GL<bf16> ob, GL<f16> oh, int first)
        where L : struct, ITileLayout
    {
        var f = new RT<float, D32, D32, L>();
        var b = new RT<bf16, D32, D32, L>();
        var h = new RT<f16, D32, D32, L>();
        Warp.Load(f, x, new Coord(0, 0));
        Warp.Copy(b, f);
        Warp.Store(ob, b, new Coord(0, first, 0, 0));
        Warp.Copy(h, f);
        Warp.Store(oh, h, new Coord(0, first, 0, 0));
        Warp.Copy(f, b);
        Warp.Store(o32, f, new Coord(0, first, 0, 0));
        Warp.Copy(f, h);
        Warp.Store(o32, f, new Coord(0, first + 1, 0, 0));
        Warp.Copy(b, h);
        Warp.Store(ob, b, new Coord(0, first + 1, 0, 0));
        Warp.Load(b, x, new Coord(0, 0));
        Warp.Copy(h, b);
        Warp.Store(oh, h, new Coord(0, first + 1, 0, 0));
    }

    /// <summary>
    /// a, b: (1, 1, 32, 48) float (b nonzero), s: a nonzero scalar. output: (1, 24, 32, 48) float,
    /// slot = 12·layout + 2·op + form, layout 0 = row, 1 = column; op and form as in
    /// <see cref="BinaryMaps"/>.
    /// </summary>
    [Kernel(Threads = 32)]
    public static void BinaryFloat(GL<float> a, GL<float> b, float s, GL<float> output)
    {
        BinaryMaps<float, D32, D48, Row>(a, b, s, output, 0);
        BinaryMaps<float, D32, D48, Col>(a, b, s, output, 12);
    }

    /// <summary>
    /// The slots of <see cref="BinaryFloat"/> for 48x32 tiles of bf16 (ab, bb → ob) and f16
    /// (ah, bh → oh); outputs (1, 24, 48, 32).
    /// </summary>
    [Kernel(Threads = 32)]
    public static void BinaryHalf(GL<bf16> ab, GL<bf16> bb, GL<f16> ah, GL<f16> bh, float s, GL<bf16> ob, GL<f16> oh)
    {
        BinaryMaps<bf16, D48, D32, Row>(ab, bb, s, ob, 0);
        BinaryMaps<bf16, D48, D32, Col>(ab, bb, s, ob, 12);
        BinaryMaps<f16, D48, D32, Row>(ah, bh, s, oh, 0);
        BinaryMaps<f16, D48, D32, Col>(ah, bh, s, oh, 12);
    }

    /// <summary>
    /// Slots first .. first + 11 of output, on R x C tiles of layout L: slot first + 2·op + form,
    /// op 0..5 = add, sub, mul, div, max, min; form 0 = op(a, b), 1 = op(a, s).
    /// </summary>
    [DeviceFunction]
    private static void BinaryMaps<T, R, C, L>(GL<T> a, GL<T> b, float s, GL<T> output, int first)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
    {
        var ta = new RT<T, R, C, L>();
        var tb = new RT<T, R, C, L>();
        var y = new RT<T, R, C, L>();
        Warp.Load(ta, a, new Coord(0, 0));
        Warp.Load(tb, b, new Coord(0, 0));
        Warp.Add(y, ta, tb);
        Warp.Store(output, y, new Coord(0, first, 0, 0));
        Warp.Add(y, ta, s);
        Warp.Store(output, y, new Coord(0, first + 1, 0, 0));
        Warp.Sub(y, ta, tb);
        Warp.Store(output, y, new Coord(0, first + 2, 0, 0));
        Warp.Sub(y, ta, s);
        Warp.Store(output, y, new Coord(0, first + 3, 0, 0));
        Warp.Mul(y, ta, tb);
        Warp.Store(output, y, new Coord(0, first + 4, 0, 0));
        Warp.Mul(y, ta, s);
        Warp.Store(output, y, new Coord(0, first + 5, 0, 0));
        Warp.Div(y, ta, tb);
        Warp.Store(output, y, new Coord(0, first + 6, 0, 0));
        Warp.Div(y, ta, s);
        Warp.Store(output, y, new Coord(0, first + 7, 0, 0));
        Warp.Max(y, ta, tb);
        Warp.Store(output, y, new Coord(0, first + 8, 0, 0));
        Warp.Max(y, ta, s);
        Warp.Store(output, y, new Coord(0, first + 9, 0, 0));
        Warp.Min(y, ta, tb);
        Warp.Store(output, y, new Coord(0, first + 10, 0, 0));
        Warp.Min(y, ta, s);
        Warp.Store(output, y, new Coord(0, first + 11, 0, 0));
    }
}
