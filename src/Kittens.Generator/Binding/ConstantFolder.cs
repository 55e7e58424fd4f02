using System;
using System.Collections.Generic;
using System.Linq;
using Kittens.Generator.Translation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Kittens.Generator.Binding;

/// <summary>
/// Folds the expressions a binding makes constant: a schedule type's static members reached
/// through a type parameter (<c>TSchedule.Consumers</c>), <c>Dims.Of&lt;TDim&gt;()</c>, locals
/// initialised from them and never written again, and the arithmetic, comparisons, casts and
/// conditionals over those and C# constants, with C#'s semantics. A static member folds when
/// it is declared in this compilation as a property whose getter returns one foldable
/// expression (<c>public static int Consumers =&gt; 3;</c>).
/// </summary>
internal sealed class ConstantFolder
{
    private const int MaxDepth = 16;

    private readonly KnownSymbols _known;
    private readonly TypeBinding _binding;
    private readonly Dictionary<ILocalSymbol, object> _locals = new(SymbolEqualityComparer.Default);
    private readonly int _depth;

    public ConstantFolder(KnownSymbols known, TypeBinding binding)
        : this(known, binding, 0)
    {
    }

    private ConstantFolder(KnownSymbols known, TypeBinding binding, int depth)
    {
        _known = known;
        _binding = binding;
        _depth = depth;
    }

    /// <summary>Records a local whose value is the folded constant <paramref name="value"/> wherever it is read.</summary>
    public void AddConstantLocal(ILocalSymbol local, object value) => _locals[local] = value;

    public bool IsConstantLocal(ILocalSymbol local) => _locals.ContainsKey(local);

    /// <summary>
    /// The value of <paramref name="operation"/> when it folds and depends on something C# alone
    /// does not see as constant (a bound member, a folded local); C# constants are not reported,
    /// so code without generics translates exactly as before.
    /// </summary>
    public bool TryFoldBound(IOperation operation, out object? value)
    {
        value = null;
        if (operation.ConstantValue.HasValue) return false;
        var result = Fold(operation);
        if (result is null) return false;
        value = result.Value.Value;
        return true;
    }

    /// <summary>The value of <paramref name="operation"/> when it folds at all (C# constants included).</summary>
    public bool TryFold(IOperation operation, out object? value)
    {
        var result = Fold(operation);
        value = result?.Value;
        return result is not null;
    }

    /// <summary>
    /// When <paramref name="operation"/> is a static member reached through a bound type
    /// parameter that cannot be folded, why (for KIT0016); otherwise null.
    /// </summary>
    public string? WhyNotFoldable(IPropertyReferenceOperation operation)
    {
        var member = BoundMember(operation);
        if (member is null) return null;
        if (member.Value.Implementation is null)
            return "the bound type '" + Display(member.Value.Type) + "' does not implement it";
        return Getter(member.Value.Implementation) is null
            ? "'" + Display(member.Value.Type) + "." + member.Value.Implementation.Name + "' must be a static property declared in this compilation whose getter returns one constant expression (=> 3)"
            : null;
    }

    private readonly struct Folded
    {
        public Folded(object value) => Value = value;

        public object Value { get; }
    }

    private Folded? Fold(IOperation operation)
    {
        if (operation.ConstantValue.HasValue)
            return operation.ConstantValue.Value is { } constant ? new Folded(constant) : null;

        switch (operation)
        {
            case ILocalReferenceOperation local:
                return _locals.TryGetValue(local.Local, out var localValue) ? new Folded(localValue) : null;
            case IPropertyReferenceOperation property:
                return FoldProperty(property);
            case IInvocationOperation invocation when _known.HasAttribute(invocation.TargetMethod, _known.FoldedDimAttribute):
                return invocation.TargetMethod.TypeArguments.Length == 1 && _known.GetDim(_binding.Substitute(invocation.TargetMethod.TypeArguments[0])) is { } dim
                    ? new Folded(dim)
                    : null;
            case IConversionOperation conversion when conversion.OperatorMethod is null:
                return Fold(conversion.Operand) is { } operand && Convert(operand.Value, conversion.Type) is { } converted ? new Folded(converted) : null;
            case IUnaryOperation unary when unary.OperatorMethod is null:
                return Fold(unary.Operand) is { } inner && Unary(unary.OperatorKind, inner.Value) is { } unaryValue ? new Folded(unaryValue) : null;
            case IBinaryOperation binary when binary.OperatorMethod is null:
                return FoldBinary(binary);
            case IConditionalOperation { Type: not null } conditional when conditional.WhenFalse is not null:
                if (Fold(conditional.Condition) is not { Value: bool condition }) return null;
                return Fold(condition ? conditional.WhenTrue : conditional.WhenFalse);
            default:
                return null;
        }
    }

