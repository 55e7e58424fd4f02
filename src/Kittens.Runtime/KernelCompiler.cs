using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Kittens.Runtime.Native;

namespace Kittens.Runtime;

/// <summary>
/// Compiles a <see cref="KernelSource"/> to CUBIN with NVRTC, giving it the CUDA tile headers
/// in memory (no CUDA toolkit headers or files on disk are involved). Every method takes the
/// headers as an optional include-name → text map; null means the headers embedded in this
/// assembly (tests pass their own). Compiling is not cached here: see <see cref="CompileCache"/>.
/// </summary>
public static unsafe class KernelCompiler
{
    /// <summary>The headers embedded in this assembly, by include name (the <c>kittens-include/</c> resources; each header under <c>kittens/</c> also answers to its name without that prefix).</summary>
    public static IReadOnlyDictionary<string, string> EmbeddedHeaders => HeaderResources.Headers;

    /// <summary>
    /// The NVRTC options for <paramref name="targetArch"/>. <c>--ptxas-options=-v</c> makes
    /// ptxas append its register/shared-memory/spill report to the log (NVRTC 12.4 also accepts
    /// <c>-Xptxas=-v</c>); <c>-lineinfo</c> keeps source lines for profilers;
    /// <c>-default-device</c> lets helpers omit <c>__device__</c>. NVRTC 12.9 and later keep a
    /// cache of their own that answers repeated compiles without running ptxas, and so without
    /// its report; <c>--no-cache</c> turns it off (ours sits in front of NVRTC anyway).
    /// </summary>
    public static IReadOnlyList<string> Options(string targetArch) => HasOwnCache.Value
        ? [.. BaseOptions(targetArch), "--no-cache"]
        : BaseOptions(targetArch);

    private static string[] BaseOptions(string targetArch) =>
    [
        "-std=c++17",
        $"--gpu-architecture={targetArch}",
        "-default-device",
        "--use_fast_math",
        "-lineinfo",
        "--ptxas-options=-v",
    ];

    private static readonly Lazy<bool> HasOwnCache = new(() =>
    {
        var parts = NvrtcVersion.Split('.');
        int major = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        int minor = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return major > 12 || (major == 12 && minor >= 9);
    });

    /// <summary>The loaded NVRTC's version as "major.minor" (loads NVRTC; throws <see cref="DllNotFoundException"/> if missing).</summary>
    public static string NvrtcVersion => CachedVersion.Value;

    private static readonly Lazy<string> CachedVersion = new(() =>
    {
        NvrtcLibrary.EnsureLoaded();
        int major, minor;
        Nvrtc.Check(Nvrtc.nvrtcVersion(&major, &minor), "nvrtcVersion");
        return $"{major}.{minor}";
    });

    /// <summary>
    /// The cache key of compiling <paramref name="source"/> for <paramref name="targetArch"/>:
    /// SHA-256 (hex) over the CUDA text, every header's name and text, the options, the NVRTC
    /// version and the arch — everything that can change the CUBIN or the log.
    /// </summary>
    public static string CacheKey(KernelSource source, string targetArch, IReadOnlyDictionary<string, string>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ComputeKey(source.EntryPoint, source.Cuda, headers ?? EmbeddedHeaders, Options(targetArch), NvrtcVersion, targetArch);
    }

