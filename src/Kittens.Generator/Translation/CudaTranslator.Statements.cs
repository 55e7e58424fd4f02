using System.Collections.Generic;
using System.Linq;
using Kittens.Generator.Diagnostics;
using Kittens.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kittens.Generator.Translation;

internal sealed partial class CudaTranslator
{
    private void EmitStatement(IOperation statement)
    {
        _kernel.CancellationToken.ThrowIfCancellationRequested();
        switch (statement)
        {
            case IBlockOperation block:
                _writer.Line("{");
                EmitNested(block);
                _writer.Line("}");
                break;
            case IVariableDeclarationGroupOperation group:
                EmitDeclarationGroup(group);
                break;
            case IExpressionStatementOperation expression:
                _writer.Directive(statement.Syntax);
                _writer.Line(Emit(expression.Operation).Text + ";");
                break;
            case IConditionalOperation conditional:
                EmitIf(conditional);
                break;
            case IForLoopOperation loop:
                EmitFor(loop);
                break;
            case IWhileLoopOperation loop:
                EmitWhile(loop);
                break;
            case IBranchOperation { BranchKind: BranchKind.Break }:
                _writer.Directive(statement.Syntax);
                _writer.Line("break;");
                break;
            case IBranchOperation { BranchKind: BranchKind.Continue }:
                _writer.Directive(statement.Syntax);
                _writer.Line("continue;");
                break;
            case IReturnOperation { Kind: OperationKind.Return } ret:
                _writer.Directive(statement.Syntax);
                _writer.Line(ret.ReturnedValue is null ? "return;" : "return " + Emit(ret.ReturnedValue).Text + ";");
                break;
            case IEmptyOperation:
                break;
            default:
                Unsupported(statement);
                break;
        }
    }

    /// <summary>The statements of an embedded statement one level in (always braced in CUDA).</summary>
    private void EmitNested(IOperation statement)
    {
        _writer.Indent++;
        if (statement is IBlockOperation block)
        {
            foreach (var inner in block.Operations) EmitStatement(inner);
        }
        else
        {
            EmitStatement(statement);
        }
        _writer.Indent--;
    }

    private void EmitIf(IConditionalOperation conditional)
    {
        // A condition the binding decides (if (TSchedule.QueriesInRegisters)): only the chosen
        // branch is written, in braces of its own when it declares locals (they keep their C# scope).
        if (!_binding.IsEmpty && _folder.TryFoldBound(conditional.Condition, out var decided) && decided is bool chosen)
        {
            var branch = chosen ? conditional.WhenTrue : conditional.WhenFalse;
            if (branch is IConditionalOperation elseIf)
            {
                EmitIf(elseIf);
            }
            else if (branch is IBlockOperation { Locals.Length: 0 } block)
            {
                foreach (var inner in block.Operations) EmitStatement(inner);
            }
            else if (branch is not null)
            {
                _writer.Line("{");
                EmitNested(branch);
                _writer.Line("}");
            }
            return;
        }
        _writer.Directive(conditional.Syntax);
        _writer.Line("if (" + Emit(conditional.Condition).Text + ") {");
        EmitNested(conditional.WhenTrue);
        var whenFalse = conditional.WhenFalse;
        while (whenFalse is IConditionalOperation elseIf)
        {
            _writer.Directive(elseIf.Syntax);
            _writer.Line("} else if (" + Emit(elseIf.Condition).Text + ") {");
            EmitNested(elseIf.WhenTrue);
            whenFalse = elseIf.WhenFalse;
        }
        if (whenFalse is not null)
        {
            _writer.Line("} else {");
            EmitNested(whenFalse);
        }
        _writer.Line("}");
    }

    private void EmitFor(IForLoopOperation loop)
    {
        string initializer = string.Empty;
        if (loop.Before.Length == 1 && loop.Before[0] is IVariableDeclarationGroupOperation group)
        {
            initializer = ForDeclaration(group);
        }
        else if (loop.Before.Length > 0)
        {
            initializer = string.Join(", ", loop.Before.Select(ForExpression));
        }
        string condition = loop.Condition is null ? string.Empty : " " + Emit(loop.Condition).Text;
        string step = loop.AtLoopBottom.Length == 0 ? string.Empty : " " + string.Join(", ", loop.AtLoopBottom.Select(ForExpression));

        _writer.Directive(loop.Syntax);
        _writer.Line("for (" + initializer + ";" + condition + ";" + step + ") {");
        EmitNested(loop.Body);
        _writer.Line("}");
    }

    private string ForExpression(IOperation operation) =>
        operation is IExpressionStatementOperation statement ? Emit(statement.Operation).Text : Unsupported(operation).Text;

