using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Kittens.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kittens.Generator.Translation;

internal sealed partial class CudaTranslator
{
    private static readonly Regex s_primaryText = new(
        @"^[A-Za-z_]\w*(::[A-Za-z_]\w*)*(\(\))?(\.[A-Za-z_]\w*)*$", RegexOptions.CultureInvariant);

    private static readonly Regex s_castText = new(
        @"^\([A-Za-z_][\w :]*\)[A-Za-z_]\w*(::[A-Za-z_]\w*)*(\(\))?(\.[A-Za-z_]\w*)*$", RegexOptions.CultureInvariant);

    private static readonly Regex s_leadingName = new(@"^[A-Za-z_]\w*(::[A-Za-z_]\w*)*", RegexOptions.CultureInvariant);

    private static readonly Regex s_placeholder = new(@"\{(\d+)\}", RegexOptions.CultureInvariant);

    private CudaExpr EmitInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (_known.HasAttribute(method, _known.SharedAllocationAttribute))
        {
            // A valid allocation is the initializer of a top-level local and never reaches here.
            Report(DiagnosticDescriptors.SharedAllocPlacement, invocation.Syntax);
            return Placeholder();
        }

        if (_known.GetCuda(method) is { } mapped)
        {
            var cuda = WithTypeArguments(mapped, method);
            if (_known.GetRequiredArch(method) is { } arch) _kernel.RequireArch(arch, Display(method));
            if (_known.HasAttribute(method, _known.SubTileAttribute) && CheckBandDims(invocation, method)) CheckSubTile(invocation, method);
            var ordered = OrderedArguments(invocation.Arguments).ToList();
            bool hasReceiver = !method.IsStatic && invocation.Instance is not null;
            CheckTemplateArguments(method, cuda, ordered, hasReceiver ? 1 : 0);
            CheckReferenceArguments(method, ordered);
            CheckValueRanges(method, ordered);
            CheckThreadsMultiple(invocation, method);
            CheckTileFitsShape(invocation, method, ordered);
            if (_known.HasAttribute(method, _known.TensorMapTransferAttribute)) CheckTensorMap(invocation, method, ordered);
            var receiver = hasReceiver ? Emit(invocation.Instance!) : (CudaExpr?)null;
            var arguments = ordered.Select(a => Emit(a.Value, ImplicitCasts.All)).ToList();
            return ApplyCuda(cuda, receiver, arguments, isMethod: true);
        }

        if (_known.HasAttribute(method, _known.FoldedDimAttribute))
        {
            // Dims.Of<T>() with T not a dim marker after binding (a folded one never gets here).
            Report(DiagnosticDescriptors.UnfoldableMember, invocation.Syntax, Snippet(invocation.Syntax),
                "its type argument '" + Display(method.TypeArguments.FirstOrDefault() is { } t ? Bound(t) : null) + "' is not a dimension marker with [Dim(n)]");
            return Placeholder();
        }

        if (_known.HasAttribute(method, _known.DeviceFunctionAttribute))
        {
            var callee = _binding.Substitute(method);
            var name = _kernel.RequestDeviceFunction(callee, invocation, _binding.ForCallee(callee));
            if (name is null) return Placeholder();
            var ordered = OrderedArguments(invocation.Arguments).ToList();
            CheckTensorMapArguments(method, ordered);
            var arguments = ordered.Select(a => Emit(a.Value).Text);
            return CudaExpr.Primary(name + "(" + string.Join(", ", arguments) + ")");
        }

