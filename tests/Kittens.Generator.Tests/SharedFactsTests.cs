using System.Globalization;
using System.Text.RegularExpressions;
using Kittens.Generator.Diagnostics;
using Kittens.Generator.Parsing;
using Kittens.Generator.Translation;
using Kittens.Runtime;
using static Kittens.Generator.Tests.GeneratorHarness;

namespace Kittens.Generator.Tests;

/// <summary>
/// Facts the generator shares with the tile headers, the abstractions and the runtime but cannot
/// take from them (the headers are C++; the generator references neither assembly): each pinned
/// here to the other side's text or API, so a change on one side fails a test instead of a kernel.
/// </summary>
public sealed class SharedFactsTests
{
    private static string Header(string path) => Repository.Source("src/Kittens.Runtime/include/kittens/" + path);

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [Fact]
    public void SharedAllocations_AreAlignedAsTheAllocatorAlignsThem()
    {
        var rule = Regex.Match(Header("common/allocator.cuh"), @"alignment = alignof\(T\) < (?<packed>\d+) \? alignof\(T\) : (?<tile>\d+)u;");
        Assert.True(rule.Success, "allocator.cuh no longer states its alignment rule as one expression");
        Assert.Equal(SharedMemory.Alignment, Number(rule, "tile"));

        // A semaphore is below the allocator's threshold, so both sides pack it at its own alignment.
        var semaphore = Regex.Match(Header("ops/thread/semaphore.cuh"), @"struct alignas\((?<align>\d+)\) semaphore");
        Assert.True(semaphore.Success, "semaphore.cuh no longer declares struct alignas(N) semaphore");
        Assert.True(Number(semaphore, "align") < Number(rule, "packed"));
        var known = KnownSymbols.Create(Compile(("Tests/K.cs", Kernel("        int a = 1;"))))!;
        var semaphoreType = known.Compilation.GetTypeByMetadataName("Kittens.Semaphore")!;
        Assert.Equal(Number(semaphore, "align"), SharedMemory.AlignmentOf(semaphoreType, known));
        Assert.Equal(SharedMemory.SemaphoreBytes, Number(semaphore, "align"));
    }

    [Theory]
    [InlineData("bf16", 2)]
    [InlineData("f16", 2)]
    [InlineData("float", 4)]
    public void AMulticastLoad_MovesTheHeadersColumnChunk(string dtype, int elementBytes)
    {
        var chunk = Regex.Match(Header("ops/thread/tma.cuh"),
            @"load_async_multicast\(st<T, R, C, P, S>& dst[^{]*\{[^}]*?constexpr int W = (?<bytes>\d+) / \(int\)sizeof\(T\);");
        Assert.True(chunk.Success, "tma.cuh no longer sets load_async_multicast's chunk width as W = N / sizeof(T)");
        int width = Number(chunk, "bytes") / elementBytes;

        var run = Generate(("Tests/K.cs", Kernel($$"""
                    var tile = Shared.Alloc<ST<{{dtype}}, D64, D128>>();
                    var s = Shared.Alloc<Semaphore>();
                    Tma.LoadMulticast(tile, 0, x, new Coord(0, 0), s, 3);
            """, parameters: $"[Tma] GL<{dtype}> x", attribute: "[Kernel(Threads = 32, ClusterSize = 2)]")));
        Assert.Empty(run.Diagnostics);
        Assert.Contains($"TmaBox.Tile(64, {width})", run.Kernel("Run").LauncherSource, StringComparison.Ordinal);
    }

    [Fact]
    public void LaunchSettings_TheGeneratorAccepts_TheRuntimeAccepts()
    {
        for (int threads = 0; threads <= 1056; threads++)
        {
            if (Generator(threads, 1)) Assert.True(Runtime(threads, 1), $"Threads = {threads}: the generator accepts it, the runtime does not");
        }
        // Cluster sizes are the same set on both sides.
        for (int cluster = -1; cluster <= 17; cluster++)
            Assert.True(Generator(32, cluster) == Runtime(32, cluster), $"ClusterSize = {cluster}: the generator and the runtime disagree");
    }

    [Fact]
    public void KernelDefaults_AreTheAttributes()
    {
        var attribute = new KernelAttribute();
        Assert.Equal(KernelParser.DefaultThreads, attribute.Threads);
        Assert.Equal(KernelParser.DefaultMinBlocksPerSm, attribute.MinBlocksPerSm);
        Assert.Equal(KernelParser.DefaultClusterSize, attribute.ClusterSize);
    }

    private static bool Generator(int threads, int cluster) =>
        KernelParser.CheckLaunchSettings("K", threads, 1, cluster, _ => null, new DiagnosticBag());

    private static bool Runtime(int threads, int cluster)
    {
        try
        {
            _ = new KernelHandle(new KernelSource("k", "", "K.cs", threads, 1, 0, cluster));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
