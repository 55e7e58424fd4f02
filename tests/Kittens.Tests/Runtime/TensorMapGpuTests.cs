using Kittens.Runtime;

namespace Kittens.Tests.Runtime;

/// <summary>Tensor maps through the driver's cuTensorMapEncodeTiled; these skip without an sm_90+ GPU.</summary>
public sealed unsafe class TensorMapGpuTests
{
    [Fact]
    public void TheDriverEncodesMaps_AndTheTensorReusesThemWithoutAllocating()
    {
        var context = RequireHopper();
        using var q = new DeviceTensor<bf16>(new TensorShape(1, 2, 128, 64), context);
        var boxes = new[] { TmaBox.Tile(64, 64), TmaBox.Vector(64) };

        var first = Pack(q, boxes);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) AddOnly(q, boxes);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var again = Pack(q, boxes);

        Assert.Equal(64 + 2 * 128, first.Length);
        Assert.Equal(first, again);
        Assert.Contains(first[64..], b => b != 0);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ValidationErrors_NameTheLauncherParameter()
    {
        var context = RequireHopper();
        using var k = new DeviceTensor<bf16>(new TensorShape(1, 1, 64, 60), context);
        var e = Assert.Throws<ArgumentException>(() => Pack(k, [TmaBox.Tile(64, 64)]));
        Assert.Equal("k", e.ParamName);
        Assert.Contains("must be a multiple of 16 bytes", e.Message);
    }

    private static CudaContext RequireHopper()
    {
        var context = TestEnvironment.RequireGpu();
        if (context.ComputeCapability.Major < 9) Assert.Skip($"TMA tensor maps need sm_90 or newer; this is {context.TargetArch}");
        return context;
    }

    private static void AddOnly(DeviceTensor<bf16> q, TmaBox[] boxes)
    {
        var args = new KernelArgs();
        args.AddTensor(q, boxes);
    }

    /// <summary>The bytes AddTensor packs for <paramref name="k"/> (named as a launcher parameter would be).</summary>
    private static byte[] Pack(DeviceTensor<bf16> k, TmaBox[] boxes)
    {
        var args = new KernelArgs();
        args.AddTensor(k, boxes);
        nint* pointers = stackalloc nint[KernelArgs.MaxArgs];
        args.GetPointers(new Span<nint>(pointers, KernelArgs.MaxArgs));
        return new ReadOnlySpan<byte>((byte*)pointers[0], 64 + boxes.Length * 128).ToArray();
    }
}
