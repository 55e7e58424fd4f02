using System.Text;
using Microsoft.CodeAnalysis;

namespace Kittens.Generator.Translation;

/// <summary>
/// CUDA spellings of C# types: primitives by their C names, stub types by [CudaType] (generic
/// ones as <c>name&lt;arg, ...&gt;</c>), dimension markers by [Dim(n)].
/// </summary>
internal static class CudaTypeNames
{
    /// <summary>The CUDA spelling of <paramref name="type"/>, or null when a kernel cannot use it.</summary>
    public static string? Spell(ITypeSymbol? type, KnownSymbols known)
    {
        if (type is null) return null;
        if (Primitive(type.SpecialType) is { } primitive) return primitive;
        if (type is not INamedTypeSymbol named || named.TypeKind != TypeKind.Struct) return null;
        var name = known.GetStringArgument(named, known.CudaTypeAttribute);
        if (name is null) return null;
        if (named.TypeArguments.Length == 0) return name;

        var text = new StringBuilder(name).Append('<');
        for (int i = 0; i < named.TypeArguments.Length; i++)
        {
            if (i > 0) text.Append(", ");
            var argument = named.TypeArguments[i];
            string? spelled = known.GetDim(argument) is { } dim
                ? dim.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : Spell(argument, known);
            if (spelled is null) return null;
            text.Append(spelled);
        }
        return text.Append('>').ToString();
    }

    /// <summary>The C spelling of a C# primitive, or null for non-primitives and those kernels do not take (char, decimal, string, nint).</summary>
    public static string? Primitive(SpecialType type) => type switch
    {
        SpecialType.System_Boolean => "bool",
        SpecialType.System_SByte => "signed char",
        SpecialType.System_Byte => "unsigned char",
        SpecialType.System_Int16 => "short",
        SpecialType.System_UInt16 => "unsigned short",
        SpecialType.System_Int32 => "int",
        SpecialType.System_UInt32 => "unsigned int",
        SpecialType.System_Int64 => "long long",
        SpecialType.System_UInt64 => "unsigned long long",
        SpecialType.System_Single => "float",
        SpecialType.System_Double => "double",
        _ => null,
    };

    /// <summary>The C# keyword of a primitive kernel scalar, for the launcher.</summary>
    public static string? CSharpKeyword(SpecialType type) => type switch
    {
        SpecialType.System_Boolean => "bool",
        SpecialType.System_SByte => "sbyte",
        SpecialType.System_Byte => "byte",
        SpecialType.System_Int16 => "short",
        SpecialType.System_UInt16 => "ushort",
        SpecialType.System_Int32 => "int",
        SpecialType.System_UInt32 => "uint",
        SpecialType.System_Int64 => "long",
        SpecialType.System_UInt64 => "ulong",
        SpecialType.System_Single => "float",
        SpecialType.System_Double => "double",
        _ => null,
    };

    public static bool IsIntegral(SpecialType type) => type is
        SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16 or
        SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64;

    /// <summary>Integral types narrower than int, which C and C# both promote to int.</summary>
    public static bool IsSmallIntegral(SpecialType type) => type is
        SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16;

    /// <summary>The element type of a tile, vector or tensor (its first type argument).</summary>
    public static ITypeSymbol? ElementType(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeArguments.Length: > 0 } named ? named.TypeArguments[0] : null;

    /// <summary>The bytes of a tile element type (float, bf16, f16), or null when tiles may not hold it.</summary>
    public static int? ElementBytes(ITypeSymbol? element, KnownSymbols known)
    {
        if (element is null) return null;
        if (element.SpecialType == SpecialType.System_Single) return 4;
        if (KnownSymbols.Is(element, known.BFloat16) || KnownSymbols.Is(element, known.Half)) return 2;
        return null;
    }

    /// <summary>
    /// Whether a global tensor (GL&lt;T&gt;) may hold <paramref name="element"/>: a tile dtype, or int
    /// or uint (element access and atomics only; no tile moves them).
    /// </summary>
    public static bool IsGlobalElement(ITypeSymbol? element, KnownSymbols known) =>
        ElementBytes(element, known) is not null ||
        element?.SpecialType is SpecialType.System_Int32 or SpecialType.System_UInt32;
}
