using Kittens.Tests.GpuKernels;
using static Kittens.Tests.GpuTests.GpuTestHelpers;

namespace Kittens.Tests.GpuTests;

/// <summary>Element-wise register-vector ops in both vector layouts, and vector dtype copies.</summary>
[Collection(GpuCollection.Name)]
public class VectorMapTests
{
    private const string Rows =
        "rows (ortho 0..20, align 21..41): zero, one, -inf, +inf, copy, exp, exp2, log, abs, add/sub/mul/div/max/min of (x, y), then of (x, s)";

    [Fact]
    public void FloatVectorMaps()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int N = 64;
        float[] x = HostData.Uniform(random, N, -3, 3);
        float[] y = HostData.SignedMagnitude(random, N, 0.5, 2);
        float[] p = HostData.LogUniform(random, N, 1.0 / 16, 16);
        float s = HostData.SignedScalar(random, 0.5, 2);

        using var xd = Upload(x, 1, N);
        using var yd = Upload(y, 1, N);
        using var pd = Upload(p, 1, N);
        using var output = Output<float>(1, 1, 42, N);
        VectorMapKernels.VectorMapsFloatKernel.Launch(Grid(1), xd, yd, pd, s, output);

        CheckMaps(DownloadFloat(output), x, y, p, s, Precision.F32, $"VectorMapsFloat s={s} (seed {seed}); {Rows}");
    }

    [Fact]
    public void Bf16VectorMapsAndDtypeCopies()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int N = 48;
        float[] x = HostData.Uniform(random, N, -3, 3, Precision.Bf16);
        float[] y = HostData.SignedMagnitude(random, N, 0.5, 2, Precision.Bf16);
        float[] p = HostData.LogUniform(random, N, 1.0 / 16, 16, Precision.Bf16);
        float s = HostData.SignedScalar(random, 0.5, 2);
        float[] xf = HostData.Uniform(random, N, -4, 4);

        using var xd = Upload(HostData.ToBf16(x), 1, N);
        using var yd = Upload(HostData.ToBf16(y), 1, N);
        using var pd = Upload(HostData.ToBf16(p), 1, N);
        using var output = Output<bf16>(1, 1, 42, N);
        using var xfd = Upload(xf, 1, N);
        using var convF = Output<float>(1, 1, 2, N);
        using var convB = Output<bf16>(1, 1, 2, N);
        using var convH = Output<f16>(1, 1, 2, N);
        VectorMapKernels.VectorMapsHalfKernel.Launch(Grid(1), xd, yd, pd, s, output, xfd, convF, convB, convH);

        CheckMaps(DownloadFloat(output), x, y, p, s, Precision.Bf16, $"VectorMapsHalf s={s} (seed {seed}); {Rows}");

        float[] toB = HostData.Round(xf, Precision.Bf16), toH = HostData.Round(xf, Precision.F16);
        string what = $"VectorMapsHalf copies (seed {seed})";
        Check.Equal(DownloadFloat(convF), [.. toB, .. toH], what + ": float(bf16(x)), float(f16(x))", 2, N);
        Check.Equal(DownloadFloat(convB), [.. toB, .. HostData.Round(toH, Precision.Bf16)], what + ": bf16(x), bf16(f16(x))", 2, N);
        Check.Equal(DownloadFloat(convH), [.. toH, .. HostData.Round(toB, Precision.F16)], what + ": f16(x), f16(bf16(x))", 2, N);
    }

    private static void CheckMaps(float[] got, float[] x, float[] y, float[] p, float s, Precision precision, string what)
    {
        int n = x.Length;
        float[] scalar = Enumerable.Repeat(s, n).ToArray();
        Func<double, double, double>[] binary = [(a, b) => a + b, (a, b) => a - b, (a, b) => a * b, (a, b) => a / b, Math.Max, Math.Min];
        var rows = new List<double[]>
        {
            HostData.Constant(n, 0), HostData.Constant(n, 1),
            HostData.Constant(n, double.NegativeInfinity), HostData.Constant(n, double.PositiveInfinity),
            HostData.Map(x, v => v, precision), HostData.Map(x, Math.Exp, precision), HostData.Map(x, v => Math.Pow(2, v), precision),
            HostData.Map(p, Math.Log, precision), HostData.Map(x, Math.Abs, precision),
        };
        foreach (var op in binary) rows.Add(HostData.Map(x, y, op, precision));
        foreach (var op in binary) rows.Add(HostData.Map(x, scalar, op, precision));
        var tols = new Tol[21];
        for (int i = 0; i < 21; i++) tols[i] = i < 5 || i == 8 ? Tol.Exact : i < 8 ? Tol.ApproxFor(precision) : Tol.For(precision);

        double[] expected = HostData.Concat([.. rows, .. rows]);
        Check.Close(got, expected, Check.PerSlot(expected, n, [.. tols, .. tols]), what, 42, n);
    }
}
