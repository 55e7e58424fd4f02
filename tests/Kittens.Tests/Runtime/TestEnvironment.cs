using Kittens.Runtime;
using Kittens.Runtime.Native;

namespace Kittens.Tests.Runtime;

/// <summary>
/// What the machine offers: tests needing a GPU skip without one; tests needing NVRTC run
/// whenever it can be found, and fail (rather than skip) when KITTENS_NVRTC names one that
/// does not load, because then the test setup is broken, not the machine.
/// </summary>
internal static class TestEnvironment
{
    /// <summary>The default context, or a skip ("no CUDA GPU: ...").</summary>
    public static CudaContext RequireGpu()
    {
        if (!CudaContext.TryGetDefault(out var context, out var reason)) Assert.Skip("no CUDA GPU: " + reason);
        return context;
    }

    /// <summary>Returns when NVRTC loads; skips when it is absent and not configured; fails when configured but broken.</summary>
    public static void RequireNvrtc()
    {
        if (NvrtcLibrary.TryEnsureLoaded(out var reason)) return;
        // Never a skip: the compile tests must run wherever the tests run, and scripts/test.sh
        // installs NVRTC when the machine has none.
        Assert.Fail("NVRTC is required for the compile tests; run scripts/test.sh, which installs it, or set KITTENS_NVRTC: " + reason);
    }

    /// <summary>A fresh empty directory under the system temp folder, deleted on dispose.</summary>
    public sealed class TempDirectory : IDisposable
    {
        public TempDirectory() => System.IO.Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kittens-tests-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            try { System.IO.Directory.Delete(Path, recursive: true); } catch (IOException) { }
        }
    }
}
