using System.Linq;
using Kittens.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Kittens.Generator.Translation;

internal sealed partial class CudaTranslator
{
    /// <summary>When an implicit numeric conversion is written out as a cast.</summary>
    private enum ImplicitCasts
    {
        /// <summary>Never: C++ converts the same way (assignments, returns, device-function arguments).</summary>
        None,

        /// <summary>Integral widening in an operand, where C++ promotion differs from C# (int + uint is long in C#).</summary>
        Integral,

        /// <summary>Always: arguments of stub ops, so C++ templates see exactly the C# type.</summary>
        All,
    }

    private CudaExpr Emit(IOperation? operation, ImplicitCasts casts = ImplicitCasts.None)
    {
        if (operation is null) return Placeholder();
        _kernel.CancellationToken.ThrowIfCancellationRequested();

        if (operation.ConstantValue.HasValue && operation is not IVariableDeclaratorOperation)
            return Constant(operation);
        // Dims.Of<D64>() folds in any kernel; the rest only under a binding, so a non-generic
        // kernel's CUDA keeps the expressions its author wrote.
        bool dimValue = operation is IInvocationOperation call && _known.HasAttribute(call.TargetMethod, _known.FoldedDimAttribute);
        if ((!_binding.IsEmpty || dimValue) && IsFoldable(operation) && _folder.TryFoldBound(operation, out var folded))
            return Folded(folded, operation);

        var result = operation switch
        {
            ILocalReferenceOperation { IsDeclaration: false } local => CudaExpr.Primary(NameOfSymbol(local.Local)),
            IParameterReferenceOperation parameter => CudaExpr.Primary(NameOfSymbol(parameter.Parameter)),
            IBinaryOperation binary => EmitBinary(binary),
            IUnaryOperation unary => EmitUnary(unary),
            IIncrementOrDecrementOperation increment => EmitIncrement(increment),
            ISimpleAssignmentOperation assignment => EmitAssignment(assignment),
            ICompoundAssignmentOperation compound => EmitCompoundAssignment(compound),
            IConditionalOperation conditional when conditional.Type is not null => EmitConditional(conditional),
            IConversionOperation conversion => EmitConversion(conversion, casts),
            IInvocationOperation invocation => EmitInvocation(invocation),
            IPropertyReferenceOperation property => EmitProperty(property),
            IFieldReferenceOperation field => EmitField(field),
            IObjectCreationOperation creation => EmitObjectCreation(creation),
            IArrayElementReferenceOperation element => EmitElement(element),
            _ => Unsupported(operation),
        };

        // Keep the author's parentheses: they are part of how the expression reads.
        if (!operation.IsImplicit && operation.Syntax.Parent is ParenthesizedExpressionSyntax && result.Precedence < CudaPrecedence.Primary)
            result = result.Parenthesized();
        return result;
    }

    private CudaExpr Constant(IOperation operation)
    {
        var value = operation.ConstantValue.Value;
        var literal = CudaLiterals.Format(value, operation.Type);
        if (literal is not null) return new CudaExpr(literal, CudaLiterals.Precedence(literal));
        if (value is string || operation.Type?.SpecialType == SpecialType.System_String)
        {
            Report(DiagnosticDescriptors.StringsNotSupported, operation.Syntax);
            return Placeholder();
        }
        if (operation.Type is { } type && CudaTypeNames.Primitive(type.SpecialType) is null && type.TypeKind != TypeKind.Enum)
        {
            Report(DiagnosticDescriptors.UnsupportedType, operation.Syntax, Display(type));
            return Placeholder();
        }
        return Unsupported(operation);
    }

    /// <summary>The operations a binding can make constant (the rest cannot hold a folded value).</summary>
    private static bool IsFoldable(IOperation operation) => operation is
        ILocalReferenceOperation or IPropertyReferenceOperation or IInvocationOperation or
        IBinaryOperation or IUnaryOperation or IConversionOperation or IConditionalOperation;

    /// <summary>A value the binding folded, as a literal of the operation's type.</summary>
    private CudaExpr Folded(object? value, IOperation operation)
    {
        var literal = CudaLiterals.Format(value, operation.Type is { } type ? Bound(type) : null);
        if (literal is not null) return new CudaExpr(literal, CudaLiterals.Precedence(literal));
        Report(DiagnosticDescriptors.UnsupportedType, operation.Syntax, Display(operation.Type));
        return Placeholder();
    }

