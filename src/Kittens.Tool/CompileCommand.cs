using System.CommandLine;
using System.Diagnostics;
using Kittens.Runtime;
using Kittens.Runtime.Native;
using Spectre.Console;

namespace Kittens.Tool;

/// <summary>How compiling one kernel into the cache went.</summary>
public sealed record CompileOutcome(string Name, string Arch, bool WasCached, TimeSpan Time, KernelResources? Resources, string? Error);

/// <summary>
/// <c>kittens compile &lt;assembly&gt;</c>: compiles every kernel of an assembly into the compile
/// cache under the key a launch computes, so that a deployment's first launch loads a CUBIN
/// instead of waiting seconds for NVRTC.
/// </summary>
public static class CompileCommand
{
    /// <summary>The arch used when there is no GPU to ask.</summary>
    public const string FallbackArch = "sm_90a";

    internal static Command Create(TextWriter output, ToolEnvironment environment)
    {
        var assembly = new Argument<string>("assembly") { Description = "The .dll whose generated launchers name the kernels (its dependencies are loaded from its folder)." };
        var arch = new Option<string?>("--arch") { Description = $"The NVRTC target, e.g. sm_90a or sm_80 (default: GPU 0's, else {FallbackArch})." };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Kernels compiled at once (default: the number of CPUs).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("compile", "Compile an assembly's kernels into the compile cache.") { assembly, arch, jobs };
        command.SetAction(parse => Run(parse.GetValue(assembly)!, parse.GetValue(arch), parse.GetValue(jobs), output, environment));
        return command;
    }

    private static int Run(string assemblyPath, string? arch, int jobs, TextWriter output, ToolEnvironment environment)
    {
        if (!NvrtcLibrary.TryEnsureLoaded(out var nvrtcMissing))
        {
            output.WriteLine(nvrtcMissing.Split('\n')[0]);
            output.WriteLine("fix: " + DoctorCommand.NvrtcFix);
            return 1;
        }
        if (environment.CacheDirectory is not { } directory)
        {
            output.WriteLine("No cache folder: set KITTENS_CACHE_DIR (or HOME) so the compiled kernels are kept.");
            return 1;
        }
        IReadOnlyList<(string Name, KernelSource Source)> kernels;
        try
        {
            kernels = KernelDiscovery.Find(assemblyPath);
        }
        catch (Exception e) when (e is FileNotFoundException or BadImageFormatException or FileLoadException)
        {
            output.WriteLine($"Cannot load {assemblyPath}: {e.Message}");
            return 1;
        }
        if (kernels.Count == 0)
        {
            output.WriteLine($"No kernels in {assemblyPath} (no generated launcher with a static KernelSource Source).");
            return 1;
        }
        arch ??= DefaultArch(environment);
        output.WriteLine($"Compiling {kernels.Count} kernel{(kernels.Count == 1 ? "" : "s")} for {arch} into {directory} (NVRTC {KernelCompiler.NvrtcVersion})");

        var cache = new CompileCache(directory);
        var outcomes = new CompileOutcome[kernels.Count];
        var console = KittensTool.Console(output);
        console.Progress().AutoClear(true).Start(progress =>
        {
            var task = progress.AddTask("compiling", maxValue: kernels.Count);
            Parallel.For(0, kernels.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, i =>
            {
                outcomes[i] = CompileOne(cache, kernels[i].Name, kernels[i].Source, arch);
                task.Increment(1);
            });
        });

        var table = new Table().AddColumns("kernel", "arch", "result", "time", "registers", "spills");
        foreach (var o in outcomes)
            table.AddTextRow(o.Name, o.Arch, o.Error is null ? (o.WasCached ? "cached" : "compiled") : "FAILED",
                $"{o.Time.TotalSeconds:0.00} s",
                o.Resources is { } r ? r.Registers.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
                o.Resources is { } s ? $"{s.SpillStoreBytes + s.SpillLoadBytes} B" : "");
        console.Write(table);
        foreach (var o in outcomes.Where(o => o.Error is not null))
            output.WriteLine($"{o.Name}: {o.Error}");
        int failed = outcomes.Count(o => o.Error is not null), cached = outcomes.Count(o => o.WasCached);
        output.WriteLine($"{outcomes.Length - failed - cached} compiled, {cached} already cached, {failed} failed.");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>
    /// Goes through the cache under <see cref="KernelCompiler.CacheKey"/>, the key a launch
    /// uses, so the entry written here is the one the launch finds.
    /// </summary>
    internal static CompileOutcome CompileOne(CompileCache cache, string name, KernelSource source, string arch)
    {
        var clock = Stopwatch.StartNew();
        bool compiled = false;
        try
        {
            var cubin = cache.GetOrAdd(KernelCompiler.CacheKey(source, arch), () =>
            {
                compiled = true;
                return KernelCompiler.Compile(source, arch);
            });
            return new(name, arch, !compiled, clock.Elapsed, cubin.Resources, null);
        }
        catch (KernelCompileException e)
        {
            return new(name, arch, false, clock.Elapsed, null, e.Message.Split('\n')[0]);
        }
    }

    private static string DefaultArch(ToolEnvironment environment)
    {
        var driver = environment.ProbeDriver();
        return driver.Devices.Count > 0 ? driver.Devices[0].TargetArch : FallbackArch;
    }
}
