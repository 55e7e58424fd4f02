using System.Runtime.InteropServices;

namespace Kittens.Runtime.Native;

/// <summary>
/// Finds NVRTC for this process: <c>KITTENS_NVRTC</c> (a file path) first, then the sonames
/// <c>libnvrtc.so.13</c>, <c>libnvrtc.so.12</c>, <c>libnvrtc.so</c> through the loader's normal
/// search (<c>LD_LIBRARY_PATH</c>, ldconfig). The result, success or failure, is decided once.
/// </summary>
internal static class NvrtcLibrary
{
    /// <summary>The environment variable that names an NVRTC library file.</summary>
    public const string EnvironmentVariable = "KITTENS_NVRTC";

    /// <summary>The sonames tried after <see cref="EnvironmentVariable"/>, newest first.</summary>
    public static readonly IReadOnlyList<string> DefaultNames = ["libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so"];

    private static readonly Lazy<LoadResult> Shared = new(() => LoadWith(CreateProbe(Environment.GetEnvironmentVariable(EnvironmentVariable))));

    private sealed record LoadResult(nint Handle, string LoadedFrom, string? Error);

    /// <summary>Builds the search for a given <c>KITTENS_NVRTC</c> value (null: not set) and soname list.</summary>
    public static NativeLibraryProbe CreateProbe(string? overridePath, IReadOnlyList<string>? names = null)
    {
        var candidates = new List<(string, string?)> { (EnvironmentVariable, overridePath) };
        foreach (var name in names ?? DefaultNames) candidates.Add((name, name));
        return new NativeLibraryProbe(
            "NVRTC",
            candidates,
            $"Set {EnvironmentVariable} to the path of libnvrtc.so.*, or put its folder on LD_LIBRARY_PATH " +
            "(its libnvrtc-builtins must be loadable too).");
    }

    /// <summary>True when NVRTC can be loaded; otherwise <paramref name="reason"/> names every place tried.</summary>
    public static bool TryEnsureLoaded(out string reason)
    {
        var result = Shared.Value;
        reason = result.Error ?? "";
        return result.Error is null;
    }

    /// <summary>Loads NVRTC or throws <see cref="DllNotFoundException"/> naming every place tried.</summary>
    public static void EnsureLoaded()
    {
        if (!TryEnsureLoaded(out var reason)) throw new DllNotFoundException(reason);
    }

    /// <summary>The path or soname NVRTC was loaded from.</summary>
    public static string LoadedFrom
    {
        get { EnsureLoaded(); return Shared.Value.LoadedFrom; }
    }

    /// <summary>The library handle for the import resolver; throws <see cref="DllNotFoundException"/> naming every place tried.</summary>
    public static nint Handle
    {
        get { EnsureLoaded(); return Shared.Value.Handle; }
    }

    /// <summary>Runs a search: the loaded library, or why none is NVRTC (internal for the loader tests).</summary>
    internal static (nint Handle, string LoadedFrom, string? Error) Load(NativeLibraryProbe probe)
    {
        var result = LoadWith(probe);
        return (result.Handle, result.LoadedFrom, result.Error);
    }

    private static LoadResult LoadWith(NativeLibraryProbe probe)
    {
        if (!probe.TryLoad(out var handle, out var loadedFrom, out var error)) return new(0, "", error);
        // A library that loads but is not NVRTC (KITTENS_NVRTC naming the wrong file) would
        // otherwise fail later as an EntryPointNotFoundException for an unrelated-looking name.
        if (!NativeLibrary.TryGetExport(handle, "nvrtcVersion", out _) || !NativeLibrary.TryGetExport(handle, "nvrtcCompileProgram", out _))
        {
            NativeLibrary.Free(handle);
            return new(0, "", $"NVRTC: '{loadedFrom}' loaded, but it is not NVRTC (it exports no nvrtcVersion / nvrtcCompileProgram). " +
                $"Set {EnvironmentVariable} to the path of libnvrtc.so.* (for example /usr/local/cuda/lib64/libnvrtc.so.12), or unset it.");
        }
        PreloadBuiltins(loadedFrom);
        return new(handle, loadedFrom, null);
    }

    /// <summary>
    /// NVRTC dlopens <c>libnvrtc-builtins.so.X.Y</c> by soname at compile time. When NVRTC came
    /// from an explicit path whose folder is not on the loader's search path, that would fail;
    /// loading the builtins from NVRTC's own folder first makes the later dlopen find them by
    /// soname among the already-loaded libraries.
    /// </summary>
    private static void PreloadBuiltins(string loadedFrom)
    {
        if (!loadedFrom.Contains('/')) return; // found by soname: the loader search finds the builtins too
        try
        {
            string? dir = Path.GetDirectoryName(Path.GetFullPath(loadedFrom));
            if (dir is null || !Directory.Exists(dir)) return;
            foreach (var file in Directory.EnumerateFiles(dir, "libnvrtc-builtins.so*"))
                NativeLibrary.TryLoad(file, out _);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: NVRTC's own error will say what is missing.
        }
    }
}
