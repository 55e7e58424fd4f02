using Kittens;

namespace Kittens.Tests.GpuKernels;

/// <summary>
/// Test kernels for row and column broadcasts of register vectors over register tiles, in both
/// tile layouts. Slot s of an output is output[0, s, :, :]; vectors are read from row 0 of
/// (1, 1, 1, n) tensors.
/// </summary>
public static partial class BroadcastKernels
{
    /// <summary>
    /// x: (1, 1, 32, 48) float; perRow: (1, 1, 1, 32) float (one value per tile row, nonzero);
    /// perCol: (1, 1, 1, 48) float (one per column, nonzero). output: (1, 16, 32, 48) float:
    /// row layout slots 0..3 = AddRow, SubRow, MulRow, DivRow; 4..7 = AddCol, SubCol, MulCol, DivCol;
    /// column layout slots 8..15 likewise.
    /// </summary>
    [Kernel(Threads = 32)]
    public static void BroadcastFloat(GL<float> x, GL<float> perRow, GL<float> perCol, GL<float> output)
    {
        var tRow = new RT<float, D32, D48, Row>();
        var yRow = new RT<float, D32, D48, Row>();
        var perRowRow = new RV<float, D32, Ortho>();
        var perColRow = new RV<float, D48, Align>();
        Warp.Load(tRow, x, new Coord(0, 0));
        Warp.Load(perRowRow, perRow, new Coord(0, 0));
        Warp.Load(perColRow, perCol, new Coord(0, 0));
        Warp.AddRow(yRow, tRow, perRowRow);
        Warp.Store(output, yRow, new Coord(0, 0, 0, 0));
        Warp.SubRow(yRow, tRow, perRowRow);
        Warp.Store(output, yRow, new Coord(0, 1, 0, 0));
        Warp.MulRow(yRow, tRow, perRowRow);
        Warp.Store(output, yRow, new Coord(0, 2, 0, 0));
        Warp.DivRow(yRow, tRow, perRowRow);
        Warp.Store(output, yRow, new Coord(0, 3, 0, 0));
        Warp.AddCol(yRow, tRow, perColRow);
        Warp.Store(output, yRow, new Coord(0, 4, 0, 0));
        Warp.SubCol(yRow, tRow, perColRow);
        Warp.Store(output, yRow, new Coord(0, 5, 0, 0));
        Warp.MulCol(yRow, tRow, perColRow);
        Warp.Store(output, yRow, new Coord(0, 6, 0, 0));
        Warp.DivCol(yRow, tRow, perColRow);
        Warp.Store(output, yRow, new Coord(0, 7, 0, 0));
        var tCol = new RT<float, D32, D48, Col>();
        var yCol = new RT<float, D32, D48, Col>();
        var perRowCol = new RV<float, D32, Align>();
        var perColCol = new RV<float, D48, Ortho>();
        Warp.Load(tCol, x, new Coord(0, 0));
        Warp.Load(perRowCol, perRow, new Coord(0, 0));
        Warp.Load(perColCol, perCol, new Coord(0, 0));
        Warp.AddRow(yCol, tCol, perRowCol);
        Warp.Store(output, yCol, new Coord(0, 8, 0, 0));
        Warp.SubRow(yCol, tCol, perRowCol);
        Warp.Store(output, yCol, new Coord(0, 9, 0, 0));
        Warp.MulRow(yCol, tCol, perRowCol);
        Warp.Store(output, yCol, new Coord(0, 10, 0, 0));
        Warp.DivRow(yCol, tCol, perRowCol);
        Warp.Store(output, yCol, new Coord(0, 11, 0, 0));
        Warp.AddCol(yCol, tCol, perColCol);
        Warp.Store(output, yCol, new Coord(0, 12, 0, 0));
        Warp.SubCol(yCol, tCol, perColCol);
        Warp.Store(output, yCol, new Coord(0, 13, 0, 0));
        Warp.MulCol(yCol, tCol, perColCol);
        Warp.Store(output, yCol, new Coord(0, 14, 0, 0));
        Warp.DivCol(yCol, tCol, perColCol);
        Warp.Store(output, yCol, new Coord(0, 15, 0, 0));
    }

