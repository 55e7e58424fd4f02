using Kittens.Examples.Attention;
using Kittens.Examples.Gemm;
using static Kittens.Tests.GpuTests.GpuTestHelpers;

namespace Kittens.Tests.GpuTests;

/// <summary>
/// Generated launchers check [Shape] before launching: a mismatch is an ArgumentException that
/// names the argument and quotes both its shape and the one expected, and nothing runs.
/// </summary>
[Collection(GpuCollection.Name)]
public class LaunchArgumentTests
{
    private const int D = AttentionKernels.HeadDim;

    [Fact]
    public void AttentionRejectsAKeyTensorOfAnotherSequenceLength()
    {
        RequireGpu();
        using var q = Output<bf16>(1, 2, 256, D);
        using var k = Output<bf16>(1, 2, 512, D);
        using var v = Output<bf16>(1, 2, 256, D);
        using var o = Output<bf16>(1, 2, 256, D);

        var e = Assert.Throws<ArgumentException>(
            () => AttentionKernels.AttendForwardKernel.Launch(Grid(1, 2, 1), q, k, v, o));

        AssertNames(e, "k", ShapeText(k), ShapeText(q));
        AssertUntouched(o);
    }

    [Fact]
    public void AttentionRejectsAValueTensorOfAnotherHeadDimension()
    {
        RequireGpu();
        using var q = Output<bf16>(1, 2, 256, D);
        using var k = Output<bf16>(1, 2, 256, D);
        using var v = Output<bf16>(1, 2, 256, 32);
        using var o = Output<bf16>(1, 2, 256, D);

        var e = Assert.Throws<ArgumentException>(
            () => AttentionKernels.AttendForwardKernel.Launch(Grid(1, 2, 1), q, k, v, o));

        AssertNames(e, "v", ShapeText(v), ShapeText(q));
        AssertUntouched(o);
    }

    [Fact]
    public void AttentionRejectsAnOutputOfAnotherBatch()
    {
        RequireGpu();
        using var q = Output<bf16>(2, 2, 256, D);
        using var k = Output<bf16>(2, 2, 256, D);
        using var v = Output<bf16>(2, 2, 256, D);
        using var o = Output<bf16>(1, 2, 256, D);

        var e = Assert.Throws<ArgumentException>(
            () => AttentionKernels.AttendForwardKernel.Launch(Grid(1, 2, 2), q, k, v, o));

        AssertNames(e, "o", ShapeText(o), ShapeText(q));
        AssertUntouched(o);
    }

    [Fact]
    public void GemmRejectsInnerDimensionsThatDisagree()
    {
        RequireGpu();
        using var a = Output<bf16>(64, 128);
        using var b = Output<bf16>(64, 64);
        using var c = Output<float>(64, 64);

        var e = Assert.Throws<ArgumentException>(() => GemmKernels.GemmKernel.Launch(Grid(1, 1), a, b, c));

        // a binds M = 64, K = 128; b's rows (64) then disagree with K.
        AssertNames(e, "b", ShapeText(b), "(1, 1, 128, 64)");
        AssertUntouched(c);
    }

    private static void AssertNames(ArgumentException e, string argument, string actualShape, string expectedShape)
    {
        Assert.True(e.ParamName == argument, $"expected the exception to name '{argument}', got ParamName '{e.ParamName}': {e.Message}");
        Assert.True(e.Message.Contains($"'{argument}'", StringComparison.Ordinal), $"message does not name '{argument}': {e.Message}");
        Assert.True(e.Message.Contains(actualShape, StringComparison.Ordinal), $"message does not quote the argument's shape {actualShape}: {e.Message}");
        Assert.True(e.Message.Contains(expectedShape, StringComparison.Ordinal), $"message does not quote the expected shape {expectedShape}: {e.Message}");
    }

    /// <summary>The launch was refused before running: the poisoned output is still all NaN.</summary>
    private static void AssertUntouched(Kittens.Runtime.DeviceTensor<bf16> output) =>
        Assert.True(DownloadFloat(output).All(float.IsNaN), "the rejected launch wrote to the output");

    private static void AssertUntouched(Kittens.Runtime.DeviceTensor<float> output) =>
        Assert.True(DownloadFloat(output).All(float.IsNaN), "the rejected launch wrote to the output");
}
