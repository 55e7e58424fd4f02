using Kittens.Runtime;

namespace Kittens.Tests.Runtime;

public class KernelCompilerTests
{
    private static readonly Dictionary<string, string> NoHeaders = [];

    [Fact]
    public void CompilesATinyKernelToCubinWithResources()
    {
        TestEnvironment.RequireNvrtc();

        var compiled = KernelCompiler.Compile(TinyKernels.Scale, "sm_90a", NoHeaders);

        Assert.True(compiled.Cubin.Length > 64);
        Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, compiled.Cubin[..4]);
        Assert.Contains("ptxas info", compiled.Log);
        Assert.Contains("Compiling entry function 'scale' for 'sm_90a'", compiled.Log);
        Assert.InRange(compiled.Resources.Registers, 1, 255);
        Assert.Equal(128 * sizeof(float), compiled.Resources.StaticSharedBytes);
        Assert.Equal(0, compiled.Resources.SpillStoreBytes);
        Assert.Equal(0, compiled.Resources.SpillLoadBytes);
    }

    [Fact]
    public void AnEntryPointTheSourceDoesNotDefineIsACompileError()
    {
        TestEnvironment.RequireNvrtc();
        var misnamed = new KernelSource("scale_all", TinyKernels.Scale.Cuda, "Kernels/Scale.cs", 128, 1, 0);

        var e = Assert.Throws<KernelCompileException>(() => KernelCompiler.Compile(misnamed, "sm_90a", NoHeaders));

        Assert.Equal("scale_all", e.EntryPoint);
        Assert.Contains("entry point 'scale_all' is not a kernel of this source", e.Message);
        Assert.Contains("its kernels: scale", e.Message);
    }

    [Fact]
    public void CompileErrorPointsAtTheCSharpLine()
    {
        TestEnvironment.RequireNvrtc();

        var e = Assert.Throws<KernelCompileException>(() => KernelCompiler.Compile(TinyKernels.Bad, "sm_90a", NoHeaders));

        Assert.Equal("bad", e.EntryPoint);
        Assert.Equal("Kernels/Bad.cs", e.CSharpFile);
        Assert.Equal(42, e.Line);
        Assert.Contains("undefined_thing", e.FirstError);
        Assert.StartsWith("NVRTC could not compile kernel 'bad' (Kernels/Bad.cs line 42): error: identifier \"undefined_thing\" is undefined", e.Message);
        Assert.Contains(e.Log.TrimEnd(), e.Message);
    }

    [Fact]
    public void InMemoryHeadersAreFoundByTheirIncludeNames()
    {
        TestEnvironment.RequireNvrtc();
        var headers = HeaderResources.FromResources(
        [
            ("kittens-include/kittens/kittens.cuh", "#pragma once\n#include \"kittens/common/base.cuh\"\n"),
            ("kittens-include/kittens/common/base.cuh", "#pragma once\nnamespace kittens { constexpr float two = 2.0f; }\n"),
        ]);
        var source = new KernelSource(
            "twice",
            "#include \"kittens.cuh\"\nextern \"C\" __global__ void twice(float* x) { x[threadIdx.x] *= kittens::two; }\n",
            "Twice.cs", 32, 1, 0);

        var compiled = KernelCompiler.Compile(source, "sm_80", headers);

        Assert.Equal((byte)'E', compiled.Cubin[1]);
    }

    [Theory]
    [InlineData("kittens.cuh")]
    [InlineData("kittens/kittens.cuh")]
    public void TheEmbeddedTileHeadersCompileAndAgreeWithGlobalArg(string include)
    {
        TestEnvironment.RequireNvrtc();
        var source = new KernelSource(
            "touch",
            $$"""
            #include "{{include}}"
            static_assert(sizeof(kittens::gl<float>) == {{System.Runtime.CompilerServices.Unsafe.SizeOf<GlobalArg>()}}, "GlobalArg size");
            extern "C" __global__ void __launch_bounds__(32, 1) touch(kittens::gl<float> a) { a.data[threadIdx.x] = (float)a.cols; }
            """,
            "Touch.cs", 32, 1, 0);

        var compiled = KernelCompiler.Compile(source, "sm_90a");

        Assert.Equal((byte)'E', compiled.Cubin[1]);
        Assert.True(compiled.Resources.Registers > 0);
    }

    [Fact]
    public void TheTmaGlLayoutIsTheOneKernelArgsPacks()
    {
        // gl<T, TMA...>: the GlobalArg, its maps from TensorMapsOffset (also its alignment), TensorMap.Size each.
        TestEnvironment.RequireNvrtc();
        int offset = KernelArgs.TensorMapsOffset;
        var source = new KernelSource(
            "touch",
            $$"""
            #include "kittens/kittens.cuh"
            using one = kittens::gl<kittens::bf16, kittens::st<kittens::bf16, 64, 64>>;
            using two = kittens::gl<kittens::bf16, kittens::st<kittens::bf16, 64, 64>, kittens::sv<kittens::bf16, 64>>;
            static_assert(sizeof(one) == {{offset + TensorMap.Size}}, "one map");
            static_assert(sizeof(two) == {{offset + 2 * TensorMap.Size}}, "two maps");
            static_assert(alignof(one) == {{offset}} && alignof(two) == {{offset}}, "map alignment");
            extern "C" __global__ void __launch_bounds__(32, 1) touch(const __grid_constant__ one a) { if (a.cols < 0) a.data[threadIdx.x] = a.data[0]; }
            """,
            "Touch.cs", 32, 1, 0);

        var compiled = KernelCompiler.Compile(source, "sm_90a");

        Assert.Equal((byte)'E', compiled.Cubin[1]);
    }

    [Fact]
    public void EmbeddedHeaderNamesAreThePathsAfterThePrefixPlusUnprefixedAliases()
    {
        var headers = HeaderResources.FromResources(
        [
            ("kittens-include/kittens/kittens.cuh", "a"),
            ("kittens-include/kittens/ops/warp.cuh", "b"),
            ("kittens-include/other.cuh", "c"),
            ("unrelated.resource", "d"),
        ]);

        Assert.Equal(
            ["kittens.cuh", "kittens/kittens.cuh", "kittens/ops/warp.cuh", "ops/warp.cuh", "other.cuh"],
            headers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("b", headers["ops/warp.cuh"]);
    }

    [Fact]
    public void EmbeddedHeadersAllStartFromTheKittensIncludeResources()
    {
        var resources = typeof(KernelCompiler).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(HeaderResources.ResourcePrefix, StringComparison.Ordinal))
            .Select(n => n[HeaderResources.ResourcePrefix.Length..])
            .ToArray();

        foreach (var name in resources) Assert.True(KernelCompiler.EmbeddedHeaders.ContainsKey(name), name);
    }

    [Fact]
    public void OptionsAskForPtxasVerboseAndTheArch()
    {
        TestEnvironment.RequireNvrtc();
        var options = KernelCompiler.Options("sm_90a");

        // NVRTC 12.9 and later cache compiles themselves and then leave out ptxas's report, so
        // they are told --no-cache; NVRTC 12.4 (what CI installs) has no such cache.
        var version = Version.Parse(KernelCompiler.NvrtcVersion);
        string[] expected = ["-std=c++17", "--gpu-architecture=sm_90a", "-default-device", "--use_fast_math", "-lineinfo", "--ptxas-options=-v"];
        Assert.Equal(version >= new Version(12, 9) ? [.. expected, "--no-cache"] : expected, options);
    }

    [Fact]
    public void PtxCanBeProducedForReading()
    {
        TestEnvironment.RequireNvrtc();

        string ptx = KernelCompiler.CompileToPtx(TinyKernels.Scale, "sm_90a", NoHeaders);

        Assert.Contains(".entry scale", ptx);
        Assert.Contains(".target sm_90a", ptx);
    }

    [Fact]
    public void NvrtcVersionIsMajorDotMinor()
    {
        TestEnvironment.RequireNvrtc();

        Assert.Matches(@"^\d+\.\d+$", KernelCompiler.NvrtcVersion);
    }
}