    /// <summary><c>int i = 0, j = n</c>: scalar declarators of one type.</summary>
    private string ForDeclaration(IVariableDeclarationGroupOperation group)
    {
        var parts = new List<string>();
        string? type = null;
        foreach (var declarator in group.Declarations.SelectMany(d => d.Declarators))
        {
            var local = declarator.Symbol;
            if (!IsScalar(Bound(local.Type)))
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, declarator.Syntax, "for-loop declaration of a non-scalar");
                continue;
            }
            type ??= SpellChecked(local.Type, LocationInfo.From(declarator.Syntax), local.Name);
            var initializer = declarator.GetVariableInitializer()?.Value;
            var name = Declare(local);
            parts.Add(initializer is null ? name : name + " = " + Emit(initializer).Text);
        }
        return type is null ? string.Empty : type + " " + string.Join(", ", parts);
    }

    private void EmitWhile(IWhileLoopOperation loop)
    {
        if (loop.ConditionIsTop)
        {
            _writer.Directive(loop.Syntax);
            _writer.Line("while (" + Emit(loop.Condition).Text + ") {");
            EmitNested(loop.Body);
            _writer.Line("}");
        }
        else
        {
            _writer.Directive(loop.Syntax);
            _writer.Line("do {");
            EmitNested(loop.Body);
            if (loop.Condition is not null) _writer.Directive(loop.Condition.Syntax);
            _writer.Line("} while (" + Emit(loop.Condition).Text + ");");
        }
    }

    private void EmitDeclarationGroup(IVariableDeclarationGroupOperation group)
    {
        foreach (var declaration in group.Declarations)
        {
            foreach (var declarator in declaration.Declarators)
            {
                if (declarator.Symbol.IsConst || _folder.IsConstantLocal(declarator.Symbol)) continue;
                _writer.Directive(declarator.Syntax);
                EmitDeclarator(group, declarator, declaration.Initializer);
            }
        }
    }

    private void EmitDeclarator(IVariableDeclarationGroupOperation group, IVariableDeclaratorOperation declarator, IVariableInitializerOperation? sharedInitializer)
    {
        var local = declarator.Symbol;
        var location = LocationInfo.From(declarator.Syntax);
        var initializer = (declarator.Initializer ?? sharedInitializer)?.Value;
        if (local.IsRef)
        {
            Diagnostics.AddUnlessCovered(DiagnosticDescriptors.RefLocalNotSupported, location);
            return;
        }

        if (initializer is IInvocationOperation invocation && _known.HasAttribute(invocation.TargetMethod, _known.SharedAllocationAttribute))
        {
            EmitSharedAllocation(group, local, invocation);
            return;
        }

        if (local.Type is IArrayTypeSymbol { Rank: 1 } tileArray && _known.GetTileKind(tileArray.ElementType).IsRegister())
        {
            EmitRegisterTileArray(local, tileArray, initializer, location, declarator);
            return;
        }

        var kind = _known.GetTileKind(local.Type);
        string name;
        if (kind.IsRegister())
        {
            // A tile only the branches this instance drops would use is not declared.
            if (!IsLive(local) && initializer is not null && IsTileConstruction(initializer, local.Type)) return;
            // var t = new RT<...>();  →  kittens::rt<...> t;
            var type = SpellChecked(local.Type, location, local.Name);
            CheckRegisterTile(local, local.Type, 1, declarator.Syntax);
            name = Declare(local);
            if (initializer is not null && !IsTileConstruction(initializer, local.Type))
            {
                Emit(initializer);
                Report(DiagnosticDescriptors.TileAssignment, declarator.Syntax, Snippet(declarator.Syntax));
            }
            _writer.Line(type + " " + name + ";");
            return;
        }

        if (kind.IsShared())
        {
            // var s = stages[i];  →  a reference to the shared tile, never a copy.
            var type = SpellChecked(local.Type, location, local.Name);
            name = Declare(local);
            if (initializer is not null && IsSubTile(initializer))
            {
                // var band = q.Rows<D16>(w);  →  auto &band = kittens::row_band<16>(q, w);
                // (a view's C++ type carries its parent's layout, which the C# type does not).
                _writer.Line("auto &" + name + " = " + Emit(initializer).Text + ";");
                return;
            }
            if (initializer is null || !IsSharedReference(initializer))
            {
                if (initializer is not null) Emit(initializer);
                Report(DiagnosticDescriptors.TileAssignment, declarator.Syntax, Snippet(declarator.Syntax));
                return;
            }
            _writer.Line(type + " &" + name + " = " + Emit(initializer).Text + ";");
            return;
        }

        // A const local is written as a literal wherever it is used: declaring it too only draws
        // "declared but never referenced" from NVRTC.
        if (local.IsConst) return;

        // Scalars, coordinates, tensors: translate the initializer first so the most specific
        // diagnostic (an allocation, a string) wins over "unsupported type".
        string? value = initializer is null ? null : Emit(initializer).Text;
        var spelled = SpellChecked(local.Type, location, local.Name);
        name = Declare(local);
        _writer.Line(spelled + " " + name + (value is null ? string.Empty : " = " + value) + ";");
    }

    /// <summary>
    /// <c>var acc = new RT&lt;...&gt;[4];</c> → <c>kittens::rt&lt;...&gt; acc[4];</c>: as many register
    /// tiles, the length a constant (KIT0206 otherwise).
    /// </summary>
    private void EmitRegisterTileArray(ILocalSymbol local, IArrayTypeSymbol array, IOperation? initializer, LocationInfo? location, IVariableDeclaratorOperation declarator)
    {
        var type = SpellChecked(array.ElementType, location, local.Name);
        var name = Declare(local);
        if (initializer is IArrayCreationOperation { DimensionSizes.Length: 1, Initializer: null } creation &&
            _folder.TryFold(creation.DimensionSizes[0], out var length) && length is int count && count > 0)
        {
            RecordArrayLength(local, count);
            CheckRegisterTile(local, array.ElementType, count, declarator.Syntax);
            _writer.Line(type + " " + name + "[" + CudaLiterals.Int(count) + "];");
            return;
        }
        Report(DiagnosticDescriptors.TileArrayLength, declarator.Syntax, Snippet(declarator.Syntax));
    }

    private bool IsTileConstruction(IOperation initializer, ITypeSymbol type) =>
        initializer is IObjectCreationOperation { Arguments.Length: 0, Initializer: null } creation &&
        SymbolEqualityComparer.Default.Equals(creation.Type, type);

    /// <summary>An element of an allocated shared array, or another shared tile local or parameter.</summary>
    private static bool IsSharedReference(IOperation operation) => operation switch
    {
        IArrayElementReferenceOperation => true,
        ILocalReferenceOperation => true,
        IParameterReferenceOperation => true,
        IConversionOperation { IsImplicit: true } conversion => IsSharedReference(conversion.Operand),
        _ => false,
    };

    /// <summary>
    /// <c>var s = Shared.Alloc&lt;ST&lt;...&gt;&gt;()</c> → <c>auto &amp;s = kittens_alloc.allocate&lt;T&gt;();</c>, and with a
    /// constant count N → <c>auto (&amp;s)[N] = kittens_alloc.allocate&lt;T, N&gt;();</c>. Under a
    /// binding, an allocation that no kept code reads is neither declared nor reserved.
    /// </summary>
    private void EmitSharedAllocation(IVariableDeclarationGroupOperation group, ILocalSymbol local, IInvocationOperation invocation)
    {
        var name = Declare(local);
        if (!_isKernel || !ReferenceEquals(group.Parent, _topBlock))
        {
            Report(DiagnosticDescriptors.SharedAllocPlacement, invocation.Syntax);
            return;
        }

        var sharedType = invocation.TargetMethod.TypeArguments.FirstOrDefault();
        if (sharedType is null) return;
        sharedType = Bound(sharedType);
        var location = LocationInfo.From(invocation.Syntax);
        var type = SpellChecked(sharedType, location, local.Name);
        int? byteSize = SharedMemory.ByteSize(sharedType, _known);
        if (byteSize is null && IsErrorType(sharedType))
        {
            _kernel.HasInvalidCode = true;
            return;
        }
        if (byteSize is null)
        {
            Diagnostics.AddUnlessCovered(DiagnosticDescriptors.UnsupportedType, location, Display(sharedType));
            return;
        }

        // An allocation only the branches this instance drops would use is not reserved.
        if (invocation.Arguments.Length == 0)
        {
            if (!IsLive(local)) return;
            _kernel.AddAllocation(type, byteSize.Value, SharedMemory.AlignmentOf(sharedType, _known), 1);
            _writer.Line("auto &" + name + " = kittens_alloc.allocate<" + type + ">();");
            return;
        }

        var countArgument = invocation.Arguments[0].Value;
        if (!_folder.TryFold(countArgument, out var countValue) || countValue is not int count || count <= 0)
        {
            Report(DiagnosticDescriptors.SharedAllocCount, countArgument.Syntax, Snippet(countArgument.Syntax));
            return;
        }
        RecordArrayLength(local, count);
        if (!IsLive(local)) return;
        _kernel.AddAllocation(type, byteSize.Value, SharedMemory.AlignmentOf(sharedType, _known), count);
        string n = CudaLiterals.Int(count);
        _writer.Line("auto (&" + name + ")[" + n + "] = kittens_alloc.allocate<" + type + ", " + n + ">();");
    }

    private static bool IsScalar(ITypeSymbol type) => CudaTypeNames.Primitive(type.SpecialType) is not null;
}
