using Kittens;

namespace Kittens.Tests.GpuKernels;

/// <summary>Test kernels for register-tile layout conversions: SwapLayout and Transpose.</summary>
public static partial class ConversionKernels
{
    /// <summary>
    /// x*: (1, 1, 32, 48) of bf16, f16, float. s*: (1, 3, 32, 48) and t*: (1, 3, 48, 32), the
    /// slots of <see cref="LayoutSlots"/> for each dtype.
    /// </summary>
    [Kernel(Threads = 32)]
    public static void Layouts(GL<bf16> xb, GL<f16> xh, GL<float> xf,
        GL<bf16> sb, GL<f16> sh, GL<float> sf, GL<bf16> tb, GL<f16> th, GL<float> tf)
    {
        LayoutSlots(xb, sb, tb);
        LayoutSlots(xh, sh, th);
        LayoutSlots(xf, sf, tf);
    }

    /// <summary>
    /// On 32x48 tiles of T: s slots = x: 0 row tile → SwapLayout → column tile → global;
    /// 1 column → SwapLayout → row; 2 row → column → row. t slots = xᵀ: 0 Transpose of a row
    /// tile; 1 Transpose of a column tile; 2 row → SwapLayout → column, Transpose (column
    /// layout), SwapLayout → row.
    /// </summary>
    [DeviceFunction]
    private static void LayoutSlots<T>(GL<T> x, GL<T> s, GL<T> t) where T : unmanaged
    {
        var row = new RT<T, D32, D48, Row>();
        var col = new RT<T, D32, D48, Col>();
        var rowT = new RT<T, D48, D32, Row>();
        var colT = new RT<T, D48, D32, Col>();
        Warp.Load(row, x, new Coord(0, 0));
        Warp.SwapLayout(col, row);
        Warp.Store(s, col, new Coord(0, 0, 0, 0));
        Warp.Load(col, x, new Coord(0, 0));
        Warp.SwapLayout(row, col);
        Warp.Store(s, row, new Coord(0, 1, 0, 0));
        Warp.Load(row, x, new Coord(0, 0));
        Warp.SwapLayout(col, row);
        Warp.Zero(row);
        Warp.SwapLayout(row, col);
        Warp.Store(s, row, new Coord(0, 2, 0, 0));

        Warp.Load(row, x, new Coord(0, 0));
        Warp.Transpose(rowT, row);
        Warp.Store(t, rowT, new Coord(0, 0, 0, 0));
        Warp.Load(col, x, new Coord(0, 0));
        Warp.Transpose(colT, col);
        Warp.Store(t, colT, new Coord(0, 1, 0, 0));
        Warp.SwapLayout(col, row);
        Warp.Transpose(colT, col);
        Warp.SwapLayout(rowT, colT);
        Warp.Store(t, rowT, new Coord(0, 2, 0, 0));
    }
}
