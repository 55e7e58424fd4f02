using Kittens.Examples.Attention;
using Kittens.Examples.Gemm;
using static Kittens.Tests.GpuTests.GpuTestHelpers;

namespace Kittens.Tests.GpuTests;

/// <summary>The example kernels (FlashAttention forward, GEMM, row softmax) against float64 references.</summary>
[Collection(GpuCollection.Name)]
public class ExampleKernelTests
{
    [Theory]
    [InlineData(1, 1, 256)]
    [InlineData(2, 3, 512)]
    [InlineData(1, 2, 768)]
    public void AttentionMatchesTheFloat64Reference(int batch, int heads, int n)
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int D = AttentionKernels.HeadDim;
        int count = batch * heads * n * D;
        // q and k in [-2, 2] make the softmax reasonably peaked (scores of order 1 after the 1/8 scale).
        float[] q = HostData.Uniform(random, count, -2, 2, Precision.Bf16);
        float[] k = HostData.Uniform(random, count, -2, 2, Precision.Bf16);
        float[] v = HostData.Uniform(random, count, -1, 1, Precision.Bf16);

        using var qd = Upload(HostData.ToBf16(q), batch, heads, n, D);
        using var kd = Upload(HostData.ToBf16(k), batch, heads, n, D);
        using var vd = Upload(HostData.ToBf16(v), batch, heads, n, D);
        using var od = Output<bf16>(batch, heads, n, D);
        var grid = Grid(n / AttentionKernels.BlockRows, heads, batch);
        AttentionKernels.AttendForwardKernel.Launch(grid, qd, kd, vd, od);
        bf16[] first = Download(od);
        float[] o = HostData.ToFloat(first);

        string what = $"attention B={batch} H={heads} N={n} (seed {seed})";
        Check.AllWritten(o, what, n, D);
        var heads3 = new[] { (0, 0), (batch - 1, heads - 1), (random.Next(batch), random.Next(heads)) };
        foreach (var (b, h) in heads3.Distinct())
        {
            double[] expected = AttentionReference.Head(q, k, v, heads, n, D, b, h, scale: 0.125);
            double error = AttentionReference.RelativeL2(o, ((long)b * heads + h) * n * D, expected);
            Assert.True(error < 1e-2, $"{what}: head (b={b}, h={h}) has relative L2 error {error:E2} (limit 1e-2).");
        }

        // The kernel is deterministic: a second launch, on another stream, gives the same bits.
        using var od2 = Output<bf16>(batch, heads, n, D);
        using (var stream = CreateStream())
        {
            AttentionKernels.AttendForwardKernel.Launch(stream, grid, qd, kd, vd, od2);
            Synchronize(stream);
        }
        Check.BitIdentical(first, Download(od2), what + ": repeated launch");
    }

    [Theory]
    [InlineData(64, 64, 64)]
    [InlineData(128, 192, 256)]
    public void GemmMatchesTheFloat64Reference(int m, int n, int k)
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        float[] a = HostData.Uniform(random, m * k, -1, 1, Precision.Bf16);
        float[] b = HostData.Uniform(random, k * n, -1, 1, Precision.Bf16);

        using var ad = Upload(HostData.ToBf16(a), m, k);
        using var bd = Upload(HostData.ToBf16(b), k, n);
        using var cd = Output<float>(m, n);
        GemmKernels.GemmKernel.Launch(Grid(n / GemmKernels.Tile, m / GemmKernels.Tile), ad, bd, cd);
        float[] c = DownloadFloat(cd);

        var expected = new double[m * n];
        var magnitude = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0, abs = 0;
                for (int x = 0; x < k; x++)
                {
                    double p = (double)a[i * k + x] * b[x * n + j];
                    sum += p;
                    abs += Math.Abs(p);
                }
                expected[i * n + j] = sum;
                magnitude[i * n + j] = abs;
            }
        // Exact bf16 products, fp32 accumulation: the error is a small multiple of 2⁻²³·Σ|a·b|.
        Check.Close(c, expected, i => 1e-4 * magnitude[i] + 1e-6, $"gemm {m}x{n}x{k} (seed {seed})", m, n);
    }

    [Fact]
    public void RowSoftmaxMatchesTheFloat64Reference()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int R = 192, C = 64;
        float[] x = HostData.Uniform(random, R * C, -5, 5);

        using var xd = Upload(x, R, C);
        using var yd = Output<float>(R, C);
        GemmKernels.RowSoftmaxKernel.Launch(Grid(R / 64), xd, yd);

        var expected = new double[R * C];
        for (int r = 0; r < R; r++)
        {
            double max = double.NegativeInfinity, sum = 0;
            for (int c = 0; c < C; c++) max = Math.Max(max, x[r * C + c]);
            for (int c = 0; c < C; c++) sum += Math.Exp(x[r * C + c] - max);
            for (int c = 0; c < C; c++) expected[r * C + c] = Math.Exp(x[r * C + c] - max) / sum;
        }
        // Fast exp (a few ulp), a 64-term float sum and a fast division: well under 2e-5 relative.
        Check.Close(DownloadFloat(yd), expected, new Tol(1e-8, 2e-5), $"row softmax (seed {seed})", R, C);
    }
}
