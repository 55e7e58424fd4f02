using Kittens.Runtime;
using Microsoft.Extensions.Logging;

namespace Kittens.Tests.Runtime;

/// <summary>
/// The compile events as a logging provider sees them: names, levels and structured fields, for
/// a miss (NVRTC runs), a memory hit and a disk hit.
/// </summary>
public class CompileLoggingTests
{
    private static readonly Dictionary<string, string> NoHeaders = [];

    // 1024 threads at 64 blocks per SM cannot fit, so ptxas warns that it ignores .minnctapersm.
    private const string WarnCuda = """
        #line 7 "Kernels/Warn.cs"
        extern "C" __global__ void __launch_bounds__(1024, 64) warn_scale(float* data, float factor)
        {
            __shared__ float staging[256];
            staging[threadIdx.x % 256] = data[threadIdx.x];
            __syncthreads();
            data[threadIdx.x] = staging[(threadIdx.x + 1) % 256] * factor;
        }
        """;

    private static KernelSource Warn => new("warn_scale", WarnCuda, "Kernels/Warn.cs", 1024, 64, 4096);

    [Fact]
    public void A_miss_then_a_memory_hit_then_a_disk_hit_report_their_cache_result_and_resources()
    {
        TestEnvironment.RequireNvrtc();
        using var dir = new TestEnvironment.TempDirectory();
        var log = new CapturingLogger();
        var cache = new CompileCache(dir.Path, log);

        cache.GetOrCompile(Warn, "sm_90a", NoHeaders);
        var started = Assert.Single(log.Events, e => e.Name == "CompileStarted");
        Assert.Equal(LogLevel.Debug, started.Level);
        Assert.Equal("warn_scale", started["EntryPoint"]);
        Assert.Equal("Kernels/Warn.cs", started["CSharpFile"]);
        Assert.Equal("sm_90a", started["Arch"]);

        var miss = Assert.Single(log.Events, e => e.Name == "CompileFinished");
        Assert.Equal(LogLevel.Information, miss.Level);
        Assert.Equal(CompileCacheResult.Compiled, miss["CacheResult"]);
        Assert.Equal("warn_scale", miss["EntryPoint"]);
        Assert.Equal("Kernels/Warn.cs", miss["CSharpFile"]);
        Assert.Equal("sm_90a", miss["Arch"]);
        Assert.True((double)miss["ElapsedMs"]! > 0);
        Assert.True((int)miss["Registers"]! > 0);
        Assert.Equal(1024, miss["StaticSharedBytes"]);
        Assert.Equal(4096, miss["DynamicSharedBytes"]);
        Assert.Equal(0, miss["SpillStoreBytes"]);
        Assert.Equal(0, miss["SpillLoadBytes"]);
        Assert.Contains("warn_scale", miss.Message);
        Assert.Contains("Compiled", miss.Message);

        var warning = Assert.Single(log.Events, e => e.Name == "CompileWarning");
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(1, miss["WarningCount"]);
        Assert.Contains("minnctapersm", Assert.IsType<CompileWarning>(warning["Warning"]).Message);
        Assert.Contains("minnctapersm", warning.Message);

        log.Events.Clear();
        cache.GetOrCompile(Warn, "sm_90a", NoHeaders);
        var hit = Assert.Single(log.Events);
        Assert.Equal("CompileFinished", hit.Name);
        Assert.Equal(LogLevel.Debug, hit.Level); // a memory hit neither compiles nor repeats the warnings
        Assert.Equal(CompileCacheResult.MemoryHit, hit["CacheResult"]);
        Assert.Equal(miss["Registers"], hit["Registers"]);

        var otherProcess = new CapturingLogger();
        new CompileCache(dir.Path, otherProcess).GetOrCompile(Warn, "sm_90a", NoHeaders);
        Assert.Equal(["CompileFinished", "CompileWarning"], otherProcess.Events.Select(e => e.Name));
        var disk = otherProcess.Events[0];
        Assert.Equal(LogLevel.Information, disk.Level);
        Assert.Equal(CompileCacheResult.DiskHit, disk["CacheResult"]);
        Assert.Equal(miss["Registers"], disk["Registers"]);
        Assert.Equal(1024, disk["StaticSharedBytes"]);
    }

    [Fact]
    public void A_corrupt_entry_and_a_failed_compile_are_reported()
    {
        TestEnvironment.RequireNvrtc();
        using var dir = new TestEnvironment.TempDirectory();
        var writer = new CompileCache(dir.Path, new CapturingLogger());
        writer.GetOrCompile(TinyKernels.Scale, "sm_90a", NoHeaders);
        string path = writer.EntryPath(KernelCompiler.CacheKey(TinyKernels.Scale, "sm_90a", NoHeaders))!;
        File.WriteAllBytes(path, [1, 2, 3]);

        var log = new CapturingLogger();
        var reader = new CompileCache(dir.Path, log);
        reader.GetOrCompile(TinyKernels.Scale, "sm_90a", NoHeaders);
        Assert.Equal(["CacheEntryCorrupt", "CompileStarted", "CompileFinished"], log.Events.Select(e => e.Name));
        Assert.Equal(LogLevel.Warning, log.Events[0].Level);
        Assert.Equal(path, log.Events[0]["Path"]);
        Assert.Equal(CompileCacheResult.Compiled, log.Events[2]["CacheResult"]);

        log.Events.Clear();
        var error = Assert.Throws<KernelCompileException>(() => reader.GetOrCompile(TinyKernels.Bad, "sm_90a", NoHeaders));
        var failed = Assert.Single(log.Events, e => e.Name == "CompileFailed");
        Assert.Equal(LogLevel.Error, failed.Level);
        Assert.Same(error, failed.Exception);
        Assert.Equal("bad", failed["EntryPoint"]);
        Assert.Equal("Kernels/Bad.cs", failed["CSharpFile"]);
    }

    [Fact]
    public void The_static_factory_feeds_caches_built_without_a_logger()
    {
        TestEnvironment.RequireNvrtc();
        var log = new CapturingLogger();
        var factory = new CapturingFactory(log);
        try
        {
            KittensLogging.LoggerFactory = factory;
            new CompileCache(null).GetOrCompile(TinyKernels.Scale, "sm_90a", NoHeaders);
        }
        finally
        {
            KittensLogging.LoggerFactory = null!;
        }
        Assert.Equal(KittensLogging.Category, factory.Category);
        // Other tests compile meanwhile and may land here too: look for this kernel only.
        Assert.Contains(log.Snapshot(), e => e.Name == "CompileFinished" && (string?)e["EntryPoint"] == "scale");
        Assert.IsType<Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory>(KittensLogging.LoggerFactory);
    }

    internal sealed record LogEvent(LogLevel Level, string? Name, string Message, Exception? Exception, IReadOnlyList<KeyValuePair<string, object?>> Fields)
    {
        public object? this[string field] => Fields.Single(f => f.Key == field).Value;
    }

    /// <summary>Keeps every event with its structured fields, as a provider receives them.</summary>
    internal sealed class CapturingLogger : ILogger
    {
        public List<LogEvent> Events { get; } = [];

        public LogEvent[] Snapshot() { lock (Events) return [.. Events]; }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            lock (Events) Events.Add(new LogEvent(logLevel, eventId.Name, formatter(state, exception), exception, [.. fields]));
        }
    }

    private sealed class CapturingFactory(ILogger logger) : ILoggerFactory
    {
        public string? Category { get; private set; }

        public ILogger CreateLogger(string categoryName)
        {
            Category = categoryName;
            return logger;
        }

        public void AddProvider(ILoggerProvider provider) { }

        public void Dispose() { }
    }
}
