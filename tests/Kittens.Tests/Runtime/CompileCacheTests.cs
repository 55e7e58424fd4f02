using Kittens.Runtime;

namespace Kittens.Tests.Runtime;

public class CompileCacheTests
{
    private const string Key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static CompiledCubin Sample(byte fill = 0x42) =>
        new([0x7F, (byte)'E', (byte)'L', (byte)'F', fill, fill, fill], "ptxas info    : Used 10 registers", new KernelResources(10, 1024, 0, 4, 8));

    private static void AssertSame(CompiledCubin expected, CompiledCubin actual)
    {
        Assert.Equal(expected.Cubin, actual.Cubin);
        Assert.Equal(expected.Log, actual.Log);
        Assert.Equal(expected.Resources, actual.Resources);
    }

    [Fact]
    public void MemoryThenDiskThenCompile()
    {
        using var dir = new TestEnvironment.TempDirectory();
        var cache = new CompileCache(dir.Path);
        int compiles = 0;
        CompiledCubin Compile() { compiles++; return Sample(); }

        var first = cache.GetOrAdd(Key, Compile);
        var second = cache.GetOrAdd(Key, Compile);
        Assert.Same(first, second);
        Assert.Equal(1, compiles);
        Assert.True(File.Exists(cache.EntryPath(Key)));

        var otherProcess = new CompileCache(dir.Path);
        AssertSame(first, otherProcess.GetOrAdd(Key, Compile));
        Assert.Equal(1, compiles);
        Assert.Equal(1, otherProcess.DiskHits);
    }

    [Fact]
    public void MemoryOnlyCacheWritesNothing()
    {
        var cache = new CompileCache(null);
        int compiles = 0;

        cache.GetOrAdd(Key, () => { compiles++; return Sample(); });
        cache.GetOrAdd(Key, () => { compiles++; return Sample(); });

        Assert.Equal(1, compiles);
        Assert.Null(cache.EntryPath(Key));
    }

    public static TheoryData<string> Corruptions => ["truncate-payload", "truncate-header", "flip-payload", "flip-hash", "flip-magic", "flip-length", "append", "empty"];

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void CorruptEntriesAreRebuiltNeverTrusted(string corruption)
    {
        using var dir = new TestEnvironment.TempDirectory();
        var writer = new CompileCache(dir.Path);
        writer.GetOrAdd(Key, () => Sample(0x11));
        string path = writer.EntryPath(Key)!;
        var bytes = File.ReadAllBytes(path);
        byte[] damaged = corruption switch
        {
            "truncate-payload" => bytes[..^3],
            "truncate-header" => bytes[..10],
            "flip-payload" => Flip(bytes, bytes.Length - 10),
            "flip-hash" => Flip(bytes, 25),
            "flip-magic" => Flip(bytes, 0),
            "flip-length" => Flip(bytes, 12),
            "append" => [.. bytes, 0],
            "empty" => [],
            _ => throw new ArgumentOutOfRangeException(nameof(corruption)),
        };
        File.WriteAllBytes(path, damaged);

        var reader = new CompileCache(dir.Path);
        int compiles = 0;
        var result = reader.GetOrAdd(Key, () => { compiles++; return Sample(0x22); });

        Assert.Equal(1, compiles);
        Assert.Equal(1, reader.CorruptEntries);
        AssertSame(Sample(0x22), result);
        // The rewritten entry is whole again and serves the next process.
        var next = new CompileCache(dir.Path);
        AssertSame(Sample(0x22), next.GetOrAdd(Key, () => throw new InvalidOperationException("should not compile")));
    }

    [Fact]
    public void WritesLeaveNoTempFiles()
    {
        using var dir = new TestEnvironment.TempDirectory();
        var cache = new CompileCache(dir.Path);

        Parallel.For(0, 16, i => cache.GetOrAdd(i.ToString("x64"), () => Sample((byte)i)));
        // Several caches racing on one key: each rename replaces the entry whole.
        Parallel.For(0, 8, _ => new CompileCache(dir.Path).GetOrAdd(Key, () => Sample()));

        var files = Directory.GetFiles(dir.Path);
        Assert.Equal(17, files.Length);
        Assert.All(files, f => Assert.EndsWith(".kcubin", f));
        AssertSame(Sample(), new CompileCache(dir.Path).GetOrAdd(Key, () => throw new InvalidOperationException()));
    }

