using System.Collections.Generic;
using System.Linq;
using Kittens.Generator.Diagnostics;
using Kittens.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Kittens.Generator.Translation;

/// <summary>
/// Facts that are each fine alone but not together, which C# types cannot say: a tile moved
/// through a tensor whose [Shape] it does not fit, register tiles past what a thread has, and a
/// Kittens op whose type arguments C# cannot infer (CS0411 names no shapes; this does).
/// </summary>
internal sealed partial class CudaTranslator
{
    /// <summary>The most registers a thread can have (sm_80 … sm_90); past them ptxas spills to local memory.</summary>
    internal const int MaxRegistersPerThread = 255;

    /// <summary>
    /// KIT0212 when an op moves a tile through a kernel tensor parameter whose [Shape] fixes rows
    /// or cols the tile does not fit: a tile larger than the extent, or (for a warp load or store,
    /// which has no bound to stop at) an extent that is not a multiple of the tile's, so the last
    /// tile runs past the tensor. TMA boxes may hang over the end (out of bounds is zeros), and a
    /// clipped store (an op with a bound argument) stops where it is told.
    /// </summary>
    private void CheckTileFitsShape(IInvocationOperation invocation, IMethodSymbol method, List<IArgumentOperation> arguments)
    {
        ITypeSymbol? tile = null;
        IParameterSymbol? tensor = null;
        bool bounded = false;
        foreach (var argument in arguments)
        {
            var type = argument.Parameter?.Type is { } declared ? Bound(declared) : null;
            var kind = _known.GetTileKind(type);
            if (kind is TileKind.RegisterTile or TileKind.SharedTile or TileKind.SharedVector or TileKind.RegisterVector) tile ??= argument.Value.Type is { } t ? Bound(t) : type;
            else if (kind == TileKind.GlobalLayout && StripImplicit(argument.Value) is IParameterReferenceOperation reference) tensor ??= reference.Parameter;
            else if (type?.SpecialType == SpecialType.System_Int32 && tile is not null && tensor is not null) bounded = true;
        }
        if (tile is null || tensor is null || bounded || _kernel.ShapeOf(tensor) is not { } shape) return;
        bool tma = _known.HasAttribute(method, _known.TensorMapTransferAttribute);
        foreach (var (dimension, extent, tileExtent) in Extents(tile, shape))
        {
            string? why = tileExtent > extent ? "fewer than one tile"
                : !tma && extent % tileExtent != 0 ? "not a multiple of the tile's, so the last tile runs past the tensor"
                : null;
            if (why is null) continue;
            Report(DiagnosticDescriptors.TileShapeMismatch, invocation.Syntax,
                Display(method), Display(tile), tensor.Name, dimension, Text(extent), Text(tileExtent), why);
            return;
        }
    }

    /// <summary>The (dimension, fixed extent, tile extent) pairs of a tile against a 4-D [Shape]: rows and cols, where fixed.</summary>
    internal IEnumerable<(string Dimension, int Extent, int TileExtent)> Extents(ITypeSymbol tile, IReadOnlyList<ShapeDimModel> shape)
    {
        if (shape.Count != 4 || tile is not INamedTypeSymbol named) yield break;
        var kind = _known.GetTileKind(named);
        bool vector = kind is TileKind.SharedVector or TileKind.RegisterVector;
        int? rows = vector || named.TypeArguments.Length < 3 ? null : _known.GetDim(named.TypeArguments[1]);
        int? cols = named.TypeArguments.Length < 2 ? null : _known.GetDim(named.TypeArguments[vector ? 1 : 2]);
        if (rows is > 0 && shape[2].Symbol is null) yield return ("rows", shape[2].Value, rows.Value);
        if (cols is > 0 && shape[3].Symbol is null) yield return ("cols", shape[3].Value, cols.Value);
    }

    /// <summary>
    /// KIT0213 when a register tile (or an array of <paramref name="count"/>) this body declares
    /// needs more registers per thread than a thread has. A register tile R x C of T is spread over
    /// the warp's 32 lanes, so each holds R·C·sizeof(T)/4/32 registers. Tiles are not summed: ptxas
    /// reuses the registers of tiles whose lives do not overlap, which only it knows (its spills
    /// come back in the compiled kernel's warnings).
    /// </summary>
    private void CheckRegisterTile(ILocalSymbol local, ITypeSymbol type, int count, SyntaxNode at)
    {
        if (Bound(type) is not INamedTypeSymbol { TypeArguments.Length: 4 } tile || _known.GetTileKind(tile) != TileKind.RegisterTile) return;
        if (_known.GetDim(tile.TypeArguments[1]) is not { } rows || _known.GetDim(tile.TypeArguments[2]) is not { } cols) return;
        if (CudaTypeNames.ElementBytes(tile.TypeArguments[0], _known) is not { } bytes) return;
        long registers = (long)rows * cols * bytes / 128 * count;
        if (registers <= MaxRegistersPerThread) return;
        Report(DiagnosticDescriptors.RegisterTilesTooLarge, at,
            local.Name, Display(tile) + (count > 1 ? "[" + Text(count) + "]" : string.Empty), Text(registers), Text(MaxRegistersPerThread));
    }

    /// <summary>
    /// KIT0314 for a call the C# compiler could not bind whose candidates are all Kittens ops (a
    /// shape or layout mismatch is CS0411 "cannot be inferred", or CS1503, naming no shape): the
    /// argument types and what each overload takes. Once per call, and only for Kittens ops.
    /// </summary>
    private void ReportUnboundOp(IInvalidOperation invalid)
    {
        if (invalid.Syntax is not InvocationExpressionSyntax call) return;
        var info = _semanticModel.GetSymbolInfo(call, _kernel.CancellationToken);
        var candidates = info.CandidateSymbols.OfType<IMethodSymbol>().Select(m => m.OriginalDefinition).Distinct(SymbolEqualityComparer.Default).Cast<IMethodSymbol>().ToList();
        if (candidates.Count == 0 || candidates.Any(c => _known.GetCuda(c) is null)) return;
        var given = call.ArgumentList.Arguments
            .Select(a => _semanticModel.GetTypeInfo(a.Expression, _kernel.CancellationToken).Type)
            .Select(t => t is null || t.TypeKind == TypeKind.Error ? "?" : Display(Bound(t)));
        var name = Display(candidates[0]);
        var takes = candidates
            .Where(c => c.Parameters.Length == call.ArgumentList.Arguments.Count)
            .DefaultIfEmpty(candidates[0])
            .Select(c => "(" + string.Join(", ", c.Parameters.Select(p => Display(p.Type) + " " + p.Name)) + ")");
        Diagnostics.AddUnlessCovered(DiagnosticDescriptors.OpArgumentsMismatch, LocationInfo.From(call),
            name, "(" + string.Join(", ", given) + ")", string.Join(" or ", takes.Distinct()));
    }

    /// <summary>A type the C# compiler could not resolve (ambiguous, missing), itself or inside: the compiler's error says why.</summary>
    private static bool IsErrorType(ITypeSymbol? type) => type switch
    {
        null => false,
        { TypeKind: TypeKind.Error } => true,
        IArrayTypeSymbol array => IsErrorType(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(IsErrorType),
        _ => false,
    };
}
