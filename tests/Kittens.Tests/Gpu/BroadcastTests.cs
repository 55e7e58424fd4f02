using Kittens.Tests.GpuKernels;
using static Kittens.Tests.GpuTests.GpuTestHelpers;

namespace Kittens.Tests.GpuTests;

/// <summary>add/sub/mul/div_row and _col: a vector broadcast over the rows or columns of a tile.</summary>
[Collection(GpuCollection.Name)]
public class BroadcastTests
{
    private static readonly Func<double, double, double>[] Ops =
        [(a, b) => a + b, (a, b) => a - b, (a, b) => a * b, (a, b) => a / b];

    [Fact]
    public void RowAndColumnBroadcastsOverFloatTiles()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int R = 32, C = 48;
        float[] x = HostData.Uniform(random, R * C, -2, 2);
        float[] perRow = HostData.SignedMagnitude(random, R, 0.5, 2);
        float[] perCol = HostData.SignedMagnitude(random, C, 0.5, 2);

        using var xd = Upload(x, R, C);
        using var rd = Upload(perRow, 1, R);
        using var cd = Upload(perCol, 1, C);
        using var output = Output<float>(1, 16, R, C);
        BroadcastKernels.BroadcastFloatKernel.Launch(Grid(1), xd, rd, cd, output);

        double[] expected = Expected(x, perRow, perCol, perRow, perCol, Precision.F32, R, C);
        Check.Close(DownloadFloat(output), expected, Tol.F32, What("BroadcastFloat", seed), R, C);
    }

    [Fact]
    public void RowAndColumnBroadcastsOverHalfTiles()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int R = 48, C = 32;
        float[] xb = HostData.Uniform(random, R * C, -2, 2, Precision.Bf16);
        float[] xh = HostData.Uniform(random, R * C, -2, 2, Precision.F16);
        float[] perRow = HostData.SignedMagnitude(random, R, 0.5, 2);
        float[] perCol = HostData.SignedMagnitude(random, C, 0.5, 2);

        using var xbd = Upload(HostData.ToBf16(xb), R, C);
        using var xhd = Upload(HostData.ToF16(xh), R, C);
        using var rd = Upload(perRow, 1, R);
        using var cd = Upload(perCol, 1, C);
        using var ob = Output<bf16>(1, 16, R, C);
        using var oh = Output<f16>(1, 16, R, C);
        BroadcastKernels.BroadcastHalfKernel.Launch(Grid(1), xbd, xhd, rd, cd, ob, oh);

        // Row-layout tiles use vectors of the tile's dtype (rounded on load), column-layout tiles float vectors.
        double[] expectedB = Expected(xb, HostData.Round(perRow, Precision.Bf16), HostData.Round(perCol, Precision.Bf16),
            perRow, perCol, Precision.Bf16, R, C);
        double[] expectedH = Expected(xh, HostData.Round(perRow, Precision.F16), HostData.Round(perCol, Precision.F16),
            perRow, perCol, Precision.F16, R, C);
        Check.Close(DownloadFloat(ob), expectedB, Tol.Bf16, What("BroadcastHalf bf16", seed), R, C);
        Check.Close(DownloadFloat(oh), expectedH, Tol.F16, What("BroadcastHalf f16", seed), R, C);
    }

    private static string What(string kernel, int seed) =>
        $"{kernel} (seed {seed}); slots 0..3 add/sub/mul/div_row, 4..7 add/sub/mul/div_col on a row-layout tile, 8..15 on a column-layout tile";

    /// <summary>16 slots: for the row layout (vectors rowRow, colRow) then the column layout (rowCol, colCol), the four row ops then the four column ops.</summary>
    private static double[] Expected(float[] x, float[] perRowForRowLayout, float[] perColForRowLayout,
        float[] perRowForColLayout, float[] perColForColLayout, Precision precision, int rows, int cols)
    {
        var slots = new List<double[]>();
        foreach (var (perRow, perCol) in new[] { (perRowForRowLayout, perColForRowLayout), (perRowForColLayout, perColForColLayout) })
        {
            foreach (var op in Ops) slots.Add(HostData.Generate(rows, cols, (r, c) => op(x[r * cols + c], perRow[r]), precision));
            foreach (var op in Ops) slots.Add(HostData.Generate(rows, cols, (r, c) => op(x[r * cols + c], perCol[c]), precision));
        }
        return HostData.Concat([.. slots]);
    }
}
