using Kittens.Tests.GpuKernels;
using static Kittens.Tests.GpuTests.GpuTestHelpers;

namespace Kittens.Tests.GpuTests;

/// <summary>Sqrt, Rsqrt, Tanh, Sigmoid, Gelu (erf form) and GeluTanh on tiles (both layouts), vectors (both layouts) and scalars, against float64 references.</summary>
[Collection(GpuCollection.Name)]
public class ActivationTests
{
    private const int R = 32, C = 48, N = 64;

    /// <summary>The references, in the kernels' op order: sqrt(p), rsqrt(p), then tanh, sigmoid, gelu, gelu_tanh of x.</summary>
    private static readonly Func<double, double>[] Ops =
        [Math.Sqrt, v => 1 / Math.Sqrt(v), Math.Tanh, v => 1 / (1 + Math.Exp(-v)), Gelu, GeluTanh];

    private const string OpNames = "sqrt(p), rsqrt(p), tanh, sigmoid, gelu, gelu_tanh";

    [Theory]
    [InlineData("F32")]
    [InlineData("Bf16")]
    [InlineData("F16")]
    public void TileActivations(string dtype)
    {
        RequireGpu();
        var precision = Enum.Parse<Precision>(dtype);
        var random = HostData.NewRandom(out int seed);
        float[] x = HostData.Uniform(random, R * C, -6, 6, precision);
        float[] p = HostData.LogUniform(random, R * C, 1.0 / 64, 64, precision);
        float[] got = Run(precision, x, p, R, C, 12, tile: true);
        CheckSlots(got, x, p, precision, R, C, $"TileActivations {precision} (seed {seed}); slots {OpNames}, row layout 0..5, column layout 6..11");
    }

    [Theory]
    [InlineData("F32")]
    [InlineData("Bf16")]
    [InlineData("F16")]
    public void VectorActivations(string dtype)
    {
        RequireGpu();
        var precision = Enum.Parse<Precision>(dtype);
        var random = HostData.NewRandom(out int seed);
        float[] x = HostData.Uniform(random, N, -6, 6, precision);
        float[] p = HostData.LogUniform(random, N, 1.0 / 64, 64, precision);
        float[] got = Run(precision, x, p, 1, N, 12, tile: false);
        CheckSlots(got, x, p, precision, 12, N, $"VectorActivations {precision} (seed {seed}); rows {OpNames}, ortho 0..5, align 6..11");
    }

    [Fact]
    public void ScalarDeviceMathForms()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int n = 1000;
        // Far tails too: sigmoid and both GELUs must neither overflow nor cancel there.
        float[] x = [.. HostData.Uniform(random, n - 8, -8, 8), -30f, -12f, -9.5f, 0f, -0f, 9.5f, 12f, 30f];
        float[] p = HostData.LogUniform(random, n, 1e-4, 1e4);
        using var xd = Upload(x, 1, n);
        using var pd = Upload(p, 1, n);
        using var output = Output<float>(1, 7, 1, n);
        ActivationKernels.ScalarActivationsKernel.Launch(Grid(1), xd, pd, output);

