using System.Runtime.InteropServices;
using Kittens.Runtime;

namespace Kittens.Tests.Runtime;

public class DriverAvailabilityTests
{
    private static bool DriverLibraryPresent()
    {
        if (!NativeLibrary.TryLoad("libcuda.so.1", out var handle)) return false;
        NativeLibrary.Free(handle);
        return true;
    }

    [Fact]
    public void MissingDriverGivesAClearReasonNotACrash()
    {
        if (DriverLibraryPresent()) Assert.Skip("a CUDA driver (libcuda.so.1) is installed; this test covers machines without one");

        Assert.False(CudaContext.IsAvailable);
        Assert.False(CudaContext.TryGetDefault(out var context, out var reason));
        Assert.Null(context);
        Assert.StartsWith("no CUDA driver (libcuda.so.1) found: ", reason);
        Assert.Equal(0, CudaContext.DeviceCount);

        var e = Assert.Throws<CudaUnavailableException>(() => CudaContext.Default);
        Assert.StartsWith("no CUDA driver (libcuda.so.1) found: ", e.Message);
        // Every entry point that needs the driver says the same thing.
        Assert.Throws<CudaUnavailableException>(() => DeviceBuffer<float>.Allocate(16));
        Assert.Throws<CudaUnavailableException>(() => new DeviceTensor<float>(4, 4));
        Assert.Throws<CudaUnavailableException>(() => CudaStream.Create());
        Assert.Throws<CudaUnavailableException>(() => new CudaEvent());
        Assert.Throws<CudaUnavailableException>(() => CudaStream.Default.Synchronize());
    }

    [Fact]
    public void DriverErrorsNameTheCallTheErrorAndItsDescription()
    {
        var e = new CudaException(1, "CUDA_ERROR_INVALID_VALUE", "invalid argument", "cuLaunchKernel");

        Assert.Equal("cuLaunchKernel failed: CUDA_ERROR_INVALID_VALUE (invalid argument)", e.Message);
        Assert.Equal(1, e.Result);
        Assert.Equal("cuLaunchKernel", e.Call);
    }

    [Fact]
    public void ResultsAreDescribedEvenWithoutTheDriver()
    {
        // FromResult asks the driver first; without one it falls back to the built-in names.
        var e = CudaException.FromResult(700, "cuCtxSynchronize");

        Assert.Equal("cuCtxSynchronize failed: CUDA_ERROR_ILLEGAL_ADDRESS (an illegal memory access was encountered)", e.Message);
        Assert.StartsWith("cuMemAlloc failed: CUresult 12345 (", CudaException.FromResult(12345, "cuMemAlloc").Message);
    }

    [Fact]
    public void TargetArchIsSm90aOnHopperOnly()
    {
        Assert.Equal("sm_90a", CudaContext.TargetArchFor(9, 0));
        Assert.Equal("sm_80", CudaContext.TargetArchFor(8, 0));
        Assert.Equal("sm_89", CudaContext.TargetArchFor(8, 9));
        Assert.Equal("sm_100", CudaContext.TargetArchFor(10, 0));
    }
}
