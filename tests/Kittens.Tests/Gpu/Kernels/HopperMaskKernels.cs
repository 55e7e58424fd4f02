using Kittens;

namespace Kittens.Tests.GpuKernels;

/// <summary>Test kernel for the masks of row-layout register tiles, in absolute coordinates.</summary>
public static partial class HopperMaskKernels
{
    /// <summary>
    /// One warp. xf, xb, xh: (1, 1, 32, 64) float, bf16, f16; of, ob, oh: (1, 2, 32, 64) of the same
    /// dtypes. Each input is loaded into a 32 x 64 row tile (element (i, j) standing for absolute
    /// position (rowOffset + i, colOffset + j)); slot 0 gets it after
    /// CausalMask(tile, rowOffset, colOffset, value) (value where colOffset + j &gt; rowOffset + i),
    /// slot 1 after ColumnMask(tile, colOffset, limit, value) (value where colOffset + j ≥ limit).
    /// </summary>
    [Kernel(Threads = 32)]
    public static void Masks(
        GL<float> xf, GL<bf16> xb, GL<f16> xh,
        GL<float> of, GL<bf16> ob, GL<f16> oh,
        int rowOffset, int colOffset, int limit, float value)
    {
        var f = new RT<float, D32, D64, Row>();
        Warp.Load(f, xf, new Coord(0, 0));
        Warp.CausalMask(f, rowOffset, colOffset, value);
        Warp.Store(of, f, new Coord(0, 0, 0, 0));
        Warp.Load(f, xf, new Coord(0, 0));
        Warp.ColumnMask(f, colOffset, limit, value);
        Warp.Store(of, f, new Coord(0, 1, 0, 0));

        var b = new RT<bf16, D32, D64, Row>();
        Warp.Load(b, xb, new Coord(0, 0));
        Warp.CausalMask(b, rowOffset, colOffset, value);
        Warp.Store(ob, b, new Coord(0, 0, 0, 0));
        Warp.Load(b, xb, new Coord(0, 0));
        Warp.ColumnMask(b, colOffset, limit, value);
        Warp.Store(ob, b, new Coord(0, 1, 0, 0));

        var h = new RT<f16, D32, D64, Row>();
        Warp.Load(h, xh, new Coord(0, 0));
        Warp.CausalMask(h, rowOffset, colOffset, value);
        Warp.Store(oh, h, new Coord(0, 0, 0, 0));
        Warp.Load(h, xh, new Coord(0, 0));
        Warp.ColumnMask(h, colOffset, limit, value);
        Warp.Store(oh, h, new Coord(0, 1, 0, 0));
    }
}
