using Kittens.Runtime;

namespace Kittens.Tests.Runtime;

public class PtxasReportTests
{
    private const string Log = """
        ptxas info    : 0 bytes gmem
        ptxas info    : Function properties for helper
            8 bytes stack frame, 4 bytes spill stores, 4 bytes spill loads
        ptxas info    : Compiling entry function 'other' for 'sm_90a'
        ptxas info    : Function properties for other
        ptxas         .     0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
        ptxas info    : Used 12 registers, 0 bytes smem, 400 bytes cmem[0]
        ptxas info    : Compiling entry function 'attend' for 'sm_90a'
        ptxas info    : Function properties for attend
        ptxas         .     96 bytes stack frame, 40 bytes spill stores, 48 bytes spill loads
        ptxas info    : Used 168 registers, used 1 barriers, 2048 bytes smem, 400 bytes cmem[0]
        """;

    [Fact]
    public void ReadsTheEntryPointsSection()
    {
        var r = PtxasReport.Parse(Log, "attend");

        Assert.Equal(new KernelResources(168, 2048, 96, 40, 48), r);
    }

    [Fact]
    public void OtherEntriesAndDeviceFunctionsDoNotLeakIn()
    {
        Assert.Equal(new KernelResources(12, 0, 0, 0, 0), PtxasReport.Parse(Log, "other"));
    }

    [Fact]
    public void AnUnnamedEntryIsOnlyGuessedWhenThereIsOneSection()
    {
        const string single = """
            ptxas info    : Compiling entry function '_Z1kPf' for 'sm_90a'
            ptxas info    : Function properties for _Z1kPf
            ptxas         .     0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
            ptxas info    : Used 7 registers
            """;

        Assert.Equal(new KernelResources(7, 0, 0, 0, 0), PtxasReport.Parse(single, "k"));
        Assert.Equal(default, PtxasReport.Parse(Log, "missing"));
    }

    [Fact]
    public void AnEmptyLogGivesZeros()
    {
        Assert.Equal(default, PtxasReport.Parse("", "k"));
    }

    [Fact]
    public void ResourcesPrintLikePtxas()
    {
        Assert.Equal(
            "168 registers, 2048 bytes smem, 96 bytes stack, 40 bytes spill stores, 48 bytes spill loads",
            new KernelResources(168, 2048, 96, 40, 48).ToString());
    }
    private const string WarningLog = """
        Examples/Attention/AttentionKernels.cs(41): warning #177-D: variable "unused" was declared but never referenced
        ptxas warning : Value of threads per SM for entry attend is out of range. .minnctapersm will be ignored
        ptxas info    : 0 bytes gmem
        ptxas info    : Compiling entry function 'attend' for 'sm_90a'
        ptxas info    : (C7513) Potential Performance Loss: wgmma.mma_async instructions are serialized due to the presence of Extern calls in the function 'attend'.
        ptxas /tmp/tmpxft_0001.ptx, line 812; warning : Instruction 'shfl' without '.sync' is deprecated
        ptxas info    : Function properties for attend
        ptxas         .     96 bytes stack frame, 40 bytes spill stores, 48 bytes spill loads
        ptxas info    : Used 168 registers, 2048 bytes smem, 400 bytes cmem[0]
        """;

    [Fact]
    public void WarningsAreReadOutOfTheLog_WithTheCSharpLineWhereTheLogHasOne()
    {
        var warnings = PtxasReport.Warnings(WarningLog, PtxasReport.Parse(WarningLog, "attend"));

        Assert.Equal(
        [
            new CompileWarning("variable \"unused\" was declared but never referenced", "177-D", "Examples/Attention/AttentionKernels.cs", 41),
            new CompileWarning("Value of threads per SM for entry attend is out of range. .minnctapersm will be ignored", null, null, 0),
            new CompileWarning("Potential Performance Loss: wgmma.mma_async instructions are serialized due to the presence of Extern calls in the function 'attend'.", "C7513", null, 0),
            new CompileWarning("Instruction 'shfl' without '.sync' is deprecated", null, null, 0),
            new CompileWarning("registers spilled to local memory: 40 bytes spill stores, 48 bytes spill loads (168 registers per thread)", CompileWarning.SpillCode, null, 0),
        ], warnings);
        Assert.Equal("Examples/Attention/AttentionKernels.cs(41): warning 177-D: variable \"unused\" was declared but never referenced", warnings[0].ToString());
        Assert.Equal("warning C7513: Potential Performance Loss: wgmma.mma_async instructions are serialized due to the presence of Extern calls in the function 'attend'.", warnings[2].ToString());
    }

    [Fact]
    public void AQuietLogHasNoWarnings()
    {
        Assert.Empty(PtxasReport.Warnings(Log, PtxasReport.Parse(Log, "other")));
        Assert.Empty(new CompiledCubin([], "", default).Warnings);
    }
}
