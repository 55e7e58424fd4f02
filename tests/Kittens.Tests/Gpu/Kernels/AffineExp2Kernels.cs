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
    /// (1, 4, 32, 48) float: slots 0, 1 for a row-layout tile, 2, 3 for a column-layout tile, as
    /// in <see cref="Exp2Affines"/>.
    /// </summary>
    [Kernel(Threads = 32)]
    public static void Exp2AffineRowFloat(GL<float> x, GL<float> v, float scale, GL<float> output)
    {
        Exp2Affines<float, float, D32, D48, Row, Ortho>(x, v, scale, output, 0);
        Exp2Affines<float, float, D32, D48, Col, Align>(x, v, scale, output, 2);
    }

    /// <summary>
    /// The slots of <see cref="Exp2AffineRowFloat"/> for 48x32 tiles of bf16 (xb → ob) and f16
    /// (xh → oh); v: (1, 1, 1, 48) float. Row-layout tiles use a vector of the tile's dtype (so v
    /// is rounded to it on load); column-layout tiles use a float vector. Outputs (1, 4, 48, 32).
    /// </summary>
    [Kernel(Threads = 32)]
    public static void Exp2AffineRowHalf(GL<bf16> xb, GL<f16> xh, GL<float> v, float scale, GL<bf16> ob, GL<f16> oh)
    {
        Exp2Affines<bf16, bf16, D48, D32, Row, Ortho>(xb, v, scale, ob, 0);
        Exp2Affines<bf16, float, D48, D32, Col, Align>(xb, v, scale, ob, 2);
        Exp2Affines<f16, f16, D48, D32, Row, Ortho>(xh, v, scale, oh, 0);
        Exp2Affines<f16, float, D48, D32, Col, Align>(xh, v, scale, oh, 2);
    }

    /// <summary>
    /// On an R x C tile of layout L and a vector of dtype U (layout VC, L's column vector): slot
    /// first = Exp2AffineRow into a second tile, first + 1 = in place (dst aliases src).
    /// </summary>
    [DeviceFunction]
    private static void Exp2Affines<T, U, R, C, L, VC>(GL<T> x, GL<float> v, float scale, GL<T> output, int first)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        where L : struct, IColVecLayout<VC> where VC : struct, IVecLayout
    {
        var t = new RT<T, R, C, L>();
        var y = new RT<T, R, C, L>();
        var rowV = new RV<U, R, VC>();
        Warp.Load(t, x, new Coord(0, 0));
        Warp.Load(rowV, v, new Coord(0, 0));
        Warp.Exp2AffineRow(y, t, scale, rowV);
        Warp.Store(output, y, new Coord(0, first, 0, 0));
        Warp.Exp2AffineRow(t, t, scale, rowV);
        Warp.Store(output, t, new Coord(0, first + 1, 0, 0));
    }
}
