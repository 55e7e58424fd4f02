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
/// One kernel to generate from a [Kernel] method: the method itself when it is not generic, or
/// one of its [KernelInstance]s, with the type arguments to bind and the launch settings that
/// apply.
/// </summary>
/// <param name="Name">The kernel's name: the launcher is <c>{Name}Kernel</c>.</param>
/// <param name="TypeArguments">The concrete types for the method's type parameters, in order; empty when not generic.</param>
/// <param name="Threads">Threads per block.</param>
/// <param name="MinBlocksPerSm">Minimum resident blocks per multiprocessor.</param>
/// <param name="ClusterSize">Blocks per cluster along x.</param>
/// <param name="Location">The [KernelInstance] attribute, or null for a non-generic kernel.</param>
internal sealed record KernelInstance(
    string Name, IReadOnlyList<ITypeSymbol> TypeArguments, int Threads, int MinBlocksPerSm, int ClusterSize, LocationInfo? Location)
{
    public bool IsGeneric => TypeArguments.Count > 0;

    /// <summary>For an instance of a generic kernel, the method with its type arguments (<c>Forward&lt;D64, Small&gt;</c>); else empty.</summary>
    public string InstanceOf(string methodName) =>
        IsGeneric ? methodName + "<" + string.Join(", ", TypeArguments.Select(t => t.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat))) + ">" : string.Empty;
}

