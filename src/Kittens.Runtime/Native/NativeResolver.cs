using System.Reflection;
using System.Runtime.InteropServices;

namespace Kittens.Runtime.Native;

/// <summary>
/// The assembly's one import resolver (.NET allows one per assembly). It maps
/// <see cref="Nvrtc.Library"/> to the NVRTC <see cref="NvrtcLibrary"/> found and
/// <see cref="CudaDriver.Library"/> to a plain <c>dlopen("libcuda.so.1")</c>, so both fail with
/// the loader's own message instead of the runtime's list of probing variants.
/// </summary>
internal static class NativeResolver
{
    private static int _registered;

    /// <summary>Installs the resolver once; the binding classes call this from their static constructors.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) != 0) return;
        NativeLibrary.SetDllImportResolver(typeof(NativeResolver).Assembly, Resolve);
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) => libraryName switch
    {
        Nvrtc.Library => NvrtcLibrary.Handle,
        CudaDriver.Library => CudaDriverLibrary.Handle,
        _ => 0, // anything else: the runtime's default probing
    };
}
