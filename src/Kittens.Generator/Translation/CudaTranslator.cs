using System.Collections.Generic;
using System.Linq;
using System.Text;
using Kittens.Generator.Binding;
using Kittens.Generator.Diagnostics;
using Kittens.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Kittens.Generator.Translation;

/// <summary>
/// Translates one C# method body (a kernel or a [DeviceFunction]) to CUDA C++ by walking its
/// operation tree. Statements are in <c>CudaTranslator.Statements.cs</c>, expressions in
/// <c>CudaTranslator.Expressions.cs</c>, calls and member accesses in <c>CudaTranslator.Calls.cs</c>.
/// </summary>
internal sealed partial class CudaTranslator
{
    private readonly KernelTranslation _kernel;
    private readonly KnownSymbols _known;
    private readonly IMethodSymbol _method;
    private readonly SemanticModel _semanticModel;
    private readonly bool _isKernel;
    private readonly CudaWriter _writer = new(indent: 1);
    private readonly HashSet<IParameterSymbol> _writtenParameters = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILocalSymbol> _writtenLocals = new(SymbolEqualityComparer.Default);
    private readonly TypeBinding _binding;
    private readonly ConstantFolder _folder;
    private IBlockOperation? _topBlock;
    private HashSet<ILocalSymbol>? _liveLocals;

    /// <param name="kernel">The translation this body belongs to.</param>
    /// <param name="method">The kernel or device function, as declared (its type parameters unbound).</param>
    /// <param name="semanticModel">The semantic model of the method's syntax tree.</param>
    /// <param name="isKernel">The body is the kernel's own (shared allocations may appear in it).</param>
    /// <param name="binding">The concrete types of the method's type parameters in this instance.</param>
    public CudaTranslator(KernelTranslation kernel, IMethodSymbol method, SemanticModel semanticModel, bool isKernel, TypeBinding binding)
    {
        _kernel = kernel;
        _known = kernel.Known;
        _method = method;
        _semanticModel = semanticModel;
        _isKernel = isKernel;
        _binding = binding;
        _folder = new ConstantFolder(_known, binding);
    }

    /// <summary>A type as this instance sees it: every bound type parameter replaced by its concrete type.</summary>
    private ITypeSymbol Bound(ITypeSymbol type) => _binding.Substitute(type);

    private DiagnosticBag Diagnostics => _kernel.Diagnostics;

    /// <summary>Whether the body assigns <paramref name="parameter"/> (else a kernel declares it const).</summary>
    public bool IsWritten(IParameterSymbol parameter) => _writtenParameters.Contains(parameter);

    /// <summary>Translates the body into lines at indent 1 (the caller writes the signature and braces).</summary>
    public EquatableArray<CudaLine> TranslateBody(MethodDeclarationSyntax declaration)
    {
        UnsupportedSyntax.Check(declaration, Diagnostics);
        if (_semanticModel.GetOperation(declaration, _kernel.CancellationToken) is not IMethodBodyOperation body)
        {
            _kernel.HasInvalidCode = true;
            return EquatableArray<CudaLine>.Empty;
        }

        FindWrittenSymbols(body);
        FindConstantLocals(body);
        if (!_binding.IsEmpty) FindLiveLocals(body);
        FindNames(body);
        AssignNames();
        var block = body.BlockBody ?? body.ExpressionBody;
        if (block is null)
        {
            _kernel.HasInvalidCode = true;
            return EquatableArray<CudaLine>.Empty;
        }
        _topBlock = block;
        foreach (var statement in block.Operations) EmitStatement(statement);
        return _writer.ToEquatableArray();
    }

