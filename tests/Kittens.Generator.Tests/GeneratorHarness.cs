using System.Collections.Immutable;
using System.Reflection;
using Kittens.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kittens.Generator.Tests;

/// <summary>Runs <see cref="KernelGenerator"/> in memory over C# sources.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions LatestSyntax = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    /// <summary>The trusted platform assemblies, Kittens.Abstractions and (for launchers) Kittens.Runtime.</summary>
    public static ImmutableArray<MetadataReference> References => s_references.Value;

    public static CSharpCompilation Compile(params (string Path, string Source)[] files) =>
        CSharpCompilation.Create(
            "KernelTests",
            files.Select(f => CSharpSyntaxTree.ParseText(f.Source, LatestSyntax, f.Path)),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

    public static GeneratorDriver CreateDriver(string? projectDirectory = null, bool trackSteps = true)
    {
        var options = projectDirectory is null ? null : new TestOptionsProvider(projectDirectory);
        return CSharpGeneratorDriver.Create(
            new[] { new KernelGenerator().AsSourceGenerator() },
            parseOptions: LatestSyntax,
            optionsProvider: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    /// <summary>Runs the generator over <paramref name="files"/> and returns its single result.</summary>
    public static Run Generate(params (string Path, string Source)[] files) => Generate(null, files);

    public static Run Generate(string? projectDirectory, params (string Path, string Source)[] files)
    {
        var compilation = Compile(files);
        var driver = CreateDriver(projectDirectory).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return new Run(driver, compilation, output, driver.GetRunResult().Results.Single());
    }

    /// <summary>Wraps a kernel body in a compilable file: a partial class with usings and one kernel.</summary>
    public static string Kernel(string body, string parameters = "GL<float> x", string attribute = "[Kernel(Threads = 32)]", string members = "") => $$"""
        using System;
        using System.Linq;
        using Kittens;

        namespace Tests;

        public static partial class K
        {
            {{members}}
            {{attribute}}
            public static void Run({{parameters}})
            {
        {{body}}
            }
        }
        """;

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
        paths.Add(typeof(KernelAttribute).Assembly.Location);
        var runtime = Path.Combine(AppContext.BaseDirectory, "Kittens.Runtime.dll");
        if (File.Exists(runtime)) paths.Add(runtime);
        return paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    internal sealed record Run(GeneratorDriver Driver, Compilation Input, Compilation Output, GeneratorRunResult Result)
    {
        public ImmutableArray<Diagnostic> Diagnostics => Result.Diagnostics;

        /// <summary>The generated kernels from the "Source" step, by method name.</summary>
        public IReadOnlyDictionary<string, GeneratedKernel> Kernels =>
            Result.TrackedSteps.GetValueOrDefault(KernelGenerator.TrackingNames.Source, [])
                .SelectMany(step => step.Outputs)
                .Select(output => (GeneratedKernel)output.Value)
                .ToDictionary(k => k.HintName.Split('.')[^3]);

        public GeneratedKernel Kernel(string method) => Kernels[method];
    }

    private sealed class TestOptionsProvider(string projectDirectory) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(projectDirectory);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(null);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(null);

        private sealed class Options(string? projectDirectory) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = projectDirectory ?? string.Empty;
                return key == "build_property.projectdir" && projectDirectory is not null;
            }
        }
    }
}

/// <summary>The repository root (the folder with Kittens.sln, or else the one with examples/).</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Example(string relativePath) => File.ReadAllText(Path.Combine(Root, "examples", relativePath));

    public static string Source(string pathFromRoot) => System.IO.File.ReadAllText(Path.Combine(Root, pathFromRoot));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Kittens.sln"))) return directory.FullName;
        }
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "examples"))) return directory.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root (Kittens.sln or examples/) above " + AppContext.BaseDirectory);
    }
}
