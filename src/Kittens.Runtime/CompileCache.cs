using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Kittens.Runtime;

/// <summary>
/// Remembers compiled kernels: in memory for the process, then on disk across processes (NVRTC
/// takes seconds for a tile kernel; loading a cached CUBIN takes microseconds). Keys come from
/// <see cref="KernelCompiler.CacheKey"/>; disk entries carry their own hash and are rebuilt when
/// corrupt; writes are atomic, so concurrent processes never see half an entry.
/// </summary>
public sealed class CompileCache
{
    /// <summary>The environment variable that overrides the cache directory.</summary>
    public const string DirectoryVariable = "KITTENS_CACHE_DIR";

    private const string EntryExtension = ".kcubin";
    private readonly ConcurrentDictionary<string, Lazy<CompiledCubin>> _memory = new(StringComparer.Ordinal);

    private readonly ILogger? _logger;

    /// <summary>A cache storing entries in <paramref name="directory"/>; null keeps entries in memory only.</summary>
    public CompileCache(string? directory) => Directory = directory;

    /// <summary>
    /// A cache storing entries in <paramref name="directory"/> (null: memory only) that reports to
    /// <paramref name="logger"/> instead of <see cref="KittensLogging.LoggerFactory"/>.
    /// </summary>
    public CompileCache(string? directory, ILogger? logger)
    {
        Directory = directory;
        _logger = logger;
    }

    /// <summary>This cache's logger, else the process-wide one (read at each use, so setting <see cref="KittensLogging.LoggerFactory"/> late still takes effect).</summary>
    internal ILogger Logger => _logger ?? KittensLogging.Logger;

    /// <summary>The process-wide cache in <see cref="DefaultDirectory"/>.</summary>
    public static CompileCache Default { get; } = new(DefaultDirectory());

    /// <summary>The disk directory, or null for memory only.</summary>
    public string? Directory { get; }

    /// <summary>
    /// <c>KITTENS_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/kittens</c>, else <c>~/.cache/kittens</c>;
    /// null (memory only) when none can be determined.
    /// </summary>
    public static string? DefaultDirectory(Func<string, string?>? getEnvironment = null)
    {
        getEnvironment ??= Environment.GetEnvironmentVariable;
        if (getEnvironment(DirectoryVariable) is { Length: > 0 } explicitDir) return explicitDir;
        if (getEnvironment("XDG_CACHE_HOME") is { Length: > 0 } xdg) return Path.Combine(xdg, "kittens");
        string home = getEnvironment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length > 0 ? Path.Combine(home, ".cache", "kittens") : null;
    }

    /// <summary>Counts of how entries were produced, for tests and diagnostics.</summary>
    public int MemoryHits => _memoryHits;

    /// <summary>Entries loaded from disk.</summary>
    public int DiskHits => _diskHits;

    /// <summary>Entries compiled (cache misses, including corrupt disk entries).</summary>
    public int Compiles => _compiles;

    /// <summary>Disk entries found corrupt and deleted.</summary>
    public int CorruptEntries => _corrupt;

    private int _memoryHits, _diskHits, _compiles, _corrupt;

    /// <summary>Compiles <paramref name="source"/> for <paramref name="targetArch"/> through this cache.</summary>
    /// <param name="source">The kernel.</param>
    /// <param name="targetArch">The NVRTC target, e.g. "sm_90a".</param>
    /// <param name="headers">In-memory headers (include name → text); null for the embedded tile headers.</param>
    /// <remarks>
    /// Reports to <see cref="Logger"/>: CompileStarted before NVRTC runs, CompileFinished with how
    /// the CUBIN was produced and its resources, a CompileWarning for each of its
    /// <see cref="CompiledCubin.Warnings"/> (once per process: not again on memory hits), and
    /// CompileFailed with the exception.
    /// </remarks>
    public CompiledCubin GetOrCompile(KernelSource source, string targetArch, IReadOnlyDictionary<string, string>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var logger = Logger;
        long start = Stopwatch.GetTimestamp();
        try
        {
            var compiled = GetOrAdd(KernelCompiler.CacheKey(source, targetArch, headers), () =>
            {
                CompileLog.CompileStarted(logger, source.EntryPoint, source.CSharpFile, targetArch, KernelCompiler.NvrtcVersion);
                return KernelCompiler.Compile(source, targetArch, headers);
            }, out var result);
            LogFinished(logger, source, targetArch, compiled, result, Stopwatch.GetElapsedTime(start));
            return compiled;
        }
        catch (Exception e) when (LogFailed(logger, e, source, targetArch))
        {
            throw; // never reached: the filter only logs
        }
    }