    [Fact]
    public void MissingDirectoryIsCreated()
    {
        using var dir = new TestEnvironment.TempDirectory();
        var cache = new CompileCache(Path.Combine(dir.Path, "a", "b"));

        cache.GetOrAdd(Key, () => Sample());

        Assert.True(File.Exists(cache.EntryPath(Key)));
    }

    [Fact]
    public void UnwritableDirectoryOnlyCostsTheDiskCopy()
    {
        using var dir = new TestEnvironment.TempDirectory();
        string blocker = Path.Combine(dir.Path, "file");
        File.WriteAllText(blocker, "not a directory");
        var cache = new CompileCache(Path.Combine(blocker, "cache"));

        AssertSame(Sample(), cache.GetOrAdd(Key, () => Sample()));
    }

    [Fact]
    public void AFailedCompileIsNotRemembered()
    {
        var cache = new CompileCache(null);

        Assert.Throws<InvalidOperationException>(() => cache.GetOrAdd(Key, () => throw new InvalidOperationException("boom")));
        AssertSame(Sample(), cache.GetOrAdd(Key, () => Sample()));
    }

    [Fact]
    public void ConcurrentCallersCompileOnce()
    {
        var cache = new CompileCache(null);
        int compiles = 0;

        Parallel.For(0, 32, _ => cache.GetOrAdd(Key, () => { Interlocked.Increment(ref compiles); Thread.Sleep(20); return Sample(); }));

        Assert.Equal(1, compiles);
    }

    [Fact]
    public void DefaultDirectoryFollowsTheEnvironment()
    {
        static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
            name => vars.FirstOrDefault(v => v.Name == name).Value;

        Assert.Equal("/x/cache", CompileCache.DefaultDirectory(Env(("KITTENS_CACHE_DIR", "/x/cache"), ("XDG_CACHE_HOME", "/xdg"), ("HOME", "/h"))));
        Assert.Equal("/xdg/kittens", CompileCache.DefaultDirectory(Env(("XDG_CACHE_HOME", "/xdg"), ("HOME", "/h"))));
        Assert.Equal("/h/.cache/kittens", CompileCache.DefaultDirectory(Env(("HOME", "/h"))));
    }

    [Fact]
    public void RealCompileRoundTripsThroughTheDisk()
    {
        TestEnvironment.RequireNvrtc();
        using var dir = new TestEnvironment.TempDirectory();
        var headers = new Dictionary<string, string>();

        var compiled = new CompileCache(dir.Path).GetOrCompile(TinyKernels.Scale, "sm_90a", headers);
        string path = Assert.Single(Directory.GetFiles(dir.Path));
        var bytes = File.ReadAllBytes(path);
        bytes[^30] ^= 0xFF; // flip a byte inside the stored log
        File.WriteAllBytes(path, bytes);

        var rebuilt = new CompileCache(dir.Path);
        var again = rebuilt.GetOrCompile(TinyKernels.Scale, "sm_90a", headers);

        Assert.Equal(1, rebuilt.CorruptEntries);
        Assert.Equal(1, rebuilt.Compiles);
        Assert.Equal(compiled.Cubin, again.Cubin);
        Assert.Equal(compiled.Resources, again.Resources);
        var third = new CompileCache(dir.Path);
        Assert.Equal(compiled.Cubin, third.GetOrCompile(TinyKernels.Scale, "sm_90a", headers).Cubin);
        Assert.Equal(1, third.DiskHits);
    }

    private static byte[] Flip(byte[] bytes, int index)
    {
        var copy = (byte[])bytes.Clone();
        copy[index] ^= 0x5A;
        return copy;
    }
}
