namespace Kittens.Generator.Tests;

/// <summary>The generated CUDA and launcher of every example kernel and of the attention library's kernels, as snapshots.</summary>
public sealed class ExampleSnapshotTests
{
    private static readonly Lazy<GeneratorHarness.Run> s_examples = new(() => GeneratorHarness.Generate(
        ("Attention/AttentionKernels.cs", Repository.Example("Attention/AttentionKernels.cs")),
        ("Kernels/FlashAttentionKernels.cs", Repository.Source("src/Kittens.Attention/Kernels/FlashAttentionKernels.cs")),
        ("Kernels/FlashAttentionKernels.Steps.cs", Repository.Source("src/Kittens.Attention/Kernels/FlashAttentionKernels.Steps.cs")),
        ("Kernels/AttentionSchedules.cs", Repository.Source("src/Kittens.Attention/Kernels/AttentionSchedules.cs")),
        ("Gemm/GemmKernels.cs", Repository.Example("Gemm/GemmKernels.cs"))));

    private static GeneratorHarness.Run Examples => s_examples.Value;

    [Fact]
    public void Examples_HaveNoDiagnostics() => Assert.Empty(Examples.Diagnostics);

    [Fact]
    public void AttendForward_Cuda() => Snapshot.Verify(Examples.Kernel("AttendForward").CudaSource);

    [Fact]
    public void AttendForward_Launcher() => Snapshot.Verify(Examples.Kernel("AttendForward").LauncherSource, "cs");

    [Fact]
    public void Gemm_Cuda() => Snapshot.Verify(Examples.Kernel("Gemm").CudaSource);

    [Fact]
    public void Gemm_Launcher() => Snapshot.Verify(Examples.Kernel("Gemm").LauncherSource, "cs");

    [Fact]
    public void RowSoftmax_Cuda() => Snapshot.Verify(Examples.Kernel("RowSoftmax").CudaSource);

    [Fact]
    public void RowSoftmax_Launcher() => Snapshot.Verify(Examples.Kernel("RowSoftmax").LauncherSource, "cs");

    [Fact]
    public void ForwardD64_Cuda() => Snapshot.Verify(Examples.Kernel("ForwardD64").CudaSource);

    [Fact]
    public void ForwardD64_Launcher() => Snapshot.Verify(Examples.Kernel("ForwardD64").LauncherSource, "cs");

    [Fact]
    public void ForwardD96_Cuda() => Snapshot.Verify(Examples.Kernel("ForwardD96").CudaSource);

    [Fact]
    public void ForwardD96_Launcher() => Snapshot.Verify(Examples.Kernel("ForwardD96").LauncherSource, "cs");

    [Fact]
    public void ForwardD128_Cuda() => Snapshot.Verify(Examples.Kernel("ForwardD128").CudaSource);

    [Fact]
    public void ForwardD128_Launcher() => Snapshot.Verify(Examples.Kernel("ForwardD128").LauncherSource, "cs");

    [Fact]
    public void ForwardD256_Cuda() => Snapshot.Verify(Examples.Kernel("ForwardD256").CudaSource);

    [Fact]
    public void ForwardD256_Launcher() => Snapshot.Verify(Examples.Kernel("ForwardD256").LauncherSource, "cs");

    [Fact]
    public void ForwardD256ShortCausal_Cuda() => Snapshot.Verify(Examples.Kernel("ForwardD256ShortCausal").CudaSource);

    [Fact]
    public void ForwardD256ShortCausal_Launcher() => Snapshot.Verify(Examples.Kernel("ForwardD256ShortCausal").LauncherSource, "cs");
}
