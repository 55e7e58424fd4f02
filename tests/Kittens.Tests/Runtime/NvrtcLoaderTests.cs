using Kittens.Runtime.Native;

namespace Kittens.Tests.Runtime;

public class NvrtcLoaderTests
{
    [Fact]
    public void SearchOrderIsTheVariableThenNewestSonamesFirst()
    {
        var probe = NvrtcLibrary.CreateProbe("/opt/nvrtc/libnvrtc.so.12");

        Assert.Equal(
            ["/opt/nvrtc/libnvrtc.so.12", "libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so"],
            probe.Candidates.Select(c => c.Path));
        Assert.Equal("KITTENS_NVRTC", probe.Candidates[0].Label);
    }

    [Fact]
    public void ANonexistentKittensNvrtcIsNamedInTheError()
    {
        string missing = Path.Combine(Path.GetTempPath(), "kittens-no-such-dir", "libnvrtc.so.99");
        // Only names that cannot exist, so the machine's real NVRTC is not found; the
        // process-wide loader is untouched.
        var probe = NvrtcLibrary.CreateProbe(missing, ["libnvrtc-kittens-test-missing.so.1"]);

        var e = Assert.Throws<DllNotFoundException>(() => probe.Load(out _));

        Assert.StartsWith("NVRTC not found. Tried, in order:", e.Message);
        Assert.Contains($"\n  KITTENS_NVRTC: {missing}: cannot open shared object file", e.Message);
        Assert.Contains("\n  libnvrtc-kittens-test-missing.so.1: cannot open shared object file", e.Message);
        Assert.Contains("Set KITTENS_NVRTC", e.Message);
        Assert.True(e.Message.IndexOf(missing, StringComparison.Ordinal) < e.Message.IndexOf("libnvrtc-kittens-test-missing", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnsetVariableIsReportedAsNotSet()
    {
        var probe = NvrtcLibrary.CreateProbe(null, ["libnvrtc-kittens-test-missing.so.1"]);

        Assert.False(probe.TryLoad(out _, out _, out var error));
        Assert.Contains("KITTENS_NVRTC: not set", error);
    }

    [Fact]
    public void AWorkingNvrtcIsFoundThroughTheSearch()
    {
        TestEnvironment.RequireNvrtc();
        // The process-wide search succeeded; a probe whose first candidate is missing falls through to it.
        var probe = NvrtcLibrary.CreateProbe("/nonexistent/libnvrtc.so", [NvrtcLibrary.LoadedFrom]);

        Assert.True(probe.TryLoad(out var handle, out var from, out _));
        Assert.NotEqual(0, handle);
        Assert.Equal(NvrtcLibrary.LoadedFrom, from);
    }

    [Fact]
    public void ALibraryThatIsNotNvrtcIsNamedAsSuch()
    {
        // libm loads everywhere and exports no NVRTC entry point.
        var probe = NvrtcLibrary.CreateProbe("libm.so.6", []);

        var (handle, _, error) = NvrtcLibrary.Load(probe);

        Assert.Equal(0, handle);
        Assert.NotNull(error);
        Assert.Contains("'libm.so.6' loaded, but it is not NVRTC", error);
        Assert.Contains("Set KITTENS_NVRTC", error);
    }
}
