using Kittens.Tests.GpuKernels;
using static Kittens.Tests.GpuTests.GpuTestHelpers;

namespace Kittens.Tests.GpuTests;

/// <summary>SwapLayout (both directions) and Transpose (both layouts) for bf16, f16 and float tiles.</summary>
[Collection(GpuCollection.Name)]
public class ConversionTests
{
    [Fact]
    public void SwapLayoutKeepsValuesAndTransposeTransposes()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int R = 32, C = 48;
        float[] xb = HostData.Uniform(random, R * C, -4, 4, Precision.Bf16);
        float[] xh = HostData.Uniform(random, R * C, -4, 4, Precision.F16);
        float[] xf = HostData.Uniform(random, R * C, -4, 4);

        using var xbd = Upload(HostData.ToBf16(xb), R, C);
        using var xhd = Upload(HostData.ToF16(xh), R, C);
        using var xfd = Upload(xf, R, C);
        using var sb = Output<bf16>(1, 3, R, C);
        using var sh = Output<f16>(1, 3, R, C);
        using var sf = Output<float>(1, 3, R, C);
        using var tb = Output<bf16>(1, 3, C, R);
        using var th = Output<f16>(1, 3, C, R);
        using var tf = Output<float>(1, 3, C, R);
        ConversionKernels.LayoutsKernel.Launch(Grid(1), xbd, xhd, xfd, sb, sh, sf, tb, th, tf);

        string swaps = $"Layouts (seed {seed}); slots 0 row→col, 1 col→row, 2 row→col→row";
        string transposes = $"Layouts (seed {seed}); slots 0 Transpose(row), 1 Transpose(col), 2 SwapLayout + Transpose(col) + SwapLayout";
        Check.Equal(DownloadFloat(sb), HostData.Repeat(xb, 3), swaps + " bf16", R, C);
        Check.Equal(DownloadFloat(sh), HostData.Repeat(xh, 3), swaps + " f16", R, C);
        Check.Equal(DownloadFloat(sf), HostData.Repeat(xf, 3), swaps + " float", R, C);
        Check.Equal(DownloadFloat(tb), HostData.Repeat(HostData.Transpose(xb, R, C), 3), transposes + " bf16", C, R);
        Check.Equal(DownloadFloat(th), HostData.Repeat(HostData.Transpose(xh, R, C), 3), transposes + " f16", C, R);
        Check.Equal(DownloadFloat(tf), HostData.Repeat(HostData.Transpose(xf, R, C), 3), transposes + " float", C, R);
    }
}
