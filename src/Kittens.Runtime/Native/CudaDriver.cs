using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kittens.Runtime.Native;

/// <summary>
/// Thin bindings to the CUDA driver API (<c>libcuda.so.1</c>, installed with the GPU driver, not
/// the toolkit). Handles are plain integers: <c>CUcontext</c>, <c>CUmodule</c>,
/// <c>CUfunction</c>, <c>CUstream</c> and <c>CUevent</c> are pointers (<see cref="nint"/>),
/// <c>CUdevice</c> is an <see cref="int"/>, <c>CUdeviceptr</c> is a 64-bit <see cref="ulong"/>.
/// Versioned entry points (<c>_v2</c>) are the ones <c>cuda.h</c> maps the plain names to.
/// </summary>
/// <remarks>
/// The library is resolved lazily by the runtime at the first call, so a machine without a
/// driver only fails (with <see cref="DllNotFoundException"/>) when a call is made;
/// <see cref="CudaContext.TryGetDefault"/> turns that into a clear message. Every call's result
/// goes through <see cref="Check"/>.
/// </remarks>
internal static unsafe partial class CudaDriver
{
    public const string Library = "libcuda.so.1";

    // Route the library through the assembly's resolver (see NativeResolver) before the first call binds.
    static CudaDriver() => NativeResolver.Register();

    // Device attributes (CUdevice_attribute) the runtime reads.
    public const int CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT = 16;
    public const int CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR = 75;
    public const int CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR = 76;
    public const int CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK_OPTIN = 97;

    // Function attributes (CUfunction_attribute).
    public const int CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK = 0;
    public const int CU_FUNC_ATTRIBUTE_SHARED_SIZE_BYTES = 1;
    public const int CU_FUNC_ATTRIBUTE_LOCAL_SIZE_BYTES = 3;
    public const int CU_FUNC_ATTRIBUTE_NUM_REGS = 4;
    public const int CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES = 8;

    public const uint CU_STREAM_DEFAULT = 0;
    public const uint CU_EVENT_DEFAULT = 0;

    /// <summary>Throws <see cref="CudaException"/> when <paramref name="result"/> is not CUDA_SUCCESS.</summary>
    /// <remarks>The success path is a compare and a branch, so hot paths (launch) stay allocation free.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check(int result, string call)
    {
        if (result != 0) throw CudaException.FromResult(result, call);
    }

    [LibraryImport(Library)] public static partial int cuInit(uint flags);
    [LibraryImport(Library)] public static partial int cuDriverGetVersion(int* version);
    [LibraryImport(Library)] public static partial int cuGetErrorName(int error, byte** name);
    [LibraryImport(Library)] public static partial int cuGetErrorString(int error, byte** description);

    [LibraryImport(Library)] public static partial int cuDeviceGetCount(int* count);
    [LibraryImport(Library)] public static partial int cuDeviceGet(int* device, int ordinal);
    [LibraryImport(Library)] public static partial int cuDeviceGetName(byte* name, int length, int device);
    [LibraryImport(Library)] public static partial int cuDeviceGetAttribute(int* value, int attribute, int device);

    [LibraryImport(Library, EntryPoint = "cuDevicePrimaryCtxRetain")]
    public static partial int cuDevicePrimaryCtxRetain(nint* context, int device);
    [LibraryImport(Library, EntryPoint = "cuDevicePrimaryCtxRelease_v2")]
    public static partial int cuDevicePrimaryCtxRelease(int device);
    [LibraryImport(Library)] public static partial int cuCtxSetCurrent(nint context);
    [LibraryImport(Library)] public static partial int cuCtxSynchronize();

    [LibraryImport(Library, EntryPoint = "cuMemAlloc_v2")]
    public static partial int cuMemAlloc(ulong* devicePointer, nuint bytes);
    [LibraryImport(Library, EntryPoint = "cuMemFree_v2")]
    public static partial int cuMemFree(ulong devicePointer);
    [LibraryImport(Library, EntryPoint = "cuMemcpyHtoD_v2")]
    public static partial int cuMemcpyHtoD(ulong destination, void* source, nuint bytes);
    [LibraryImport(Library, EntryPoint = "cuMemcpyDtoH_v2")]
    public static partial int cuMemcpyDtoH(void* destination, ulong source, nuint bytes);
    [LibraryImport(Library, EntryPoint = "cuMemcpyDtoD_v2")]
    public static partial int cuMemcpyDtoD(ulong destination, ulong source, nuint bytes);
    [LibraryImport(Library, EntryPoint = "cuMemsetD8_v2")]
    public static partial int cuMemsetD8(ulong destination, byte value, nuint count);
    [LibraryImport(Library, EntryPoint = "cuMemcpyHtoDAsync_v2")]
    public static partial int cuMemcpyHtoDAsync(ulong destination, void* source, nuint bytes, nint stream);
    [LibraryImport(Library, EntryPoint = "cuMemcpyDtoHAsync_v2")]
    public static partial int cuMemcpyDtoHAsync(void* destination, ulong source, nuint bytes, nint stream);

    [LibraryImport(Library)] public static partial int cuModuleLoadData(nint* module, void* image);
    [LibraryImport(Library)] public static partial int cuModuleUnload(nint module);
    [LibraryImport(Library)] public static partial int cuModuleGetFunction(nint* function, nint module, byte* name);
    [LibraryImport(Library)] public static partial int cuFuncGetAttribute(int* value, int attribute, nint function);
    [LibraryImport(Library)] public static partial int cuFuncSetAttribute(nint function, int attribute, int value);

    [LibraryImport(Library)]
    public static partial int cuLaunchKernel(
        nint function,
        uint gridX, uint gridY, uint gridZ,
        uint blockX, uint blockY, uint blockZ,
        uint sharedMemBytes, nint stream, void** kernelParams, void** extra);

    [LibraryImport(Library)] public static partial int cuStreamCreate(nint* stream, uint flags);
    [LibraryImport(Library, EntryPoint = "cuStreamDestroy_v2")]
    public static partial int cuStreamDestroy(nint stream);
    [LibraryImport(Library)] public static partial int cuStreamSynchronize(nint stream);

    [LibraryImport(Library)] public static partial int cuEventCreate(nint* evt, uint flags);
    [LibraryImport(Library)] public static partial int cuEventRecord(nint evt, nint stream);
    [LibraryImport(Library)] public static partial int cuEventSynchronize(nint evt);
    [LibraryImport(Library)] public static partial int cuEventElapsedTime(float* milliseconds, nint start, nint end);
    [LibraryImport(Library, EntryPoint = "cuEventDestroy_v2")]
    public static partial int cuEventDestroy(nint evt);

    /// <summary>
    /// Encodes a TMA descriptor (<c>CUtensorMap</c>: 128 bytes, which the driver wants 64-byte
    /// aligned). Enum parameters are passed as their integer values; see <c>cuda.h</c>.
    /// </summary>
    [LibraryImport(Library)]
    public static partial int cuTensorMapEncodeTiled(
        void* tensorMap, int dataType, uint rank, void* globalAddress,
        ulong* globalDim, ulong* globalStrides, uint* boxDim, uint* elementStrides,
        int interleave, int swizzle, int l2Promotion, int oobFill);
}
