using Kittens.Runtime;

namespace Kittens.Tests.Runtime;

/// <summary>Device memory and launch; these skip on machines without a CUDA GPU.</summary>
public unsafe class GpuTests
{
    [Fact]
    public void ContextDescribesTheDevice()
    {
        var context = TestEnvironment.RequireGpu();

        Assert.False(string.IsNullOrEmpty(context.DeviceName));
        Assert.True(context.ComputeCapability.Major >= 5);
        Assert.True(context.MultiprocessorCount > 0);
        Assert.True(context.MaxSharedMemoryPerBlockOptin >= 48 * 1024);
        Assert.StartsWith("sm_", context.TargetArch);
        Assert.Same(context, CudaContext.Default);
        context.Synchronize();
    }

    [Fact]
    public void TensorsRoundTripEveryDtype()
    {
        var context = TestEnvironment.RequireGpu();
        var floats = Enumerable.Range(0, 2 * 3 * 16 * 32).Select(i => i * 0.25f - 100f).ToArray();
        var shape = new TensorShape(2, 3, 16, 32);

        using var f = DeviceTensor<float>.FromHost(floats, shape, context);
        using var b = DeviceTensor<bf16>.FromHost(HostConvert.ToBf16(floats), shape, context);
        using var h = DeviceTensor<f16>.FromHost(HostConvert.ToF16(floats), shape, context);

        Assert.Equal(floats, f.ToHost());
        Assert.Equal(HostConvert.ToFloat(HostConvert.ToBf16(floats)), HostConvert.ToFloat(b.ToHost()));
        Assert.Equal(HostConvert.ToFloat(HostConvert.ToF16(floats)), HostConvert.ToFloat(h.ToHost()));
        Assert.Equal(shape, f.AsGlobalArg().Shape);
        Assert.NotEqual(0, f.AsGlobalArg().Data);
    }

    [Fact]
    public void FillBytesPoisonsAndDeviceCopiesCopy()
    {
        var context = TestEnvironment.RequireGpu();
        using var a = new DeviceTensor<float>(8, 8, context);
        using var b = new DeviceTensor<float>(8, 8, context);

        a.FillBytes(0xFF);
        Assert.All(a.ToHost(), x => Assert.True(float.IsNaN(x)));

        b.CopyFromHost(Enumerable.Range(0, 64).Select(i => (float)i).ToArray());
        a.Buffer.CopyFrom(b.Buffer);
        Assert.Equal(b.ToHost(), a.ToHost());

        var e = Assert.Throws<ArgumentException>(() => a.CopyToHost(new float[63]));
        Assert.Equal("destination", e.ParamName);
    }

    [Fact]
    public void LaunchesACompiledKernel()
    {
        var context = TestEnvironment.RequireGpu();
        TestEnvironment.RequireNvrtc();
        var handle = new KernelHandle(TinyKernels.Scale, new CompileCache(null), new Dictionary<string, string>());
        int n = 1000;
        var input = Enumerable.Range(0, n).Select(i => (float)i).ToArray();
        using var data = DeviceTensor<float>.FromHost(input, 1, n, context);
        using var stream = CudaStream.Create(context);
        using var start = new CudaEvent(context);
        using var end = new CudaEvent(context);

        nint pointer = data.AsGlobalArg().Data;
        float factor = 3f;
        void** args = stackalloc void*[] { &pointer, &factor, &n };
        start.Record(stream);
        handle.Launch(stream, new Dim3((uint)((n + 127) / 128)), args);
        end.Record(stream);
        end.Synchronize();

        Assert.Equal(input.Select(x => x * 3f), data.ToHost());
        Assert.True(CudaEvent.ElapsedMilliseconds(start, end) >= 0);
        var kernel = handle.Get(context);
        Assert.Same(kernel, handle.Get(context));
        Assert.Equal(128 * sizeof(float), kernel.Resources.StaticSharedBytes);
        Assert.True(kernel.Resources.Registers > 0);
    }

    [Fact]
    public void LaunchesWithPackedArguments()
    {
        var context = TestEnvironment.RequireGpu();
        TestEnvironment.RequireNvrtc();
        var handle = new KernelHandle(TinyKernels.Scale, new CompileCache(null), new Dictionary<string, string>());
        var input = Enumerable.Range(0, 256).Select(i => (float)i).ToArray();
        using var data = DeviceTensor<float>.FromHost(input, 1, 256, context);

        var args = new KernelArgs();
        args.Add(data.AsGlobalArg().Data);
        args.Add(0.5f);
        args.Add(256);
        handle.Launch(CudaStream.Default, new Dim3(2), ref args);
        context.Synchronize();

        Assert.Equal(input.Select(x => x * 0.5f), data.ToHost());
    }

    [Fact]
    public void LaunchingAllocatesNothingAfterTheFirstTime()
    {
        var context = TestEnvironment.RequireGpu();
        TestEnvironment.RequireNvrtc();
        var handle = new KernelHandle(TinyKernels.Scale, new CompileCache(null), new Dictionary<string, string>());
        using var data = new DeviceTensor<float>(1, 128, context);
        nint pointer = data.AsGlobalArg().Data;
        float factor = 1f;
        int n = 128;
        void** args = stackalloc void*[] { &pointer, &factor, &n };
        handle.Launch(CudaStream.Default, new Dim3(1), args);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) handle.Launch(CudaStream.Default, new Dim3(1), args);
        long after = GC.GetAllocatedBytesForCurrentThread();
        context.Synchronize();

        Assert.Equal(0, after - before);
    }

    [Fact]
    public void TooMuchSharedMemoryFailsBeforeLaunchWithBothNumbers()
    {
        var context = TestEnvironment.RequireGpu();
        int tooMuch = context.MaxSharedMemoryPerBlockOptin + 1024;
        var handle = new KernelHandle(TinyKernels.Scale with { DynamicSharedBytes = tooMuch }, new CompileCache(null));

        var e = Assert.Throws<InvalidOperationException>(() => handle.Get(context));

        Assert.Contains($"needs {tooMuch} bytes", e.Message);
        Assert.Contains($"allows {context.MaxSharedMemoryPerBlockOptin}", e.Message);
    }

    [Fact]
    public void LargeDynamicSharedMemoryIsOptedInto()
    {
        var context = TestEnvironment.RequireGpu();
        TestEnvironment.RequireNvrtc();
        int bytes = context.MaxSharedMemoryPerBlockOptin - 128 * sizeof(float);
        var handle = new KernelHandle(
            TinyKernels.Scale with { DynamicSharedBytes = bytes },
            new CompileCache(null),
            new Dictionary<string, string>());
        using var data = new DeviceTensor<float>(1, 128, context);
        nint pointer = data.AsGlobalArg().Data;
        float factor = 2f;
        int n = 128;
        void** args = stackalloc void*[] { &pointer, &factor, &n };

        handle.Launch(CudaStream.Default, new Dim3(1), args);
        context.Synchronize();
    }

    [Fact]
    public void DriverErrorsCarryTheirNames()
    {
        var context = TestEnvironment.RequireGpu();
        context.MakeCurrent();

        var e = Assert.Throws<CudaException>(() => DeviceBuffer<byte>.Allocate(long.MaxValue / 2, context));

        Assert.Equal("cuMemAlloc", e.Call);
        Assert.StartsWith("CUDA_ERROR_", e.ErrorName);
    }
}
