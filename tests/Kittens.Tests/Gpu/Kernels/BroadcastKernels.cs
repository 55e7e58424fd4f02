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
    /// row layout slots 0..7, column layout slots 8..15, the broadcasts of <see cref="Broadcasts"/>.
    /// </summary>
    [Kernel(Threads = 32)]
    public static void BroadcastFloat(GL<float> x, GL<float> perRow, GL<float> perCol, GL<float> output)
    {
        Broadcasts<float, float, D32, D48, Row, Align, Ortho>(x, perRow, perCol, output, 0);
        Broadcasts<float, float, D32, D48, Col, Ortho, Align>(x, perRow, perCol, output, 8);
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
        Broadcasts<bf16, bf16, D48, D32, Row, Align, Ortho>(xb, perRow, perCol, ob, 0);
        Broadcasts<bf16, float, D48, D32, Col, Ortho, Align>(xb, perRow, perCol, ob, 8);
        Broadcasts<f16, f16, D48, D32, Row, Align, Ortho>(xh, perRow, perCol, oh, 0);
        Broadcasts<f16, float, D48, D32, Col, Ortho, Align>(xh, perRow, perCol, oh, 8);
    }

    /// <summary>
    /// Slots first .. first + 7 of output, on an R x C tile of layout L and vectors of dtype U:
    /// AddRow, SubRow, MulRow, DivRow by perRow (layout VC), then AddCol, SubCol, MulCol, DivCol
    /// by perCol (layout VR).
    /// </summary>
    [DeviceFunction]
    private static void Broadcasts<T, U, R, C, L, VR, VC>(GL<T> x, GL<float> perRow, GL<float> perCol, GL<T> output, int first)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        where L : struct, IColVecLayout<VC>, IRowVecLayout<VR> where VR : struct, IVecLayout where VC : struct, IVecLayout
    {
        var t = new RT<T, R, C, L>();
        var y = new RT<T, R, C, L>();
        var rowV = new RV<U, R, VC>();
        var colV = new RV<U, C, VR>();
        Warp.Load(t, x, new Coord(0, 0));
        Warp.Load(rowV, perRow, new Coord(0, 0));
        Warp.Load(colV, perCol, new Coord(0, 0));
        Warp.AddRow(y, t, rowV);
        Warp.Store(output, y, new Coord(0, first, 0, 0));
        Warp.SubRow(y, t, rowV);
        Warp.Store(output, y, new Coord(0, first + 1, 0, 0));
        Warp.MulRow(y, t, rowV);
        Warp.Store(output, y, new Coord(0, first + 2, 0, 0));
        Warp.DivRow(y, t, rowV);
        Warp.Store(output, y, new Coord(0, first + 3, 0, 0));
        Warp.AddCol(y, t, colV);
        Warp.Store(output, y, new Coord(0, first + 4, 0, 0));
        Warp.SubCol(y, t, colV);
        Warp.Store(output, y, new Coord(0, first + 5, 0, 0));
        Warp.MulCol(y, t, colV);
        Warp.Store(output, y, new Coord(0, first + 6, 0, 0));
        Warp.DivCol(y, t, colV);
        Warp.Store(output, y, new Coord(0, first + 7, 0, 0));
    }
}