        if (SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, _kernel.Kernel))
        {
            _kernel.ReportRecursion(_kernel.Kernel, invocation);
            return Placeholder();
        }

        if (!method.IsStatic && (method.IsVirtual || method.IsAbstract || method.IsOverride || method.ContainingType?.TypeKind == TypeKind.Interface))
        {
            Report(DiagnosticDescriptors.VirtualCall, invocation.Syntax, Display(method));
            return Placeholder();
        }

        if (DeviceMathEquivalent(method) is { } equivalent)
        {
            Report(DiagnosticDescriptors.UseDeviceMath, invocation.Syntax, Display(method), equivalent);
            return Placeholder();
        }

        if (method.MethodKind == MethodKind.LocalFunction)
        {
            Report(DiagnosticDescriptors.LambdaNotSupported, invocation.Syntax);
            return Placeholder();
        }

        Report(DiagnosticDescriptors.UnsupportedCall, invocation.Syntax, Display(method));
        return Placeholder();
    }

    /// <summary>
    /// KIT0307 for each argument that lands inside a C++ template argument list of the [Cuda]
    /// template (<c>store_async_wait&lt;{0}&gt;()</c>) but is not a C# constant.
    /// </summary>
    private void CheckTemplateArguments(IMethodSymbol method, string cuda, List<IArgumentOperation> arguments, int receiverCount)
    {
        foreach (int index in TemplateArgumentPlaceholders(cuda))
        {
            int argument = index - receiverCount;
            if (argument < 0 || argument >= arguments.Count) continue;
            var value = arguments[argument].Value;
            if (value.ConstantValue.HasValue || _folder.TryFold(value, out _)) continue;
            Report(DiagnosticDescriptors.TemplateArgumentNotConstant, value.Syntax, Snippet(value.Syntax), Display(method), cuda);
        }
    }

    /// <summary>
    /// KIT0311 for a by-reference argument of a stub op that is not an element of a global tensor
    /// (<c>ref t[b, d, r, c]</c>): the ops that take one (atomics) are global-memory PTX.
    /// </summary>
    private void CheckReferenceArguments(IMethodSymbol method, List<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is not { RefKind: RefKind.Ref or RefKind.Out or RefKind.RefReadOnlyParameter }) continue;
            if (argument.Value is IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } tensor } &&
                _known.GetTileKind(tensor.Type is null ? null : Bound(tensor.Type)) == TileKind.GlobalLayout) continue;
            Report(DiagnosticDescriptors.ReferenceArgumentNotGlobalElement, argument.Value.Syntax, Snippet(argument.Value.Syntax), Display(method));
        }
    }

    /// <summary>
    /// The placeholders of a [Cuda] template that stand inside a C++ template argument list: after
    /// a '&lt;' that follows a name (<c>wait&lt;{0}&gt;</c>, not <c>{0} &lt; {1}</c>) and before its '&gt;'.
    /// </summary>
    internal static IReadOnlyCollection<int> TemplateArgumentPlaceholders(string cuda)
    {
        var indices = new SortedSet<int>();
        var placeholders = s_placeholder.Matches(cuda);
        if (placeholders.Count == 0) return indices;
        var depthAt = new int[cuda.Length + 1];
        int depth = 0;
        for (int i = 0; i < cuda.Length; i++)
        {
            depthAt[i] = depth;
            char c = cuda[i];
            if (c == '<' && i > 0 && (char.IsLetterOrDigit(cuda[i - 1]) || cuda[i - 1] == '_')) depth++;
            else if (c == '>' && depth > 0) depth--;
        }
        foreach (Match match in placeholders)
        {
            if (depthAt[match.Index] > 0) indices.Add(PlaceholderIndex(match));
        }
        return indices;
    }

    /// <summary>
    /// KIT0308 when a TMA op moves a shared type through a tensor parameter whose [Tma] does not
    /// list it (the CUDA gl would have no tensor map for it).
    /// </summary>
    private void CheckTensorMap(IInvocationOperation invocation, IMethodSymbol method, List<IArgumentOperation> arguments)
    {
        ITypeSymbol? moved = null;
        IParameterSymbol? tensor = null;
        foreach (var argument in arguments)
        {
            var kind = _known.GetTileKind(argument.Parameter?.Type);
            if (kind is TileKind.SharedTile or TileKind.SharedVector) moved ??= Bound(argument.Parameter!.Type);
            if (kind == TileKind.GlobalLayout && StripImplicit(argument.Value) is IParameterReferenceOperation reference) tensor ??= reference.Parameter;
        }
        if (moved is null || tensor is null) return;
        if (MovesColumnChunk(method) && ColumnChunkType(moved) is { } chunk) moved = chunk;
        if (_isKernel && _kernel.InfersTensorMaps(tensor))
        {
            // A kernel tensor with a bare [Tma]: its maps are the types the body moves through it.
            _kernel.AddInferredTensorMap(tensor, moved);
            return;
        }
        var declared = TmaTypes.Listed(tensor, _known);
        if (declared.Any(t => SymbolEqualityComparer.Default.Equals(t, moved))) return;
        Report(DiagnosticDescriptors.TmaTypeNotDeclared, invocation.Syntax,
            Display(method), TmaTypes.Display(moved), tensor.Name, TmaTypes.DisplayList(declared));
    }

    private bool MovesColumnChunk(IMethodSymbol method) =>
        method.OriginalDefinition.GetAttributes().Any(a =>
            SymbolEqualityComparer.Default.Equals(a.AttributeClass, _known.TensorMapTransferAttribute) &&
            a.NamedArguments.Any(n => n.Key == "ColumnChunk" && n.Value.Value is true));

    /// <summary>ST&lt;T, R, W&gt; for a shared tile ST&lt;T, R, C&gt;: one 128-byte swizzle span of its columns (W = 128 / sizeof(T)).</summary>
    private ITypeSymbol? ColumnChunkType(ITypeSymbol tile)
    {
        if (tile is not INamedTypeSymbol { TypeArguments.Length: 3 } named) return null;
        int? bytes = CudaTypeNames.ElementBytes(named.TypeArguments[0], _known);
        if (bytes is null) return null;
        var width = _known.Compilation.GetTypeByMetadataName("Kittens.D" + (128 / bytes.Value).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return width is null ? null : named.ConstructedFrom.Construct(named.TypeArguments[0], named.TypeArguments[1], width);
    }

    /// <summary>
    /// KIT0309 when a tensor parameter is passed to a device function whose tensor parameter
    /// declares different [Tma] types (the CUDA gl types would differ).
    /// </summary>
    private void CheckTensorMapArguments(IMethodSymbol callee, List<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is not { } target || _known.GetTileKind(target.Type) != TileKind.GlobalLayout) continue;
            // A parameter without [Tma] is a template: it takes any gl.
            if (!TmaTypes.HasAttribute(target.OriginalDefinition, _known)) continue;
            if (StripImplicit(argument.Value) is not IParameterReferenceOperation { Parameter: var source }) continue;
            var given = TmaTypes.Listed(source, _known);
            var expected = TmaTypes.Listed(target, _known);
            if (given.SequenceEqual(expected, SymbolEqualityComparer.Default)) continue;
            Report(DiagnosticDescriptors.TmaArgumentMismatch, argument.Value.Syntax,
                source.Name, TmaTypes.DisplayList(given), target.Name, Display(callee), TmaTypes.DisplayList(expected));
        }
    }

    private static IOperation StripImplicit(IOperation operation) =>
        operation is IConversionOperation { IsImplicit: true } conversion ? StripImplicit(conversion.Operand) : operation;

    /// <summary>For Math.X / MathF.X, the DeviceMath member of the same name, if there is one.</summary>
    private string? DeviceMathEquivalent(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (_known.DeviceMath is null || type is null || type.ContainingNamespace?.ToDisplayString() != "System") return null;
        if (type.Name is not ("Math" or "MathF")) return null;
        return _known.DeviceMath.GetMembers(method.Name).Any() ? method.Name : null;
    }

    private static IEnumerable<IArgumentOperation> OrderedArguments(IEnumerable<IArgumentOperation> arguments) =>
        arguments.OrderBy(a => a.Parameter?.Ordinal ?? int.MaxValue);

    private CudaExpr EmitProperty(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        if (_folder.WhyNotFoldable(reference) is { } why)
        {
            Report(DiagnosticDescriptors.UnfoldableMember, reference.Syntax, Snippet(reference.Syntax), why);
            return Placeholder();
        }
        if (property.Name == "Length" && !property.IsStatic && reference.Instance?.Type is IArrayTypeSymbol { Rank: 1 } array &&
            _known.GetTileKind(array.ElementType).IsTileOrVector())
        {
            // An array of tiles: its length is a compile-time constant in CUDA too (a local's
            // declared extent, or a device function's deduced template parameter).
            return CudaExpr.Primary("kittens::extent(" + Emit(reference.Instance).Text + ")");
        }
        if (_known.GetCuda(property) is not { } cuda)
        {
            Report(DiagnosticDescriptors.UnsupportedMember, reference.Syntax, Display(property));
            return Placeholder();
        }
        if (_known.GetRequiredArch(property) is { } arch) _kernel.RequireArch(arch, Display(property));
        var receiver = !property.IsStatic && reference.Instance is { } instance ? Emit(instance) : (CudaExpr?)null;
        // An indexer's [Cuda] is a template over the receiver and the indices ("{0}({1}, {2}, {3}, {4})");
        // it names an lvalue, so reads, assignments and 'ref' arguments all write it the same way.
        var indices = OrderedArguments(reference.Arguments).Select(a => Emit(a.Value)).ToList();
        return ApplyCuda(cuda, receiver, indices, isMethod: false);
    }

    private CudaExpr EmitField(IFieldReferenceOperation reference)
    {
        // Constants never get here: any operation with a constant value is written as a literal.
        Report(DiagnosticDescriptors.UnsupportedMember, reference.Syntax, Display(reference.Field));
        return Placeholder();
    }

    private CudaExpr EmitObjectCreation(IObjectCreationOperation creation)
    {
        var type = creation.Type is null ? null : Bound(creation.Type);
        var kind = _known.GetTileKind(type);
        if (kind.IsTileOrVector() || kind == TileKind.GlobalLayout)
        {
            // Valid tile declarations are handled by the declaration; anything else lands here.
            Report(DiagnosticDescriptors.TileCreationOutsideDeclaration, creation.Syntax, Snippet(creation.Syntax));
            return Placeholder();
        }
        var spelled = creation.Initializer is null && type is not null && CudaTypeNames.Primitive(type.SpecialType) is null
            ? CudaTypeNames.Spell(type, _known)
            : null;
        if (spelled is null)
        {
            Report(DiagnosticDescriptors.ObjectCreationNotSupported, creation.Syntax, Snippet(creation.Syntax));
            return Placeholder();
        }
        // new Coord(b, d, r, c) → kittens::coord{b, d, r, c}
        if (kind == TileKind.Coord) CheckCoordinates(creation);
        var arguments = OrderedArguments(creation.Arguments).Select(a => Emit(a.Value, ImplicitCasts.All).Text);
        return CudaExpr.Primary(spelled + "{" + string.Join(", ", arguments) + "}");
    }

    /// <summary>
    /// Writes a [Cuda] mapping. With placeholders it is a template: {0} is the receiver of an
    /// instance member, then the arguments in order (for a static member, {0} is the first
    /// argument). Without, a method is <c>callee(args)</c> (an instance receiver goes first) and a
    /// property is the expression as written.
    /// </summary>
    private static CudaExpr ApplyCuda(string cuda, CudaExpr? receiver, List<CudaExpr> arguments, bool isMethod)
    {
        var values = new List<CudaExpr>();
        if (receiver is { } r) values.Add(r);
        values.AddRange(arguments);

        var placeholders = s_placeholder.Matches(cuda);
        if (placeholders.Count > 0)
        {
            // "{0}" alone is the value itself, with its own precedence.
            if (placeholders.Count == 1 && placeholders[0].Length == cuda.Length && PlaceholderIndex(placeholders[0]) < values.Count)
                return values[PlaceholderIndex(placeholders[0])];

            var text = new StringBuilder();
            int last = 0;
            foreach (Match match in placeholders)
            {
                text.Append(cuda, last, match.Index - last);
                int index = PlaceholderIndex(match);
                if (index >= values.Count)
                {
                    text.Append(match.Value);
                }
                else
                {
                    // An argument between '(' / ',' and ',' / ')' needs no parentheses; a receiver before '.' may.
                    char before = match.Index == 0 ? '(' : cuda[match.Index - 1];
                    int end = match.Index + match.Length;
                    char after = end == cuda.Length ? ')' : cuda[end];
                    bool standalone = before is '(' or ',' or ' ' or '{' or '[' && after is ')' or ',' or ' ' or '}' or ']';
                    text.Append(standalone ? values[index].Text : values[index].AtLeast(CudaPrecedence.Primary));
                }
                last = match.Index + match.Length;
            }
            text.Append(cuda, last, cuda.Length - last);
            return new CudaExpr(text.ToString(), Classify(s_placeholder.Replace(cuda, "x")));
        }

        if (isMethod)
            return CudaExpr.Primary(cuda + "(" + string.Join(", ", values.Select(v => v.Text)) + ")");
        return new CudaExpr(cuda, Classify(cuda));
    }

    private static int PlaceholderIndex(Match match) =>
        int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How tightly a mapped CUDA expression binds: a name or call chain, a cast of one, or anything else.</summary>
    private static int Classify(string text)
    {
        if (s_primaryText.IsMatch(text) || IsWrappedInParentheses(text) || IsPostfixChain(text)) return CudaPrecedence.Primary;
        if (s_castText.IsMatch(text)) return CudaPrecedence.Unary;
        return CudaPrecedence.Lowest;
    }

    /// <summary>A name followed by calls and subscripts, as indexer templates write (<c>x(x, 0, x, x)</c>, <c>x[x]</c>).</summary>
    private static bool IsPostfixChain(string text)
    {
        var name = s_leadingName.Match(text);
        if (!name.Success || name.Length == text.Length) return false;
        int i = name.Length;
        while (i < text.Length)
        {
            char open = text[i];
            if (open is not ('(' or '[')) return false;
            char close = open == '(' ? ')' : ']';
            int depth = 0, j = i;
            for (; j < text.Length; j++)
            {
                if (text[j] == open) depth++;
                else if (text[j] == close && --depth == 0) break;
            }
            if (j == text.Length) return false;
            i = j + 1;
        }
        return true;
    }

    private static bool IsWrappedInParentheses(string text)
    {
        if (text.Length < 2 || text[0] != '(' || text[text.Length - 1] != ')') return false;
        int depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth--;
            if (depth == 0 && i < text.Length - 1) return false;
        }
        return true;
    }
}
