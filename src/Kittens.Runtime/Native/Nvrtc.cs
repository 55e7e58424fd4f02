using System.Runtime.InteropServices;

namespace Kittens.Runtime.Native;

/// <summary>
/// Thin NVRTC bindings. The library name <see cref="Library"/> is not a file: the assembly's
/// import resolver (<see cref="NativeResolver"/>) maps it to the NVRTC that
/// <c>KITTENS_NVRTC</c> or the default soname search finds, so one build works with NVRTC 12
/// and 13. Handles (<c>nvrtcProgram</c>) are pointers; results are <c>nvrtcResult</c> ints.
/// </summary>
internal static unsafe partial class Nvrtc
{
    /// <summary>The placeholder library name the resolver recognises.</summary>
    public const string Library = "kittens-nvrtc";

    public const int NVRTC_SUCCESS = 0;
    public const int NVRTC_ERROR_COMPILATION = 6;

    // The resolver must be in place before the first call binds; a static constructor runs
    // before any of this class's methods do.
    static Nvrtc() => NativeResolver.Register();

    [LibraryImport(Library)] public static partial int nvrtcVersion(int* major, int* minor);
    [LibraryImport(Library)] public static partial byte* nvrtcGetErrorString(int result);

    [LibraryImport(Library)]
    public static partial int nvrtcCreateProgram(
        nint* program, byte* source, byte* name, int headerCount, byte** headers, byte** includeNames);

    [LibraryImport(Library)] public static partial int nvrtcCompileProgram(nint program, int optionCount, byte** options);
    [LibraryImport(Library)] public static partial int nvrtcGetProgramLogSize(nint program, nuint* size);
    [LibraryImport(Library)] public static partial int nvrtcGetProgramLog(nint program, byte* log);
    [LibraryImport(Library)] public static partial int nvrtcGetCUBINSize(nint program, nuint* size);
    [LibraryImport(Library)] public static partial int nvrtcGetCUBIN(nint program, byte* cubin);
    [LibraryImport(Library)] public static partial int nvrtcGetPTXSize(nint program, nuint* size);
    [LibraryImport(Library)] public static partial int nvrtcGetPTX(nint program, byte* ptx);
    [LibraryImport(Library)] public static partial int nvrtcDestroyProgram(nint* program);

    /// <summary>NVRTC's text for a result code, e.g. <c>NVRTC_ERROR_INVALID_OPTION</c>.</summary>
    public static string ErrorString(int result) =>
        Marshal.PtrToStringUTF8((nint)nvrtcGetErrorString(result)) ?? $"nvrtcResult {result}";

    /// <summary>Throws <see cref="NvrtcException"/> for a failed NVRTC API call.</summary>
    public static void Check(int result, string call)
    {
        if (result != NVRTC_SUCCESS) throw new NvrtcException(call, result, ErrorString(result));
    }
}
