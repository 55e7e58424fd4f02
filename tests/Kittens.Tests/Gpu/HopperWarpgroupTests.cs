using Kittens.Tests.GpuKernels;
using static Kittens.Tests.GpuTests.GpuTestHelpers;
using static Kittens.Tests.GpuTests.HopperTestSupport;

namespace Kittens.Tests.GpuTests;

/// <summary>
/// Warpgroup moves between shared tiles and the four warps' register tiles (then stored by TMA),
/// and a two-warpgroup producer / consumer pipeline on TMA and semaphore phases. See
/// <see cref="HopperWarpgroupKernels"/>.
/// </summary>
[Collection(GpuCollection.Name)]
public class HopperWarpgroupTests
{
    [Fact]
    public void SharedTilesRoundTripThroughTheWarpsRegisterTilesAndTma()
    {
        RequireGpu();
        RequireSm90a();
        var random = HostData.NewRandom(out int seed);
        float[] xf = HostData.Uniform(random, 64 * 64, -4, 4);
        float[] xb = HostData.Uniform(random, 64 * 64, -4, 4, Precision.Bf16);
        float[] xh = HostData.Uniform(random, 64 * 32, -4, 4, Precision.F16);

        using var xfd = Upload(xf, 64, 64);
        using var xbd = Upload(HostData.ToBf16(xb), 64, 64);
        using var xhd = Upload(HostData.ToF16(xh), 64, 32);
        using var of = Output<float>(1, 3, 64, 64);
        using var ob = Output<bf16>(1, 4, 64, 64);
        using var oh = Output<f16>(1, 2, 64, 32);
        HopperWarpgroupKernels.RoundTripKernel.Launch(Grid(1), xfd, xbd, xhd, of, ob, oh);

        string what = $"warpgroup round trip (seed {seed})";
        Check.Equal(DownloadFloat(of), [.. xf, .. xf, .. xb],
            what + ", float tiles; slots 0 float via rt float row, 1 via rt float col, 2 bf16 via rt bf16 row", 64, 64);
        Check.Equal(DownloadFloat(ob), [.. xb, .. xb, .. xb, .. HostData.Round(xf, Precision.Bf16)],
            what + ", bf16 tiles; slots 0 via rt bf16 row, 1 via rt bf16 col, 2 via rt float row, 3 float via rt float row (rounded)", 64, 64);
        Check.Equal(DownloadFloat(oh), HostData.Repeat(xh, 2),
            what + ", f16 64x32 tiles; slots 0 via rt f16 row, 1 via rt float col", 64, 32);
    }

    [Fact]
    public void ProducerAndConsumerWarpgroupsPassEightTilesThroughATwoStageRing()
    {
        RequireGpu();
        RequireSm90a();
        var random = HostData.NewRandom(out int seed);
        const int B = 2, D = 2, R = 128, C = 64;
        float[] x = HostData.Uniform(random, B * D * R * C, -1, 1);

        using var xd = Upload(x, B, D, R, C);
        using var sum = Output<float>(64, 64);
        HopperWarpgroupKernels.PipelineSumKernel.Launch(Grid(1), xd, sum);
        float[] got = DownloadFloat(sum);

        // Tile i sits at (b, d, r) = (i / 4, (i / 2) % 2, i % 2) in units of 64 rows.
        var expected = new double[64 * 64];
        var magnitude = new double[64 * 64];
        for (int i = 0; i < HopperWarpgroupKernels.PipelineBlocks; i++)
            for (int r = 0; r < 64; r++)
                for (int c = 0; c < 64; c++)
                {
                    double v = x[Offset(D, R, C, i / 4, i / 2 % 2, i % 2 * 64 + r, c)];
                    expected[r * 64 + c] += v;
                    magnitude[r * 64 + c] += Math.Abs(v);
                }

        // Seven float additions: at most 7 roundings of partial sums bounded by Σ|x|.
        Check.Close(got, expected, i => 1e-6 * magnitude[i] + 1e-7,
            $"pipeline sum of {HopperWarpgroupKernels.PipelineBlocks} tiles through {HopperWarpgroupKernels.PipelineStages} stages (seed {seed})",
            64, 64);
    }
}