    private Folded? FoldBinary(IBinaryOperation binary)
    {
        if (Fold(binary.LeftOperand) is not { } left) return null;
        // C#'s && and || do not evaluate their right side when the left decides.
        if (binary.OperatorKind == BinaryOperatorKind.ConditionalAnd && left.Value is false) return new Folded(false);
        if (binary.OperatorKind == BinaryOperatorKind.ConditionalOr && left.Value is true) return new Folded(true);
        if (Fold(binary.RightOperand) is not { } right) return null;
        var operandType = binary.LeftOperand.Type?.SpecialType ?? SpecialType.None;
        var value = Binary(binary.OperatorKind, operandType, left.Value, right.Value);
        if (value is null) return null;
        return Convert(value, binary.Type) is { } typed ? new Folded(typed) : null;
    }

    private Folded? FoldProperty(IPropertyReferenceOperation reference)
    {
        if (!reference.Property.IsStatic || reference.Property.IsIndexer || _depth >= MaxDepth) return null;
        IPropertySymbol? target = reference.Property;
        if (BoundMember(reference) is { } bound) target = bound.Implementation;
        else if (reference.Property.IsAbstract) return null;
        if (target is null || Getter(target) is not { } getter) return null;

        var semanticModel = _known.Compilation.GetSemanticModel(getter.SyntaxTree);
        if (semanticModel.GetOperation(getter) is not { } body) return null;
        // The implementation is in a concrete type: nothing of this binding reaches it.
        var inner = new ConstantFolder(_known, TypeBinding.None(_known.Compilation), _depth + 1);
        return inner.Fold(body) is { } value && Convert(value.Value, reference.Type) is { } typed ? new Folded(typed) : null;
    }

    /// <summary>A static abstract member reached through a bound type parameter: the bound type and its implementation (null when it has none).</summary>
    private (ITypeSymbol Type, IPropertySymbol? Implementation)? BoundMember(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        if (!property.IsStatic || !property.IsAbstract || reference.ConstrainedToType is not ITypeParameterSymbol parameter) return null;
        if (_binding.Lookup(parameter) is not { } bound) return null;
        return (bound, bound.FindImplementationForInterfaceMember(property) as IPropertySymbol);
    }

