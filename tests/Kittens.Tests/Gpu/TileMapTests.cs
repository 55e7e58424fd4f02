using Kittens.Tests.GpuKernels;
using static Kittens.Tests.GpuTests.GpuTestHelpers;

namespace Kittens.Tests.GpuTests;

/// <summary>Element-wise register-tile ops: fills, dtype copies, unary and binary maps, both layouts.</summary>
[Collection(GpuCollection.Name)]
public class TileMapTests
{
    private static readonly Func<double, double, double>[] BinaryOps =
        [(a, b) => a + b, (a, b) => a - b, (a, b) => a * b, (a, b) => a / b, Math.Max, Math.Min];

    private static readonly string[] BinaryNames = ["add", "sub", "mul", "div", "max", "min"];

    [Fact]
    public void FillsSetEveryElementInEveryDtypeAndLayout()
    {
        RequireGpu();
        const int R = 32, C = 48;
        using var f = Output<float>(1, 8, R, C);
        using var b = Output<bf16>(1, 8, R, C);
        using var h = Output<f16>(1, 8, R, C);
        TileMapKernels.FillKernel.Launch(Grid(1), f, b, h);

        double[] values = [0, 1, double.NegativeInfinity, double.PositiveInfinity];
        var expected = HostData.Concat(Enumerable.Range(0, 8).Select(s => HostData.Constant(R * C, values[s % 4])).ToArray());
        const string what = "Fill (slots: zero, one, -inf, +inf; row layout then column layout)";
        Check.Close(DownloadFloat(f), expected, Tol.Exact, what + " float", R, C);
        Check.Close(DownloadFloat(b), expected, Tol.Exact, what + " bf16", R, C);
        Check.Close(DownloadFloat(h), expected, Tol.Exact, what + " f16", R, C);
    }

    [Fact]
    public void UnaryMapsOfFloatTiles()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int R = 32, C = 48;
        float[] x = HostData.Uniform(random, R * C, -4, 4);
        float[] p = HostData.LogUniform(random, R * C, 1.0 / 16, 16);

        using var xd = Upload(x, R, C);
        using var pd = Upload(p, R, C);
        using var output = Output<float>(1, 10, R, C);
        TileMapKernels.UnaryFloatKernel.Launch(Grid(1), xd, pd, output);

