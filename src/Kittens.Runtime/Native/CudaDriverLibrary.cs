using System.Runtime.InteropServices;

namespace Kittens.Runtime.Native;

/// <summary>
/// Opens the CUDA driver library once. It ships with the GPU driver (not the toolkit), so its
/// soname is the only place to look: the dynamic loader's search finds it wherever the driver
/// installed it.
/// </summary>
internal static class CudaDriverLibrary
{
    private static readonly Lazy<(nint Handle, string? Error)> Loaded = new(() =>
    {
        try
        {
            return (NativeLibrary.Load(CudaDriver.Library), null);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            return (0, NativeLibraryProbe.LoaderError(e));
        }
    });

    /// <summary>True when the library opens; otherwise <paramref name="reason"/> is "no CUDA driver (libcuda.so.1) found: ...".</summary>
    public static bool TryLoad(out string reason)
    {
        reason = Loaded.Value.Error is { } error ? NotFound(error) : "";
        return Loaded.Value.Error is null;
    }

    private static string NotFound(string error) => $"no CUDA driver ({CudaDriver.Library}) found: {error}";

    /// <summary>The library handle; throws <see cref="DllNotFoundException"/> with the loader's message when it is missing.</summary>
    public static nint Handle => Loaded.Value.Error is { } error
        ? throw new DllNotFoundException(NotFound(error))
        : Loaded.Value.Handle;
}
