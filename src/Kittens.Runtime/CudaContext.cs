using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Kittens.Runtime.Native;

namespace Kittens.Runtime;

/// <summary>
/// A device's primary context (the one the CUDA runtime API would also use), with the device
/// properties kernel compilation and launch need. One instance per device for the life of the
/// process: releasing a primary context while buffers or modules still live in it would
/// invalidate them, so it is retained once and never released.
/// </summary>
public sealed unsafe class CudaContext
{
    private static readonly ConcurrentDictionary<int, Lazy<CudaContext>> ByOrdinal = new();

    private CudaContext(int ordinal)
    {
        int device;
        CudaDriver.Check(CudaDriver.cuDeviceGet(&device, ordinal), "cuDeviceGet");
        nint handle;
        CudaDriver.Check(CudaDriver.cuDevicePrimaryCtxRetain(&handle, device), "cuDevicePrimaryCtxRetain");
        Ordinal = ordinal;
        Device = device;
        Handle = handle;

        const int nameLength = 256;
        byte* name = stackalloc byte[nameLength];
        CudaDriver.Check(CudaDriver.cuDeviceGetName(name, nameLength, device), "cuDeviceGetName");
        DeviceName = Marshal.PtrToStringUTF8((nint)name) ?? "";
        ComputeCapability = (
            Attribute(CudaDriver.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR),
            Attribute(CudaDriver.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR));
        MultiprocessorCount = Attribute(CudaDriver.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT);
        MaxSharedMemoryPerBlockOptin = Attribute(CudaDriver.CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK_OPTIN);
        int version;
        CudaDriver.Check(CudaDriver.cuDriverGetVersion(&version), "cuDriverGetVersion");
        DriverVersion = version;
    }

    /// <summary>True when the driver loads and device 0 exists.</summary>
    public static bool IsAvailable => TryGetDefault(out _, out _);

    /// <summary>Device 0's primary context; throws <see cref="CudaUnavailableException"/> when there is none.</summary>
    public static CudaContext Default => ForDevice(0);

    /// <summary>
    /// Device 0's primary context, or false with a reason (no driver, no device, ...): the way
    /// to ask "is there a GPU" without exceptions.
    /// </summary>
    public static bool TryGetDefault([NotNullWhen(true)] out CudaContext? context, out string reason)
    {
        context = null;
        if (!CudaDriverProbe.TryInitialize(out reason)) return false;
        try
        {
            context = ForDevice(0);
            return true;
        }
        catch (CudaException e)
        {
            reason = e.Message;
            return false;
        }
    }

    /// <summary>The primary context of the device with this ordinal (created on first use).</summary>
    public static CudaContext ForDevice(int ordinal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        CudaDriverProbe.EnsureInitialized();
        var lazy = ByOrdinal.GetOrAdd(ordinal, static o => new Lazy<CudaContext>(() => new CudaContext(o)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // Do not cache a failure (e.g. a transient out-of-memory at context creation).
            ByOrdinal.TryRemove(new KeyValuePair<int, Lazy<CudaContext>>(ordinal, lazy));
            throw;
        }
    }

    /// <summary>Number of CUDA devices; 0 when there is no driver or no device.</summary>
    public static int DeviceCount
    {
        get
        {
            if (!CudaDriverProbe.TryInitialize(out _)) return 0;
            int count;
            CudaDriver.Check(CudaDriver.cuDeviceGetCount(&count), "cuDeviceGetCount");
            return count;
        }
    }

    /// <summary>The device ordinal this context belongs to.</summary>
    public int Ordinal { get; }

    /// <summary>The driver's <c>CUdevice</c>.</summary>
    public int Device { get; }

    /// <summary>The <c>CUcontext</c> handle.</summary>
    public nint Handle { get; }

    /// <summary>The device's name, e.g. "NVIDIA H100 80GB HBM3".</summary>
    public string DeviceName { get; }

    /// <summary>Compute capability (major, minor), e.g. (9, 0).</summary>
    public (int Major, int Minor) ComputeCapability { get; }

    /// <summary>
    /// The NVRTC target: "sm_90a" on compute capability 9.0 (the arch-specific variant is what
    /// enables wgmma/TMA, and a 9.0 device runs it), otherwise "sm_{major}{minor}".
    /// </summary>
    public string TargetArch => TargetArchFor(ComputeCapability.Major, ComputeCapability.Minor);

    /// <summary>Number of streaming multiprocessors.</summary>
    public int MultiprocessorCount { get; }

    /// <summary>The most shared memory one block may opt in to, in bytes (static plus dynamic).</summary>
    public int MaxSharedMemoryPerBlockOptin { get; }

    /// <summary>The driver's CUDA version, e.g. 12040 for 12.4.</summary>
    public int DriverVersion { get; }

    /// <summary>The NVRTC target for a compute capability: see <see cref="TargetArch"/>.</summary>
    public static string TargetArchFor(int major, int minor) =>
        major == 9 && minor == 0 ? "sm_90a" : $"sm_{major}{minor}";

    /// <summary>
    /// Makes this context current on the calling thread. Driver calls act on the thread's
    /// current context, and .NET may run code on any thread, so every operation calls this first.
    /// </summary>
    public void MakeCurrent() => CudaDriver.Check(CudaDriver.cuCtxSetCurrent(Handle), "cuCtxSetCurrent");

    /// <summary>Waits for all work in this context to finish (and surfaces asynchronous errors).</summary>
    public void Synchronize()
    {
        MakeCurrent();
        CudaDriver.Check(CudaDriver.cuCtxSynchronize(), "cuCtxSynchronize");
    }

    /// <inheritdoc/>
    public override string ToString() => $"{DeviceName} (device {Ordinal}, {TargetArch})";

    private int Attribute(int attribute)
    {
        int value;
        CudaDriver.Check(CudaDriver.cuDeviceGetAttribute(&value, attribute, Device), "cuDeviceGetAttribute");
        return value;
    }
}
