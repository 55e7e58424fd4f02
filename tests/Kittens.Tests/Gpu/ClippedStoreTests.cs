using Kittens.Tests.GpuKernels;
using static Kittens.Tests.GpuTests.GpuTestHelpers;

namespace Kittens.Tests.GpuTests;

/// <summary>
/// The clipped vector store <c>Warp.Store(GL, RV, Coord, limit)</c>: elements before the limit
/// arrive exactly (or rounded once to bf16), elements at and after it stay poisoned (NaN), for
/// a limit inside a vector, on a vector boundary, before the first and past the last column.
/// </summary>
[Collection(GpuCollection.Name)]
public class ClippedStoreTests
{
    private const int R = 3, C = 128;

    [Theory]
    [InlineData(37)]   // inside the third 16-vector and the first 64-vector
    [InlineData(64)]   // on a vector boundary
    [InlineData(101)]  // inside the second 64-vector
    [InlineData(0)]    // nothing written
    [InlineData(1)]    // only column 0
    [InlineData(500)]  // past the end: everything written
    public void WritesExactlyTheColumnsBeforeTheLimit(int limit)
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        float[] x = HostData.Uniform(random, R * C, -4, 4);

        using var xd = Upload(x, R, C);
        using var ortho = Output<float>(R, C);
        using var align = Output<float>(R, C);
        using var narrowed = Output<bf16>(R, C);
        using var wide = Output<float>(R, C);
        ClippedStoreKernels.StoreClippedKernel.Launch(Grid(1), xd, ortho, align, narrowed, wide, limit);

        float[] expected = Clip(x, C, limit), expectedBf16 = Clip(HostData.Round(x, Precision.Bf16), C, limit);
        string what = $"StoreClipped limit {limit} (seed {seed})";
        CheckClipped(DownloadFloat(ortho), expected, what + " ortho");
        CheckClipped(DownloadFloat(align), expected, what + " align");
        CheckClipped(DownloadFloat(narrowed), expectedBf16, what + " narrowed to bf16");
        CheckClipped(DownloadFloat(wide), expected, what + " 64-element vectors");
    }

    /// <summary>x with every element at column ≥ limit replaced by NaN (the poison the kernel must leave).</summary>
    private static float[] Clip(float[] x, int cols, int limit)
    {
        var result = (float[])x.Clone();
        for (int i = 0; i < result.Length; i++)
            if (i % cols >= limit) result[i] = float.NaN;
        return result;
    }

    private static void CheckClipped(float[] got, float[] expected, string what)
    {
        for (int i = 0; i < got.Length; i++)
        {
            bool ok = float.IsNaN(expected[i]) ? float.IsNaN(got[i]) : BitConverter.SingleToInt32Bits(got[i]) == BitConverter.SingleToInt32Bits(expected[i]);
            if (!ok) Assert.Fail($"{what}: element {i} (row {i / C}, col {i % C}) is {got[i]:R}, expected {(float.IsNaN(expected[i]) ? "untouched (NaN)" : expected[i].ToString("R"))}.");
        }
    }
}
