using System;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Kittens.Generator.Translation;

/// <summary>
/// CUDA literals for C# constants, always under the invariant culture (a culture whose minus
/// sign is U+2212 would otherwise break the CUDA source). Floats use the shortest round-trip
/// form with an 'f' suffix and always a '.' or an exponent; infinities and NaN use bit casts.
/// </summary>
internal static class CudaLiterals
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The literal for <paramref name="value"/> of type <paramref name="type"/>, or null when CUDA has none (strings, null, char).</summary>
    public static string? Format(object? value, ITypeSymbol? type)
    {
        if (value is null || type is null) return null;
        var special = type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying }
            ? underlying.SpecialType
            : type.SpecialType;
        return special switch
        {
            SpecialType.System_Boolean => (bool)value ? "true" : "false",
            SpecialType.System_Single => Float(Convert.ToSingle(value, Invariant)),
            SpecialType.System_Double => Double(Convert.ToDouble(value, Invariant)),
            SpecialType.System_Int32 => Int(Convert.ToInt32(value, Invariant)),
            SpecialType.System_UInt32 => Convert.ToUInt32(value, Invariant).ToString(Invariant) + "u",
            SpecialType.System_Int64 => Long(Convert.ToInt64(value, Invariant)),
            SpecialType.System_UInt64 => Convert.ToUInt64(value, Invariant).ToString(Invariant) + "ull",
            SpecialType.System_Int16 => "(short)" + Convert.ToInt16(value, Invariant).ToString(Invariant),
            SpecialType.System_UInt16 => "(unsigned short)" + Convert.ToUInt16(value, Invariant).ToString(Invariant),
            SpecialType.System_SByte => "(signed char)" + Convert.ToSByte(value, Invariant).ToString(Invariant),
            SpecialType.System_Byte => "(unsigned char)" + Convert.ToByte(value, Invariant).ToString(Invariant),
            _ => null,
        };
    }

    /// <summary>A literal binds like a name, except a negative one or one with a cast ("(short)5"), which bind as unary.</summary>
    public static int Precedence(string literal) =>
        literal.StartsWith("-", StringComparison.Ordinal) || (literal.StartsWith("(", StringComparison.Ordinal) && !literal.StartsWith("(-", StringComparison.Ordinal))
            ? CudaPrecedence.Unary
            : CudaPrecedence.Primary;

    public static string Int(int value) =>
        value == int.MinValue ? "(-2147483647 - 1)" : value.ToString(Invariant);

    public static string Long(long value) =>
        value == long.MinValue ? "(-9223372036854775807ll - 1)" : value.ToString(Invariant) + "ll";

    public static string Float(float value)
    {
        if (float.IsNaN(value)) return "__int_as_float(0x7fffffff)";
        if (float.IsPositiveInfinity(value)) return "__int_as_float(0x7f800000)";
        if (float.IsNegativeInfinity(value)) return "__int_as_float((int)0xff800000)";
        return WithPoint(value.ToString("R", Invariant)) + "f";
    }

    public static string Double(double value)
    {
        if (double.IsNaN(value)) return "__longlong_as_double(0x7fffffffffffffffll)";
        if (double.IsPositiveInfinity(value)) return "__longlong_as_double(0x7ff0000000000000ll)";
        if (double.IsNegativeInfinity(value)) return "__longlong_as_double((long long)0xfff0000000000000ull)";
        return WithPoint(value.ToString("R", Invariant));
    }

    /// <summary>"2" → "2.0" so the literal is floating point; "1E-05" and "0.5" stay as they are.</summary>
    private static string WithPoint(string text) =>
        text.IndexOf('.') >= 0 || text.IndexOf('E') >= 0 || text.IndexOf('e') >= 0 ? text : text + ".0";
}
