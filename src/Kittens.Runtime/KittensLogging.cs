using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kittens.Runtime;

/// <summary>
/// Where the runtime's compile and load events go. Kernels are compiled lazily, from static
/// generated launchers, so there is no constructor to hand a logger to: an application sets
/// <see cref="LoggerFactory"/> once at startup (e.g. to its host's factory). The default discards
/// everything at no cost. A <see cref="CompileCache"/> built with a logger of its own uses that one.
/// </summary>
public static class KittensLogging
{
    /// <summary>The category of every event the runtime writes.</summary>
    public const string Category = "Kittens.Runtime";

    private static ILoggerFactory s_factory = NullLoggerFactory.Instance;
    private static volatile ILogger? s_logger;

    /// <summary>The factory the runtime's logger comes from; null restores the default (<see cref="NullLoggerFactory"/>).</summary>
    public static ILoggerFactory LoggerFactory
    {
        get => s_factory;
        set
        {
            s_factory = value ?? NullLoggerFactory.Instance;
            s_logger = null; // made again from the new factory on next use
        }
    }

    /// <summary>The logger of <see cref="Category"/> from <see cref="LoggerFactory"/>, made once per factory.</summary>
    internal static ILogger Logger => s_logger ??= s_factory.CreateLogger(Category);
}

/// <summary>How <see cref="CompileCache.GetOrCompile"/> produced a kernel's CUBIN, as its log events report it.</summary>
public enum CompileCacheResult
{
    /// <summary>Already in this process's memory cache (or compiled by a concurrent caller that this one waited for).</summary>
    MemoryHit,

    /// <summary>Read from the disk cache.</summary>
    DiskHit,

    /// <summary>Not cached (or the entry was corrupt): compiled with NVRTC.</summary>
    Compiled,
}

/// <summary>
/// The runtime's log events, source-generated: no boxing until a provider reads the fields, no
/// reflection (the runtime is AOT-compatible), and nothing formatted when the level is off.
/// </summary>
internal static partial class CompileLog
{
    [LoggerMessage(EventId = 1, EventName = "CompileStarted", Level = LogLevel.Debug,
        Message = "Compiling kernel {EntryPoint} ({CSharpFile}) for {Arch} with NVRTC {NvrtcVersion}")]
    public static partial void CompileStarted(ILogger logger, string entryPoint, string? cSharpFile, string arch, string nvrtcVersion);

    /// <summary>Information for a compile or a disk read; memory hits are Debug, as they happen every time another handle meets a known kernel.</summary>
    [LoggerMessage(EventId = 2, EventName = "CompileFinished",
        Message = "Kernel {EntryPoint} ({CSharpFile}) for {Arch}: {CacheResult} in {ElapsedMs:F1} ms; {Registers} registers, " +
                  "shared memory {StaticSharedBytes} static + {DynamicSharedBytes} dynamic bytes, spills {SpillStoreBytes} bytes stored / " +
                  "{SpillLoadBytes} loaded, {WarningCount} warning(s)")]
    public static partial void CompileFinished(
        ILogger logger, LogLevel level, string entryPoint, string? cSharpFile, string arch, CompileCacheResult cacheResult, double elapsedMs,
        int registers, int staticSharedBytes, int dynamicSharedBytes, int spillStoreBytes, int spillLoadBytes, int warningCount);

    [LoggerMessage(EventId = 3, EventName = "CompileWarning", Level = LogLevel.Warning,
        Message = "Kernel {EntryPoint} for {Arch}: {Warning}")]
    public static partial void CompileWarning(ILogger logger, string entryPoint, string arch, CompileWarning warning);

    [LoggerMessage(EventId = 4, EventName = "CompileFailed", Level = LogLevel.Error,
        Message = "Kernel {EntryPoint} ({CSharpFile}) failed to compile for {Arch}")]
    public static partial void CompileFailed(ILogger logger, Exception exception, string entryPoint, string? cSharpFile, string arch);

    [LoggerMessage(EventId = 5, EventName = "CacheEntryCorrupt", Level = LogLevel.Warning,
        Message = "Compile cache entry {Path} is corrupt: deleted, the kernel is compiled again")]
    public static partial void CacheEntryCorrupt(ILogger logger, string path);

    [LoggerMessage(EventId = 6, EventName = "KernelLoaded", Level = LogLevel.Debug,
        Message = "Kernel {EntryPoint} loaded into {Device}")]
    public static partial void KernelLoaded(ILogger logger, string entryPoint, string device);

    [LoggerMessage(EventId = 7, EventName = "KernelLoadFailed", Level = LogLevel.Error,
        Message = "Kernel {EntryPoint} could not be loaded into {Device}")]
    public static partial void KernelLoadFailed(ILogger logger, Exception exception, string entryPoint, string device);
}
