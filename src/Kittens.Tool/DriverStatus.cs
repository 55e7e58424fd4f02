using System.Runtime.InteropServices;
using Kittens.Runtime;
using Kittens.Runtime.Native;

namespace Kittens.Tool;

/// <summary>One CUDA device as the doctor reports it.</summary>
public sealed record DeviceInfo(int Ordinal, string Name, int Major, int Minor, long TotalMemoryBytes, int Multiprocessors)
{
    /// <summary>The NVRTC target the runtime picks for this device ("sm_90a" on 9.0).</summary>
    public string TargetArch => CudaContext.TargetArchFor(Major, Minor);
}

/// <summary>The CUDA driver: whether it initialised (else why not), its CUDA version and its devices.</summary>
public sealed record DriverStatus(bool Available, string Reason, int DriverVersion, IReadOnlyList<DeviceInfo> Devices)
{
    /// <summary>A machine without a usable driver, for <paramref name="reason"/>.</summary>
    public static DriverStatus Missing(string reason) => new(false, reason, 0, []);

    /// <summary>
    /// Asks the real driver. Devices are read through device attributes rather than contexts, so
    /// the doctor does not create a context (and its memory) on every GPU just to describe it.
    /// </summary>
    public static unsafe DriverStatus Probe()
    {
        if (!CudaDriverProbe.TryInitialize(out var reason)) return Missing(reason);
        try
        {
            int version, count;
            CudaDriver.Check(CudaDriver.cuDriverGetVersion(&version), "cuDriverGetVersion");
            CudaDriver.Check(CudaDriver.cuDeviceGetCount(&count), "cuDeviceGetCount");
            var devices = new List<DeviceInfo>();
            byte* name = stackalloc byte[256];
            for (int ordinal = 0; ordinal < count; ordinal++)
            {
                int device;
                CudaDriver.Check(CudaDriver.cuDeviceGet(&device, ordinal), "cuDeviceGet");
                CudaDriver.Check(CudaDriver.cuDeviceGetName(name, 256, device), "cuDeviceGetName");
                nuint memory;
                CudaDriver.Check(cuDeviceTotalMem(&memory, device), "cuDeviceTotalMem");
                devices.Add(new DeviceInfo(ordinal, Marshal.PtrToStringUTF8((nint)name) ?? "",
                    Attribute(CudaDriver.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device),
                    Attribute(CudaDriver.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, device),
                    (long)memory,
                    Attribute(CudaDriver.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT, device)));
            }
            return new DriverStatus(true, "", version, devices);
        }
        catch (CudaException e)
        {
            return Missing(e.Message);
        }
    }

    private static unsafe int Attribute(int attribute, int device)
    {
        int value;
        CudaDriver.Check(CudaDriver.cuDeviceGetAttribute(&value, attribute, device), "cuDeviceGetAttribute");
        return value;
    }

    // The runtime has no use for a device's memory size, so its bindings lack this call.
    [DllImport(CudaDriver.Library, EntryPoint = "cuDeviceTotalMem_v2")]
    private static extern unsafe int cuDeviceTotalMem(nuint* bytes, int device);
}