    /// <summary>
    /// The signature of this device function: tiles by reference, tensors by const reference,
    /// scalars by value (ref and out scalars by reference).
    /// </summary>
    public string DeviceFunctionSignature(string name)
    {
        string returnType = _method.ReturnsVoid ? "void" : CudaTypeNames.Primitive(Bound(_method.ReturnType).SpecialType) ?? "void";
        var parameters = new List<string>();
        var templateParameters = new List<string>();
        foreach (var parameter in _method.Parameters)
        {
            var location = LocationInfo.From(parameter.Locations.FirstOrDefault());
            if (TileArrayParameter(parameter, location) is { } array)
            {
                // An array of tiles, vectors or semaphores: a reference to the caller's array,
                // its length a template parameter deduced at the call (what .Length reads).
                templateParameters.Add("int " + array.Extent);
                parameters.Add(array.Declarator);
                continue;
            }
            var type = SpellChecked(parameter.Type, location, parameter.Name);
            var kind = _known.GetTileKind(parameter.Type);
            if (kind == TileKind.SharedTile && type.EndsWith(">", System.StringComparison.Ordinal))
            {
                // A shared tile takes a sub-tile view as well (kittens::st's parent rows and
                // swizzle, deduced at the call; a tile of its own has the defaults).
                string rows = "P_" + NameOf(parameter), swizzle = "S_" + NameOf(parameter);
                templateParameters.Add("int " + rows);
                templateParameters.Add("int " + swizzle);
                parameters.Add(type.Substring(0, type.Length - 1) + ", " + rows + ", " + swizzle + ">& " + NameOf(parameter));
                continue;
            }
            if (kind == TileKind.GlobalLayout && !TmaTypes.HasAttribute(parameter, _known))
            {
                // A tensor without [Tma] takes whatever gl the caller has (with or without tensor
                // maps, declared or inferred): a template parameter, deduced at the call.
                var templateName = "G_" + NameOf(parameter);
                templateParameters.Add("typename " + templateName);
                parameters.Add("const " + templateName + "& " + NameOf(parameter));
                continue;
            }
            if (kind == TileKind.GlobalLayout)
            {
                // A tensor with [Tma] types is the full kittens::gl<T, st<...>, ...> a kernel passes on.
                type = TmaTypes.SpellGlobal(Bound(parameter.Type), TmaTypes.Read(parameter, _known, Diagnostics, _kernel.CancellationToken), _known) ?? type;
            }
            else if (TmaTypes.HasAttribute(parameter, _known))
            {
                Diagnostics.Add(DiagnosticDescriptors.TmaOnNonTensor, location, parameter.Name);
            }
            string declarator = kind switch
            {
                _ when kind.IsTileOrVector() => type + "& ",
                TileKind.GlobalLayout => "const " + type + "& ",
                _ => parameter.RefKind switch
                {
                    RefKind.Ref or RefKind.Out => type + "& ",
                    RefKind.In or RefKind.RefReadOnlyParameter => "const " + type + "& ",
                    _ => type + " ",
                },
            };
            parameters.Add(declarator + NameOf(parameter));
        }
        string template = templateParameters.Count == 0 ? string.Empty : "template <" + string.Join(", ", templateParameters) + ">\n";
        return template + "__device__ __forceinline__ " + returnType + " " + name + "(" + string.Join(", ", parameters) + ")";
    }

    /// <summary>
    /// A device-function parameter that is an array of register tiles or vectors, shared tiles or
    /// vectors, or semaphores: its declarator <c>T (&amp;name)[N_name]</c> and the extent's name.
    /// </summary>
    private (string Declarator, string Extent)? TileArrayParameter(IParameterSymbol parameter, LocationInfo? location)
    {
        if (Bound(parameter.Type) is not IArrayTypeSymbol { Rank: 1 } array || !_known.GetTileKind(array.ElementType).IsTileOrVector()) return null;
        if (parameter.RefKind != RefKind.None) return null;
        var element = SpellChecked(array.ElementType, location, parameter.Name);
        var extent = "N_" + NameOf(parameter);
        return (element + " (&" + NameOf(parameter) + ")[" + extent + "]", extent);
    }

    /// <summary>
    /// The CUDA spelling of <paramref name="type"/>, diagnosing types kernels cannot use and tile
    /// element types other than float, bf16 and f16 (for the declaration of <paramref name="what"/>).
    /// </summary>
    private string SpellChecked(ITypeSymbol type, LocationInfo? location, string what)
    {
        type = Bound(type);
        var spelled = CudaTypeNames.Spell(type, _known);
        if (spelled is null && IsErrorType(type))
        {
            // C# could not resolve the type (ambiguous, missing) and says so; "Type '?'" on top
            // of that would only mislead.
            _kernel.HasInvalidCode = true;
            return "/* " + Display(type) + " */ int";
        }
        if (spelled is null)
        {
            var descriptor = type.SpecialType == SpecialType.System_String
                ? DiagnosticDescriptors.StringsNotSupported
                : DiagnosticDescriptors.UnsupportedType;
            Diagnostics.AddUnlessCovered(descriptor, location, Display(type));
            return "/* " + Display(type) + " */ int";
        }
        CheckDims(type, location, what);
        var kind = _known.GetTileKind(type);
        var element = kind.HasElementType() ? CudaTypeNames.ElementType(type) : null;
        if (kind.HasElementType() && (kind == TileKind.GlobalLayout
                ? !CudaTypeNames.IsGlobalElement(element, _known)
                : CudaTypeNames.ElementBytes(element, _known) is null))
        {
            Diagnostics.AddUnlessCovered(
                DiagnosticDescriptors.UnsupportedElementType, location, what, Display(CudaTypeNames.ElementType(type)));
        }
        return spelled;
    }

