using Kittens;

namespace Kittens.Tests.GpuKernels;

/// <summary>Test kernels for register-tile layout conversions: SwapLayout and Transpose.</summary>
public static partial class ConversionKernels
{
    /// <summary>
    /// x*: (1, 1, 32, 48) of bf16, f16, float. s*: (1, 3, 32, 48), each slot = x:
    /// 0 row tile → SwapLayout → column tile → global; 1 column → SwapLayout → row; 2 row → column → row.
    /// t*: (1, 3, 48, 32), each slot = xᵀ: 0 Transpose of a row tile; 1 Transpose of a column tile;
    /// 2 row → SwapLayout → column, Transpose (column layout), SwapLayout → row.
    /// </summary>
    [Kernel(Threads = 32)]
    public static void Layouts(GL<bf16> xb, GL<f16> xh, GL<float> xf,
        GL<bf16> sb, GL<f16> sh, GL<float> sf, GL<bf16> tb, GL<f16> th, GL<float> tf)
    {
        var rowB = new RT<bf16, D32, D48, Row>();
        var colB = new RT<bf16, D32, D48, Col>();
        var rowTB = new RT<bf16, D48, D32, Row>();
        var colTB = new RT<bf16, D48, D32, Col>();
        Warp.Load(rowB, xb, new Coord(0, 0));
        Warp.SwapLayout(colB, rowB);
        Warp.Store(sb, colB, new Coord(0, 0, 0, 0));
        Warp.Load(colB, xb, new Coord(0, 0));
        Warp.SwapLayout(rowB, colB);
        Warp.Store(sb, rowB, new Coord(0, 1, 0, 0));
        Warp.Load(rowB, xb, new Coord(0, 0));
        Warp.SwapLayout(colB, rowB);
        Warp.Zero(rowB);
        Warp.SwapLayout(rowB, colB);
        Warp.Store(sb, rowB, new Coord(0, 2, 0, 0));

        Warp.Load(rowB, xb, new Coord(0, 0));
        Warp.Transpose(rowTB, rowB);
        Warp.Store(tb, rowTB, new Coord(0, 0, 0, 0));
        Warp.Load(colB, xb, new Coord(0, 0));
        Warp.Transpose(colTB, colB);
        Warp.Store(tb, colTB, new Coord(0, 1, 0, 0));
        Warp.SwapLayout(colB, rowB);
        Warp.Transpose(colTB, colB);
        Warp.SwapLayout(rowTB, colTB);
        Warp.Store(tb, rowTB, new Coord(0, 2, 0, 0));

        var rowH = new RT<f16, D32, D48, Row>();
        var colH = new RT<f16, D32, D48, Col>();
        var rowTH = new RT<f16, D48, D32, Row>();
        var colTH = new RT<f16, D48, D32, Col>();
        Warp.Load(rowH, xh, new Coord(0, 0));
        Warp.SwapLayout(colH, rowH);
        Warp.Store(sh, colH, new Coord(0, 0, 0, 0));
        Warp.Load(colH, xh, new Coord(0, 0));
        Warp.SwapLayout(rowH, colH);
        Warp.Store(sh, rowH, new Coord(0, 1, 0, 0));
        Warp.Load(rowH, xh, new Coord(0, 0));
        Warp.SwapLayout(colH, rowH);
        Warp.Zero(rowH);
        Warp.SwapLayout(rowH, colH);
        Warp.Store(sh, rowH, new Coord(0, 2, 0, 0));

        Warp.Load(rowH, xh, new Coord(0, 0));
        Warp.Transpose(rowTH, rowH);
        Warp.Store(th, rowTH, new Coord(0, 0, 0, 0));
        Warp.Load(colH, xh, new Coord(0, 0));
        Warp.Transpose(colTH, colH);
        Warp.Store(th, colTH, new Coord(0, 1, 0, 0));
        Warp.SwapLayout(colH, rowH);
        Warp.Transpose(colTH, colH);
        Warp.SwapLayout(rowTH, colTH);
        Warp.Store(th, rowTH, new Coord(0, 2, 0, 0));

        var rowF = new RT<float, D32, D48, Row>();
        var colF = new RT<float, D32, D48, Col>();
        var rowTF = new RT<float, D48, D32, Row>();
        var colTF = new RT<float, D48, D32, Col>();
        Warp.Load(rowF, xf, new Coord(0, 0));
        Warp.SwapLayout(colF, rowF);
        Warp.Store(sf, colF, new Coord(0, 0, 0, 0));
        Warp.Load(colF, xf, new Coord(0, 0));
        Warp.SwapLayout(rowF, colF);
        Warp.Store(sf, rowF, new Coord(0, 1, 0, 0));
        Warp.Load(rowF, xf, new Coord(0, 0));
        Warp.SwapLayout(colF, rowF);
        Warp.Zero(rowF);
        Warp.SwapLayout(rowF, colF);
        Warp.Store(sf, rowF, new Coord(0, 2, 0, 0));

        Warp.Load(rowF, xf, new Coord(0, 0));
        Warp.Transpose(rowTF, rowF);
        Warp.Store(tf, rowTF, new Coord(0, 0, 0, 0));
        Warp.Load(colF, xf, new Coord(0, 0));
        Warp.Transpose(colTF, colF);
        Warp.Store(tf, colTF, new Coord(0, 1, 0, 0));
        Warp.SwapLayout(colF, rowF);
        Warp.Transpose(colTF, colF);
        Warp.SwapLayout(rowTF, colTF);
        Warp.Store(tf, rowTF, new Coord(0, 2, 0, 0));
    }
}
