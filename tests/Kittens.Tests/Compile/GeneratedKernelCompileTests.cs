using System.Reflection;
using Kittens.Runtime;
using Kittens.Tests.Runtime;

namespace Kittens.Tests.Compile;

/// <summary>
/// Every kernel the generator made in this build (the examples and the GPU test kernels)
/// compiles with NVRTC for sm_90a against the embedded headers with no compile warnings; the
/// example and library kernels, which are what users run, also with no spills past a measured
/// budget. Needs NVRTC, not a GPU, so it runs in CI.
/// </summary>
public sealed class GeneratedKernelCompileTests
{
    /// <summary>The assemblies whose kernels are compiled: this one, the examples and the attention library.</summary>
    private static readonly Assembly[] KernelAssemblies =
    [
        typeof(GeneratedKernelCompileTests).Assembly,
        typeof(Kittens.Examples.Attention.AttentionKernels).Assembly,
        typeof(Kittens.Examples.Gemm.GemmKernels).Assembly,
        typeof(Kittens.Attention.FlashAttention).Assembly,
    ];

    public static TheoryData<string> Kernels()
    {
        var data = new TheoryData<string>();
        foreach (var name in AllSources().Keys.Order(StringComparer.Ordinal)) data.Add(name);
        return data;
    }

    [Fact]
    public void EveryExampleKernelIsFound()
    {
        var names = AllSources().Keys.ToArray();
        Assert.Contains(names, n => n.EndsWith("AttendForwardKernel", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith("GemmKernel", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith("RowSoftmaxKernel", StringComparison.Ordinal));
        Assert.True(names.Length > 20, $"only {names.Length} generated kernels found");
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void CompilesForSm90a(string kernel)
    {
        TestEnvironment.RequireNvrtc();
        var source = AllSources()[kernel];

        var compiled = KernelCompiler.Compile(source, "sm_90a");

        Assert.Equal([0x7F, (byte)'E', (byte)'L', (byte)'F'], compiled.Cubin[..4]);
        Assert.True(compiled.Resources.Registers > 0, $"no ptxas report in the log:\n{compiled.Log}");
        if (IsShipped(kernel))
        {
            // Test kernels may hold more tile than a warp has registers for; examples and the
            // library may not. One measured exception: the H100 kernels at head dim 128 keep a 16x128 score tile
            // and a 16x128 accumulator (128 registers) in consumers that setmaxnreg raises to
            // 160, and the ptxas of NVRTC 12.4 still puts three loop scalars on the stack
            // (12 bytes; two loads per K/V block). Anything past that budget is a regression.
            int budget = source.Cuda.Contains("increase_registers", StringComparison.Ordinal) ? 32 : 0;
            Assert.True(compiled.Resources.SpillStoreBytes <= budget && compiled.Resources.StackFrameBytes <= budget,
                $"{kernel}: {compiled.Resources.SpillStoreBytes} bytes spilled, {compiled.Resources.StackFrameBytes} bytes of stack (budget {budget})");
        }

        // ptxas's warnings are what its numbers do not show: serialised wgmma (C7513, C7518), an
        // ignored .minnctapersm, front-end warnings at a C# line. Spills are the budget's above
        // (test kernels may spill on purpose); anything else is a warning in no kernel.
        var warnings = compiled.Warnings.Where(w => w.Code != CompileWarning.SpillCode).ToList();
        Assert.True(warnings.Count == 0, $"{kernel}:\n" + string.Join("\n", warnings));
    }

    /// <summary>A kernel users run: an example's or the attention library's.</summary>
    private static bool IsShipped(string kernel) =>
        kernel.StartsWith("Kittens.Examples.", StringComparison.Ordinal) || kernel.StartsWith("Kittens.Attention.", StringComparison.Ordinal);

    [Fact]
    public void TheHeaderInstantiationFileCompilesForSm90a()
    {
        // tests/Kittens.Tests/Cuda/all_ops.cu instantiates every warp op for several shapes,
        // dtypes and layouts: a header change that breaks an op nobody's kernel uses fails here.
        TestEnvironment.RequireNvrtc();
        string path = Path.Combine(AppContext.BaseDirectory, "Cuda", "all_ops.cu");
        // Any of its kernels serves as the entry point the compiler checks for.
        var source = new KernelSource("maps_f32_16x16_row", File.ReadAllText(path), "all_ops.cu", 32, 1, 0);

        var compiled = KernelCompiler.Compile(source, "sm_90a");

        Assert.Equal((byte)'E', compiled.Cubin[1]);
    }

    private static Dictionary<string, KernelSource> AllSources()
    {
        var sources = new Dictionary<string, KernelSource>(StringComparer.Ordinal);
        foreach (var assembly in KernelAssemblies)
        foreach (var type in assembly.GetTypes())
        {
            var property = type.GetProperty("Source", BindingFlags.Public | BindingFlags.Static);
            if (property?.PropertyType == typeof(KernelSource) && type.IsNested)
                sources[type.FullName!.Replace('+', '.')] = (KernelSource)property.GetValue(null)!;
        }
        return sources;
    }
}
