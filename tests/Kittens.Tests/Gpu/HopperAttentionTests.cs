using Kittens.Examples.Attention;
using Kittens.Runtime;
using static Kittens.Tests.GpuTests.GpuTestHelpers;

namespace Kittens.Tests.GpuTests;

/// <summary>
/// The H100 attention kernels (TMA + wgmma, producer/consumer warpgroups) against float64, for
/// head dims 64 and 128, causal and not, sequence lengths that are and are not multiples of the
/// tiles, several batch x heads; fresh inputs each run, output poisoned, repeat runs bit-identical.
/// </summary>
[Collection(GpuCollection.Name)]
public class HopperAttentionTests
{
    [Theory]
    [InlineData(64, false, 1, 1, 192)]
    [InlineData(64, false, 2, 3, 1000)]
    [InlineData(64, true, 1, 2, 384)]
    [InlineData(64, true, 2, 2, 777)]
    [InlineData(128, false, 1, 1, 128)]
    [InlineData(128, false, 2, 2, 1536)]
    [InlineData(128, true, 1, 3, 640)]
    [InlineData(128, true, 3, 1, 333)]
    public void MatchesTheFloat64Reference(int d, bool causal, int batch, int heads, int n)
    {
        RequireGpu();
        Assert.SkipUnless(CudaContext.Default.TargetArch == "sm_90a", $"the H100 kernels need sm_90a; this GPU is {CudaContext.Default.TargetArch}");
        var random = HostData.NewRandom(out int seed);
        int count = batch * heads * n * d;
        float[] q = HostData.Uniform(random, count, -2, 2, Precision.Bf16);
        float[] k = HostData.Uniform(random, count, -2, 2, Precision.Bf16);
        float[] v = HostData.Uniform(random, count, -1, 1, Precision.Bf16);
        using var qd = Upload(HostData.ToBf16(q), batch, heads, n, d);
        using var kd = Upload(HostData.ToBf16(k), batch, heads, n, d);
        using var vd = Upload(HostData.ToBf16(v), batch, heads, n, d);
        using var od = Output<bf16>(batch, heads, n, d);

        Launch(d, causal, qd, kd, vd, od, CudaStream.Default);
        Synchronize();
        bf16[] first = Download(od);
        float[] o = HostData.ToFloat(first);

        string what = $"H100 attention D={d} causal={causal} B={batch} H={heads} N={n} (seed {seed})";
        Check.AllWritten(o, what, n, d);
        foreach (var (b, h) in new[] { (0, 0), (batch - 1, heads - 1), (random.Next(batch), random.Next(heads)) }.Distinct())
        {
            double[] expected = AttentionReference.Head(q, k, v, heads, n, d, b, h, 1.0 / Math.Sqrt(d), causal);
            double error = AttentionReference.RelativeL2(o, ((long)b * heads + h) * n * d, expected);
            Assert.True(error < 1e-2, $"{what}: head (b={b}, h={h}) has relative L2 error {error:E2} (limit 1e-2).");
        }

        // Same inputs, three more launches on another stream, poisoned in between: same bits.
        using var stream = CreateStream();
        for (int repeat = 0; repeat < 3; repeat++)
        {
            Poison(od);
            Launch(d, causal, qd, kd, vd, od, stream);
            Synchronize(stream);
            Check.BitIdentical(first, Download(od), $"{what}: repeat {repeat + 1}");
        }
    }

    [Fact]
    public void AHeadDimTheKernelDoesNotTakeIsRejectedBeforeLaunch()
    {
        RequireGpu();
        using var q = Output<bf16>(1, 1, 128, 64);
        using var k = Output<bf16>(1, 1, 128, 96);
        var e = Assert.Throws<ArgumentException>(() => HopperAttentionKernels.AttendD64Kernel.Launch(new Dim3(1), q, k, q, q, 0));
        Assert.Equal("k", e.ParamName);
        Assert.Contains("(1, 1, 128, 96)", e.Message);
    }

    private static void Launch(int d, bool causal, DeviceTensor<bf16> q, DeviceTensor<bf16> k, DeviceTensor<bf16> v, DeviceTensor<bf16> o, CudaStream stream)
    {
        var grid = new Dim3((uint)((q.Shape.Rows + HopperAttentionKernels.BlockRows - 1) / HopperAttentionKernels.BlockRows), (uint)q.Shape.Depth, (uint)q.Shape.Batch);
        if (d == 64) HopperAttentionKernels.AttendD64Kernel.Launch(stream, grid, q, k, v, o, causal ? 1 : 0);
        else HopperAttentionKernels.AttendD128Kernel.Launch(stream, grid, q, k, v, o, causal ? 1 : 0);
    }
}
