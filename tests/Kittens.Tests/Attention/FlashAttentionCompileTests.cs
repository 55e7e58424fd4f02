using Kittens.Attention.Kernels;
using Kittens.Runtime;
using Kittens.Tests.Runtime;

namespace Kittens.Tests.Attention;

/// <summary>
/// The library's kernels compile with NVRTC for sm_90a within their spill budget and fit the
/// H100's shared memory (NVRTC only, no GPU: runs everywhere the tests run).
/// <para>
/// Spill budget: ptxas allocates at most 128 registers per thread under
/// <c>__launch_bounds__(512, 1)</c> (the setmaxnreg split 3 × 160 + 32 happens at run time), and
/// the head-dim-128 consumer loop holds a 16x128 fp32 score tile and a 16x128 fp32 accumulator,
/// 128 registers by themselves. ptxas 12.4 keeps three loop scalars in local memory (12 bytes
/// stored, 16 loaded, L1-resident; the example's D=128 kernel does the same). More than that
/// would mean the tiles themselves spill, which this test catches.
/// </para>
/// </summary>
public sealed class FlashAttentionCompileTests
{
    /// <summary>The most shared memory one H100 block may opt in to (227 KiB).</summary>
    private const int H100SharedLimit = 227 * 1024;

    public static TheoryData<string> Kernels() => new() { "ForwardD64", "ForwardD128" };

    /// <summary>Spilled bytes allowed (stores, loads and stack frame each).</summary>
    private static int SpillBudget(string kernel) => kernel == "ForwardD128" ? 32 : 0;

    private static KernelSource SourceOf(string kernel) => kernel switch
    {
        "ForwardD64" => FlashAttentionKernels.ForwardD64Kernel.Source,
        "ForwardD128" => FlashAttentionKernels.ForwardD128Kernel.Source,
        _ => throw new ArgumentOutOfRangeException(nameof(kernel)),
    };

    [Theory]
    [MemberData(nameof(Kernels))]
    public void CompilesForSm90aWithinItsSpillBudget(string kernel)
    {
        TestEnvironment.RequireNvrtc();
        var source = SourceOf(kernel);

        var compiled = KernelCompiler.Compile(source, "sm_90a");
        var r = compiled.Resources;

        Assert.True(r.Registers > 0, $"no ptxas report in the log:\n{compiled.Log}");
        int budget = SpillBudget(kernel);
        Assert.True(r.SpillStoreBytes <= budget && r.SpillLoadBytes <= budget && r.StackFrameBytes <= budget,
            $"{kernel}: {r.Registers} registers, spills {r.SpillStoreBytes} bytes stored / {r.SpillLoadBytes} loaded, " +
            $"stack frame {r.StackFrameBytes} bytes (budget {budget} bytes each)");
        Assert.Equal(FlashAttentionKernels.Threads, source.ThreadsPerBlock);
        Assert.True(source.DynamicSharedBytes + r.StaticSharedBytes <= H100SharedLimit,
            $"{kernel} needs {source.DynamicSharedBytes} + {r.StaticSharedBytes} bytes of shared memory; an H100 block may have {H100SharedLimit}");
    }
}
