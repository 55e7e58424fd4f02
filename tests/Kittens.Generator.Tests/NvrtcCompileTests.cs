using Kittens.Generator.Translation;
using Kittens.Runtime;
using static Kittens.Generator.Tests.GeneratorHarness;

namespace Kittens.Generator.Tests;

/// <summary>
/// The generated CUDA compiles with NVRTC against the embedded tile headers (no GPU needed).
/// Fails when NVRTC cannot be loaded; point KITTENS_NVRTC at libnvrtc.so.12 (scripts/install-nvrtc.sh
/// installs one) to run it.
/// </summary>
public sealed class NvrtcCompileTests
{
    private static readonly Lazy<Run> s_examples = new(() => Generate(
        ("Attention/AttentionKernels.cs", Repository.Example("Attention/AttentionKernels.cs")),
        ("Gemm/GemmKernels.cs", Repository.Example("Gemm/GemmKernels.cs"))));

    [Theory]
    [InlineData("AttendForward", "sm_80")]
    [InlineData("AttendForward", "sm_90a")]
    [InlineData("Gemm", "sm_80")]
    [InlineData("Gemm", "sm_90a")]
    [InlineData("RowSoftmax", "sm_80")]
    [InlineData("RowSoftmax", "sm_90a")]
    public void ExampleKernels_CompileWithoutWarnings(string kernel, string arch)
    {
        RequireNvrtc();
        var generated = s_examples.Value.Kernel(kernel);
        var source = new KernelSource(CudaNames.EntryPoint(kernel), generated.CudaSource, kernel + ".cs", 32, 1, 0);
        var compiled = KernelCompiler.Compile(source, arch);
        Assert.NotEmpty(compiled.Cubin);
        Assert.DoesNotContain("warning", compiled.Log, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void CompileErrors_PointAtTheCSharpLine()
    {
        RequireNvrtc();
        // Break the generated text on purpose (zero takes one tile): NVRTC's error must name the C# line of Warp.Zero.
        var cuda = Generate(("Kernels/Bad.cs", Kernel("""
                    var a = new RT<bf16, D16, D64, Row>();
                    var c = new RT<float, D16, D16, Row>();
                    Warp.Zero(c);
                    Warp.Store(x, c, new Coord(0, 0));
                    Warp.Load(a, x, new Coord(0, 0));
            """))).Kernel("Run").CudaSource.Replace("kittens::warp::zero(c);", "kittens::warp::zero(c, c, c);", StringComparison.Ordinal);
        var error = Assert.Throws<KernelCompileException>(() => KernelCompiler.Compile(new KernelSource("run", cuda, "Kernels/Bad.cs", 32, 1, 0), "sm_80"));
        Assert.Contains("Kernels/Bad.cs(15)", error.Message + error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AHopperKernelCompiledForAnotherTarget_SaysWhatItNeeds()
    {
        RequireNvrtc();
        var cuda = Generate(("Kernels/Sync.cs", Kernel("""
                    var s = Shared.Alloc<Semaphore>();
                    Sync.Init(s, 32, 0);
            """))).Kernel("Run").CudaSource;
        var error = Assert.Throws<KernelCompileException>(() => KernelCompiler.Compile(new KernelSource("run", cuda, "Kernels/Sync.cs", 32, 1, 1024 + 8), "sm_80"));
        Assert.Contains("kernel K.Run uses Sync.Init, which needs sm_90: compile it for sm_90", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(KernelCompiler.Compile(new KernelSource("run", cuda, "Kernels/Sync.cs", 32, 1, 1024 + 8), "sm_90a").Cubin);
    }

    internal static void RequireNvrtc()
    {
        try
        {
            _ = KernelCompiler.NvrtcVersion;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException)
        {
            // The compile tests must run wherever the tests run: scripts/test.sh installs NVRTC when the machine has none.
            Assert.Fail("NVRTC is required for the compile tests; run scripts/test.sh, which installs it, or set KITTENS_NVRTC: " + e.Message);
        }
    }
}
