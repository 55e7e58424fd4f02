using Kittens.Runtime;
using Kittens.Tool;

namespace Kittens.Tests.Tool;

/// <summary>
/// The kittens commands run in-process against a temporary cache folder, with the driver and
/// the NVRTC search replaced where a case needs a machine that lacks them. Compiling needs
/// NVRTC (always present under scripts/test.sh), not a GPU.
/// </summary>
public sealed class KittensToolTests : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "kittens-tool-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        try { Directory.Delete(_cache, recursive: true); }
        catch (DirectoryNotFoundException) { }
    }

    private ToolEnvironment Environment(Func<DriverStatus>? driver = null, IReadOnlyList<string>? nvrtcNames = null, string? nvrtcPath = null) => new()
    {
        GetVariable = name => name switch
        {
            CompileCache.DirectoryVariable => _cache,
            "KITTENS_NVRTC" when nvrtcPath is not null => nvrtcPath,
            _ => System.Environment.GetEnvironmentVariable(name),
        },
        ProbeDriver = driver ?? DriverStatus.Probe,
        NvrtcNames = nvrtcNames,
    };

    private static (int Code, string Output) Run(ToolEnvironment environment, params string[] args)
    {
        var output = new StringWriter();
        int code = KittensTool.Run(args, output, environment);
        TestContext.Current.TestOutputHelper?.WriteLine(output.ToString());
        return (code, output.ToString());
    }

    private static readonly DriverStatus Hopper = new(true, "", 12040, [new DeviceInfo(0, "NVIDIA H100 80GB HBM3", 9, 0, 80L << 30, 132)]);

    [Fact]
    public void Doctor_without_a_driver_reports_it_missing_with_the_fix_and_fails()
    {
        var (code, output) = Run(Environment(() => DriverStatus.Missing("no CUDA driver (libcuda.so.1) found: libcuda.so.1: cannot open shared object file")), "doctor");

        Assert.Equal(1, code);
        Assert.Contains("FAIL CUDA driver: no CUDA driver (libcuda.so.1) found", output);
        Assert.Contains("fix: install the NVIDIA GPU driver", output);
        Assert.Contains("warn sm_90a kernels: cannot run: no GPU", output);
        Assert.Contains($"compile cache: {_cache}: 0 entries", output);
    }

    [Fact]
    public void Doctor_on_this_machine_describes_its_gpu_or_why_there_is_none()
    {
        var (code, output) = Run(Environment(), "doctor");

        if (CudaContext.TryGetDefault(out var context, out var reason))
        {
            Assert.Contains($"ok   CUDA driver: CUDA {context.DriverVersion / 1000}.", output);
            Assert.Contains($"ok   GPU 0: {context.DeviceName}, compute capability {context.ComputeCapability.Major}.{context.ComputeCapability.Minor} ({context.TargetArch})", output);
            Assert.Equal(0, code);
        }
        else
        {
            Assert.Contains("FAIL CUDA driver: " + reason.Split('\n')[0], output);
            Assert.Equal(1, code);
        }
        Assert.Contains($"ok   NVRTC: {KernelCompiler.NvrtcVersion} from ", output);
    }

    [Fact]
    public void Doctor_with_an_sm_90_gpu_says_sm_90a_kernels_run()
    {
        var (code, output) = Run(Environment(() => Hopper), "doctor");

        Assert.Equal(0, code);
        Assert.Contains("ok   GPU 0: NVIDIA H100 80GB HBM3, compute capability 9.0 (sm_90a), 80.0 GiB, 132 SMs", output);
        Assert.Contains("ok   sm_90a kernels: can run on GPU 0", output);
        Assert.Contains("No problems.", output);
    }

    [Fact]
    public void Doctor_without_nvrtc_names_the_places_tried_and_the_fix()
    {
        var missing = Path.Combine(_cache, "no-such", "libnvrtc.so.12");
        var (code, output) = Run(Environment(() => Hopper, ["libnvrtc-kittens-missing.so.99"], missing), "doctor");

        Assert.Equal(1, code);
        Assert.Contains("FAIL NVRTC: not found; tried KITTENS_NVRTC: " + missing, output);
        Assert.Contains("libnvrtc-kittens-missing.so.99", output);
        Assert.Contains("fix: set KITTENS_NVRTC to the path of libnvrtc.so.12", output);
        Assert.Contains("scripts/install-nvrtc.sh", output);
        Assert.Contains("warn sm_90a kernels: GPU 0 is sm_90, but there is no NVRTC to compile them", output);
    }

    [Fact]
    public void Doctor_flags_nvrtc_newer_than_the_driver()
    {
        var checks = DoctorCommand.Checks(Hopper, new NvrtcStatus(true, "libnvrtc.so.13", "13.0", ""), _cache);

        var check = Assert.Single(checks, c => c.Name == "NVRTC and driver");
        Assert.Equal(CheckState.Problem, check.State);
        Assert.Contains("update the GPU driver to CUDA 13", check.Fix);
    }

    [Fact]
    public void Compile_fills_the_cache_then_list_shows_every_kernel_and_clear_empties_it()
    {
        var assembly = typeof(Kittens.Attention.FlashAttention).Assembly.Location;
        var kernels = KernelDiscovery.Find(assembly);
        Assert.True(kernels.Count >= 5, $"only {kernels.Count} kernels found");

        var (code, output) = Run(Environment(), "compile", assembly, "--arch", "sm_90a");
        Assert.Equal(0, code);
        Assert.Contains($"Compiling {kernels.Count} kernels for sm_90a into {_cache}", output);
        foreach (var (name, _) in kernels) Assert.Contains(name, output);
        Assert.Contains($"{kernels.Count} compiled, 0 already cached, 0 failed.", output);

        // What a launch would look up is now on disk: a fresh cache on the folder hits without compiling.
        var cache = new CompileCache(_cache);
        foreach (var (_, source) in kernels) cache.GetOrAdd(KernelCompiler.CacheKey(source, "sm_90a"), () => throw new InvalidOperationException("not cached"));
        Assert.Equal(kernels.Count, cache.DiskHits);

        (code, output) = Run(Environment(), "compile", assembly, "--arch", "sm_90a");
        Assert.Equal(0, code);
        Assert.Contains($"0 compiled, {kernels.Count} already cached, 0 failed.", output);

        File.WriteAllText(Path.Combine(_cache, "notes.txt"), "not the cache's");
        (code, output) = Run(Environment(), "cache", "list");
        Assert.Equal(0, code);
        foreach (var (_, source) in kernels) Assert.Contains($"│ {source.EntryPoint} ", output);
        Assert.Contains($"{kernels.Count} entries, ", output);
        Assert.DoesNotContain("notes.txt", output);
        Assert.Contains("sm_90a", output);

        (code, output) = Run(Environment(), "cache", "clear");
        Assert.Equal(0, code);
        Assert.Contains($"Deleted {kernels.Count} files from {_cache}; left 1 other file that the cache did not write.", output);
        Assert.Empty(CacheFolder.Read(_cache).Entries);
        Assert.True(File.Exists(Path.Combine(_cache, "notes.txt")));

        (_, output) = Run(Environment(), "cache", "list");
        Assert.Contains("No entries.", output);
    }

    [Fact]
    public void Cache_list_marks_a_corrupt_entry_unreadable_and_clear_removes_it()
    {
        Directory.CreateDirectory(_cache);
        File.WriteAllBytes(Path.Combine(_cache, new string('a', 64) + ".kcubin"), [1, 2, 3]);

        var (_, output) = Run(Environment(), "cache", "list");
        Assert.Contains("(unreadable entry)", output);

        var (code, cleared) = Run(Environment(), "cache", "clear");
        Assert.Equal(0, code);
        Assert.Contains("Deleted 1 file from", cleared);
    }

    [Fact]
    public void Compile_of_a_missing_assembly_fails_with_its_path()
    {
        var (code, output) = Run(Environment(), "compile", Path.Combine(_cache, "missing.dll"));

        Assert.Equal(1, code);
        Assert.Contains("no assembly at ", output);
    }
}