    private CudaExpr EmitBinary(IBinaryOperation binary)
    {
        if (binary.Type?.SpecialType == SpecialType.System_String)
        {
            Report(DiagnosticDescriptors.StringsNotSupported, binary.Syntax);
            return Placeholder();
        }
        if (binary.OperatorMethod is { } method)
        {
            Report(DiagnosticDescriptors.UnsupportedCall, binary.Syntax, Display(method));
            return Placeholder();
        }

        // 'TSchedule.Flag && x' with the flag bound true is just x (bound false folds whole).
        if (!_binding.IsEmpty && binary.OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr &&
            _folder.TryFoldBound(binary.LeftOperand, out var decided) && decided is bool leftValue &&
            leftValue == (binary.OperatorKind == BinaryOperatorKind.ConditionalAnd))
            return Emit(binary.RightOperand);
        // 'x && TSchedule.Flag' with the flag bound true is just x (right sides have no side effects to keep when decided).
        if (!_binding.IsEmpty && binary.OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr &&
            _folder.TryFoldBound(binary.RightOperand, out var decidedRight) && decidedRight is bool rightValue &&
            rightValue == (binary.OperatorKind == BinaryOperatorKind.ConditionalAnd))
            return Emit(binary.LeftOperand);

        if (IsDivisionByZero(binary.OperatorKind, binary.RightOperand, binary.Syntax)) return Placeholder();
        var left = Emit(binary.LeftOperand, ImplicitCasts.Integral);
        var right = Emit(binary.RightOperand, ImplicitCasts.Integral);
        var operandType = binary.LeftOperand.Type?.SpecialType ?? SpecialType.None;
        if (MaskedShiftCount(binary.OperatorKind, operandType, binary.RightOperand) is { } count) right = CudaExpr.Primary(count);

        if (binary.OperatorKind == BinaryOperatorKind.Remainder && operandType is SpecialType.System_Single or SpecialType.System_Double)
        {
            // C++ has no % on floating point; C#'s % is fmod.
            string function = operandType == SpecialType.System_Single ? "fmodf" : "fmod";
            return CudaExpr.Primary(function + "(" + left.Text + ", " + right.Text + ")");
        }

        if (binary.OperatorKind == BinaryOperatorKind.UnsignedRightShift && CudaTypeNames.Primitive(operandType) is { } signedType &&
            !signedType.StartsWith("unsigned", System.StringComparison.Ordinal))
        {
            string unsignedType = "unsigned " + (signedType == "signed char" ? "char" : signedType);
            return new CudaExpr(
                "(" + signedType + ")((" + unsignedType + ")" + left.AtLeast(CudaPrecedence.Unary) + " >> " + right.AtLeast(CudaPrecedence.Additive) + ")",
                CudaPrecedence.Unary);
        }

        var (symbol, precedence) = BinaryOperator(binary.OperatorKind);
        if (symbol is null) return Unsupported(binary);
        return new CudaExpr(
            Operand(left, symbol, precedence, isRight: false) + " " + symbol + " " + Operand(right, symbol, precedence, isRight: true),
            precedence,
            symbol);
    }

    /// <summary>An operand of a binary operator, parenthesized where precedence needs it or where a reader (and -Wparentheses) would want it.</summary>
    private static string Operand(CudaExpr operand, string parentOperator, int parentPrecedence, bool isRight)
    {
        bool needs = operand.Precedence < parentPrecedence || (isRight && operand.Precedence == parentPrecedence);
        if (!needs && operand.BinaryOperator is { } child && child != parentOperator)
        {
            needs = (parentOperator == "||" && child == "&&")
                || (parentOperator is "&" or "|" or "^")
                || (parentOperator is "<<" or ">>" && child is "+" or "-" or "*" or "/" or "%");
        }
        return needs ? "(" + operand.Text + ")" : operand.Text;
    }

