using System.CommandLine;
using System.Runtime.InteropServices;
using Kittens.Runtime;
using Kittens.Runtime.Native;

namespace Kittens.Tool;

/// <summary>How a doctor check came out.</summary>
public enum CheckState
{
    /// <summary>Fine.</summary>
    Ok,
    /// <summary>Something optional is missing (e.g. no sm_90 GPU): some kernels or speed are lost, nothing fails.</summary>
    Warning,
    /// <summary>Something required is missing: the doctor exits non-zero.</summary>
    Problem,
}

/// <summary>One line of the doctor's report: what was checked, what was found, and how to fix it.</summary>
public sealed record DoctorCheck(string Name, CheckState State, string Detail, string Fix = "");

/// <summary>The NVRTC library a search found, or why none was.</summary>
public sealed record NvrtcStatus(bool Found, string LoadedFrom, string Version, string Reason)
{
    /// <summary>Runs the runtime's NVRTC search for this environment (the same order and rules the compiler uses).</summary>
    public static unsafe NvrtcStatus Probe(ToolEnvironment environment)
    {
        var probe = NvrtcLibrary.CreateProbe(environment.GetVariable(NvrtcLibrary.EnvironmentVariable), environment.NvrtcNames);
        var (handle, loadedFrom, error) = NvrtcLibrary.Load(probe);
        if (error is not null) return new(false, "", "", error);
        // Asked of the library this search found, which need not be the one this process compiles with.
        var version = (delegate* unmanaged<int*, int*, int>)NativeLibrary.GetExport(handle, "nvrtcVersion");
        int major, minor;
        return version(&major, &minor) == 0
            ? new(true, loadedFrom, $"{major}.{minor}", "")
            : new(false, loadedFrom, "", $"NVRTC: '{loadedFrom}' loaded, but nvrtcVersion failed");
    }
}

/// <summary><c>kittens doctor</c>: checks the driver, GPUs, NVRTC, sm_90a support and the compile cache.</summary>
public static class DoctorCommand
{
    internal const string NvrtcFix =
        "set KITTENS_NVRTC to the path of libnvrtc.so.12 (or .13), or put its folder on LD_LIBRARY_PATH; " +
        "in a checkout of Kittens, scripts/install-nvrtc.sh installs NVRTC into .cache/nvrtc without root";

    internal static Command Create(TextWriter output, ToolEnvironment environment)
    {
        var command = new Command("doctor", "Check the CUDA driver, GPUs, NVRTC and the compile cache; print a fix for each problem.");
        command.SetAction(_ =>
        {
            var checks = Checks(environment.ProbeDriver(), NvrtcStatus.Probe(environment), environment.CacheDirectory);
            Write(checks, output);
            return checks.Any(c => c.State == CheckState.Problem) ? 1 : 0;
        });
        return command;
    }

    /// <summary>The report for what was found; pure, so every combination can be tested on any machine.</summary>
    public static IReadOnlyList<DoctorCheck> Checks(DriverStatus driver, NvrtcStatus nvrtc, string? cacheDirectory)
    {
        var checks = new List<DoctorCheck>();
        if (!driver.Available)
        {
            checks.Add(new("CUDA driver", CheckState.Problem, driver.Reason, DriverFix(driver.Reason)));
        }
        else
        {
            checks.Add(new("CUDA driver", CheckState.Ok, $"CUDA {Version(driver.DriverVersion)} ({CudaDriver.Library})"));
            foreach (var d in driver.Devices)
                checks.Add(new($"GPU {d.Ordinal}", CheckState.Ok,
                    $"{d.Name}, compute capability {d.Major}.{d.Minor} ({d.TargetArch}), {KittensTool.Size(d.TotalMemoryBytes)}, {d.Multiprocessors} SMs"));
        }

        if (!nvrtc.Found)
            checks.Add(new("NVRTC", CheckState.Problem, NotFoundDetail(nvrtc.Reason), NvrtcFix));
        else
            checks.Add(new("NVRTC", CheckState.Ok, $"{nvrtc.Version} from {nvrtc.LoadedFrom}"));

        if (nvrtc.Found && driver.Available && Major(nvrtc.Version) > driver.DriverVersion / 1000)
            checks.Add(new("NVRTC and driver", CheckState.Problem,
                $"NVRTC {nvrtc.Version} makes code for CUDA {Major(nvrtc.Version)}, but the driver is CUDA {Version(driver.DriverVersion)}",
                $"update the GPU driver to CUDA {Major(nvrtc.Version)}, or use NVRTC {driver.DriverVersion / 1000} (KITTENS_NVRTC)"));

        checks.Add(Sm90a(driver, nvrtc));
        checks.Add(Cache(cacheDirectory));
        return checks;
    }

