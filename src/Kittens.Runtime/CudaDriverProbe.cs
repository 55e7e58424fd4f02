using Kittens.Runtime.Native;

namespace Kittens.Runtime;

/// <summary>
/// Initialises the driver once per process and remembers the outcome, so a machine without a
/// driver or GPU gets the same clear reason from every entry point instead of a crash.
/// </summary>
internal static unsafe class CudaDriverProbe
{
    private static readonly Lazy<string?> Failure = new(Probe);

    /// <summary>True when <c>cuInit</c> succeeded and at least one device exists.</summary>
    public static bool TryInitialize(out string reason)
    {
        reason = Failure.Value ?? "";
        return Failure.Value is null;
    }

    /// <summary>Initialises the driver or throws <see cref="CudaUnavailableException"/> with the reason.</summary>
    public static void EnsureInitialized()
    {
        if (Failure.Value is { } reason) throw new CudaUnavailableException(reason);
    }

    private static string? Probe()
    {
        if (!CudaDriverLibrary.TryLoad(out var notFound)) return notFound;
        try
        {
            int result = CudaDriver.cuInit(0);
            if (result != 0)
                return CudaException.FromResult(result, "cuInit").Message;
            int count;
            result = CudaDriver.cuDeviceGetCount(&count);
            if (result != 0)
                return CudaException.FromResult(result, "cuDeviceGetCount").Message;
            return count == 0 ? "the CUDA driver found no device" : null;
        }
        catch (DllNotFoundException e)
        {
            return e.Message; // not expected: the library opened above
        }
        catch (EntryPointNotFoundException e)
        {
            return $"the CUDA driver ({CudaDriver.Library}) is too old: {e.Message}";
        }
    }
}
