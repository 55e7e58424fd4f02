using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Kittens.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Kittens.Generator.Tests.Fuzz;

/// <summary>
/// Every bad kernel is refused in C#: mutants of the example and library kernels go through the
/// generator in process and, when C# and the generator accept them, through NVRTC. It fails on a
/// generator exception (KIT9999 or a crash), a launcher that does not compile, and CUDA that
/// NVRTC rejects although C# had no error (a header static_assert counts as caught only when its
/// message names the C# op). KITTENS_FUZZ_SEED picks the mutants (the default is fixed, so CI is
/// reproducible), KITTENS_FUZZ_MUTANTS how many, KITTENS_FUZZ_NVRTC how many new CUDA texts to
/// compile (the rest are counted as not compiled): NVRTC is most of the time.
/// </summary>
public sealed partial class MutationFuzzTests
{
    private const int DefaultSeed = 20250131;
    private const string Arch = "sm_90a";

    /// <summary>Read from the repository like the snapshot tests; the attention library also needs implicit usings.</summary>
    private static FuzzUnit[] Units()
    {
        (string, string) Example(string path) => (path, Repository.Example(path));
        (string, string) Library(string name) => ("Kernels/" + name, Repository.Source("src/Kittens.Attention/Kernels/" + name));
        // Examples' host code (Program.cs, the CPU reference) holds no kernel and needs the example's whole project.
        var library = Directory.GetFiles(Path.Combine(Repository.Root, "src/Kittens.Attention/Kernels"), "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var usings = ("Kernels/GlobalUsings.cs", "global using System; global using System.Collections.Generic; global using System.Linq;");
        return
        [
            new("attention-example", [Example("Attention/AttentionKernels.cs")], ["Attention/AttentionKernels.cs"]),
            new("gemm-example", [Example("Gemm/GemmKernels.cs")], ["Gemm/GemmKernels.cs"]),
            new("attention-library", [.. library.Select(f => Library(f!)), usings], [.. library.Select(f => "Kernels/" + f)]),
        ];
    }

    private enum Outcome { CSharpError, KitDiagnostic, CompiledOk, CaughtByHeader, RegisterLimit, CudaSeenBefore, OverBudget, NotCompiled, Failed }

    private sealed record Result(Mutant Mutant, Outcome Outcome, List<string> Failures, List<(string Entry, string Cuda, string File)> Cuda);

    [Fact]
    public void Mutants_AreRefusedInCSharp_OrCompile()
    {
        NvrtcCompileTests.RequireNvrtc();
        int seed = Setting("KITTENS_FUZZ_SEED", DefaultSeed);
        int count = Setting("KITTENS_FUZZ_MUTANTS", 1000);
        int nvrtcBudget = Setting("KITTENS_FUZZ_NVRTC", 24);
        var clock = Stopwatch.StartNew();
        var units = Units();

        // The unmutated kernels: they must be clean, and their CUDA is what NVRTC need not see again.
        var known = new HashSet<string>();
        foreach (var unit in units)
        {
            var baseline = Check(new Mutant(-1, "none", unit.Name, "", 0, "", "", unit.Files));
            Assert.True(baseline.Outcome == Outcome.NotCompiled && baseline.Failures.Count == 0, unit.Name + " must be clean: " + string.Join("\n", baseline.Failures));
            foreach (var cuda in baseline.Cuda)
            {
                known.Add(Hash(cuda.Cuda));
                s_baselineBounds[cuda.Entry] = LaunchBounds(cuda.Cuda);
            }
        }

        var mutants = new Mutator(units).Mutants(new Random(seed), count).ToArray();
        var results = new Result[mutants.Length];
        Parallel.For(0, mutants.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => results[i] = Check(mutants[i]));
        var generatorTime = clock.Elapsed;

        // NVRTC for the first new CUDA texts in mutant order, so a seed compiles the same ones everywhere.
        var toCompile = new List<(Result Result, (string Entry, string Cuda, string File) Kernel)>();
        for (int i = 0; i < results.Length; i++)
        {
            if (results[i].Outcome != Outcome.NotCompiled) continue;
            bool skipped = false;
            foreach (var kernel in results[i].Cuda)
            {
                if (known.Contains(Hash(kernel.Cuda))) continue;
                if (toCompile.Count < nvrtcBudget) { known.Add(Hash(kernel.Cuda)); toCompile.Add((results[i], kernel)); }
                else skipped = true;
            }
            results[i] = results[i] with { Outcome = skipped ? Outcome.OverBudget : Outcome.CudaSeenBefore };
        }
        var verdicts = new ConcurrentDictionary<int, List<(Outcome, string?)>>();
        Parallel.ForEach(toCompile, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, item =>
            verdicts.GetOrAdd(item.Result.Mutant.Index, _ => []).Add(Compile(item.Kernel)));
        for (int i = 0; i < results.Length; i++)
        {
            if (!verdicts.TryGetValue(results[i].Mutant.Index, out var compiled)) continue;
            var failures = results[i].Failures.Concat(compiled.Where(c => c.Item2 is not null).Select(c => c.Item2!)).ToList();
            var outcome = failures.Count > 0 ? Outcome.Failed : compiled.Select(c => c.Item1).Where(o => o != Outcome.CompiledOk).DefaultIfEmpty(Outcome.CompiledOk).Max();
            results[i] = results[i] with { Outcome = outcome, Failures = failures };
        }

        var report = new StringBuilder();
        report.Append(Invariant($"mutation fuzz: seed {seed} (KITTENS_FUZZ_SEED), {results.Length} mutants, {toCompile.Count} NVRTC compiles (budget {nvrtcBudget}), "))
            .Append(Invariant($"generator {generatorTime.TotalSeconds:F1} s, total {clock.Elapsed.TotalSeconds:F1} s\n"));
        foreach (var outcome in Enum.GetValues<Outcome>())
            if (outcome != Outcome.NotCompiled) report.Append(Invariant($"  {outcome,-15} {results.Count(r => r.Outcome == outcome),5}\n"));
        foreach (var kind in results.GroupBy(r => r.Mutant.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            report.Append(Invariant($"  {kind.Key,-15} {kind.Count(),5}: ")).Append(string.Join(", ", kind.GroupBy(r => r.Outcome).OrderBy(g => g.Key).Select(g => Invariant($"{g.Key} {g.Count()}")))).Append('\n');
        foreach (var result in results.Where(r => r.Outcome == Outcome.RegisterLimit))
            report.Append("register limit (not a defect: ptxas cannot fit the code in the registers Threads x MinBlocksPerSm leaves) ").Append(result.Mutant).Append('\n');
        var failed = results.Where(r => r.Outcome == Outcome.Failed).ToList();
        foreach (var result in failed)
        {
            report.Append("FAILED ").Append(result.Mutant.Unit).Append(' ').Append(result.Mutant).Append('\n');
            foreach (var failure in result.Failures) report.Append("    ").Append(failure.Replace("\n", "\n    ", StringComparison.Ordinal)).Append('\n');
        }
        // Stderr, so the counts show in the CI log for a passing test too; the test output keeps them with the test.
        Console.Error.Write(report.ToString());
        TestContext.Current.TestOutputHelper?.Write(report.ToString());
        Assert.True(failed.Count == 0, Invariant($"{failed.Count} mutants failed (reproduce with KITTENS_FUZZ_SEED={seed}):\n") + report);
    }

    /// <summary>The generator run and the C# checks of one mutant (NotCompiled until NVRTC's turn); CUDA to compile comes back when C# and the generator accepted it.</summary>
    private static Result Check(Mutant mutant)
    {
        var failures = new List<string>();
        var kernels = new List<(string, string, string)>();
        var compilation = GeneratorHarness.Compile(mutant.Files);
        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var run = new GeneratorHarness.Run(driver, compilation, output, driver.GetRunResult().Results.Single());

        if (run.Result.Exception is { } exception) failures.Add("generator threw " + exception);
        foreach (var d in run.Diagnostics.Concat(generatorDiagnostics).Where(d => d.Id is "KIT9999" or "CS8784" or "CS8785")) failures.Add("generator failed: " + d);

        // Syntax errors are found without binding; otherwise each user file is bound, and the
        // launchers always are (binding only what is needed keeps a thousand mutants within CI time).
        var userTrees = output.SyntaxTrees.Where(t => mutant.Files.Any(f => f.Path == t.FilePath)).ToList();
        var csharpErrors = userTrees.SelectMany(t => t.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (csharpErrors.Count == 0)
            csharpErrors = userTrees.SelectMany(t => output.GetSemanticModel(t).GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var launcherErrors = output.SyntaxTrees.Except(userTrees).SelectMany(t => output.GetSemanticModel(t).GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        bool kitErrors = run.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("KIT", StringComparison.Ordinal));
        var generated = run.Kernels;

        // A launcher is generated whatever the body says, so calls to it compile; with an error in
        // the C# it may only fail to compile where its kernel's CUDA is the #error.
        foreach (var error in launcherErrors)
        {
            string file = error.Location.SourceTree!.FilePath;
            var kernel = generated.Values.FirstOrDefault(k => file.EndsWith(k.HintName, StringComparison.Ordinal));
            bool excused = csharpErrors.Count > 0 && (kernel is null || IsErrorCuda(kernel.CudaSource));
            if (!excused) failures.Add($"launcher does not compile: {error}");
        }

        Outcome outcome = csharpErrors.Count > 0 ? Outcome.CSharpError : kitErrors ? Outcome.KitDiagnostic : Outcome.NotCompiled;
        if (outcome == Outcome.NotCompiled)
        {
            foreach (var kernel in generated.Values)
            {
                if (IsErrorCuda(kernel.CudaSource)) failures.Add($"{kernel.HintName}: #error CUDA without a KIT error");
                else kernels.Add((EntryPoint().Match(kernel.CudaSource).Groups[1].Value, kernel.CudaSource, mutant.File));
            }
        }
        return new Result(mutant, failures.Count > 0 ? Outcome.Failed : outcome, failures, kernels);
    }

    /// <summary>NVRTC's verdict on CUDA the generator accepted: compiled, caught by a header check that names the C# op, or a failure.</summary>
    private static (Outcome, string?) Compile((string Entry, string Cuda, string File) kernel)
    {
        try
        {
            _ = CompileCache.Default.GetOrCompile(new KernelSource(kernel.Entry, kernel.Cuda, kernel.File, 128, 1, 0), Arch);
            return (Outcome.CompiledOk, null);
        }
        catch (KernelCompileException e)
        {
            var errors = e.Log.Split('\n').Where(l => l.Contains("error", StringComparison.Ordinal)).ToList();
            // Registers per thread are 64K / (threads x blocks per SM); whether the code fits is
            // ptxas's register allocation, which C# cannot know, so a mutant that raised the
            // launch bounds above its kernel's and no longer fits is a resource limit, like the
            // spills the runtime reports, not a defect. At the kernel's own bounds it is a defect.
            if (e.Log.Contains("(C7600) Register allocation failed", StringComparison.Ordinal)
                && LaunchBounds(kernel.Cuda) > (s_baselineBounds.TryGetValue(kernel.Entry, out long own) ? own : s_baselineBounds.Values.Max()))
                return (Outcome.RegisterLimit, null);
            if (errors.Count > 0 && errors.All(l => StaticAssert().Match(l) is { Success: true } m && NamesCSharpRule().IsMatch(m.Groups[1].Value)))
                return (Outcome.CaughtByHeader, null);
            return (Outcome.Failed, $"NVRTC rejected {kernel.Entry} (C# and the generator accepted it):\n" + string.Join("\n", e.Log.Split('\n').Take(12)));
        }
    }

    private static readonly ConcurrentDictionary<string, long> s_baselineBounds = new();

    /// <summary>Threads x min blocks per SM of the kernel's __launch_bounds__: what divides the register file.</summary>
    private static long LaunchBounds(string cuda)
    {
        var match = Bounds().Match(cuda);
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * long.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"__global__ void __launch_bounds__\((\d+), (\d+)\)")]
    private static partial Regex Bounds();

    private static bool IsErrorCuda(string cuda) => cuda.Contains("\n#error \"Kittens could not translate", StringComparison.Ordinal);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), System.Globalization.CultureInfo.InvariantCulture, out int value) ? value : fallback;

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    [GeneratedRegex(@"__global__ void __launch_bounds__\([^)]*\) (?:__cluster_dims__\([^)]*\) )?(\w+)\(")]
    private static partial Regex EntryPoint();

    [GeneratedRegex("static assertion failed with \"(.*)\"")]
    private static partial Regex StaticAssert();

    /// <summary>A header message written for the kernel's author: it names the C# op (Warp.Load, Tma.Store, ...) or a KIT rule.</summary>
    [GeneratedRegex(@"\b(?:Warp|Warpgroup|Tma|Sync|Shared|Gpu|Atomic|DeviceMath)\.[A-Z]\w*|\bKIT\d{4}\b")]
    private static partial Regex NamesCSharpRule();
}