        CheckUnary(DownloadFloat(output), x, p, Precision.F32, R, C, $"UnaryFloat (seed {seed})");
    }

    [Fact]
    public void UnaryMapsOfHalfTiles()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int R = 48, C = 32;
        float[] xb = HostData.Uniform(random, R * C, -4, 4, Precision.Bf16);
        float[] pb = HostData.LogUniform(random, R * C, 1.0 / 16, 16, Precision.Bf16);
        float[] xh = HostData.Uniform(random, R * C, -4, 4, Precision.F16);
        float[] ph = HostData.LogUniform(random, R * C, 1.0 / 16, 16, Precision.F16);

        using var xbd = Upload(HostData.ToBf16(xb), R, C);
        using var pbd = Upload(HostData.ToBf16(pb), R, C);
        using var ob = Output<bf16>(1, 10, R, C);
        using var xhd = Upload(HostData.ToF16(xh), R, C);
        using var phd = Upload(HostData.ToF16(ph), R, C);
        using var oh = Output<f16>(1, 10, R, C);
        TileMapKernels.UnaryHalfKernel.Launch(Grid(1), xbd, pbd, ob, xhd, phd, oh);

        CheckUnary(DownloadFloat(ob), xb, pb, Precision.Bf16, R, C, $"UnaryHalf bf16 (seed {seed})");
        CheckUnary(DownloadFloat(oh), xh, ph, Precision.F16, R, C, $"UnaryHalf f16 (seed {seed})");
    }

    [Fact]
    public void CopyConvertsBetweenEveryPairOfDtypes()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int R = 32, C = 32;
        float[] x = HostData.Uniform(random, R * C, -4, 4);

        using var xd = Upload(x, R, C);
        using var o32 = Output<float>(1, 4, R, C);
        using var ob = Output<bf16>(1, 4, R, C);
        using var oh = Output<f16>(1, 4, R, C);
        TileMapKernels.CopyConvertKernel.Launch(Grid(1), xd, o32, ob, oh);

        float[] toB = HostData.Round(x, Precision.Bf16);
        float[] toH = HostData.Round(x, Precision.F16);
        float[] bThenH = HostData.Round(toB, Precision.F16);
        float[] hThenB = HostData.Round(toH, Precision.Bf16);
        string what = $"CopyConvert (seed {seed}); slots row, row, col, col";
        Check.Equal(DownloadFloat(o32), [.. toB, .. toH, .. toB, .. toH], what + ": float(bf16(x)), float(f16(x))", R, C);
        Check.Equal(DownloadFloat(ob), [.. toB, .. hThenB, .. toB, .. hThenB], what + ": bf16(x), bf16(f16(x))", R, C);
        Check.Equal(DownloadFloat(oh), [.. toH, .. bThenH, .. toH, .. bThenH], what + ": f16(x), f16(bf16(x))", R, C);
    }

    [Fact]
    public void BinaryMapsOfFloatTiles()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int R = 32, C = 48;
        float[] a = HostData.Uniform(random, R * C, -2, 2);
        float[] b = HostData.SignedMagnitude(random, R * C, 0.5, 2);
        float s = HostData.SignedScalar(random, 0.5, 2);

        using var ad = Upload(a, R, C);
        using var bd = Upload(b, R, C);
        using var output = Output<float>(1, 24, R, C);
        TileMapKernels.BinaryFloatKernel.Launch(Grid(1), ad, bd, s, output);

        CheckBinary(DownloadFloat(output), a, b, s, Precision.F32, R, C, $"BinaryFloat s={s} (seed {seed})");
    }

    [Fact]
    public void BinaryMapsOfHalfTiles()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int R = 48, C = 32;
        float[] ab = HostData.Uniform(random, R * C, -2, 2, Precision.Bf16);
        float[] bb = HostData.SignedMagnitude(random, R * C, 0.5, 2, Precision.Bf16);
        float[] ah = HostData.Uniform(random, R * C, -2, 2, Precision.F16);
        float[] bh = HostData.SignedMagnitude(random, R * C, 0.5, 2, Precision.F16);
        float s = HostData.SignedScalar(random, 0.5, 2);

        using var abd = Upload(HostData.ToBf16(ab), R, C);
        using var bbd = Upload(HostData.ToBf16(bb), R, C);
        using var ahd = Upload(HostData.ToF16(ah), R, C);
        using var bhd = Upload(HostData.ToF16(bh), R, C);
        using var ob = Output<bf16>(1, 24, R, C);
        using var oh = Output<f16>(1, 24, R, C);
        TileMapKernels.BinaryHalfKernel.Launch(Grid(1), abd, bbd, ahd, bhd, s, ob, oh);

        CheckBinary(DownloadFloat(ob), ab, bb, s, Precision.Bf16, R, C, $"BinaryHalf bf16 s={s} (seed {seed})");
        CheckBinary(DownloadFloat(oh), ah, bh, s, Precision.F16, R, C, $"BinaryHalf f16 s={s} (seed {seed})");
    }

    /// <summary>Slots (per layout, row then column): copy, exp, exp2, log(p), abs.</summary>
    private static void CheckUnary(float[] got, float[] x, float[] p, Precision precision, int rows, int cols, string what)
    {
        double[] copy = HostData.Map(x, v => v, precision);
        double[] exp = HostData.Map(x, Math.Exp, precision);
        double[] exp2 = HostData.Map(x, v => Math.Pow(2, v), precision);
        double[] log = HostData.Map(p, Math.Log, precision);
        double[] abs = HostData.Map(x, Math.Abs, precision);
        double[] expected = HostData.Concat(copy, exp, exp2, log, abs, copy, exp, exp2, log, abs);
        Tol exact = Tol.Exact, approx = Tol.ApproxFor(precision);
        Check.Close(got, expected, Check.PerSlot(expected, rows * cols, exact, approx, approx, approx, exact, exact, approx, approx, approx, exact),
            what + "; slots copy, exp, exp2, log, abs (row layout 0..4, column layout 5..9)", rows, cols);
    }

    /// <summary>Slot 12·layout + 2·op + form: op(a, b) then op(a, s) for add, sub, mul, div, max, min.</summary>
    private static void CheckBinary(float[] got, float[] a, float[] b, float s, Precision precision, int rows, int cols, string what)
    {
        float[] scalar = Enumerable.Repeat(s, a.Length).ToArray();
        var slots = new List<double[]>();
        for (int layout = 0; layout < 2; layout++)
            foreach (var op in BinaryOps)
            {
                slots.Add(HostData.Map(a, b, op, precision));
                slots.Add(HostData.Map(a, scalar, op, precision));
            }
        double[] expected = HostData.Concat([.. slots]);
        Check.Close(got, expected, Tol.For(precision),
            what + "; slot = 12·layout + 2·op + form, op in " + string.Join(", ", BinaryNames) + ", form 0 tile-tile / 1 tile-scalar",
            rows, cols);
    }
}
