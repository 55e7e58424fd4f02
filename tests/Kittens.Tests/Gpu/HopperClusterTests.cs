using Kittens.Runtime;
using Kittens.Tests.GpuKernels;
using static Kittens.Tests.GpuTests.GpuTestHelpers;
using static Kittens.Tests.GpuTests.HopperTestSupport;

namespace Kittens.Tests.GpuTests;

/// <summary>
/// Clusters of two blocks: multicast TMA loads of column chunks, cross-block semaphore arrivals
/// and cluster barriers (<see cref="HopperClusterKernels"/>), and the launch rule on the grid.
/// </summary>
[Collection(GpuCollection.Name)]
public class HopperClusterTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    public void BothBlocksOfACluster_ReceiveEveryTile(int clusters, int tiles)
    {
        RequireGpu();
        RequireSm90a();
        var random = HostData.NewRandom(out int seed);
        var src = HostData.ToBf16(HostData.Uniform(random, clusters * tiles * 64 * 128, -4, 4, Precision.Bf16));
        using var srcDevice = Upload(src, clusters, 1, tiles * 64, 128);
        using var dst = Output<bf16>(2 * clusters, 1, tiles * 64, 128);
        Poison(dst);

        HopperClusterKernels.StreamTilesAcrossClusterKernel.Launch(Grid(2 * clusters), srcDevice, dst, tiles);
        Synchronize();

        var expected = HostData.ToFloat(src);
        var got = DownloadFloat(dst);
        int perCluster = tiles * 64 * 128;
        for (int block = 0; block < 2 * clusters; block++)
        {
            for (int i = 0; i < perCluster; i++)
            {
                float want = expected[block / 2 * perCluster + i], have = got[block * perCluster + i];
                Assert.True(BitConverter.SingleToInt32Bits(want) == BitConverter.SingleToInt32Bits(have),
                    $"seed {seed}: block {block} (cluster {block / 2}), tile {i / (64 * 128)}, row {i / 128 % 64}, column {i % 128}: expected {want}, got {have}");
            }
        }
    }

    [Fact]
    public void AGridNotAMultipleOfTheClusterSize_IsRejectedBeforeLaunching()
    {
        RequireGpu();
        RequireSm90a();
        using var src = Output<bf16>(1, 1, 64, 128);
        using var dst = Output<bf16>(2, 1, 64, 128);
        var error = Assert.Throws<ArgumentException>(() => HopperClusterKernels.StreamTilesAcrossClusterKernel.Launch(Grid(3), src, dst, 1));
        Assert.Equal("grid", error.ParamName);
        Assert.Contains("multiple of 2", error.Message, StringComparison.Ordinal);
    }
}
