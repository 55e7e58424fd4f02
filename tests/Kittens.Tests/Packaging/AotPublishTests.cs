namespace Kittens.Tests.Packaging;

/// <summary>
/// Native AOT is a supported way to ship: <c>scripts/publish-aot.sh</c> publishes the attention
/// example as one native executable with no trim or AOT warning from the libraries, and the
/// executable runs: without a GPU it generates every kernel and compiles it with NVRTC for
/// sm_90a (its no-GPU path); with one it also runs and checks them against float64.
/// </summary>
public sealed class AotPublishTests
{
    [Fact]
    public void TheAttentionExample_PublishesAsNativeAot_WithoutWarnings_AndRuns()
    {
        Assert.SkipUnless(ProcessRunner.HasSdk(out var noSdk), noSdk);
        var root = Path.Combine(Path.GetTempPath(), "kittens-aot-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var output = Path.Combine(root, "out");
            var publish = ProcessRunner.Run("bash",
                [Path.Combine(ProcessRunner.RepositoryRoot, "scripts", "publish-aot.sh"), output, "linux-x64", Path.Combine(root, "build")],
                ProcessRunner.RepositoryRoot);
            Assert.DoesNotContain("warning", publish, StringComparison.OrdinalIgnoreCase);

            var executable = Path.Combine(output, "Kittens.Examples.Attention");
            Assert.True(File.Exists(executable), publish);
            // Native code: no IL assembly of the example beside it, no runtime to find.
            Assert.False(File.Exists(Path.Combine(output, "Kittens.Examples.Attention.dll")));

            var run = ProcessRunner.Run(executable, ["--batch", "1", "--heads", "2", "--seq", "256"], root);
            TestContext.Current.TestOutputHelper?.WriteLine(run);
            Assert.Contains("forward_d128", run);
            Assert.True(run.Contains("Nothing was run: no GPU.", StringComparison.Ordinal) || run.Contains(" ok |", StringComparison.Ordinal), run);
            Assert.DoesNotContain("WRONG", run, StringComparison.Ordinal);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); }
            catch (IOException) { }
        }
    }
}
