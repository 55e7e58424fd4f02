using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Kittens.Generator.Binding;
using Kittens.Generator.Diagnostics;
using Kittens.Generator.Emit;
using Kittens.Generator.Model;
using Kittens.Generator.Parsing;
using Kittens.Generator.Translation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kittens.Generator;

/// <summary>
/// The generator's one semantic transform, a [Kernel] method → <see cref="KernelResult"/>, as
/// stages that each hand the next a model of their own and never call back:
/// parse (<see cref="ParsedKernel"/>), then per instance bind (<see cref="BoundKernel"/>),
/// translate (<see cref="TranslatedKernel"/>) and emit the cached <see cref="KernelModel"/>.
/// It never throws: an internal failure becomes KIT9999 at the method.
/// </summary>
internal static class KernelPipeline
{
    public static KernelResult Run(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        Guard(
            context.TargetSymbol.Name,
            () => LocationInfo.From(context.TargetNode is MethodDeclarationSyntax method ? method.Identifier.GetLocation() : context.TargetNode.GetLocation()),
            () => RunStages(context, cancellationToken));

    /// <summary>Runs <paramref name="run"/>, turning any exception but cancellation into KIT9999.</summary>
    internal static KernelResult Guard(string kernelName, Func<LocationInfo?> location, Func<KernelResult> run)
    {
        try
        {
            return run();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            LocationInfo? where = null;
            try
            {
                where = location();
            }
            catch (Exception)
            {
                // No location is better than no diagnostic.
            }
            var diagnostic = DiagnosticInfo.Create(
                DiagnosticDescriptors.InternalError, where, kernelName, exception.GetType().Name + ": " + exception.Message);
            return new KernelResult(EquatableArray<KernelModel>.Empty, new[] { diagnostic }.ToEquatableArray());
        }
    }

    private static KernelResult RunStages(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var parsed = KernelParser.Parse(context, cancellationToken);
        var models = new List<KernelModel>();
        var found = new List<(KernelInstance Instance, EquatableArray<DiagnosticInfo> Diagnostics)>();
        if (parsed.Definition is { } definition)
        {
            foreach (var instance in parsed.Instances)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var bound = KernelBinder.Bind(definition, instance, cancellationToken);
                if (bound.Parameters is not { } parameters)
                {
                    // A parameter the launcher cannot take: no model, only the reasons.
                    found.Add((instance, bound.Diagnostics));
                    continue;
                }
                var translated = KernelTranslation.Translate(bound, parameters, cancellationToken);
                models.Add(ModelEmitter.Emit(translated, declarationHasErrors: parsed.Diagnostics.Count > 0));
                found.Add((instance, translated.Diagnostics));
            }
        }
        var diagnostics = new DiagnosticBag();
        foreach (var diagnostic in parsed.Diagnostics) diagnostics.Add(diagnostic);
        MergeInstanceDiagnostics(found, diagnostics);
        return new KernelResult(models.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// Adds each instance's diagnostics to <paramref name="diagnostics"/>: those every instance
    /// has as they are, the others naming the instance they were found in.
    /// </summary>
    private static void MergeInstanceDiagnostics(List<(KernelInstance Instance, EquatableArray<DiagnosticInfo> Diagnostics)> found, DiagnosticBag diagnostics)
    {
        foreach (var (instance, own) in found)
        {
            foreach (var diagnostic in own)
            {
                bool everywhere = !instance.IsGeneric || found.All(f => f.Diagnostics.Contains(diagnostic));
                diagnostics.Add(everywhere ? diagnostic : diagnostic with { Instance = instance.Name });
            }
        }
    }
}
