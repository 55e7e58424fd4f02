using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Kittens.Generator.Diagnostics;
using Kittens.Generator.Model;
using Kittens.Generator.Parsing;
using Kittens.Generator.Translation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kittens.Generator.Binding;

/// <summary>
/// The bind stage: a parsed kernel and one of its instances → <see cref="BoundKernel"/>. It maps
/// the type parameters to the instance's types (<see cref="TypeBinding"/>) and reads each
/// parameter under that mapping: its CUDA and launcher types, its [Shape] (a dim type
/// parameter's extent is the bound dim) and the tensor maps its [Tma] lists. What the body folds
/// to (<see cref="ConstantFolder"/>) depends on its data flow, so the translation folds it, over
/// this binding.
/// </summary>
internal static class KernelBinder
{
    private static readonly string[] s_dimensionNames = { "batch", "depth", "rows", "cols" };

    public static BoundKernel Bind(KernelDefinition definition, KernelInstance instance, CancellationToken cancellationToken)
    {
        var known = definition.Known;
        var binding = instance.IsGeneric
            ? TypeBinding.For(known.Compilation, definition.Method, instance.TypeArguments, instance.Name)
            : TypeBinding.None(known.Compilation);
        var diagnostics = new DiagnosticBag();
        var parameters = new List<BoundParameter>();
        bool canLaunch = true;
        foreach (var parameter in definition.Parameters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (BindParameter(parameter, definition.Method, known, binding, diagnostics, cancellationToken) is { } bound) parameters.Add(bound);
            else canLaunch = false;
        }
        return new BoundKernel(definition, instance, binding, canLaunch ? parameters : null, diagnostics.ToEquatableArray());
    }

