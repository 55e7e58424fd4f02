using Kittens.Tests.GpuKernels;
using static Kittens.Tests.GpuTests.GpuTestHelpers;

namespace Kittens.Tests.GpuTests;

/// <summary>exp2_affine_row: dst(r, c) = 2^(src(r, c) · scale − v[r]), one FFMA and one ex2.approx per element.</summary>
[Collection(GpuCollection.Name)]
public class AffineExp2Tests
{
    /// <summary>The attention softmax's scale at head dim 64: 1/√64 · log2 e.</summary>
    private static readonly float Scale = (float)(0.125 * Math.Log2(Math.E));

    /// <summary>
    /// A float result: ex2.approx (~2 ulp) of an exponent the FFMA rounds once (|exponent| &lt; 8.4,
    /// so ≤ 2⁻²¹·ln 2 relative after ex2): under 1e-6 relative in all. No absolute term, as every
    /// result is at least 2^-8.4.
    /// </summary>
    private static readonly Tol F32 = new(0, 2e-6);

    [Fact]
    public void FloatTilesInBothLayouts()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int R = 32, C = 48;
        var (x, v) = Inputs(random, R, C, Precision.F32);

        using var xd = Upload(x, R, C);
        using var vd = Upload(v, 1, R);
        using var output = Output<float>(1, 4, R, C);
        AffineExp2Kernels.Exp2AffineRowFloatKernel.Launch(Grid(1), xd, vd, Scale, output);

        double[] slot = Expected(x, v, Precision.F32, R, C);
        Check.Close(DownloadFloat(output), HostData.Concat(slot, slot, slot, slot), F32, What("Exp2AffineRowFloat", seed), R, C);
    }

    [Fact]
    public void HalfTilesInBothLayouts()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int R = 48, C = 32;
        var (xb, v) = Inputs(random, R, C, Precision.Bf16);
        float[] xh = HostData.Uniform(random, R * C, -24, 24, Precision.F16);

        using var xbd = Upload(HostData.ToBf16(xb), R, C);
        using var xhd = Upload(HostData.ToF16(xh), R, C);
        using var vd = Upload(v, 1, R);
        using var ob = Output<bf16>(1, 4, R, C);
        using var oh = Output<f16>(1, 4, R, C);
        AffineExp2Kernels.Exp2AffineRowHalfKernel.Launch(Grid(1), xbd, xhd, vd, Scale, ob, oh);

        // Row-layout tiles use a vector of the tile's dtype (v rounded on load), column-layout tiles a float vector.
        double[] rowB = Expected(xb, HostData.Round(v, Precision.Bf16), Precision.Bf16, R, C);
        double[] colB = Expected(xb, v, Precision.Bf16, R, C);
        double[] rowH = Expected(xh, HostData.Round(v, Precision.F16), Precision.F16, R, C);
        double[] colH = Expected(xh, v, Precision.F16, R, C);
        Check.Close(DownloadFloat(ob), HostData.Concat(rowB, rowB, colB, colB), Tol.Bf16, What("Exp2AffineRowHalf bf16", seed), R, C);
        Check.Close(DownloadFloat(oh), HostData.Concat(rowH, rowH, colH, colH), Tol.F16, What("Exp2AffineRowHalf f16", seed), R, C);
    }

    [Fact]
    public void TheInputsRejectAMissingScaleOrAWrongRow()
    {
        // Host only (runs without a GPU): the likely bugs would miss the tolerances on most elements.
        var random = HostData.NewRandom(out int seed);
        foreach (var (rows, cols, precision, tol) in new[] { (32, 48, Precision.F32, F32), (48, 32, Precision.Bf16, Tol.Bf16) })
        {
            var (x, v) = Inputs(random, rows, cols, precision);
            double[] expected = Expected(x, v, precision, rows, cols);
            var mistakes = new (string Name, Func<int, int, double> Exponent)[]
            {
                ("no scale", (r, c) => x[r * cols + c] - (double)v[r]),
                ("scale applied to v too", (r, c) => (x[r * cols + c] - (double)v[r]) * Scale),
                ("v added", (r, c) => (double)x[r * cols + c] * Scale + v[r]),
                ("v of row r ^ 8 (the other half of a 16-row fragment)", (r, c) => (double)x[r * cols + c] * Scale - v[r ^ 8]),
                ("v of the next 16-row tile", (r, c) => (double)x[r * cols + c] * Scale - v[(r + 16) % rows]),
                ("v indexed by column", (r, c) => (double)x[r * cols + c] * Scale - v[c % rows]),
            };
            foreach (var (name, exponent) in mistakes)
            {
                double[] wrong = HostData.Generate(rows, cols, (r, c) => Math.Pow(2, exponent(r, c)), precision);
                int caught = Enumerable.Range(0, wrong.Length).Count(i => Math.Abs(wrong[i] - expected[i]) > tol.Abs + tol.Rel * expected[i]);
                Assert.True(caught > wrong.Length / 2, $"{precision} {rows}x{cols} (seed {seed}): '{name}' misses the tolerance on only {caught} of {wrong.Length} elements");
            }
        }
    }

    /// <summary>
    /// x uniform in [−24, 24) (x · scale within ±4.33) and v a shuffled grid of distinct values in
    /// (−4, 4), one per row: exponents of both signs up to ±8.33, and any two rows' v at least
    /// 8/rows apart, so a v element read for the wrong row is off by a factor ≥ 2^(1/6).
    /// </summary>
    private static (float[] X, float[] V) Inputs(Random random, int rows, int cols, Precision precision)
    {
        float[] x = HostData.Uniform(random, rows * cols, -24, 24, precision);
        int[] order = Enumerable.Range(0, rows).ToArray();
        random.Shuffle(order);
        float[] v = Array.ConvertAll(order, k => (float)(-4 + 8 * (k + 0.5) / rows));
        return (x, v);
    }

    /// <summary>One slot: 2^(x(r, c) · scale − v[r]) in double, rounded to <paramref name="precision"/>.</summary>
    private static double[] Expected(float[] x, float[] v, Precision precision, int rows, int cols) =>
        HostData.Generate(rows, cols, (r, c) => Math.Pow(2, (double)x[r * cols + c] * Scale - v[r]), precision);

    private static string What(string kernel, int seed) =>
        $"{kernel} scale={Scale} (seed {seed}); slots 0, 1 a row-layout tile (into another tile, in place), 2, 3 a column-layout tile";
}
