using Kittens;

namespace Kittens.Tests.GpuKernels;

/// <summary>
/// Test kernels for the fused row op <c>Warp.Exp2AffineRow</c>, dst(r, c) = 2^(src(r, c) · scale − v[r]),
/// in both tile layouts. Slot s of an output is output[0, s, :, :]; v is read from row 0 of a
/// (1, 1, 1, rows) tensor.
/// </summary>
public static partial class AffineExp2Kernels
{
    /// <summary>
    /// x: (1, 1, 32, 48) float; v: (1, 1, 1, 32) float (one value per tile row). output:
    /// (1, 4, 32, 48) float: slot 0 = row-layout tile into a second tile, 1 = row-layout tile in
    /// place (dst aliases src); slots 2, 3 likewise for a column-layout tile.
    /// </summary>
    [Kernel(Threads = 32)]
    public static void Exp2AffineRowFloat(GL<float> x, GL<float> v, float scale, GL<float> output)
    {
        var tRow = new RT<float, D32, D48, Row>();
        var yRow = new RT<float, D32, D48, Row>();
        var vRow = new RV<float, D32, Ortho>();
        Warp.Load(tRow, x, new Coord(0, 0));
        Warp.Load(vRow, v, new Coord(0, 0));
        Warp.Exp2AffineRow(yRow, tRow, scale, vRow);
        Warp.Store(output, yRow, new Coord(0, 0, 0, 0));
        Warp.Exp2AffineRow(tRow, tRow, scale, vRow);
        Warp.Store(output, tRow, new Coord(0, 1, 0, 0));
        var tCol = new RT<float, D32, D48, Col>();
        var yCol = new RT<float, D32, D48, Col>();
        var vCol = new RV<float, D32, Align>();
        Warp.Load(tCol, x, new Coord(0, 0));
        Warp.Load(vCol, v, new Coord(0, 0));
        Warp.Exp2AffineRow(yCol, tCol, scale, vCol);
        Warp.Store(output, yCol, new Coord(0, 2, 0, 0));
        Warp.Exp2AffineRow(tCol, tCol, scale, vCol);
        Warp.Store(output, tCol, new Coord(0, 3, 0, 0));
    }

    /// <summary>
    /// The slots of <see cref="Exp2AffineRowFloat"/> for 48x32 tiles of bf16 (xb → ob) and f16
    /// (xh → oh); v: (1, 1, 1, 48) float. Row-layout tiles use a vector of the tile's dtype (so v
    /// is rounded to it on load); column-layout tiles use a float vector. Outputs (1, 4, 48, 32).
    /// </summary>
    [Kernel(Threads = 32)]
    public static void Exp2AffineRowHalf(GL<bf16> xb, GL<f16> xh, GL<float> v, float scale, GL<bf16> ob, GL<f16> oh)
    {
        var tRowB = new RT<bf16, D48, D32, Row>();
        var yRowB = new RT<bf16, D48, D32, Row>();
        var vRowB = new RV<bf16, D48, Ortho>();
        Warp.Load(tRowB, xb, new Coord(0, 0));
        Warp.Load(vRowB, v, new Coord(0, 0));
        Warp.Exp2AffineRow(yRowB, tRowB, scale, vRowB);
        Warp.Store(ob, yRowB, new Coord(0, 0, 0, 0));
        Warp.Exp2AffineRow(tRowB, tRowB, scale, vRowB);
        Warp.Store(ob, tRowB, new Coord(0, 1, 0, 0));
        var tColB = new RT<bf16, D48, D32, Col>();
        var yColB = new RT<bf16, D48, D32, Col>();
        var vColB = new RV<float, D48, Align>();
        Warp.Load(tColB, xb, new Coord(0, 0));
        Warp.Load(vColB, v, new Coord(0, 0));
        Warp.Exp2AffineRow(yColB, tColB, scale, vColB);
        Warp.Store(ob, yColB, new Coord(0, 2, 0, 0));
        Warp.Exp2AffineRow(tColB, tColB, scale, vColB);
        Warp.Store(ob, tColB, new Coord(0, 3, 0, 0));
        var tRowH = new RT<f16, D48, D32, Row>();
        var yRowH = new RT<f16, D48, D32, Row>();
        var vRowH = new RV<f16, D48, Ortho>();
        Warp.Load(tRowH, xh, new Coord(0, 0));
        Warp.Load(vRowH, v, new Coord(0, 0));
        Warp.Exp2AffineRow(yRowH, tRowH, scale, vRowH);
        Warp.Store(oh, yRowH, new Coord(0, 0, 0, 0));
        Warp.Exp2AffineRow(tRowH, tRowH, scale, vRowH);
        Warp.Store(oh, tRowH, new Coord(0, 1, 0, 0));
        var tColH = new RT<f16, D48, D32, Col>();
        var yColH = new RT<f16, D48, D32, Col>();
        var vColH = new RV<float, D48, Align>();
        Warp.Load(tColH, xh, new Coord(0, 0));
        Warp.Load(vColH, v, new Coord(0, 0));
        Warp.Exp2AffineRow(yColH, tColH, scale, vColH);
        Warp.Store(oh, yColH, new Coord(0, 2, 0, 0));
        Warp.Exp2AffineRow(tColH, tColH, scale, vColH);
        Warp.Store(oh, tColH, new Coord(0, 3, 0, 0));
    }
}
