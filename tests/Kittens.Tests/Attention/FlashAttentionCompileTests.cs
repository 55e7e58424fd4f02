using Kittens.Attention.Kernels;
using Kittens.Runtime;
using Kittens.Tests.Runtime;

namespace Kittens.Tests.Attention;

/// <summary>
/// The library's kernels compile with NVRTC for sm_90a without spills or ptxas warnings and fit
/// the H100's shared memory (NVRTC only, no GPU: runs everywhere the tests run).
/// <para>
/// ptxas caps registers by <c>__launch_bounds__(threads, 1)</c> (128 at 512 threads, 168 at 384);
/// the setmaxnreg split happens at run time. A spill would put tile-loop state or a tile in
/// local memory (the head-dim-64 consumers hold 128 registers of tiles in a budget of 160;
/// before the warpgroup index was known to be uniform, ptxas spilled there). A warning would mean lost overlap: C7515/C7518 (wgmma serialised; ptxas prints these as "Potential
/// Performance Loss" infos, and NVRTC 12.4 misses some that 13 reports) or C7508 (setmaxnreg
/// ignored).
/// </para>
/// </summary>
public sealed class FlashAttentionCompileTests
{
    /// <summary>The most shared memory one H100 block may opt in to (227 KiB).</summary>
    private const int H100SharedLimit = 227 * 1024;

    public static TheoryData<string> Kernels() => new() { "ForwardD64", "ForwardD96", "ForwardD128", "ForwardD256", "ForwardD256ShortCausal" };

    /// <summary>
    /// A ptxas warning, or one of its "Potential Performance Loss" notes (C75xx, printed as
    /// "ptxas info"), e.g. C7518: wgmma serialised because of a wait in a divergent path.
    /// </summary>
    private static bool IsWarning(string line) =>
        line.Contains("warning", StringComparison.OrdinalIgnoreCase) || line.Contains("Performance Loss", StringComparison.OrdinalIgnoreCase);

    private static int HeadDimOf(string kernel) => kernel == "ForwardD256ShortCausal" ? 256 : int.Parse(kernel["ForwardD".Length..], System.Globalization.CultureInfo.InvariantCulture);

    private static int ThreadsOf(string kernel) => (FlashAttentionKernels.ConsumersFor(HeadDimOf(kernel)) + 1) * 128;

    private static KernelSource SourceOf(string kernel) =>
        kernel == "ForwardD256ShortCausal" ? FlashAttentionKernels.Sources[^1] : FlashAttentionKernels.SourceFor(HeadDimOf(kernel));

    [Theory]
    [MemberData(nameof(Kernels))]
    public void CompilesForSm90aWithoutSpillsOrWarnings(string kernel)
    {
        TestEnvironment.RequireNvrtc();
        var source = SourceOf(kernel);

        var compiled = KernelCompiler.Compile(source, "sm_90a");
        var r = compiled.Resources;

        Assert.True(r.Registers > 0, $"no ptxas report in the log:\n{compiled.Log}");
        Assert.True(r.SpillStoreBytes == 0 && r.SpillLoadBytes == 0 && r.StackFrameBytes == 0,
            $"{kernel}: {r.Registers} registers, spills {r.SpillStoreBytes} bytes stored / {r.SpillLoadBytes} loaded, " +
            $"stack frame {r.StackFrameBytes} bytes");
        var warnings = compiled.Log.Split('\n').Where(IsWarning).ToArray();
        Assert.True(warnings.Length == 0, $"{kernel}: ptxas warnings:\n{string.Join('\n', warnings)}");
        Assert.Equal(ThreadsOf(kernel), source.ThreadsPerBlock);
        Assert.True(source.DynamicSharedBytes + r.StaticSharedBytes <= H100SharedLimit,
            $"{kernel} needs {source.DynamicSharedBytes} + {r.StaticSharedBytes} bytes of shared memory; an H100 block may have {H100SharedLimit}");
    }

    [Fact]
    public void LaunchBoundsTooTightForTheRegisters_SayWhichSettingToChange()
    {
        TestEnvironment.RequireNvrtc();
        // Twice the threads leave 85 registers a thread, far fewer than the consumers take.
        var source = SourceOf("ForwardD256");
        var widened = source with
        {
            Cuda = source.Cuda.Replace("__launch_bounds__(384, 1)", "__launch_bounds__(768, 1)", StringComparison.Ordinal),
            ThreadsPerBlock = 768,
        };

        var e = Assert.Throws<KernelCompileException>(() => KernelCompiler.Compile(widened, "sm_90a"));

        Assert.Contains("needs more registers than its launch bounds allow: Threads = 768 and MinBlocksPerSm = 1 leave at most 85 registers a thread", e.Message);
        Assert.Contains("C7600", e.Message);
    }
}
