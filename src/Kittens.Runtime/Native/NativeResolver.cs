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
    // A static constructor, not a flag: the runtime runs it once and makes every other thread
    // wait until it has finished. With a flag set before SetDllImportResolver returned, a second
    // thread could reach a P/Invoke first, and the runtime's default probing for the logical
    // library name fails (seen on a 16-core machine with tests running in parallel).
    static NativeResolver() => NativeLibrary.SetDllImportResolver(typeof(NativeResolver).Assembly, Resolve);

    /// <summary>Installs the resolver (once, thread-safely); the binding classes call this from their static constructors.</summary>
    public static void Register()
    {
        // Touching the class runs its static constructor, which does the work.
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) => libraryName switch
    {
        Nvrtc.Library => NvrtcLibrary.Handle,
        CudaDriver.Library => CudaDriverLibrary.Handle,
        _ => 0, // anything else: the runtime's default probing
    };
}