    private static BoundParameter? BindParameter(
        ParsedParameter parsed, IMethodSymbol method, KnownSymbols known, TypeBinding binding, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var parameter = parsed.Symbol;
        var type = binding.Substitute(parameter.Type);
        var location = parsed.Location;
        // A type C# could not resolve (ambiguous, missing) has the compiler's error; a KIT one
        // about "Type '?'" on top would only mislead. The kernel gets no launcher either way.
        if (HasErrorType(type)) return null;
        if (parameter.RefKind != RefKind.None || parameter.IsParams)
        {
            string modifier = parameter.IsParams ? "params" : parameter.RefKind switch
            {
                RefKind.Ref => "ref",
                RefKind.Out => "out",
                RefKind.In => "in",
                _ => "ref readonly",
            };
            diagnostics.Add(DiagnosticDescriptors.KernelParameterByReference, parsed.DeclarationLocation, parameter.Name, method.Name, modifier);
            return null;
        }

        var kind = known.GetTileKind(type);
        var shapeAttribute = parsed.Shape;
        if (kind == TileKind.GlobalLayout)
        {
            var element = CudaTypeNames.ElementType(type);
            var cudaType = CudaTypeNames.Spell(type, known);
            if (!CudaTypeNames.IsGlobalElement(element, known) || cudaType is null || element is null)
            {
                diagnostics.Add(DiagnosticDescriptors.UnsupportedElementType, location, parameter.Name,
                    element?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? "?");
                return null;
            }
            var launcherType = CudaTypeNames.CSharpKeyword(element.SpecialType)
                ?? element.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            var shape = shapeAttribute is null
                ? EquatableArray<ShapeDimModel>.Empty
                : ReadShape(shapeAttribute, parameter, method, binding, known, diagnostics, cancellationToken);
            // [Tma(typeof(ST<...>), ...)]: kittens::gl<T, st<...>, ...>, with one tensor map per type.
            var tmaTypes = TmaTypes.Read(parameter, known, diagnostics, cancellationToken);
            var boxes = tmaTypes.Select(t => TmaTypes.Box(t, known)).OfType<TmaBoxModel>().ToEquatableArray();
            cudaType = TmaTypes.SpellGlobal(type, tmaTypes, known) ?? cudaType;
            CheckTmaBoxes(parameter, parsed.Tma, tmaTypes, boxes, shape, diagnostics, cancellationToken);
            return new BoundParameter(parameter, type, cudaType, launcherType, true, shape, boxes, TmaTypes.IsInferred(parameter, known));
        }

        if (shapeAttribute is not null)
        {
            diagnostics.Add(DiagnosticDescriptors.ShapeOnNonTensor,
                LocationInfo.From(shapeAttribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken)) ?? location, parameter.Name);
        }
        if (parsed.Tma is { } tmaAttribute)
        {
            diagnostics.Add(DiagnosticDescriptors.TmaOnNonTensor,
                LocationInfo.From(tmaAttribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken)) ?? location, parameter.Name);
        }
        if (CudaTypeNames.Primitive(type.SpecialType) is { } scalar && CudaTypeNames.CSharpKeyword(type.SpecialType) is { } keyword)
        {
            return new BoundParameter(parameter, type, scalar, keyword, false, EquatableArray<ShapeDimModel>.Empty, EquatableArray<TmaBoxModel>.Empty, false);
        }
        diagnostics.Add(DiagnosticDescriptors.UnsupportedKernelParameterType, location, parameter.Name, method.Name,
            type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
        return null;
    }

    /// <summary>
    /// KIT0212 at the [Tma] when a listed tile is larger than a rows or cols extent the [Shape]
    /// fixes: no box of it fits the tensor. (A box may hang over a ragged end; out of bounds is zeros.)
    /// </summary>
    private static void CheckTmaBoxes(
        IParameterSymbol parameter, AttributeData? tma, IReadOnlyList<ITypeSymbol> types, EquatableArray<TmaBoxModel> boxes,
        EquatableArray<ShapeDimModel> shape, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        if (shape.Count != 4 || tma is null || boxes.Count != types.Count) return;
        for (int i = 0; i < boxes.Count; i++)
        {
            var box = boxes[i];
            foreach (var (dimension, extent, tile) in new[] { ("rows", shape[2], box.IsVector ? 0 : box.Rows), ("cols", shape[3], box.Cols) })
            {
                if (extent.Symbol is not null || tile <= extent.Value) continue;
                diagnostics.Add(DiagnosticDescriptors.TileShapeMismatch,
                    LocationInfo.From(tma.ApplicationSyntaxReference?.GetSyntax(cancellationToken)),
                    "[Tma]", TmaTypes.Display(types[i]), parameter.Name, dimension, Text(extent.Value), Text(tile), "fewer than one tile");
                break;
            }
        }
    }

    private static bool HasErrorType(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Error } => true,
        IArrayTypeSymbol array => HasErrorType(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(HasErrorType),
        _ => false,
    };

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The four [Shape] extents; empty (after a diagnostic) when one is invalid.</summary>
    private static EquatableArray<ShapeDimModel> ReadShape(
        AttributeData attribute, IParameterSymbol parameter, IMethodSymbol method, TypeBinding binding, KnownSymbols known,
        DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var arguments = attribute.ConstructorArguments;
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var dims = new List<ShapeDimModel>();
        bool valid = arguments.Length == 4;
        for (int i = 0; i < arguments.Length; i++)
        {
            var value = arguments[i].Kind == TypedConstantKind.Primitive ? arguments[i].Value : null;
            if (value is int size && size > 0)
            {
                dims.Add(new ShapeDimModel(size, null));
                continue;
            }
            // A symbol naming a type parameter bound to a dim (nameof(TDim)) is that dim's value.
            if (value is string dimName && method.TypeParameters.FirstOrDefault(t => t.Name == dimName) is { } typeParameter &&
                binding.Lookup(typeParameter) is { } boundDim && known.GetDim(boundDim) is { } dimValue)
            {
                dims.Add(new ShapeDimModel(dimValue, null));
                continue;
            }
            if (value is string symbol && SyntaxFacts.IsValidIdentifier(symbol))
            {
                dims.Add(new ShapeDimModel(0, symbol));
                continue;
            }
            valid = false;
            var argumentSyntax = syntax?.ArgumentList is { } list && i < list.Arguments.Count ? list.Arguments[i] : null;
            string shown = value switch
            {
                null => arguments[i].IsNull ? "null" : arguments[i].ToCSharpString(),
                string s => "\"" + s + "\"",
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "?",
            };
            diagnostics.Add(DiagnosticDescriptors.InvalidShape, LocationInfo.From(argumentSyntax) ?? LocationInfo.From(syntax),
                Text(i) + " (" + s_dimensionNames[Math.Min(i, 3)] + ")", parameter.Name, shown);
        }
        return valid ? dims.ToEquatableArray() : EquatableArray<ShapeDimModel>.Empty;
    }

    private static string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
