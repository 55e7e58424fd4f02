using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Kittens.Generator.Diagnostics;
using Kittens.Generator.Model;
using Kittens.Generator.Translation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kittens.Generator.Parsing;

/// <summary>
/// The parse stage: a [Kernel] method → <see cref="ParsedKernel"/>. It checks the declaration
/// and the [Kernel] settings, reads the instances (<see cref="KernelInstances"/>: the method
/// itself, or each [KernelInstance] of a generic one) and the parameters with their attributes.
/// It binds nothing and translates nothing: what a type parameter stands for is the bind stage's.
/// </summary>
internal static class KernelParser
{
    /// <summary>[Kernel] defaults, as declared on Kittens.KernelAttribute (a test pins them to it).</summary>
    internal const int DefaultThreads = 32;
    internal const int DefaultMinBlocksPerSm = 1;
    internal const int DefaultClusterSize = 1;

    public static ParsedKernel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var known = KnownSymbols.Create(context.SemanticModel.Compilation);
        var diagnostics = new DiagnosticBag();
        if (known is null || context.TargetSymbol is not IMethodSymbol method) return ParsedKernel.Rejected(diagnostics.ToEquatableArray());

        var syntax = method.MethodKind == MethodKind.Ordinary ? BodyDeclaration(method, cancellationToken) : null;
        if (syntax is null)
        {
            diagnostics.Add(DiagnosticDescriptors.KernelMustBeMethod, LocationInfo.From(context.TargetNode), method.Name);
            return ParsedKernel.Rejected(diagnostics.ToEquatableArray());
        }
        var semanticModel = syntax.SyntaxTree == context.SemanticModel.SyntaxTree
            ? context.SemanticModel
            : context.SemanticModel.Compilation.GetSemanticModel(syntax.SyntaxTree);

        var identifier = LocationInfo.From(syntax.Identifier);
        bool canLaunch = CheckDeclaration(method, syntax, known, identifier, diagnostics);
        var attribute = context.Attributes[0];
        int threads = ReadLaunchBound(attribute, "Threads", DefaultThreads);
        int minBlocks = ReadLaunchBound(attribute, "MinBlocksPerSm", DefaultMinBlocksPerSm);
        int clusterSize = ReadLaunchBound(attribute, "ClusterSize", DefaultClusterSize);
        CheckLaunchSettings(method.Name, threads, minBlocks, clusterSize,
            setting => NamedArgumentLocation(attribute, setting, cancellationToken) ?? identifier, diagnostics);

