using Kittens.Tests.GpuKernels;
using static Kittens.Tests.GpuTests.GpuTestHelpers;
using static Kittens.Tests.GpuTests.HopperTestSupport;

namespace Kittens.Tests.GpuTests;

/// <summary>
/// Warp.CausalMask and Warp.ColumnMask on float, bf16 and f16 row tiles, against the rule in
/// absolute coordinates, for the plain diagonal, masks that cover all or none of the tile, and
/// random offsets. See <see cref="HopperMaskKernels"/>.
/// </summary>
[Collection(GpuCollection.Name)]
public class HopperMaskTests
{
    private const int Rows = 32, Cols = 64;

    [Fact]
    public void CausalAndColumnMasksSetExactlyTheElementsTheRuleSays()
    {
        RequireGpu();
        RequireSm90a();
        var random = HostData.NewRandom(out int seed);
        float[] xf = HostData.Uniform(random, Rows * Cols, -4, 4);
        float[] xb = HostData.Uniform(random, Rows * Cols, -4, 4, Precision.Bf16);
        float[] xh = HostData.Uniform(random, Rows * Cols, -4, 4, Precision.F16);
        using var xfd = Upload(xf, Rows, Cols);
        using var xbd = Upload(HostData.ToBf16(xb), Rows, Cols);
        using var xhd = Upload(HostData.ToF16(xh), Rows, Cols);

        // (rowOffset, colOffset, limit, value): the diagonal through the tile's corner, a limit
        // before the tile (all masked), then random offsets. Element (i, j) is masked by the
        // causal mask when j − i > rowOffset − colOffset, i.e. the diagonal crosses the tile for
        // colOffset − rowOffset in [−62, 31]; the column limit is drawn around the tile's columns.
        var cases = new List<(int RowOffset, int ColOffset, int Limit, float Value)>
        {
            (0, 0, 37, float.NegativeInfinity),
            (192, 128, 120, float.PositiveInfinity),
        };
        for (int n = 0; n < 6; n++)
        {
            int rowOffset = random.Next(0, 512);
            int colOffset = Math.Max(0, rowOffset + random.Next(-72, 42));
            int limit = colOffset + random.Next(-8, 72);
            // A finite value of bf16 precision is exact in f16 and float too (|value| in [1/8, 100)).
            float value = n % 3 == 0 ? float.NegativeInfinity : HostData.Round(HostData.SignedScalar(random, 0.125, 100), Precision.Bf16);
            cases.Add((rowOffset, colOffset, limit, value));
        }

        foreach (var (rowOffset, colOffset, limit, value) in cases)
        {
            using var of = Output<float>(1, 2, Rows, Cols);
            using var ob = Output<bf16>(1, 2, Rows, Cols);
            using var oh = Output<f16>(1, 2, Rows, Cols);
            HopperMaskKernels.MasksKernel.Launch(Grid(1), xfd, xbd, xhd, of, ob, oh, rowOffset, colOffset, limit, value);

            string what = $"masks with rowOffset {rowOffset}, colOffset {colOffset}, limit {limit}, value {value} (seed {seed}); " +
                          "slot 0 causal, slot 1 column";
            Check.Equal(DownloadFloat(of), Expected(xf, rowOffset, colOffset, limit, value), what + ", float", Rows, Cols);
            Check.Equal(DownloadFloat(ob), Expected(xb, rowOffset, colOffset, limit, value), what + ", bf16", Rows, Cols);
            Check.Equal(DownloadFloat(oh), Expected(xh, rowOffset, colOffset, limit, value), what + ", f16", Rows, Cols);
        }
    }

    /// <summary>Slot 0: the causal rule; slot 1: the column rule; unmasked elements keep x.</summary>
    private static float[] Expected(float[] x, int rowOffset, int colOffset, int limit, float value)
    {
        var result = new float[2 * Rows * Cols];
        for (int i = 0; i < Rows; i++)
            for (int j = 0; j < Cols; j++)
            {
                int at = i * Cols + j;
                result[at] = colOffset + j > rowOffset + i ? value : x[at];
                result[Rows * Cols + at] = colOffset + j >= limit ? value : x[at];
            }
        return result;
    }
}
