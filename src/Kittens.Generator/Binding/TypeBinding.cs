using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Kittens.Generator.Binding;

/// <summary>
/// The bind stage's substitution: each type parameter of a generic kernel or device function
/// mapped to the concrete type of one instance. Types and methods seen in the body are passed
/// through <see cref="Substitute(ITypeSymbol)"/> before they are spelled, sized or compared, so
/// the translation only ever meets concrete types. Empty for a non-generic method.
/// </summary>
internal sealed class TypeBinding
{
    private readonly Dictionary<ITypeParameterSymbol, ITypeSymbol> _map;
    private readonly Compilation _compilation;

    private TypeBinding(Compilation compilation, Dictionary<ITypeParameterSymbol, ITypeSymbol> map, string? instanceName)
    {
        _compilation = compilation;
        _map = map;
        InstanceName = instanceName;
    }

    /// <summary>The binding of a non-generic method: substitutes nothing.</summary>
    public static TypeBinding None(Compilation compilation) =>
        new(compilation, new Dictionary<ITypeParameterSymbol, ITypeSymbol>(SymbolEqualityComparer.Default), null);

    /// <summary>Binds <paramref name="method"/>'s type parameters to <paramref name="arguments"/>, in order.</summary>
    public static TypeBinding For(Compilation compilation, IMethodSymbol method, IReadOnlyList<ITypeSymbol> arguments, string? instanceName)
    {
        var map = new Dictionary<ITypeParameterSymbol, ITypeSymbol>(SymbolEqualityComparer.Default);
        var parameters = method.OriginalDefinition.TypeParameters;
        for (int i = 0; i < parameters.Length && i < arguments.Count; i++) map[parameters[i]] = arguments[i];
        return new TypeBinding(compilation, map, instanceName);
    }

    /// <summary>The kernel instance this binding belongs to (for messages), or null for a non-generic kernel.</summary>
    public string? InstanceName { get; }

    public bool IsEmpty => _map.Count == 0;

    /// <summary>The concrete type bound to <paramref name="parameter"/>, if any.</summary>
    public ITypeSymbol? Lookup(ITypeParameterSymbol parameter) =>
        _map.TryGetValue(parameter, out var bound) ? bound : null;

    /// <summary><paramref name="type"/> with every bound type parameter replaced, at any depth.</summary>
    public ITypeSymbol Substitute(ITypeSymbol type)
    {
        if (_map.Count == 0) return type;
        switch (type)
        {
            case ITypeParameterSymbol parameter:
                return _map.TryGetValue(parameter, out var bound) ? bound : type;
            case IArrayTypeSymbol array:
                var element = Substitute(array.ElementType);
                return ReferenceEquals(element, array.ElementType) ? array : _compilation.CreateArrayTypeSymbol(element, array.Rank);
            case INamedTypeSymbol { IsGenericType: true } named when ContainsTypeParameter(named):
                return named.OriginalDefinition.Construct(named.TypeArguments.Select(Substitute).ToArray());
            default:
                return type;
        }
    }

    /// <summary>A generic method with its type arguments substituted (the callee of a call in a generic body).</summary>
    public IMethodSymbol Substitute(IMethodSymbol method)
    {
        if (_map.Count == 0 || !method.IsGenericMethod || !method.TypeArguments.Any(ContainsTypeParameter)) return method;
        return method.OriginalDefinition.Construct(method.TypeArguments.Select(Substitute).ToArray());
    }

    /// <summary>The binding of a callee: its type parameters mapped to the (already substituted) type arguments of <paramref name="constructed"/>.</summary>
    public TypeBinding ForCallee(IMethodSymbol constructed) =>
        constructed.IsGenericMethod
            ? For(_compilation, constructed, constructed.TypeArguments, InstanceName)
            : new TypeBinding(_compilation, new Dictionary<ITypeParameterSymbol, ITypeSymbol>(SymbolEqualityComparer.Default), InstanceName);

    public static bool ContainsTypeParameter(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol => true,
        IArrayTypeSymbol array => ContainsTypeParameter(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(ContainsTypeParameter),
        _ => false,
    };
}
