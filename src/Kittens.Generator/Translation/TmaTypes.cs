using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Kittens.Generator.Diagnostics;
using Kittens.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kittens.Generator.Translation;

/// <summary>
/// The shared types a <c>GL&lt;T&gt;</c> parameter's <c>[Tma(typeof(...), ...)]</c> lists: one
/// tensor map each, in order, inside <c>kittens::gl&lt;T, st&lt;...&gt;, ...&gt;</c>.
/// </summary>
internal static class TmaTypes
{
    /// <summary>Whether <paramref name="parameter"/> carries [Tma].</summary>
    public static bool HasAttribute(IParameterSymbol parameter, KnownSymbols known) =>
        known.GetAttribute(parameter, known.TmaAttribute) is not null;

    /// <summary>
    /// A bare <c>[Tma]</c>, listing no types: the tensor's maps are the shared types the kernel
    /// body moves through it by TMA, in order of first use (how a generic kernel, whose tile types
    /// depend on its type parameters, declares them).
    /// </summary>
    public static bool IsInferred(IParameterSymbol parameter, KnownSymbols known) =>
        HasAttribute(parameter, known) && Listed(parameter, known).Count == 0;

    /// <summary>The types [Tma] lists, in order (null for an entry that is not a type); empty without [Tma].</summary>
    public static IReadOnlyList<ITypeSymbol?> Listed(IParameterSymbol parameter, KnownSymbols known)
    {
        var attribute = known.GetAttribute(parameter, known.TmaAttribute);
        if (attribute is null || attribute.ConstructorArguments.Length != 1) return new ITypeSymbol?[0];
        var argument = attribute.ConstructorArguments[0];
        if (argument.Kind != TypedConstantKind.Array || argument.IsNull) return new ITypeSymbol?[0];
        return argument.Values.Select(v => v.Value as ITypeSymbol).ToList();
    }

    /// <summary>
    /// The valid types of a GL parameter's [Tma], reporting KIT0013 for each entry that is not a
    /// shared tile or vector of the tensor's dtype, or is listed twice.
    /// </summary>
    public static List<ITypeSymbol> Read(IParameterSymbol parameter, KnownSymbols known, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var valid = new List<ITypeSymbol>();
        var attribute = known.GetAttribute(parameter, known.TmaAttribute);
        if (attribute is null) return valid;
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var element = CudaTypeNames.ElementType(parameter.Type);
        var listed = Listed(parameter, known);
        for (int i = 0; i < listed.Count; i++)
        {
            var type = listed[i];
            string? reason = null;
            var kind = known.GetTileKind(type);
            if (type is null || !(kind is TileKind.SharedTile or TileKind.SharedVector) || CudaTypeNames.Spell(type, known) is null)
                reason = DiagnosticDescriptors.TmaTypeReasons.NotShared;
            else if (!SymbolEqualityComparer.Default.Equals(CudaTypeNames.ElementType(type), element))
                reason = string.Format(System.Globalization.CultureInfo.InvariantCulture, DiagnosticDescriptors.TmaTypeReasons.OtherDtype, Display(element));
            else if (valid.Any(t => SymbolEqualityComparer.Default.Equals(t, type)))
                reason = DiagnosticDescriptors.TmaTypeReasons.Repeated;

            if (reason is null)
            {
                valid.Add(type!);
                continue;
            }
            var argumentSyntax = syntax?.ArgumentList is { } list && i < list.Arguments.Count ? list.Arguments[i] : null;
            var location = LocationInfo.From(argumentSyntax) ?? LocationInfo.From(syntax) ?? LocationInfo.From(parameter.Locations.FirstOrDefault());
            diagnostics.Add(DiagnosticDescriptors.InvalidTmaType, location, Display(type), parameter.Name, reason, Display(element));
        }
        return valid;
    }

    /// <summary>
    /// The CUDA type of a GL parameter carrying tensor maps for <paramref name="types"/>:
    /// <c>kittens::gl&lt;T, st&lt;...&gt;, ...&gt;</c> (plain <c>kittens::gl&lt;T&gt;</c> when there are none).
    /// </summary>
    public static string? SpellGlobal(ITypeSymbol globalType, IEnumerable<ITypeSymbol> types, KnownSymbols known)
    {
        var plain = CudaTypeNames.Spell(globalType, known);
        if (plain is null) return null;
        var spelled = types.Select(t => CudaTypeNames.Spell(t, known)).ToList();
        if (spelled.Count == 0 || spelled.Any(s => s is null)) return plain;
        // "kittens::gl<kittens::bf16>" → "kittens::gl<kittens::bf16, kittens::st<kittens::bf16, 64, 64>>"
        return plain.Substring(0, plain.Length - 1) + ", " + string.Join(", ", spelled) + ">";
    }

    /// <summary>The launcher's description of the box each type moves: rows x cols for a tile, length for a vector.</summary>
    public static TmaBoxModel? Box(ITypeSymbol type, KnownSymbols known)
    {
        if (type is not INamedTypeSymbol named) return null;
        switch (known.GetTileKind(type))
        {
            case TileKind.SharedTile when known.GetDim(named.TypeArguments[1]) is { } rows && known.GetDim(named.TypeArguments[2]) is { } cols:
                return new TmaBoxModel(false, rows, cols);
            case TileKind.SharedVector when known.GetDim(named.TypeArguments[1]) is { } length:
                return new TmaBoxModel(true, 1, length);
            default:
                return null;
        }
    }

    /// <summary>The listed types as a message shows them: "ST&lt;bf16, D64, D64&gt;, SV&lt;float, D64&gt;", or "no types".</summary>
    public static string DisplayList(IEnumerable<ITypeSymbol?> types)
    {
        var shown = types.Select(Display).ToList();
        return shown.Count == 0 ? "no types" : string.Join(", ", shown);
    }

    public static string Display(ITypeSymbol? type) =>
        type?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? "?";
}
