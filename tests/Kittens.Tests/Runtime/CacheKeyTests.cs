using Kittens.Runtime;

namespace Kittens.Tests.Runtime;

public class CacheKeyTests
{
    private static readonly Dictionary<string, string> Headers = new() { ["kittens.cuh"] = "// v1", ["kittens/ops.cuh"] = "// ops" };
    private static readonly IReadOnlyList<string> Options = KernelCompiler.Options("sm_90a");

    private static string Key(
        string entry = "k", string cuda = "__global__ void k() {}", IReadOnlyDictionary<string, string>? headers = null,
        IReadOnlyList<string>? options = null, string version = "12.4", string arch = "sm_90a") =>
        KernelCompiler.ComputeKey(entry, cuda, headers ?? Headers, options ?? Options, version, arch);

    [Fact]
    public void EqualInputsGiveEqualKeys()
    {
        var sameHeadersOtherOrder = new Dictionary<string, string> { ["kittens/ops.cuh"] = "// ops", ["kittens.cuh"] = "// v1" };

        Assert.Equal(Key(), Key());
        Assert.Equal(Key(), Key(headers: sameHeadersOtherOrder));
        Assert.Matches("^[0-9a-f]{64}$", Key());
    }

    [Fact]
    public void EveryInputChangesTheKey()
    {
        string[] keys =
        [
            Key(),
            Key(cuda: "__global__ void k() { }"),
            Key(headers: new Dictionary<string, string> { ["kittens.cuh"] = "// v2", ["kittens/ops.cuh"] = "// ops" }),
            Key(headers: new Dictionary<string, string> { ["kittens.cuh"] = "// v1" }),
            Key(options: KernelCompiler.Options("sm_90a").Append("-G").ToArray()),
            Key(version: "13.0"),
            Key(arch: "sm_80"),
            Key(entry: "k2"),
        ];

        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void FieldBoundariesCannotBeShifted()
    {
        // Moving text from one field to the next must not produce the same key.
        var a = KernelCompiler.ComputeKey("k", "ab", new Dictionary<string, string>(), ["c"], "12.4", "sm_90a");
        var b = KernelCompiler.ComputeKey("k", "a", new Dictionary<string, string>(), ["bc"], "12.4", "sm_90a");

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void TheCompilersKeyCoversItsHeadersAndTheLoadedNvrtc()
    {
        TestEnvironment.RequireNvrtc();
        var one = new Dictionary<string, string> { ["a.cuh"] = "1" };
        var two = new Dictionary<string, string> { ["a.cuh"] = "2" };

        Assert.Equal(KernelCompiler.CacheKey(TinyKernels.Scale, "sm_90a", one), KernelCompiler.CacheKey(TinyKernels.Scale, "sm_90a", one));
        Assert.NotEqual(KernelCompiler.CacheKey(TinyKernels.Scale, "sm_90a", one), KernelCompiler.CacheKey(TinyKernels.Scale, "sm_90a", two));
        Assert.NotEqual(KernelCompiler.CacheKey(TinyKernels.Scale, "sm_90a", one), KernelCompiler.CacheKey(TinyKernels.Scale, "sm_89", one));
        Assert.NotEqual(KernelCompiler.CacheKey(TinyKernels.Scale, "sm_90a", one), KernelCompiler.CacheKey(TinyKernels.Scale, "sm_90a"));
        Assert.Equal(
            KernelCompiler.ComputeKey("scale", TinyKernels.ScaleCuda, one, KernelCompiler.Options("sm_90a"), KernelCompiler.NvrtcVersion, "sm_90a"),
            KernelCompiler.CacheKey(TinyKernels.Scale, "sm_90a", one));
    }
}