    /// <summary>The key function behind <see cref="CacheKey"/>, with every input explicit.</summary>
    public static string ComputeKey(
        string entryPoint,
        string cuda,
        IReadOnlyDictionary<string, string> headers,
        IReadOnlyList<string> options,
        string nvrtcVersion,
        string targetArch)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Each field is length-prefixed so no two different inputs can concatenate alike.
        void Add(string tag, string value)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(value);
            hash.AppendData(Encoding.UTF8.GetBytes(tag));
            hash.AppendData(BitConverter.GetBytes((long)bytes.Length));
            hash.AppendData(bytes);
        }
        Add("kittens-cache-key-v1", "");
        Add("entry", entryPoint);
        Add("cuda", cuda);
        foreach (var name in headers.Keys.Order(StringComparer.Ordinal))
        {
            Add("header-name", name);
            Add("header-text", headers[name]);
        }
        foreach (var option in options) Add("option", option);
        Add("nvrtc", nvrtcVersion);
        Add("arch", targetArch);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Compiles <paramref name="source"/> for <paramref name="targetArch"/> (e.g. "sm_90a").
    /// Throws <see cref="KernelCompileException"/> with NVRTC's log on a compile error and
    /// <see cref="DllNotFoundException"/> when NVRTC cannot be found.
    /// </summary>
    public static CompiledCubin Compile(KernelSource source, string targetArch, IReadOnlyDictionary<string, string>? headers = null) =>
        WithProgram(source, targetArch, Options(targetArch), headers, (program, log) =>
        {
            nuint size;
            Nvrtc.Check(Nvrtc.nvrtcGetCUBINSize(program, &size), "nvrtcGetCUBINSize");
            var cubin = new byte[size];
            fixed (byte* dst = cubin) Nvrtc.Check(Nvrtc.nvrtcGetCUBIN(program, dst), "nvrtcGetCUBIN");
            RequireEntryPoint(source, cubin, log);
            return new CompiledCubin(cubin, log, PtxasReport.Parse(log, source.EntryPoint));
        });

    /// <summary>
    /// Compiles to PTX for the virtual arch ("sm_90a" → "compute_90a"), for reading the
    /// generated code; ptxas does not run, so there is no resource report.
    /// </summary>
    public static string CompileToPtx(KernelSource source, string targetArch, IReadOnlyDictionary<string, string>? headers = null)
    {
        var options = Options(targetArch)
            .Where(o => o != "--ptxas-options=-v")
            .Select(o => o.StartsWith("--gpu-architecture=sm_", StringComparison.Ordinal) ? o.Replace("=sm_", "=compute_") : o)
            .ToArray();
        return WithProgram(source, targetArch, options, headers, (program, _) =>
        {
            nuint size;
            Nvrtc.Check(Nvrtc.nvrtcGetPTXSize(program, &size), "nvrtcGetPTXSize");
            var ptx = new byte[size];
            fixed (byte* dst = ptx) Nvrtc.Check(Nvrtc.nvrtcGetPTX(program, dst), "nvrtcGetPTX");
            return Encoding.UTF8.GetString(ptx).TrimEnd('\0');
        });
    }

    /// <summary>Creates, compiles and destroys an NVRTC program, handing the compiled program and its log to <paramref name="read"/>.</summary>
    private static T WithProgram<T>(
        KernelSource source, string targetArch, IReadOnlyList<string> options,
        IReadOnlyDictionary<string, string>? headerMap, Func<nint, string, T> read)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetArch);
        NvrtcLibrary.EnsureLoaded();

        var headers = (headerMap ?? EmbeddedHeaders).OrderBy(h => h.Key, StringComparer.Ordinal).ToArray();
        using var strings = new NativeStrings();
        byte* cuda = strings.Add(source.Cuda);
        byte* name = strings.Add(source.EntryPoint + ".cu");
        byte** headerTexts = strings.AddArray(headers.Select(h => h.Value));
        byte** headerNames = strings.AddArray(headers.Select(h => h.Key));
        byte** optionPtrs = strings.AddArray(options);

        nint program;
        Nvrtc.Check(Nvrtc.nvrtcCreateProgram(&program, cuda, name, headers.Length, headerTexts, headerNames), "nvrtcCreateProgram");
        try
        {
            int result = Nvrtc.nvrtcCompileProgram(program, options.Count, optionPtrs);
            string log = GetLog(program);
            if (result != Nvrtc.NVRTC_SUCCESS)
                throw new KernelCompileException(source.EntryPoint, WithRegisterHint(source, log), source.CSharpFile, Nvrtc.ErrorString(result));
            return read(program, log);
        }
        finally
        {
            Nvrtc.nvrtcDestroyProgram(&program);
        }
    }

    /// <summary>
    /// A source that compiles but has no kernel named <see cref="KernelSource.EntryPoint"/> would
    /// fail only when a GPU loads it; this says so at compile time, naming the kernels it has. A
    /// cubin holds each kernel's code in a section ".text.&lt;name&gt;".
    /// </summary>
    private static void RequireEntryPoint(KernelSource source, byte[] cubin, string log)
    {
        var kernels = CubinInfo.KernelNames(cubin);
        if (kernels.Contains(source.EntryPoint)) return;
        throw new KernelCompileException(source.EntryPoint,
            $"error: entry point '{source.EntryPoint}' is not a kernel of this source; declare it extern \"C\" __global__ " +
            (kernels.Count == 0 ? "(the source has no kernel)" : "(its kernels: " + KernelList(kernels) + ")") +
            (log.Length > 0 ? "\n" + log : ""),
            source.CSharpFile);
    }

    /// <summary>
    /// ptxas fails with C7600 when the kernel needs more registers than its launch bounds leave a
    /// thread (65536 per SM over Threads × MinBlocksPerSm); the log alone does not say which
    /// setting to change, so this says it with the numbers.
    /// </summary>
    private static string WithRegisterHint(KernelSource source, string log)
    {
        if (!log.Contains("C7600", StringComparison.Ordinal)) return log;
        long threads = (long)source.ThreadsPerBlock * Math.Max(1, source.MinBlocksPerSm);
        long perThread = threads > 0 ? Math.Min(255, 65536 / threads) : 255;
        return $"error: kernel '{source.EntryPoint}' needs more registers than its launch bounds allow: Threads = {source.ThreadsPerBlock} " +
            $"and MinBlocksPerSm = {source.MinBlocksPerSm} leave at most {perThread} registers a thread (65536 per SM); " +
            "lower Threads or MinBlocksPerSm, or hold fewer or smaller register tiles at once\n" + log;
    }

    private static string KernelList(IReadOnlyList<string> kernels) =>
        kernels.Count <= 8 ? string.Join(", ", kernels) : string.Join(", ", kernels.Take(8)) + $" and {kernels.Count - 8} more";

    private static string GetLog(nint program)
    {
        nuint size;
        Nvrtc.Check(Nvrtc.nvrtcGetProgramLogSize(program, &size), "nvrtcGetProgramLogSize");
        if (size <= 1) return "";
        var log = new byte[size];
        fixed (byte* dst = log) Nvrtc.Check(Nvrtc.nvrtcGetProgramLog(program, dst), "nvrtcGetProgramLog");
        return Encoding.UTF8.GetString(log, 0, (int)size - 1); // drop the terminating NUL
    }

    /// <summary>NUL-terminated UTF-8 strings and pointer arrays in native memory, freed together.</summary>
    private sealed class NativeStrings : IDisposable
    {
        private readonly List<nint> _blocks = [];

        public byte* Add(string value)
        {
            int length = Encoding.UTF8.GetByteCount(value);
            var block = (byte*)Alloc(length + 1);
            Encoding.UTF8.GetBytes(value, new Span<byte>(block, length));
            block[length] = 0;
            return block;
        }

        public byte** AddArray(IEnumerable<string> values)
        {
            var items = values.ToArray();
            var array = (byte**)Alloc(Math.Max(1, items.Length) * sizeof(byte*));
            for (int i = 0; i < items.Length; i++) array[i] = Add(items[i]);
            return array;
        }

        public void Dispose()
        {
            foreach (var block in _blocks) NativeMemory.Free((void*)block);
            _blocks.Clear();
        }

        private void* Alloc(int bytes)
        {
            void* block = NativeMemory.Alloc((nuint)bytes);
            _blocks.Add((nint)block);
            return block;
        }
    }
}