    /// <summary>
    /// Locals that this binding makes constants: initialised from a folded expression
    /// (<c>int consumers = TSchedule.Consumers;</c>) and never written again. Their reads are
    /// written as literals and their declarations left out, as for C# <c>const</c> locals.
    /// </summary>
    private void FindConstantLocals(IOperation body)
    {
        if (_binding.IsEmpty) return;
        // Descendants come in source order, so a local folds through the locals declared before it.
        foreach (var operation in body.Descendants())
        {
            if (operation is not IVariableDeclaratorOperation declarator) continue;
            var local = declarator.Symbol;
            if (local.IsConst || local.IsRef || _writtenLocals.Contains(local) || !IsScalar(Bound(local.Type))) continue;
            var initializer = (declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer)?.Value;
            if (initializer is null || declarator.Parent?.Parent?.Parent is IForLoopOperation) continue;
            if (_folder.TryFoldBound(initializer, out var value) && value is not null) _folder.AddConstantLocal(local, value);
        }
    }

    /// <summary>
    /// The locals read in the code this binding keeps (branches it decides against are skipped),
    /// so a tile only a dropped branch used is not declared (NVRTC would warn it is unused).
    /// </summary>
    private void FindLiveLocals(IOperation operation)
    {
        _liveLocals ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        if (operation is IConditionalOperation conditional && _folder.TryFoldBound(conditional.Condition, out var decided) && decided is bool chosen)
        {
            if ((chosen ? conditional.WhenTrue : conditional.WhenFalse) is { } branch) FindLiveLocals(branch);
            return;
        }
        if (operation is ILocalReferenceOperation { IsDeclaration: false } reference) _liveLocals.Add(reference.Local);
        foreach (var child in operation.ChildOperations) FindLiveLocals(child);
    }

    /// <summary>Whether the kept code reads <paramref name="local"/> (always true without a binding).</summary>
    private bool IsLive(ILocalSymbol local) => _liveLocals is null || _liveLocals.Contains(local);

    private void FindWrittenSymbols(IOperation body)
    {
        foreach (var operation in body.Descendants())
        {
            IOperation? target = operation switch
            {
                IAssignmentOperation assignment => assignment.Target,
                IIncrementOrDecrementOperation increment => increment.Target,
                IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => argument.Value,
                _ => null,
            };
            if (target is IParameterReferenceOperation reference) _writtenParameters.Add(reference.Parameter);
            if (target is ILocalReferenceOperation local) _writtenLocals.Add(local.Local);
        }
    }

    private void Report(DiagnosticDescriptor descriptor, SyntaxNode syntax, params string[] arguments) =>
        Diagnostics.AddUnlessCovered(descriptor, LocationInfo.From(syntax), arguments);

    /// <summary>Reports an operation the translator rejects: its specific diagnostic, or KIT0099.</summary>
    private CudaExpr Unsupported(IOperation operation)
    {
        if (operation is IInvalidOperation || IsErrorType(operation.Type) || HasCompilerErrors(operation))
        {
            _kernel.HasInvalidCode = true;
            if (operation is IInvalidOperation invalid) ReportUnboundOp(invalid);
            return Placeholder();
        }
        var descriptor = UnsupportedOperations.For(operation.Kind);
        if (operation is ILoopOperation { LoopKind: LoopKind.ForEach }) descriptor = DiagnosticDescriptors.ForEachNotSupported;
        if (operation is IBranchOperation { BranchKind: BranchKind.GoTo }) descriptor = DiagnosticDescriptors.GotoNotSupported;

        if (descriptor == DiagnosticDescriptors.ExceptionsNotSupported)
            Report(descriptor, operation.Syntax, operation.Kind == OperationKind.Try ? "try" : "throw");
        else if (descriptor == DiagnosticDescriptors.ObjectCreationNotSupported)
            Report(descriptor, operation.Syntax, Snippet(operation.Syntax));
        else if (descriptor is not null)
            Report(descriptor, operation.Syntax);
        else
            Report(DiagnosticDescriptors.UnsupportedConstruct, operation.Syntax, operation.Kind.ToString());
        return Placeholder();
    }

    /// <summary>The C# compiler already reports an error inside <paramref name="operation"/>.</summary>
    private bool HasCompilerErrors(IOperation operation)
    {
        foreach (var diagnostic in _semanticModel.GetDiagnostics(operation.Syntax.Span, _kernel.CancellationToken))
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error) return true;
        }
        return false;
    }

    private static CudaExpr Placeholder() => CudaExpr.Primary("0 /* not translated */");

    private static string Display(ITypeSymbol? type) =>
        type?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? "?";

    private static string Display(ISymbol member) =>
        member.ContainingType is { } type ? type.Name + "." + member.Name : member.Name;

    /// <summary>The source text of <paramref name="node"/> on one line, shortened for messages.</summary>
    private static string Snippet(SyntaxNode node)
    {
        var text = new StringBuilder();
        bool space = false;
        foreach (char c in node.ToString())
        {
            if (char.IsWhiteSpace(c))
            {
                space = text.Length > 0;
                continue;
            }
            if (space) text.Append(' ');
            space = false;
            text.Append(c);
        }
        return text.Length <= 60 ? text.ToString() : text.ToString(0, 57) + "...";
    }
}