    private static (string? Symbol, int Precedence) BinaryOperator(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Multiply => ("*", CudaPrecedence.Multiplicative),
        BinaryOperatorKind.Divide => ("/", CudaPrecedence.Multiplicative),
        BinaryOperatorKind.Remainder => ("%", CudaPrecedence.Multiplicative),
        BinaryOperatorKind.Add => ("+", CudaPrecedence.Additive),
        BinaryOperatorKind.Subtract => ("-", CudaPrecedence.Additive),
        BinaryOperatorKind.LeftShift => ("<<", CudaPrecedence.Shift),
        BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift => (">>", CudaPrecedence.Shift),
        BinaryOperatorKind.LessThan => ("<", CudaPrecedence.Relational),
        BinaryOperatorKind.LessThanOrEqual => ("<=", CudaPrecedence.Relational),
        BinaryOperatorKind.GreaterThan => (">", CudaPrecedence.Relational),
        BinaryOperatorKind.GreaterThanOrEqual => (">=", CudaPrecedence.Relational),
        BinaryOperatorKind.Equals => ("==", CudaPrecedence.Equality),
        BinaryOperatorKind.NotEquals => ("!=", CudaPrecedence.Equality),
        BinaryOperatorKind.And => ("&", CudaPrecedence.BitwiseAnd),
        BinaryOperatorKind.ExclusiveOr => ("^", CudaPrecedence.BitwiseXor),
        BinaryOperatorKind.Or => ("|", CudaPrecedence.BitwiseOr),
        BinaryOperatorKind.ConditionalAnd => ("&&", CudaPrecedence.LogicalAnd),
        BinaryOperatorKind.ConditionalOr => ("||", CudaPrecedence.LogicalOr),
        _ => (null, 0),
    };

    private CudaExpr EmitUnary(IUnaryOperation unary)
    {
        if (unary.OperatorMethod is { } method)
        {
            Report(DiagnosticDescriptors.UnsupportedCall, unary.Syntax, Display(method));
            return Placeholder();
        }
        string? symbol = unary.OperatorKind switch
        {
            UnaryOperatorKind.Plus => "+",
            UnaryOperatorKind.Minus => "-",
            UnaryOperatorKind.BitwiseNegation => "~",
            UnaryOperatorKind.Not => "!",
            _ => null,
        };
        if (symbol is null) return Unsupported(unary);
        var operand = Emit(unary.Operand, ImplicitCasts.Integral);
        string text = operand.AtLeast(CudaPrecedence.Unary);
        // "- -x" must not become "--x".
        if ((symbol is "-" or "+") && (text.StartsWith("-", System.StringComparison.Ordinal) || text.StartsWith("+", System.StringComparison.Ordinal)))
            text = "(" + text + ")";
        return new CudaExpr(symbol + text, CudaPrecedence.Unary);
    }

    private CudaExpr EmitIncrement(IIncrementOrDecrementOperation increment)
    {
        if (increment.OperatorMethod is { } method)
        {
            Report(DiagnosticDescriptors.UnsupportedCall, increment.Syntax, Display(method));
            return Placeholder();
        }
        string symbol = increment.Kind == OperationKind.Increment ? "++" : "--";
        string target = Emit(increment.Target).AtLeast(CudaPrecedence.Primary);
        return increment.IsPostfix
            ? new CudaExpr(target + symbol, CudaPrecedence.Primary)
            : new CudaExpr(symbol + target, CudaPrecedence.Unary);
    }

    private CudaExpr EmitAssignment(ISimpleAssignmentOperation assignment)
    {
        if (assignment.IsRef) return Unsupported(assignment);
        var targetType = assignment.Target.Type;
        if (_known.GetTileKind(targetType).IsTileOrVector() ||
            (targetType is IArrayTypeSymbol array && _known.GetTileKind(array.ElementType).IsTileOrVector()))
        {
            Report(DiagnosticDescriptors.TileAssignment, assignment.Syntax, Snippet(assignment.Syntax));
            return Placeholder();
        }
        var target = Emit(assignment.Target);
        var value = Emit(assignment.Value);
        return new CudaExpr(target.AtLeast(CudaPrecedence.Unary) + " = " + value.AtLeast(CudaPrecedence.Assignment), CudaPrecedence.Assignment);
    }

    private CudaExpr EmitCompoundAssignment(ICompoundAssignmentOperation compound)
    {
        if (compound.OperatorMethod is { } method)
        {
            Report(DiagnosticDescriptors.UnsupportedCall, compound.Syntax, Display(method));
            return Placeholder();
        }
        if (IsDivisionByZero(compound.OperatorKind, compound.Value, compound.Syntax)) return Placeholder();
        var target = Emit(compound.Target);
        var value = Emit(compound.Value, ImplicitCasts.Integral);
        var targetType = compound.Target.Type?.SpecialType ?? SpecialType.None;
        if (MaskedShiftCount(compound.OperatorKind, targetType, compound.Value) is { } count) value = CudaExpr.Primary(count);
        if (compound.OperatorKind == BinaryOperatorKind.Remainder && targetType is SpecialType.System_Single or SpecialType.System_Double)
        {
            string function = targetType == SpecialType.System_Single ? "fmodf" : "fmod";
            return new CudaExpr(target.Text + " = " + function + "(" + target.Text + ", " + value.Text + ")", CudaPrecedence.Assignment);
        }
        var (symbol, _) = BinaryOperator(compound.OperatorKind);
        if (symbol is null || compound.OperatorKind == BinaryOperatorKind.UnsignedRightShift) return Unsupported(compound);
        return new CudaExpr(target.AtLeast(CudaPrecedence.Unary) + " " + symbol + "= " + value.AtLeast(CudaPrecedence.Assignment), CudaPrecedence.Assignment);
    }