        double[] expected = HostData.Concat([.. Slots(x, p, Precision.F32), HostData.Map(x, Erf)]);
        Check.Close(DownloadFloat(output), expected, Tol.F32Approx, $"ScalarActivations (seed {seed}); slots {OpNames}, erf", 1, n);
    }

    [Fact]
    public void ReferencesMatchKnownValues()
    {
        // Pins the float64 references themselves (Abramowitz–Stegun erf, the GELU forms).
        Assert.Equal(0.8427007929497149, Erf(1), 1e-12);
        Assert.Equal(-0.9999779095030014, Erf(-3), 1e-12);
        Assert.Equal(0.8413447460685429, Gelu(1), 1e-12);
        Assert.Equal(-0.00404969409489031, Gelu(-3), 1e-12);
        Assert.Equal(0.9999992569016276, Erf(3.5), 1e-12);
        Assert.Equal(-0.0036373920817729943, GeluTanh(-3), 1e-12);
        Assert.Equal(0.8411919906082768, GeluTanh(1), 1e-12);
    }

    private static float[] Run(Precision precision, float[] x, float[] p, int rows, int cols, int slots, bool tile)
    {
        switch (precision)
        {
            case Precision.F32:
            {
                using var xd = Upload(x, rows, cols);
                using var pd = Upload(p, rows, cols);
                using var output = tile ? Output<float>(1, slots, rows, cols) : Output<float>(1, 1, slots, cols);
                if (tile) ActivationKernels.TileActivationsFloatKernel.Launch(Grid(1), xd, pd, output);
                else ActivationKernels.VectorActivationsFloatKernel.Launch(Grid(1), xd, pd, output);
                return DownloadFloat(output);
            }
            case Precision.Bf16:
            {
                using var xd = Upload(HostData.ToBf16(x), rows, cols);
                using var pd = Upload(HostData.ToBf16(p), rows, cols);
                using var output = tile ? Output<bf16>(1, slots, rows, cols) : Output<bf16>(1, 1, slots, cols);
                if (tile) ActivationKernels.TileActivationsBf16Kernel.Launch(Grid(1), xd, pd, output);
                else ActivationKernels.VectorActivationsBf16Kernel.Launch(Grid(1), xd, pd, output);
                return DownloadFloat(output);
            }
            default:
            {
                using var xd = Upload(HostData.ToF16(x), rows, cols);
                using var pd = Upload(HostData.ToF16(p), rows, cols);
                using var output = tile ? Output<f16>(1, slots, rows, cols) : Output<f16>(1, 1, slots, cols);
                if (tile) ActivationKernels.TileActivationsF16Kernel.Launch(Grid(1), xd, pd, output);
                else ActivationKernels.VectorActivationsF16Kernel.Launch(Grid(1), xd, pd, output);
                return DownloadFloat(output);
            }
        }
    }

    private static double[][] Slots(float[] x, float[] p, Precision precision) =>
        Ops.Select((op, k) => HostData.Map(k < 2 ? p : x, op, precision)).ToArray();

    /// <summary>Both layouts' six slots; each result is the float64 value rounded once to the dtype.</summary>
    private static void CheckSlots(float[] got, float[] x, float[] p, Precision precision, int rows, int cols, string what)
    {
        var slots = Slots(x, p, precision);
        double[] expected = HostData.Concat([.. slots, .. slots]);
        Check.Close(got, expected, Tol.ApproxFor(precision), what, rows, cols);
    }

    private static double Gelu(double v) => 0.5 * v * (1 + Erf(v / Math.Sqrt(2)));

    private static double GeluTanh(double v) => 0.5 * v * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)));

    /// <summary>
    /// erf in float64 (.NET has none): the Maclaurin series for |v| &lt; 3, the continued fraction
    /// of erfc beyond; both well under 1e-15 absolute.
    /// </summary>
    private static double Erf(double v)
    {
        double a = Math.Abs(v);
        double result;
        if (a < 3)
        {
            double term = a, sum = a;
            for (int n = 1; n < 200 && Math.Abs(term) > 1e-18 * Math.Abs(sum); n++)
            {
                term *= -a * a / n;
                sum += term / (2 * n + 1);
            }
            result = 2 / Math.Sqrt(Math.PI) * sum;
        }
        else
        {
            // erfc(a) = exp(-a²)/√π · 1/(a + 1/2/(a + 1/(a + 3/2/(a + 2/(a + ...))))), evaluated bottom-up.
            double fraction = a;
            for (int k = 60; k >= 1; k--) fraction = a + k / 2.0 / fraction;
            result = 1 - Math.Exp(-a * a) / Math.Sqrt(Math.PI) / fraction;
        }
        return v < 0 ? -result : result;
    }
}
