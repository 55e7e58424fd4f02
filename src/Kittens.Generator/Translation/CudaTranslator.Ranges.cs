using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Kittens.Generator.Diagnostics;
using Kittens.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kittens.Generator.Translation;

/// <summary>
/// Values the hardware or C# bounds, checked where they are constants (in C# or folded in this
/// kernel instance), so a bad one is a diagnostic at its argument rather than a ptxas error, a
/// header static_assert, a hang or silently different arithmetic. Values known only at run
/// time are the author's, as in CUDA.
/// </summary>
internal sealed partial class CudaTranslator
{
    /// <summary>The lengths of the arrays of tiles this body declares (register arrays and shared allocations).</summary>
    private readonly Dictionary<ILocalSymbol, int> _arrayLengths = new(SymbolEqualityComparer.Default);

    private void RecordArrayLength(ILocalSymbol local, int length) => _arrayLengths[local] = length;

    /// <summary>KIT0312 for a constant argument outside the [ValueRange] its stub parameter declares.</summary>
    private void CheckValueRanges(IMethodSymbol method, List<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is not { } parameter || _known.GetAttribute(parameter, _known.ValueRangeAttribute) is not { } range) continue;
            if (FoldInteger(argument.Value) is not { } value) continue;
            if (range.ConstructorArguments.Length != 2 || range.ConstructorArguments[0].Value is not int min || range.ConstructorArguments[1].Value is not int max) continue;
            int step = Named(range, "Step") is int s && s > 0 ? s : 1;
            bool atMostThreads = Named(range, "AtMostBlockThreads") is true;
            string reason = Named(range, "Reason") as string ?? string.Empty;
            bool byThreads = atMostThreads && _kernel.Threads > 0 && _kernel.Threads < max;
            if (byThreads) max = _kernel.Threads;
            if (value >= min && value <= max && value % step == 0) continue;