    /// <summary>Writes one line per check, and an indented fix under each that has one.</summary>
    public static void Write(IReadOnlyList<DoctorCheck> checks, TextWriter output)
    {
        foreach (var check in checks)
        {
            string state = check.State switch { CheckState.Ok => "  ok   ", CheckState.Warning => "  warn ", _ => "  FAIL " };
            output.WriteLine($"{state}{check.Name}: {check.Detail}");
            if (check.Fix.Length > 0) output.WriteLine($"         fix: {check.Fix}");
        }
        int problems = checks.Count(c => c.State == CheckState.Problem);
        int warnings = checks.Count(c => c.State == CheckState.Warning);
        output.WriteLine(problems == 0
            ? $"No problems{(warnings > 0 ? $" ({warnings} warning{(warnings == 1 ? "" : "s")})" : "")}."
            : $"{problems} problem{(problems == 1 ? "" : "s")} found.");
    }

    private static string DriverFix(string reason) => reason.Contains("no CUDA driver", StringComparison.Ordinal)
        ? "install the NVIDIA GPU driver (it provides libcuda.so.1); in a container, start it with the GPUs exposed (docker run --gpus all)"
        : "check that nvidia-smi lists the GPU; CUDA_VISIBLE_DEVICES may hide it, and a driver/kernel-module mismatch needs a reboot";

    private static DoctorCheck Sm90a(DriverStatus driver, NvrtcStatus nvrtc)
    {
        const string name = "sm_90a kernels";
        if (nvrtc.Found && Major(nvrtc.Version) < 12)
            return new(name, CheckState.Warning, $"NVRTC {nvrtc.Version} cannot target sm_90a (NVRTC 12.0 or later can)", NvrtcFix);
        var hopper = driver.Devices.FirstOrDefault(d => d.Major == 9 && d.Minor == 0);
        if (hopper is not null)
            return new(name, nvrtc.Found ? CheckState.Ok : CheckState.Warning,
                nvrtc.Found ? $"can run on GPU {hopper.Ordinal}" : $"GPU {hopper.Ordinal} is sm_90, but there is no NVRTC to compile them");
        string found = driver.Devices.Count == 0 ? "no GPU" : "no GPU of compute capability 9.0 (" + string.Join(", ", driver.Devices.Select(d => d.TargetArch).Distinct()) + ")";
        return new(name, CheckState.Warning, $"cannot run: {found}",
            "the TMA/wgmma kernels (FlashAttention) need an H100 or H200; `kittens compile --arch sm_90a` still precompiles them");
    }

    private static DoctorCheck Cache(string? directory)
    {
        const string name = "compile cache";
        if (directory is null)
            return new(name, CheckState.Warning, "no folder (neither KITTENS_CACHE_DIR nor HOME is set): kernels are compiled in every process",
                "set KITTENS_CACHE_DIR to a writable folder");
        var folder = CacheFolder.Read(directory);
        string contents = $"{directory}: {folder.Entries.Count} entr{(folder.Entries.Count == 1 ? "y" : "ies")}, {KittensTool.Size(folder.TotalBytes)}";
        if (!CacheFolder.IsWritable(directory))
            return new(name, CheckState.Warning, contents + " (not writable: compiles are not kept)",
                "make the folder writable, or set KITTENS_CACHE_DIR to a writable folder");
        int corrupt = folder.Entries.Count(e => e.Compiled is null);
        return corrupt == 0
            ? new(name, CheckState.Ok, contents)
            : new(name, CheckState.Warning, contents + $", {corrupt} unreadable (they are rebuilt when next used)", "kittens cache clear");
    }

    private static string Version(int cudaVersion) => $"{cudaVersion / 1000}.{cudaVersion % 1000 / 10}";

    private static int Major(string version) => int.TryParse(version.Split('.')[0], out int major) ? major : 0;

    /// <summary>The search's message is several lines (each place tried, then advice); the report wants the places on one line.</summary>
    private static string NotFoundDetail(string reason)
    {
        var lines = reason.Split('\n');
        var tried = lines.Where(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l.Trim()).ToArray();
        return tried.Length == 0 ? lines[0] : "not found; tried " + string.Join("; ", tried);
    }
}
