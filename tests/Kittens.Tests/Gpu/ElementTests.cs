using Kittens.Tests.GpuKernels;
using static Kittens.Tests.GpuTests.GpuTestHelpers;

namespace Kittens.Tests.GpuTests;

/// <summary>Scalar element reads and writes of tensors and shared vectors, and global atomics hit by many threads.</summary>
[Collection(GpuCollection.Name)]
public class ElementTests
{
    [Fact]
    public void IndexersReadWriteAndUpdateElements()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int B = 2, D = 3, R = 4, C = 8, n = B * D * R * C;
        // Multiples of 1/64 in [-4, 4]: 2x + 0.5, +1, -0.5 are all exact, so every step can be checked bit for bit.
        float[] x = HostData.Uniform(random, n, -256, 256).Select(v => MathF.Round(v) / 64).ToArray();
        using var xd = Upload(x, B, D, R, C);
        using var doubled = Output<float>(B, D, R, C);
        using var rounded = Output<bf16>(B, D, R, C);
        using var matrix = Output<float>(1, 1, R, C);
        using var reversed = Output<float>(1, 1, 1, 64);
        ElementKernels.ElementsKernel.Launch(Grid(1), xd, doubled, rounded, matrix, reversed);

        string what = $"Elements (seed {seed})";
        Check.Equal(DownloadFloat(doubled), x.Select(v => 2 * v + 1).ToArray(), what + ": doubled = 2x + 1 via =, *=, +=, ++, -=", B * D * R, C);
        Check.Equal(DownloadFloat(rounded), HostData.Round(x, Precision.Bf16), what + ": (bf16)x", B * D * R, C);
        Check.Equal(DownloadFloat(matrix), x.Skip((1 * D + 2) * R * C).Take(R * C).ToArray(), what + ": matrix[r, c] = x[1, 2, r, c]", R, C);
        Check.Equal(DownloadFloat(reversed), Enumerable.Range(0, 64).Select(t => 3 * x[63 - t]).ToArray(), what + ": shared vector, 3·x[63 − t]", 1, 64);
    }

    [Fact]
    public void AtomicAddsFromManyThreads()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int n = 64 * 256;
        // Multiples of 2^-10 in [-4, 4]: every partial sum of 2048 of them fits in float's 24 bits, so the sum is exact in any order.
        float[] exact = HostData.Uniform(random, n, -4096, 4096).Select(v => MathF.Round(v) / 1024).ToArray();
        float[] inexact = HostData.Uniform(random, n, -1, 1);
        using var exactD = Upload(exact, 1, n);
        using var inexactD = Upload(inexact, 1, n);
        using var sums = Upload(new float[16], 2, 8);
        using var counts = Upload(new int[8], 1, 8);
        using var own = Upload(exact, 1, n);
        using var counter = Upload(new uint[1], 1, 1);
        using var tickets = Upload(Enumerable.Repeat(-1, n).ToArray(), 1, n);
        ElementKernels.AtomicSumsKernel.Launch(Grid(n / 256), exactD, inexactD, sums, counts, own, counter, tickets);

        string what = $"AtomicSums (seed {seed})";
        float[] got = Download(sums);
        for (int k = 0; k < 8; k++)
        {
            var lane = Enumerable.Range(0, n).Where(i => i % 8 == k).ToArray();
            double exactSum = lane.Sum(i => (double)exact[i]);
            Assert.True(got[k] == exactSum, $"{what}: sum {k} of exact values is {got[k]:R}, expected {exactSum:R}");
            // Any order of n float additions is within n·2⁻²⁴·Σ|v| of the exact sum; typical orders are far closer.
            double inexactSum = lane.Sum(i => (double)inexact[i]);
            double bound = lane.Length * Math.Pow(2, -24) * lane.Sum(i => Math.Abs((double)inexact[i]));
            Assert.True(Math.Abs(got[8 + k] - inexactSum) <= bound, $"{what}: sum {k} of random floats is {got[8 + k]:R}, expected {inexactSum:R} ± {bound:E2}");
        }
        Assert.Equal(Enumerable.Repeat(n / 8, 8).ToArray(), Download(counts));
        Check.Equal(Download(own), exact.Select(v => 2 * v).ToArray(), what + ": own element, x + x", 1, n);
        Assert.Equal((uint)n, Download(counter)[0]);
        Assert.Equal(Enumerable.Range(0, n).ToArray(), Download(tickets).Order().ToArray());
    }

    [Fact]
    public void AtomicMaxAndMinOfIntsAndFloats()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int n = 16 * 256;
        int[] ints = Enumerable.Range(0, n).Select(_ => random.Next(int.MinValue, int.MaxValue)).ToArray();
        float[] floats = HostData.Uniform(random, n, -100, 100);
        // Lane 5: only zeros of both signs; lane 6: only negatives, with -inf; lane 7: both infinities.
        for (int i = 5; i < n; i += 8) floats[i] = random.Next(2) == 0 ? 0f : -0f;
        floats[5] = 0f;
        floats[13] = -0f;
        for (int i = 6; i < n; i += 8) floats[i] = -1 - 100 * random.NextSingle();
        floats[6 + 8 * 100] = float.NegativeInfinity;
        floats[7 + 8 * 3] = float.PositiveInfinity;
        floats[7 + 8 * 200] = float.NegativeInfinity;

        using var intsD = Upload(ints, 1, n);
        using var floatsD = Upload(floats, 1, n);
        using var imax = Upload(Enumerable.Repeat(int.MinValue, 8).ToArray(), 1, 8);
        using var imin = Upload(Enumerable.Repeat(int.MaxValue, 8).ToArray(), 1, 8);
        using var umax = Upload(new uint[8], 1, 8);
        using var umin = Upload(Enumerable.Repeat(uint.MaxValue, 8).ToArray(), 1, 8);
        using var fmax = Upload(Enumerable.Repeat(float.NegativeInfinity, 8).ToArray(), 1, 8);
        using var fmin = Upload(Enumerable.Repeat(float.PositiveInfinity, 8).ToArray(), 1, 8);
        ElementKernels.AtomicExtremesKernel.Launch(Grid(n / 256), intsD, floatsD, imax, imin, umax, umin, fmax, fmin);

        string what = $"AtomicExtremes (seed {seed})";
        int[] Lane(int k) => Enumerable.Range(0, n).Where(i => i % 8 == k).ToArray();
        Assert.Equal(Enumerable.Range(0, 8).Select(k => Lane(k).Max(i => ints[i])).ToArray(), Download(imax));
        Assert.Equal(Enumerable.Range(0, 8).Select(k => Lane(k).Min(i => ints[i])).ToArray(), Download(imin));
        Assert.Equal(Enumerable.Range(0, 8).Select(k => Lane(k).Max(i => (uint)ints[i])).ToArray(), Download(umax));
        Assert.Equal(Enumerable.Range(0, 8).Select(k => Lane(k).Min(i => (uint)ints[i])).ToArray(), Download(umin));

        // IEEE order with -0 < +0, compared bit for bit (so a zero of the wrong sign fails).
        float Max(float a, float b) => a > b || (a == b && !float.IsNegative(a)) ? a : b;
        float Min(float a, float b) => a < b || (a == b && float.IsNegative(a)) ? a : b;
        float[] gotMax = Download(fmax), gotMin = Download(fmin);
        for (int k = 0; k < 8; k++)
        {
            float expectedMax = Lane(k).Select(i => floats[i]).Aggregate(float.NegativeInfinity, Max);
            float expectedMin = Lane(k).Select(i => floats[i]).Aggregate(float.PositiveInfinity, Min);
            Assert.True(BitConverter.SingleToInt32Bits(gotMax[k]) == BitConverter.SingleToInt32Bits(expectedMax),
                $"{what}: float max {k} is {gotMax[k]:R} (bits {BitConverter.SingleToInt32Bits(gotMax[k]):X8}), expected {expectedMax:R}");
            Assert.True(BitConverter.SingleToInt32Bits(gotMin[k]) == BitConverter.SingleToInt32Bits(expectedMin),
                $"{what}: float min {k} is {gotMin[k]:R} (bits {BitConverter.SingleToInt32Bits(gotMin[k]):X8}), expected {expectedMin:R}");
        }
        Assert.Equal(0, BitConverter.SingleToInt32Bits(gotMax[5]));
        Assert.Equal(int.MinValue, BitConverter.SingleToInt32Bits(gotMin[5]));
        Assert.Equal(float.NegativeInfinity, gotMin[6]);
        Assert.Equal(float.PositiveInfinity, gotMax[7]);
        Assert.Equal(float.NegativeInfinity, gotMin[7]);
    }

    [Fact]
    public void AtomicPairAddsOf16BitTypes()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int n = 256, cols = 16 + 2 * n;
        // Shared pairs: 32 threads add small integers to each, so every partial sum (|s| <= 96) is exact in bf16 and f16.
        float[] lo = Enumerable.Range(0, n).Select(_ => (float)random.Next(-3, 4)).ToArray();
        float[] hi = Enumerable.Range(0, n).Select(_ => (float)random.Next(-3, 4)).ToArray();
        // Own pairs (row 1): start values in ±[0.5, 2) get one such add each, an exact float sum rounded once.
        float[] startB = [.. HostData.Uniform(random, 16, -8, 8).Select(v => MathF.Round(v)), .. HostData.SignedMagnitude(random, 2 * n, 0.5, 2, Precision.Bf16)];
        float[] startH = [.. startB.Take(16), .. HostData.SignedMagnitude(random, 2 * n, 0.5, 2, Precision.F16)];

        using var loD = Upload(lo, 1, n);
        using var hiD = Upload(hi, 1, n);
        using var b = Upload(HostData.ToBf16([.. startB, .. startB]), 2, cols);
        using var h = Upload(HostData.ToF16([.. startH, .. startH]), 2, cols);
        ElementKernels.AtomicPairsKernel.Launch(Grid(n / 64), loD, hiD, b, h);

        string what = $"AtomicPairs (seed {seed})";
        foreach (var (got, start, precision) in new[] { (DownloadFloat(b), startB, Precision.Bf16), (DownloadFloat(h), startH, Precision.F16) })
        {
            var expected = new float[2 * cols];
            Array.Copy(start, 0, expected, 0, cols);
            Array.Copy(start, 0, expected, cols, cols);
            for (int i = 0; i < n; i++)
            {
                expected[2 * (i % 8)] += lo[i];
                expected[2 * (i % 8) + 1] += hi[i];
                int own = cols + 16 + 2 * i;
                expected[own] = HostData.Round((double)start[16 + 2 * i] + HostData.Round(lo[i], precision), precision);
                expected[own + 1] = HostData.Round((double)start[17 + 2 * i] + HostData.Round(hi[i], precision), precision);
            }
            for (int j = 0; j < 16; j++) expected[cols + j] = start[j];
            Check.Equal(got, expected, $"{what} {precision}: shared pairs in row 0 cols 0..15, own pairs in row 1 from col 16", 2, cols);
        }
    }
}