    private CudaExpr EmitConditional(IConditionalOperation conditional)
    {
        if (conditional.IsRef) return Unsupported(conditional);
        // A condition the binding decides: only the chosen side is written.
        if (!_binding.IsEmpty && _folder.TryFoldBound(conditional.Condition, out var decided) && decided is bool chosen)
            return Emit(chosen ? conditional.WhenTrue : conditional.WhenFalse);
        var condition = Emit(conditional.Condition);
        var whenTrue = Emit(conditional.WhenTrue);
        var whenFalse = Emit(conditional.WhenFalse);
        return new CudaExpr(
            condition.AtLeast(CudaPrecedence.LogicalOr) + " ? " + whenTrue.AtLeast(CudaPrecedence.Conditional) + " : " + whenFalse.AtLeast(CudaPrecedence.Conditional),
            CudaPrecedence.Conditional);
    }

    private CudaExpr EmitConversion(IConversionOperation conversion, ImplicitCasts casts)
    {
        var info = conversion.GetConversion();
        var operand = conversion.Operand;
        if (info.IsIdentity) return Emit(operand, casts);

        if (info.IsTupleConversion || info.IsTupleLiteralConversion)
        {
            Report(DiagnosticDescriptors.TupleNotSupported, conversion.Syntax);
            return Placeholder();
        }
        if (info.IsUserDefined)
        {
            // (bf16)x and (float)h: the tile headers give bf16/half these conversions.
            var userTarget = conversion.Type is null ? null : CudaTypeNames.Spell(Bound(conversion.Type), _known);
            if (userTarget is null) return Unsupported(conversion);
            return Cast(userTarget, Emit(operand));
        }
        if (info.IsNumeric || info.IsEnumeration || info.IsConstantExpression)
        {
            var target = (conversion.Type is null ? null : CudaTypeNames.Spell(Bound(conversion.Type), _known))
                ?? (conversion.Type is INamedTypeSymbol { EnumUnderlyingType: { } underlying } ? CudaTypeNames.Primitive(underlying.SpecialType) : null);
            if (target is null)
            {
                Report(DiagnosticDescriptors.UnsupportedType, conversion.Syntax, Display(conversion.Type));
                return Placeholder();
            }
            if (conversion.IsImplicit && !ImplicitNeedsCast(operand.Type is null ? null : Bound(operand.Type), Bound(conversion.Type!), casts)) return Emit(operand);
            return Cast(target, Emit(operand));
        }
        if (conversion.Type is { } type && (info.IsBoxing || info.IsReference || info.IsNullable || info.IsPointer || info.IsIntPtr))
        {
            Report(DiagnosticDescriptors.UnsupportedType, conversion.Syntax, Display(type));
            return Placeholder();
        }
        return Unsupported(conversion);
    }

    private static bool ImplicitNeedsCast(ITypeSymbol? from, ITypeSymbol? to, ImplicitCasts casts)
    {
        if (casts == ImplicitCasts.None || from is null || to is null) return false;
        var source = from.SpecialType;
        var target = to.SpecialType;
        // C and C# both promote the small integral types to int.
        if (CudaTypeNames.IsSmallIntegral(source) && target == SpecialType.System_Int32) return false;
        return casts == ImplicitCasts.All || (CudaTypeNames.IsIntegral(source) && CudaTypeNames.IsIntegral(target));
    }

    private static CudaExpr Cast(string type, CudaExpr operand) =>
        new("(" + type + ")" + operand.AtLeast(CudaPrecedence.Unary), CudaPrecedence.Unary);

    private CudaExpr EmitElement(IArrayElementReferenceOperation element)
    {
        CheckArrayIndex(element);
        var array = Emit(element.ArrayReference);
        var indices = element.Indices.Select(index => "[" + Emit(index).Text + "]");
        return CudaExpr.Primary(array.AtLeast(CudaPrecedence.Primary) + string.Concat(indices));
    }
}