    private static void LogFinished(ILogger logger, KernelSource source, string arch, CompiledCubin compiled, CompileCacheResult result, TimeSpan elapsed)
    {
        var level = result == CompileCacheResult.MemoryHit ? LogLevel.Debug : LogLevel.Information;
        bool warn = result != CompileCacheResult.MemoryHit && logger.IsEnabled(LogLevel.Warning);
        if (!warn && !logger.IsEnabled(level)) return; // Warnings parses the log: skip it when nobody listens
        var warnings = compiled.Warnings;
        var r = compiled.Resources;
        CompileLog.CompileFinished(logger, level, source.EntryPoint, source.CSharpFile, arch, result, elapsed.TotalMilliseconds,
            r.Registers, r.StaticSharedBytes, source.DynamicSharedBytes, r.SpillStoreBytes, r.SpillLoadBytes, warnings.Count);
        if (!warn) return;
        foreach (var warning in warnings) CompileLog.CompileWarning(logger, source.EntryPoint, arch, warning);
    }

    private static bool LogFailed(ILogger logger, Exception e, KernelSource source, string arch)
    {
        CompileLog.CompileFailed(logger, e, source.EntryPoint, source.CSharpFile, arch);
        return false;
    }

    /// <summary>
    /// The entry for <paramref name="key"/>: from memory, else from disk, else from
    /// <paramref name="compile"/> (then stored in both). Concurrent callers with one key compile once.
    /// A failed compile is not remembered, so a later call tries again.
    /// </summary>
    public CompiledCubin GetOrAdd(string key, Func<CompiledCubin> compile) => GetOrAdd(key, compile, out _);

    /// <summary><see cref="GetOrAdd(string, Func{CompiledCubin})"/>, saying where the entry came from.</summary>
    internal CompiledCubin GetOrAdd(string key, Func<CompiledCubin> compile, out CompileCacheResult result)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(compile);
        result = CompileCacheResult.MemoryHit;
        if (_memory.TryGetValue(key, out var existing) && existing.IsValueCreated)
        {
            Interlocked.Increment(ref _memoryHits);
            return existing.Value;
        }
        // Only the caller whose Lazy runs learns disk or compile; one that waited on another's stays MemoryHit.
        var produced = CompileCacheResult.MemoryHit;
        var lazy = _memory.GetOrAdd(key, k => new Lazy<CompiledCubin>(() => LoadOrCompile(k, compile, out produced)));
        try
        {
            var value = lazy.Value;
            result = produced;
            return value;
        }
        catch
        {
            _memory.TryRemove(new KeyValuePair<string, Lazy<CompiledCubin>>(key, lazy));
            throw;
        }
    }

    /// <summary>The file an entry lives in (null when memory only).</summary>
    public string? EntryPath(string key) => Directory is null ? null : Path.Combine(Directory, key + EntryExtension);

    /// <summary>Forgets the in-memory entries (the disk is untouched); tests use it to force a disk read.</summary>
    public void ClearMemory() => _memory.Clear();

    private CompiledCubin LoadOrCompile(string key, Func<CompiledCubin> compile, out CompileCacheResult result)
    {
        string? path = EntryPath(key);
        if (path is not null && TryRead(path) is { } cached)
        {
            Interlocked.Increment(ref _diskHits);
            result = CompileCacheResult.DiskHit;
            return cached;
        }
        Interlocked.Increment(ref _compiles);
        result = CompileCacheResult.Compiled;
        var compiled = compile();
        if (path is not null) TryWrite(path, compiled);
        return compiled;
    }

    private CompiledCubin? TryRead(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // unreadable: compile instead; the write below may replace it
        }
        if (CacheEntryFormat.TryDecode(bytes) is { } entry) return entry;

        // Corrupt (truncated, flipped bits, older format): never trusted, deleted, rebuilt by the caller.
        Interlocked.Increment(ref _corrupt);
        CompileLog.CacheEntryCorrupt(Logger, path);
        try { File.Delete(path); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return null;
    }

    /// <summary>
    /// Writes to a unique temp file in the same directory, then renames it over the entry: a
    /// rename within one file system is atomic, so readers see the old entry or the new one,
    /// never a partial file. A failed write only costs a recompile later, so it is not an error.
    /// </summary>
    private static void TryWrite(string path, CompiledCubin compiled)
    {
        string directory = Path.GetDirectoryName(path)!;
        string temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(CacheEntryFormat.Encode(compiled));
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (Exception e2) when (e2 is IOException or UnauthorizedAccessException) { }
        }
    }
}