        // Read even when the declaration cannot be launched, so their problems are reported too.
        var instances = KernelInstances.Read(method, known, threads, minBlocks, clusterSize, identifier, diagnostics, cancellationToken);
        var definition = new KernelDefinition(
            method, syntax, semanticModel, known, Declaration(method, syntax, identifier),
            method.Parameters.Select(p => ReadParameter(p, known, cancellationToken)).ToList());
        return new ParsedKernel(definition, canLaunch ? instances : new List<KernelInstance>(), diagnostics.ToEquatableArray());
    }

    /// <summary>Checks launch settings (KIT0007, KIT0008, KIT0015), each at the location <paramref name="where"/> gives for it.</summary>
    internal static bool CheckLaunchSettings(string kernelName, int threads, int minBlocks, int clusterSize, Func<string, LocationInfo?> where, DiagnosticBag diagnostics)
    {
        bool valid = true;
        if (threads < 32 || threads > 1024 || threads % 32 != 0)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidThreads, where("Threads"), Text(threads), kernelName);
            valid = false;
        }
        if (clusterSize is not (1 or 2 or 4 or 8))
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidClusterSize, where("ClusterSize"), Text(clusterSize), kernelName);
            valid = false;
        }
        if (minBlocks < 1)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidMinBlocksPerSm, where("MinBlocksPerSm"), Text(minBlocks), kernelName);
            valid = false;
        }
        return valid;
    }

    /// <summary>The declaration with the body: the method itself, or the implementing part of a partial method.</summary>
    private static MethodDeclarationSyntax? BodyDeclaration(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (var reference in (method.PartialImplementationPart ?? method).DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax syntax && (syntax.Body is not null || syntax.ExpressionBody is not null))
                return syntax;
        }
        return null;
    }

    /// <summary>Checks what the launcher needs: static, void, non-generic, in partial types, unique name.</summary>
    private static bool CheckDeclaration(IMethodSymbol method, MethodDeclarationSyntax syntax, KnownSymbols known, LocationInfo? identifier, DiagnosticBag diagnostics)
    {
        bool ok = true;
        if (!method.IsStatic)
        {
            diagnostics.Add(DiagnosticDescriptors.KernelMustBeStatic, identifier, method.Name);
            ok = false;
        }
        if (!method.ReturnsVoid)
        {
            diagnostics.Add(DiagnosticDescriptors.KernelMustReturnVoid, LocationInfo.From(syntax.ReturnType), method.Name,
                method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
            ok = false;
        }
        if (IsInGenericType(method))
        {
            diagnostics.Add(DiagnosticDescriptors.KernelMustNotBeGeneric, identifier, method.Name);
            ok = false;
        }
        foreach (var type in syntax.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(DiagnosticDescriptors.KernelTypeMustBePartial, LocationInfo.From(type.Identifier), type.Identifier.ValueText, method.Name);
                ok = false;
            }
        }
        if (!method.IsGenericMethod && KernelInstances.EarlierNames(method, known).Contains(method.Name, StringComparer.OrdinalIgnoreCase))
        {
            diagnostics.Add(DiagnosticDescriptors.DuplicateKernelName, identifier, method.Name, method.ContainingType.Name);
            ok = false;
        }
        return ok;
    }

    private static KernelDeclaration Declaration(IMethodSymbol method, MethodDeclarationSyntax syntax, LocationInfo? identifier)
    {
        var types = new List<string>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType) types.Insert(0, type.MetadataName);
        // Names as declared, without the '@' display adds to a keyword (`namespace @this`): the
        // hint name may not hold one, and the launcher escapes each part itself.
        var parts = new List<string>();
        for (var n = method.ContainingNamespace; n is { IsGlobalNamespace: false }; n = n.ContainingNamespace) parts.Insert(0, n.Name);
        string ns = string.Join(".", parts);
        return new KernelDeclaration(
            ns,
            ContainingTypes(method).ToEquatableArray(),
            method.Name,
            syntax.SyntaxTree.FilePath,
            // Namespace.Outer+Inner: unique per kernel with its name, since kernel names are unique per type.
            (ns.Length > 0 ? ns + "." : string.Empty) + string.Join("+", types),
            identifier);
    }

    /// <summary>A parameter with where its diagnostics point and its [Shape] and [Tma], read once for every instance.</summary>
    private static ParsedParameter ReadParameter(IParameterSymbol parameter, KnownSymbols known, CancellationToken cancellationToken)
    {
        var syntax = parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as ParameterSyntax;
        var location = LocationInfo.From((SyntaxNode?)syntax?.Type ?? syntax) ?? LocationInfo.From(parameter.Locations.FirstOrDefault());
        return new ParsedParameter(
            parameter,
            location,
            LocationInfo.From(syntax) ?? location,
            known.GetAttribute(parameter, known.ShapeAttribute),
            known.GetAttribute(parameter, known.TmaAttribute));
    }

    /// <summary>Whether a type around <paramref name="symbol"/> is generic (kernels and device functions cannot be members of one).</summary>
    public static bool IsInGenericType(ISymbol symbol)
    {
        for (var type = symbol.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.IsGenericType) return true;
        }
        return false;
    }

    private static int ReadLaunchBound(AttributeData attribute, string name, int defaultValue)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is int value) return value;
        }
        return defaultValue;
    }

    internal static LocationInfo? NamedArgumentLocation(AttributeData attribute, string name, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax { ArgumentList: { } list }) return null;
        var argument = list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        return LocationInfo.From(argument?.Expression);
    }

    /// <summary>The enclosing types, outermost first, as partial declarations can reopen them.</summary>
    private static IEnumerable<TypeDeclarationModel> ContainingTypes(IMethodSymbol method)
    {
        var types = new List<TypeDeclarationModel>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            string keyword = type.TypeKind switch
            {
                TypeKind.Struct when type.IsRecord => "record struct",
                TypeKind.Struct => "struct",
                TypeKind.Interface => "interface",
                _ when type.IsRecord => "record",
                _ => "class",
            };
            string modifiers = (type.IsStatic ? "static " : string.Empty) + (type.IsRefLikeType ? "ref " : string.Empty);
            types.Add(new TypeDeclarationModel(keyword, type.Name, modifiers));
        }
        types.Reverse();
        return types;
    }

    private static string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