            string rule = (step > 1 ? "a multiple of " + Text(step) + " " : "a value ") +
                (max == int.MaxValue ? "of " + Text(min) + " or more" : "from " + Text(min) + " to " + Text(max)) +
                (byThreads ? ", the kernel's Threads" : string.Empty);
            Report(DiagnosticDescriptors.ArgumentOutOfRange, argument.Value.Syntax,
                parameter.Name, Display(method), Text(value), rule, reason);
        }
    }

    /// <summary>KIT0313 for an op on whole warpgroups ([ThreadsMultiple]) in a kernel whose Threads is not a multiple of them.</summary>
    private void CheckThreadsMultiple(IInvocationOperation invocation, IMethodSymbol method)
    {
        if (_known.GetAttribute(method, _known.ThreadsMultipleAttribute) is not { ConstructorArguments: { Length: 1 } arguments } ||
            arguments[0].Value is not int multiple || multiple <= 0) return;
        int threads = _kernel.Threads;
        if (threads <= 0 || threads % multiple == 0) return;
        Report(DiagnosticDescriptors.WarpgroupThreads, invocation.Syntax, Display(method), _kernel.InstanceName, Text(threads), Text(multiple));
    }

    /// <summary>KIT0208 for a constant index of an array of tiles that is negative or past its declared length.</summary>
    private void CheckArrayIndex(IArrayElementReferenceOperation element)
    {
        if (element.Indices.Length != 1 || FoldInteger(element.Indices[0]) is not { } index) return;
        int? length = StripImplicit(element.ArrayReference) is ILocalReferenceOperation local && _arrayLengths.TryGetValue(local.Local, out var known)
            ? known
            : null;
        if (index >= 0 && (length is null || index < length)) return;
        string extent = length is { } n ? Text(n) + " element" + (n == 1 ? string.Empty : "s") : "elements";
        string last = length is { } m ? Text(m - 1) : "its length minus 1";
        Report(DiagnosticDescriptors.TileIndexOutOfRange, element.Indices[0].Syntax,
            Text(index), Snippet(element.ArrayReference.Syntax), extent, last);
    }

    /// <summary>KIT0209 for a constant coordinate of <c>new Coord(...)</c> below 0.</summary>
    private void CheckCoordinates(IObjectCreationOperation creation)
    {
        foreach (var argument in OrderedArguments(creation.Arguments))
        {
            if (FoldInteger(argument.Value) is not { } value || value >= 0) continue;
            Report(DiagnosticDescriptors.NegativeCoordinate, argument.Value.Syntax,
                argument.Parameter?.Name ?? "?", Snippet(creation.Syntax), Text(value));
        }
    }

    /// <summary>
    /// KIT0210 when a tile or vector type (as this instance binds it) has a dimension marker
    /// whose [Dim(n)] is not a positive multiple of 16: the header would refuse it in a
    /// static_assert. True when the type is fine.
    /// </summary>
    private bool CheckDims(ITypeSymbol type, LocationInfo? location, string what)
    {
        if (type is IArrayTypeSymbol array) return CheckDims(array.ElementType, location, what);
        if (!_known.GetTileKind(type).IsTileOrVector() || type is not INamedTypeSymbol named) return true;
        return CheckDimArguments(named.TypeArguments, location, what);
    }

    /// <summary>KIT0210 for a band (<c>t.Rows&lt;D24&gt;(i)</c>) whose dimension is not a positive multiple of 16.</summary>
    private bool CheckBandDims(IInvocationOperation invocation, IMethodSymbol method) =>
        CheckDimArguments(method.TypeArguments.Select(Bound), LocationInfo.From(invocation.Syntax), Snippet(invocation.Syntax));

    /// <summary>KIT0210 for the first dimension marker among <paramref name="types"/> that is not a positive multiple of 16.</summary>
    private bool CheckDimArguments(IEnumerable<ITypeSymbol> types, LocationInfo? location, string what)
    {
        foreach (var argument in types)
        {
            if (_known.GetDim(argument) is not { } dim || (dim > 0 && dim % 16 == 0)) continue;
            Diagnostics.AddUnlessCovered(DiagnosticDescriptors.InvalidDim, location, what, Display(argument), Text(dim));
            return false;
        }
        return true;
    }

    /// <summary>KIT0211 for an integer division or remainder whose divisor is a constant 0.</summary>
    private bool IsDivisionByZero(BinaryOperatorKind kind, IOperation divisor, SyntaxNode at)
    {
        if (kind is not (BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder)) return false;
        if (!CudaTypeNames.IsIntegral(divisor.Type?.SpecialType ?? SpecialType.None) || FoldInteger(divisor) is not 0) return false;
        Report(DiagnosticDescriptors.DivisionByZero, at, Snippet(at), Snippet(divisor.Syntax));
        return true;
    }

    /// <summary>
    /// The shift count as C# applies it, when it is a constant outside [0, width): C# masks the
    /// count to the operand's width (<c>x &lt;&lt; 33</c> on an int is <c>x &lt;&lt; 1</c>) while
    /// C++ leaves such a shift undefined, so the masked count is written to keep the C# meaning.
    /// Null when the count is written as it is.
    /// </summary>
    private string? MaskedShiftCount(BinaryOperatorKind kind, SpecialType operandType, IOperation count)
    {
        if (kind is not (BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift)) return null;
        if (FoldInteger(count) is not { } value) return null;
        int width = operandType is SpecialType.System_Int64 or SpecialType.System_UInt64 ? 64 : 32;
        if (value >= 0 && value < width) return null;
        return CudaLiterals.Int((int)(value & (width - 1)));
    }

    /// <summary>An integral value that folds (C# constants included), widened to long.</summary>
    private long? FoldInteger(IOperation operation)
    {
        if (!_folder.TryFold(operation, out var value) || value is null) return null;
        return value switch
        {
            int i => i,
            uint u => u,
            long l => l,
            short s => s,
            ushort us => us,
            byte b => b,
            sbyte sb => sb,
            ulong ul when ul <= long.MaxValue => (long)ul,
            _ => null,
        };
    }

    private static object? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(n => n.Key == name).Value.Value;

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