    /// <summary>
    /// The slots of <see cref="BroadcastFloat"/> for 48x32 tiles of bf16 (xb → ob) and f16
    /// (xh → oh); perRow: (1, 1, 1, 48) float, perCol: (1, 1, 1, 32) float. Row-layout tiles use
    /// vectors of the tile's dtype (so the vectors are rounded to it on load); column-layout tiles
    /// use float vectors. Outputs (1, 16, 48, 32).
    /// </summary>
    [Kernel(Threads = 32)]
    public static void BroadcastHalf(GL<bf16> xb, GL<f16> xh, GL<float> perRow, GL<float> perCol, GL<bf16> ob, GL<f16> oh)
    {
        var tRowB = new RT<bf16, D48, D32, Row>();
        var yRowB = new RT<bf16, D48, D32, Row>();
        var perRowRowB = new RV<bf16, D48, Ortho>();
        var perColRowB = new RV<bf16, D32, Align>();
        Warp.Load(tRowB, xb, new Coord(0, 0));
        Warp.Load(perRowRowB, perRow, new Coord(0, 0));
        Warp.Load(perColRowB, perCol, new Coord(0, 0));
        Warp.AddRow(yRowB, tRowB, perRowRowB);
        Warp.Store(ob, yRowB, new Coord(0, 0, 0, 0));
        Warp.SubRow(yRowB, tRowB, perRowRowB);
        Warp.Store(ob, yRowB, new Coord(0, 1, 0, 0));
        Warp.MulRow(yRowB, tRowB, perRowRowB);
        Warp.Store(ob, yRowB, new Coord(0, 2, 0, 0));
        Warp.DivRow(yRowB, tRowB, perRowRowB);
        Warp.Store(ob, yRowB, new Coord(0, 3, 0, 0));
        Warp.AddCol(yRowB, tRowB, perColRowB);
        Warp.Store(ob, yRowB, new Coord(0, 4, 0, 0));
        Warp.SubCol(yRowB, tRowB, perColRowB);
        Warp.Store(ob, yRowB, new Coord(0, 5, 0, 0));
        Warp.MulCol(yRowB, tRowB, perColRowB);
        Warp.Store(ob, yRowB, new Coord(0, 6, 0, 0));
        Warp.DivCol(yRowB, tRowB, perColRowB);
        Warp.Store(ob, yRowB, new Coord(0, 7, 0, 0));
        var tColB = new RT<bf16, D48, D32, Col>();
        var yColB = new RT<bf16, D48, D32, Col>();
        var perRowColB = new RV<float, D48, Align>();
        var perColColB = new RV<float, D32, Ortho>();
        Warp.Load(tColB, xb, new Coord(0, 0));
        Warp.Load(perRowColB, perRow, new Coord(0, 0));
        Warp.Load(perColColB, perCol, new Coord(0, 0));
        Warp.AddRow(yColB, tColB, perRowColB);
        Warp.Store(ob, yColB, new Coord(0, 8, 0, 0));
        Warp.SubRow(yColB, tColB, perRowColB);
        Warp.Store(ob, yColB, new Coord(0, 9, 0, 0));
        Warp.MulRow(yColB, tColB, perRowColB);
        Warp.Store(ob, yColB, new Coord(0, 10, 0, 0));
        Warp.DivRow(yColB, tColB, perRowColB);
        Warp.Store(ob, yColB, new Coord(0, 11, 0, 0));
        Warp.AddCol(yColB, tColB, perColColB);
        Warp.Store(ob, yColB, new Coord(0, 12, 0, 0));
        Warp.SubCol(yColB, tColB, perColColB);
        Warp.Store(ob, yColB, new Coord(0, 13, 0, 0));
        Warp.MulCol(yColB, tColB, perColColB);
        Warp.Store(ob, yColB, new Coord(0, 14, 0, 0));
        Warp.DivCol(yColB, tColB, perColColB);
        Warp.Store(ob, yColB, new Coord(0, 15, 0, 0));
        var tRowH = new RT<f16, D48, D32, Row>();
        var yRowH = new RT<f16, D48, D32, Row>();
        var perRowRowH = new RV<f16, D48, Ortho>();
        var perColRowH = new RV<f16, D32, Align>();
        Warp.Load(tRowH, xh, new Coord(0, 0));
        Warp.Load(perRowRowH, perRow, new Coord(0, 0));
        Warp.Load(perColRowH, perCol, new Coord(0, 0));
        Warp.AddRow(yRowH, tRowH, perRowRowH);
        Warp.Store(oh, yRowH, new Coord(0, 0, 0, 0));
        Warp.SubRow(yRowH, tRowH, perRowRowH);
        Warp.Store(oh, yRowH, new Coord(0, 1, 0, 0));
        Warp.MulRow(yRowH, tRowH, perRowRowH);
        Warp.Store(oh, yRowH, new Coord(0, 2, 0, 0));
        Warp.DivRow(yRowH, tRowH, perRowRowH);
        Warp.Store(oh, yRowH, new Coord(0, 3, 0, 0));
        Warp.AddCol(yRowH, tRowH, perColRowH);
        Warp.Store(oh, yRowH, new Coord(0, 4, 0, 0));
        Warp.SubCol(yRowH, tRowH, perColRowH);
        Warp.Store(oh, yRowH, new Coord(0, 5, 0, 0));
        Warp.MulCol(yRowH, tRowH, perColRowH);
        Warp.Store(oh, yRowH, new Coord(0, 6, 0, 0));
        Warp.DivCol(yRowH, tRowH, perColRowH);
        Warp.Store(oh, yRowH, new Coord(0, 7, 0, 0));
        var tColH = new RT<f16, D48, D32, Col>();
        var yColH = new RT<f16, D48, D32, Col>();
        var perRowColH = new RV<float, D48, Align>();
        var perColColH = new RV<float, D32, Ortho>();
        Warp.Load(tColH, xh, new Coord(0, 0));
        Warp.Load(perRowColH, perRow, new Coord(0, 0));
        Warp.Load(perColColH, perCol, new Coord(0, 0));
        Warp.AddRow(yColH, tColH, perRowColH);
        Warp.Store(oh, yColH, new Coord(0, 8, 0, 0));
        Warp.SubRow(yColH, tColH, perRowColH);
        Warp.Store(oh, yColH, new Coord(0, 9, 0, 0));
        Warp.MulRow(yColH, tColH, perRowColH);
        Warp.Store(oh, yColH, new Coord(0, 10, 0, 0));
        Warp.DivRow(yColH, tColH, perRowColH);
        Warp.Store(oh, yColH, new Coord(0, 11, 0, 0));
        Warp.AddCol(yColH, tColH, perColColH);
        Warp.Store(oh, yColH, new Coord(0, 12, 0, 0));
        Warp.SubCol(yColH, tColH, perColColH);
        Warp.Store(oh, yColH, new Coord(0, 13, 0, 0));
        Warp.MulCol(yColH, tColH, perColColH);
        Warp.Store(oh, yColH, new Coord(0, 14, 0, 0));
        Warp.DivCol(yColH, tColH, perColColH);
        Warp.Store(oh, yColH, new Coord(0, 15, 0, 0));
    }
}
