using Kittens.Runtime;

namespace Kittens.Tests.Runtime;

public unsafe class KernelHandleTests
{
    [Theory]
    [InlineData(0u, 1u, 1u)]
    [InlineData(1u, 0u, 1u)]
    [InlineData(1u, 1u, 0u)]
    public void AnEmptyGridIsRejectedBeforeAnythingElse(uint x, uint y, uint z)
    {
        // No GPU or NVRTC needed: the grid is checked first.
        var handle = new KernelHandle(TinyKernels.Scale, new CompileCache(null));

        var e = Assert.Throws<ArgumentException>(() => handle.Launch(CudaStream.Default, new Dim3(x, y, z), null));

        Assert.Equal("grid", e.ParamName);
        Assert.Contains($"({x}, {y}, {z})", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(16)]
    public void AClusterSizeOtherThan1248IsRejected(int clusterSize)
    {
        var e = Assert.Throws<ArgumentException>(() => new KernelHandle(TinyKernels.Scale with { ClusterSize = clusterSize }, new CompileCache(null)));

        Assert.Equal("source", e.ParamName);
        Assert.Contains($"got {clusterSize}", e.Message);
    }

    [Fact]
    public void AGridThatSplitsACluster_IsRejectedBeforeLaunching()
    {
        // No GPU needed either: checked before the stream's context is touched.
        var handle = new KernelHandle(TinyKernels.Scale with { ClusterSize = 4 }, new CompileCache(null));

        var e = Assert.Throws<ArgumentException>(() => handle.Launch(CudaStream.Default, new Dim3(6), null));

        Assert.Equal("grid", e.ParamName);
        Assert.Contains("clusters of 4 blocks", e.Message);
        Assert.Contains("(6, 1, 1)", e.Message);
    }

    [Fact]
    public void PackedArgumentsAreRejectedForAnEmptyGridToo()
    {
        var handle = new KernelHandle(TinyKernels.Scale, new CompileCache(null));

        var e = Assert.Throws<ArgumentException>(() => LaunchPacked(handle, new Dim3(0)));

        Assert.Equal("grid", e.ParamName);
    }

    private static void LaunchPacked(KernelHandle handle, Dim3 grid)
    {
        var args = new KernelArgs();
        args.Add(1.0f);
        handle.Launch(CudaStream.Default, grid, ref args);
    }

    [Fact]
    public void PackedArgumentPointersReadBackTheValues()
    {
        var args = new KernelArgs();
        var global = new GlobalArg(0x7000_1234, new TensorShape(2, 8, 1024, 64));
        args.Add(global);
        args.Add(3.5f);
        args.Add(42);
        // A pointer-backed span: GetPointers is a mutating ref-struct method, so a stackalloc'd
        // Span (local scope) could not be passed to it.
        nint* pointers = stackalloc nint[KernelArgs.MaxArgs];

        args.GetPointers(new Span<nint>(pointers, KernelArgs.MaxArgs));

        Assert.Equal(3, args.Count);
        Assert.Equal(global.Data, ((GlobalArg*)pointers[0])->Data);
        Assert.Equal(global.Shape, ((GlobalArg*)pointers[0])->Shape);
        Assert.Equal(3.5f, *(float*)pointers[1]);
        Assert.Equal(42, *(int*)pointers[2]);
    }

    [Fact]
    public void ImpossibleSourcesAreRejectedUpFront()
    {
        Assert.Throws<ArgumentException>(() => new KernelHandle(TinyKernels.Scale with { ThreadsPerBlock = 0 }));
        Assert.Throws<ArgumentException>(() => new KernelHandle(TinyKernels.Scale with { ThreadsPerBlock = 2048 }));
        Assert.Throws<ArgumentException>(() => new KernelHandle(TinyKernels.Scale with { DynamicSharedBytes = -1 }));
        Assert.Throws<ArgumentException>(() => new KernelHandle(TinyKernels.Scale with { EntryPoint = " " }));
    }

    [Fact]
    public void TensorSizeMismatchNamesTheArgumentExpectedAndActual()
    {
        // Checked before any allocation, so this runs without a GPU.
        var e = Assert.Throws<ArgumentException>(() => DeviceTensor<float>.FromHost(new float[10], new TensorShape(1, 1, 3, 4)));

        Assert.Equal("data", e.ParamName);
        Assert.Contains("10", e.Message);
        Assert.Contains("12", e.Message);
        Assert.Contains("(1, 1, 3, 4)", e.Message);
    }
}