    /// <summary>The one expression a property's getter returns, when it is declared in source.</summary>
    private static ExpressionSyntax? Getter(IPropertySymbol property)
    {
        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not PropertyDeclarationSyntax declaration) continue;
            if (declaration.ExpressionBody is { } arrow) return arrow.Expression;
            var get = declaration.AccessorList?.Accessors.FirstOrDefault(a => a.Keyword.ValueText == "get");
            if (get?.ExpressionBody is { } getArrow) return getArrow.Expression;
            if (get?.Body is { Statements.Count: 1 } body && body.Statements[0] is ReturnStatementSyntax { Expression: { } returned }) return returned;
        }
        return null;
    }

    private static object? Unary(UnaryOperatorKind kind, object operand) => (kind, operand) switch
    {
        (UnaryOperatorKind.Not, bool b) => !b,
        (UnaryOperatorKind.Plus, _) when IsNumeric(operand) => operand,
        (UnaryOperatorKind.Minus, int i) => unchecked(-i),
        (UnaryOperatorKind.Minus, long l) => unchecked(-l),
        (UnaryOperatorKind.Minus, float f) => -f,
        (UnaryOperatorKind.Minus, double d) => -d,
        (UnaryOperatorKind.BitwiseNegation, int i) => ~i,
        (UnaryOperatorKind.BitwiseNegation, uint u) => ~u,
        (UnaryOperatorKind.BitwiseNegation, long l) => ~l,
        (UnaryOperatorKind.BitwiseNegation, ulong u) => ~u,
        _ => null,
    };

    private static object? Binary(BinaryOperatorKind kind, SpecialType operandType, object left, object right)
    {
        if (left is bool a && right is bool b)
        {
            return kind switch
            {
                BinaryOperatorKind.And or BinaryOperatorKind.ConditionalAnd => a && b,
                BinaryOperatorKind.Or or BinaryOperatorKind.ConditionalOr => a || b,
                BinaryOperatorKind.ExclusiveOr => a ^ b,
                BinaryOperatorKind.Equals => a == b,
                BinaryOperatorKind.NotEquals => a != b,
                _ => null,
            };
        }
        if (!IsNumeric(left) || !IsNumeric(right)) return null;
        switch (operandType)
        {
            case SpecialType.System_Single:
                return Floating(kind, System.Convert.ToSingle(left), System.Convert.ToSingle(right), (x, y) => x + y, (x, y) => x - y, (x, y) => x * y, (x, y) => x / y, (x, y) => x % y);
            case SpecialType.System_Double:
                return Floating(kind, System.Convert.ToDouble(left), System.Convert.ToDouble(right), (x, y) => x + y, (x, y) => x - y, (x, y) => x * y, (x, y) => x / y, (x, y) => x % y);
            case SpecialType.System_UInt32:
            case SpecialType.System_UInt64:
                return Unsigned(kind, System.Convert.ToUInt64(left), System.Convert.ToUInt64(right), operandType == SpecialType.System_UInt32 ? 32 : 64);
            case SpecialType.System_Int32:
            case SpecialType.System_Int64:
                return Signed(kind, System.Convert.ToInt64(left), System.Convert.ToInt64(right), operandType == SpecialType.System_Int32 ? 32 : 64);
            default:
                return null;
        }
    }

    private static object? Floating<T>(BinaryOperatorKind kind, T x, T y, Func<T, T, T> add, Func<T, T, T> sub, Func<T, T, T> mul, Func<T, T, T> div, Func<T, T, T> rem)
        where T : IComparable<T> => kind switch
        {
            BinaryOperatorKind.Add => add(x, y),
            BinaryOperatorKind.Subtract => sub(x, y),
            BinaryOperatorKind.Multiply => mul(x, y),
            BinaryOperatorKind.Divide => div(x, y),
            BinaryOperatorKind.Remainder => rem(x, y),
            BinaryOperatorKind.Equals => x.CompareTo(y) == 0,
            BinaryOperatorKind.NotEquals => x.CompareTo(y) != 0,
            BinaryOperatorKind.LessThan => x.CompareTo(y) < 0,
            BinaryOperatorKind.LessThanOrEqual => x.CompareTo(y) <= 0,
            BinaryOperatorKind.GreaterThan => x.CompareTo(y) > 0,
            BinaryOperatorKind.GreaterThanOrEqual => x.CompareTo(y) >= 0,
            _ => null,
        };

    private static object? Signed(BinaryOperatorKind kind, long x, long y, int bits)
    {
        int mask = bits - 1;
        // Division by zero is left to the run time, where C# would throw: no literal for it.
        if (kind is BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder && y == 0) return null;
        object? value = kind switch
        {
            BinaryOperatorKind.Add => unchecked(x + y),
            BinaryOperatorKind.Subtract => unchecked(x - y),
            BinaryOperatorKind.Multiply => unchecked(x * y),
            BinaryOperatorKind.Divide => x / y,
            BinaryOperatorKind.Remainder => x % y,
            BinaryOperatorKind.And => x & y,
            BinaryOperatorKind.Or => x | y,
            BinaryOperatorKind.ExclusiveOr => x ^ y,
            BinaryOperatorKind.LeftShift => bits == 32 ? (long)((int)x << (int)(y & mask)) : x << (int)(y & mask),
            BinaryOperatorKind.RightShift => bits == 32 ? (long)((int)x >> (int)(y & mask)) : x >> (int)(y & mask),
            BinaryOperatorKind.Equals => x == y,
            BinaryOperatorKind.NotEquals => x != y,
            BinaryOperatorKind.LessThan => x < y,
            BinaryOperatorKind.LessThanOrEqual => x <= y,
            BinaryOperatorKind.GreaterThan => x > y,
            BinaryOperatorKind.GreaterThanOrEqual => x >= y,
            _ => null,
        };
        return value;
    }

    private static object? Unsigned(BinaryOperatorKind kind, ulong x, ulong y, int bits)
    {
        int mask = bits - 1;
        if (kind is BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder && y == 0) return null;
        return kind switch
        {
            BinaryOperatorKind.Add => unchecked(x + y),
            BinaryOperatorKind.Subtract => unchecked(x - y),
            BinaryOperatorKind.Multiply => unchecked(x * y),
            BinaryOperatorKind.Divide => x / y,
            BinaryOperatorKind.Remainder => x % y,
            BinaryOperatorKind.And => x & y,
            BinaryOperatorKind.Or => x | y,
            BinaryOperatorKind.ExclusiveOr => x ^ y,
            BinaryOperatorKind.LeftShift => bits == 32 ? (ulong)((uint)x << (int)(y & (ulong)mask)) : x << (int)(y & (ulong)mask),
            BinaryOperatorKind.RightShift => bits == 32 ? (ulong)((uint)x >> (int)(y & (ulong)mask)) : x >> (int)(y & (ulong)mask),
            BinaryOperatorKind.Equals => x == y,
            BinaryOperatorKind.NotEquals => x != y,
            BinaryOperatorKind.LessThan => x < y,
            BinaryOperatorKind.LessThanOrEqual => x <= y,
            BinaryOperatorKind.GreaterThan => x > y,
            BinaryOperatorKind.GreaterThanOrEqual => x >= y,
            _ => null,
        };
    }

    /// <summary><paramref name="value"/> as <paramref name="type"/> (C#'s unchecked conversions), or null for a type kernels do not fold.</summary>
    private static object? Convert(object value, ITypeSymbol? type)
    {
        var target = type?.SpecialType ?? SpecialType.None;
        if (value is bool) return target == SpecialType.System_Boolean ? value : null;
        if (!IsNumeric(value)) return null;
        unchecked
        {
            bool floating = value is float or double;
            double d = floating ? System.Convert.ToDouble(value) : 0;
            long l = value is ulong u ? (long)u : floating ? 0 : System.Convert.ToInt64(value);
            return target switch
            {
                SpecialType.System_Int32 => floating ? (int)d : (int)l,
                SpecialType.System_UInt32 => floating ? (uint)d : (uint)l,
                SpecialType.System_Int64 => floating ? (long)d : l,
                SpecialType.System_UInt64 => floating ? (ulong)d : (ulong)l,
                SpecialType.System_Int16 => floating ? (short)d : (short)l,
                SpecialType.System_UInt16 => floating ? (ushort)d : (ushort)l,
                SpecialType.System_SByte => floating ? (sbyte)d : (sbyte)l,
                SpecialType.System_Byte => floating ? (byte)d : (byte)l,
                SpecialType.System_Single => value is float f ? f : floating ? (float)d : value is ulong ul ? (float)ul : (float)l,
                SpecialType.System_Double => value is float f2 ? (double)f2 : floating ? d : value is ulong ul2 ? (double)ul2 : (double)l,
                _ => null,
            };
        }
    }

    private static bool IsNumeric(object value) =>
        value is int or uint or long or ulong or short or ushort or sbyte or byte or float or double;

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
}
