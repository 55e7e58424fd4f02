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
}