/// <summary>Reads and checks the instances of a [Kernel] method (KIT0011, KIT0016–KIT0018).</summary>
internal static class KernelInstances
{
    /// <summary>
    /// The kernels <paramref name="method"/> declares: itself when it is not generic, else one per
    /// valid [KernelInstance]. Launch settings an instance leaves at 0 are the [Kernel]'s.
    /// </summary>
    public static List<KernelInstance> Read(
        IMethodSymbol method, KnownSymbols known, int threads, int minBlocks, int clusterSize,
        LocationInfo? identifier, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var attributes = InstanceAttributes(method, known).ToList();
        var instances = new List<KernelInstance>();
        if (!method.IsGenericMethod)
        {
            foreach (var attribute in attributes)
                diagnostics.Add(DiagnosticDescriptors.InstanceOnNonGenericKernel, AttributeLocation(attribute, cancellationToken) ?? identifier, method.Name);
            instances.Add(new KernelInstance(method.Name, Array.Empty<ITypeSymbol>(), threads, minBlocks, clusterSize, null));
            return instances;
        }
        if (attributes.Count == 0)
        {
            diagnostics.Add(DiagnosticDescriptors.GenericKernelWithoutInstances, identifier, method.Name);
            return instances;
        }

        var earlierNames = EarlierNames(method, known);
        foreach (var attribute in attributes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var location = AttributeLocation(attribute, cancellationToken) ?? identifier;
            string name = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string s ? s : string.Empty;
            var typeArguments = TypeArguments(attribute);
            string? problem = Problem(method, name, typeArguments);
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticDescriptors.InvalidKernelInstance, location, name, method.Name, problem);
                continue;
            }
            if (earlierNames.Contains(name, StringComparer.OrdinalIgnoreCase) ||
                instances.Any(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                diagnostics.Add(DiagnosticDescriptors.DuplicateKernelName, location, name, method.ContainingType.Name);
                continue;
            }

            int instanceThreads = Setting(attribute, "Threads") ?? threads;
            int instanceMinBlocks = Setting(attribute, "MinBlocksPerSm") ?? minBlocks;
            int instanceCluster = Setting(attribute, "ClusterSize") ?? clusterSize;
            bool valid = KernelParser.CheckLaunchSettings(
                name, instanceThreads, instanceMinBlocks, instanceCluster,
                setting => KernelParser.NamedArgumentLocation(attribute, setting, cancellationToken) ?? location, diagnostics);
            if (valid) instances.Add(new KernelInstance(name, typeArguments!, instanceThreads, instanceMinBlocks, instanceCluster, location));
        }
        return instances;
    }

    /// <summary>Every kernel name of the type, generic kernels by their instance names, in declaration order.</summary>
    private static List<(IMethodSymbol Method, string Name)> DeclaredNames(INamedTypeSymbol type, KnownSymbols known)
    {
        var names = new List<(IMethodSymbol, string)>();
        var kernels = type.GetMembers().OfType<IMethodSymbol>()
            .Where(m => known.HasAttribute(m, known.KernelAttribute))
            .OrderBy(m => m.Locations.FirstOrDefault()?.SourceTree?.FilePath ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(m => m.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0);
        foreach (var kernel in kernels)
        {
            if (!kernel.IsGenericMethod)
            {
                names.Add((kernel, kernel.Name));
                continue;
            }
            foreach (var attribute in InstanceAttributes(kernel, known))
            {
                if (attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string name) names.Add((kernel, name));
            }
        }
        return names;
    }

    /// <summary>The kernel names declared before <paramref name="method"/> in its type.</summary>
    public static List<string> EarlierNames(IMethodSymbol method, KnownSymbols known) =>
        DeclaredNames(method.ContainingType, known)
            .TakeWhile(n => !SymbolEqualityComparer.Default.Equals(n.Method, method))
            .Select(n => n.Name)
            .ToList();

    private static IEnumerable<AttributeData> InstanceAttributes(IMethodSymbol method, KnownSymbols known) =>
        known.KernelInstanceAttribute is null
            ? Enumerable.Empty<AttributeData>()
            : method.GetAttributes().Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, known.KernelInstanceAttribute));

    /// <summary>The typeof(...) arguments after the name, or null when one is not a type.</summary>
    private static List<ITypeSymbol>? TypeArguments(AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length < 2) return new List<ITypeSymbol>();
        var array = attribute.ConstructorArguments[1];
        if (array.Kind != TypedConstantKind.Array || array.IsNull) return null;
        var types = new List<ITypeSymbol>();
        foreach (var value in array.Values)
        {
            if (value.Value is not ITypeSymbol type) return null;
            types.Add(type);
        }
        return types;
    }

    /// <summary>What is wrong with an instance's name or type arguments, as the end of KIT0016's message; null when nothing is.</summary>
    private static string? Problem(IMethodSymbol method, string name, IReadOnlyList<ITypeSymbol>? typeArguments)
    {
        if (!SyntaxFacts.IsValidIdentifier(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None)
            return "has a name that is not a C# identifier: name it as a method would be named, e.g. \"ForwardD64\"";
        var parameters = method.TypeParameters;
        if (typeArguments is null)
            return "has a type argument that is not a type: pass typeof(...) for each of " + TypeParameterList(method);
        if (typeArguments.Count != parameters.Length)
            return "gives " + Count(typeArguments.Count, "type argument") + ", but '" + method.Name + "' has " + Count(parameters.Length, "type parameter") +
                " (" + TypeParameterList(method) + "): pass one typeof(...) for each, in order";
        for (int i = 0; i < parameters.Length; i++)
        {
            if (typeArguments[i] is ITypeParameterSymbol or IErrorTypeSymbol || typeArguments[i].IsUnboundGenericType())
                return "binds " + parameters[i].Name + " to '" + Display(typeArguments[i]) + "': each type argument must be a concrete type";
            if (Unsatisfied(parameters[i], typeArguments[i]) is { } constraint)
                return "binds " + parameters[i].Name + " to '" + Display(typeArguments[i]) + "', which does not satisfy its constraint '" + constraint + "'";
        }
        return null;
    }

    /// <summary>The first constraint of <paramref name="parameter"/> that <paramref name="argument"/> does not meet, as C# writes it.</summary>
    private static string? Unsatisfied(ITypeParameterSymbol parameter, ITypeSymbol argument)
    {
        if (parameter.HasUnmanagedTypeConstraint && !argument.IsUnmanagedType) return "unmanaged";
        if (parameter.HasValueTypeConstraint && !argument.IsValueType) return "struct";
        if (parameter.HasReferenceTypeConstraint && !argument.IsReferenceType) return "class";
        foreach (var constraint in parameter.ConstraintTypes)
        {
            if (!Satisfies(argument, constraint)) return Display(constraint);
        }
        return null;
    }

    private static bool Satisfies(ITypeSymbol argument, ITypeSymbol constraint)
    {
        if (Binding.TypeBinding.ContainsTypeParameter(constraint))
        {
            // A constraint over other type parameters (where TB : IBox<TA>): compared by definition,
            // which catches a wrong family; C# itself checks the rest wherever the types meet.
            constraint = constraint.OriginalDefinition;
            return argument.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, constraint)) ||
                BaseTypes(argument).Any(b => SymbolEqualityComparer.Default.Equals(b.OriginalDefinition, constraint));
        }
        return SymbolEqualityComparer.Default.Equals(argument, constraint) ||
            argument.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, constraint)) ||
            BaseTypes(argument).Any(b => SymbolEqualityComparer.Default.Equals(b, constraint));
    }

    private static IEnumerable<ITypeSymbol> BaseTypes(ITypeSymbol type)
    {
        for (var b = type.BaseType; b is not null; b = b.BaseType) yield return b;
    }

    private static bool IsUnboundGenericType(this ITypeSymbol type) => type is INamedTypeSymbol { IsUnboundGenericType: true };

    private static int? Setting(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is int value && value != 0) return value;
        }
        return null;
    }

    private static LocationInfo? AttributeLocation(AttributeData attribute, CancellationToken cancellationToken) =>
        LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken));

    private static string TypeParameterList(IMethodSymbol method) => string.Join(", ", method.TypeParameters.Select(p => p.Name));

    private static string Count(int n, string noun) => n.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
}
