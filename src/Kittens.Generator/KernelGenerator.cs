using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Kittens.Generator.Diagnostics;
using Kittens.Generator.Emit;
using Kittens.Generator.Model;
using Kittens.Generator.Translation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Kittens.Generator;

/// <summary>
/// Translates each <c>[Kernel]</c> method to CUDA C++ and emits a typed launcher beside it.
/// <para>
/// Pipeline: <c>ForAttributeWithMetadataName</c> runs the one semantic transform
/// (<see cref="KernelPipeline"/>: parse, bind, translate, emit the model) into an equatable
/// <see cref="KernelResult"/> ("KernelModel").
/// Diagnostics leave on their own branch ("Diagnostics"), so moving a line re-reports them
/// without regenerating code; the model, joined with the project directory, becomes the CUDA
/// text and the launcher ("Source").
/// </para>
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class KernelGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incrementality tests.</summary>
    public static class TrackingNames
    {
        public const string KernelModel = nameof(KernelModel);
        public const string Diagnostics = nameof(Diagnostics);
        public const string Source = nameof(Source);
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownSymbols.KernelAttributeName,
                static (node, _) => node is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax,
                static (context, cancellationToken) => KernelPipeline.Run(context, cancellationToken))
            .WithTrackingName(TrackingNames.KernelModel);

        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        // Collected so a device function shared by several kernels reports its problems once.
        context.RegisterSourceOutput(diagnostics.Collect(), static (output, all) => ReportDiagnostics(output, all));

        var projectDirectory = context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
            options.GlobalOptions.TryGetValue("build_property.projectdir", out var directory) && !string.IsNullOrWhiteSpace(directory)
                ? directory
                : null);

        var sources = results
            .SelectMany(static (result, _) => result.Models)
            .Combine(projectDirectory)
            .Select(static (pair, _) => Generate(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Source);
        context.RegisterSourceOutput(sources, static (output, kernel) => AddSource(output, kernel));
    }

    /// <summary>The CUDA text and the launcher of one kernel.</summary>
    internal static GeneratedKernel Generate(KernelModel model, string? projectDirectory)
    {
        var cuda = CudaEmitter.Emit(model, projectDirectory);
        var launcher = LauncherEmitter.Emit(model, cuda, SourcePaths.Display(model.FilePath, projectDirectory));
        return new GeneratedKernel(model.HintName, cuda, launcher);
    }

    private static void ReportDiagnostics(SourceProductionContext output, ImmutableArray<EquatableArray<DiagnosticInfo>> all)
    {
        var seen = new HashSet<DiagnosticInfo>();
        foreach (var diagnostics in all)
        {
            foreach (var diagnostic in diagnostics)
            {
                if (seen.Add(diagnostic)) output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        }
    }

    private static void AddSource(SourceProductionContext output, GeneratedKernel kernel)
    {
        try
        {
            output.AddSource(kernel.HintName, SourceText.From(kernel.LauncherSource, Encoding.UTF8));
        }
        catch (ArgumentException exception)
        {
            // Two kernels whose file names differ only in case: say so rather than crash the generator.
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, kernel.HintName, exception.Message));
        }
    }
}
