using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Kittens.Generator.Translation;

/// <summary>
/// CUDA identifiers for C# names. A C# name that is a plain ASCII identifier nothing in C++, CUDA,
/// NVRTC or the tile headers claims is kept as it is; any other is escaped (<see cref="Escape"/>),
/// and the caller makes the result unique among the names in scope (<see cref="Unique"/>), so
/// an escaped name never equals a name the author wrote.
/// </summary>
internal static class CudaNames
{
    /// <summary>C++17 keywords and alternative tokens, with C++20's (NVRTC may be asked for it).</summary>
    private static readonly string[] s_keywords =
    {
        "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch", "char",
        "char8_t", "char16_t", "char32_t", "class", "compl", "concept", "const", "consteval", "constexpr", "constinit",
        "const_cast", "continue", "co_await", "co_return", "co_yield", "decltype", "default", "delete", "do", "double",
        "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto", "if",
        "import", "inline", "int", "long", "module", "mutable", "namespace", "new", "noexcept", "not", "not_eq", "nullptr",
        "operator", "or", "or_eq", "private", "protected", "public", "register", "reinterpret_cast", "requires", "return",
        "short", "signed", "sizeof", "static", "static_assert", "static_cast", "struct", "switch", "template", "this",
        "thread_local", "throw", "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using", "virtual",
        "void", "volatile", "wchar_t", "while", "xor", "xor_eq",
    };

    /// <summary>
    /// What CUDA and NVRTC declare in the global scope or as macros (without the double-underscore
    /// names, which <see cref="IsReservedShape"/> covers), and what the generated code itself names.
    /// </summary>
    private static readonly string[] s_builtins =
    {
        // Built-in variables and types.
        "threadIdx", "blockIdx", "blockDim", "gridDim", "warpSize", "dim3", "size_t", "ptrdiff_t", "clock_t", "va_list",
        "nullptr_t", "max_align_t",
        // Device functions of the C library and the runtime.
        "printf", "malloc", "free", "memcpy", "memset", "alloca", "clock", "clock64",
        // Macros NVRTC defines (NV_*, CUDA*, cuda* are prefixes, see IsMacroPrefixed).
        "NULL", "assert", "va_start", "va_end", "va_arg", "va_copy", "NOMINMAX",
        // Namespaces NVRTC's built-in headers open, and the program entry point.
        "std", "cuda", "nv", "cub", "thrust", "cooperative_groups", "main",
        // The tile headers' one global name, and the names the generated kernel declares.
        "kittens", "kittens_smem", "kittens_alloc",
    };

    /// <summary>CUDA's math functions: a device function must not overload them, nor a local hide them.</summary>
    private static readonly HashSet<string> s_mathFunctions = new()
    {
        "min", "max", "abs", "fabs", "fabsf", "fmin", "fminf", "fmax", "fmaxf", "sqrt", "sqrtf", "rsqrt", "rsqrtf", "cbrt", "cbrtf",
        "exp", "expf", "exp2", "exp2f", "exp10", "exp10f", "expm1", "expm1f", "log", "logf", "log2", "log2f", "log10", "log10f",
        "log1p", "log1pf", "pow", "powf", "sin", "sinf", "cos", "cosf", "tan", "tanf", "asin", "asinf", "acos", "acosf", "atan",
        "atanf", "atan2", "atan2f", "sinh", "sinhf", "cosh", "coshf", "tanh", "tanhf", "erf", "erff", "floor", "floorf", "ceil",
        "ceilf", "round", "roundf", "trunc", "truncf", "fma", "fmaf", "fmod", "fmodf", "copysign", "copysignf", "isnan", "isinf",
        "isfinite", "signbit", "asinh", "asinhf", "acosh", "acoshf", "atanh", "atanhf", "erfc", "erfcf", "erfinv", "erfinvf",
        "lgamma", "lgammaf", "tgamma", "tgammaf", "hypot", "hypotf", "ldexp", "ldexpf", "frexp", "frexpf", "modf", "modff",
        "nan", "nanf", "nextafter", "nextafterf", "remainder", "remainderf", "remquo", "remquof", "rint", "rintf", "lrint",
        "lrintf", "llrint", "llrintf", "lround", "lroundf", "llround", "llroundf", "nearbyint", "nearbyintf", "scalbn",
        "scalbnf", "scalbln", "scalblnf", "ilogb", "ilogbf", "logb", "logbf", "fdim", "fdimf", "sincos", "sincosf", "sincospi",
        "sincospif", "sinpi", "sinpif", "cospi", "cospif", "rcbrt", "rcbrtf", "j0", "j0f",
        "j1", "j1f", "jn", "jnf", "y0", "y0f", "y1", "y1f", "yn", "ynf", "exp10", "saturate", "llabs", "labs", "llmin", "llmax",
        "umin", "umax", "ullmin", "ullmax",
    };

    private static readonly HashSet<string> s_reserved = BuildReserved();

    private static HashSet<string> BuildReserved()
    {
        var names = new HashSet<string>(s_keywords.Concat(s_builtins));
        // CUDA's vector types (float4, ...) and their make_ constructors.
        foreach (var scalar in new[] { "char", "uchar", "short", "ushort", "int", "uint", "long", "ulong", "longlong", "ulonglong", "float", "double" })
        {
            for (int n = 1; n <= 4; n++)
            {
                names.Add(scalar + n.ToString(CultureInfo.InvariantCulture));
                names.Add("make_" + scalar + n.ToString(CultureInfo.InvariantCulture));
            }
        }
        return names;
    }

    /// <summary>Every name <see cref="IsReserved"/> holds to by itself, for tests that walk them.</summary>
    public static IEnumerable<string> ReservedNames => s_reserved.Concat(s_mathFunctions).OrderBy(n => n, System.StringComparer.Ordinal);

    /// <summary>
    /// The prefixes of prefixed template parameters a device function's signature derives from a
    /// parameter's CUDA name (<c>G_x</c>, <c>P_x</c>, <c>S_x</c>, <c>N_x</c>): no other name of that function may take them.
    /// </summary>
    public static readonly string[] TemplateParameterPrefixes = { "G_", "P_", "S_", "N_" };

    public static bool IsMathFunction(string name) => s_mathFunctions.Contains(name);

    /// <summary>
    /// Whether <paramref name="name"/> cannot be a CUDA local or parameter as it is: not an ASCII
    /// identifier, a keyword, built-in or macro, or a shape C++ reserves.
    /// </summary>
    public static bool IsReserved(string name) =>
        !IsAsciiIdentifier(name) || s_reserved.Contains(name) || IsReservedShape(name) || IsMacroPrefixed(name);

    /// <summary>
    /// Whether <paramref name="name"/> cannot be a global CUDA function as it is: what
    /// <see cref="IsReserved"/> says, a math function, or a leading '_' (C++ reserves those globally).
    /// </summary>
    public static bool IsReservedGlobal(string name) =>
        IsReserved(name) || s_mathFunctions.Contains(name) || name.StartsWith("_", System.StringComparison.Ordinal);

    /// <summary>Double underscores anywhere and '_' + capital at the start are the implementation's in C++.</summary>
    private static bool IsReservedShape(string name) =>
        name.Contains("__") || (name.Length > 1 && name[0] == '_' && char.IsUpper(name[1]));

    /// <summary>Macro families: the tile headers' KITTENS_*, NVRTC's NV_*, CU_*, CUDA_*, CUDART_* and cudaXxx.</summary>
    private static bool IsMacroPrefixed(string name) =>
        name.StartsWith("KITTENS_", System.StringComparison.Ordinal) || name.StartsWith("NV_", System.StringComparison.Ordinal) ||
        name.StartsWith("CU_", System.StringComparison.Ordinal) || name.StartsWith("CUDA", System.StringComparison.Ordinal) ||
        (name.Length > 4 && name.StartsWith("cuda", System.StringComparison.Ordinal) && char.IsUpper(name[4]));

    private static bool IsAsciiIdentifier(string name)
    {
        if (name.Length == 0 || char.IsDigit(name[0])) return false;
        foreach (char c in name)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_')) return false;
        }
        return true;
    }

    /// <summary>
    /// The stem of an escaped name: ASCII letters, digits and single underscores, every other
    /// character as <c>u</c> + its code point in hex between underscores (é → <c>u00e9</c>), no
    /// leading or trailing '_', never empty. Different names may share a stem; <see cref="Unique"/> tells them apart.
    /// </summary>
    public static string Stem(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_')
            {
                if (c != '_' || (text.Length > 0 && text[text.Length - 1] != '_')) text.Append(c);
                continue;
            }
            int codePoint = char.IsSurrogatePair(name, i) ? char.ConvertToUtf32(name[i], name[++i]) : c;
            if (text.Length > 0 && text[text.Length - 1] != '_') text.Append('_');
            text.Append('u').Append(codePoint.ToString(codePoint > 0xFFFF ? "x6" : "x4", CultureInfo.InvariantCulture)).Append('_');
        }
        var stem = text.ToString().Trim('_');
        if (stem.Length == 0) return "u";
        // A macro family's prefix stays a prefix whatever follows it.
        return IsMacroPrefixed(stem) || char.IsDigit(stem[0]) ? "u_" + stem : stem;
    }

    /// <summary>A reserved name escaped: its <see cref="Stem"/> and a trailing '_' (<c>auto</c> → <c>auto_</c>, <c>@class</c> → <c>class_</c>).</summary>
    public static string Escape(string name) => Stem(name) + "_";

    /// <summary>
    /// The first of <paramref name="preferred"/>, <c>preferred2</c>, <c>preferred3</c> ... (with '_'
    /// before the number unless it ends with one) that <paramref name="free"/> accepts.
    /// </summary>
    public static string Unique(string preferred, System.Func<string, bool> free)
    {
        if (free(preferred)) return preferred;
        string stem = preferred.EndsWith("_", System.StringComparison.Ordinal) ? preferred : preferred + "_";
        for (int i = 2; ; i++)
        {
            var candidate = stem + i.ToString(CultureInfo.InvariantCulture);
            if (free(candidate)) return candidate;
        }
    }

    private static readonly Regex s_identifier = new(@"(?<![\w.:>])[A-Za-z_]\w*", RegexOptions.CultureInvariant);

    private static readonly Regex s_stringLiteral = new(@"""(?:[^""\\]|\\.)*""", RegexOptions.CultureInvariant);

    /// <summary>
    /// Adds the names a CUDA mapping uses unqualified (not after '.', '::' or '->', nor inside a
    /// string literal such as inline PTX): a local of the same name would hide them. "fmaxf" gives
    /// fmaxf; "(int)blockIdx.x" gives int and blockIdx.
    /// </summary>
    public static void AddUnqualifiedIdentifiers(string cuda, HashSet<string> names)
    {
        foreach (Match match in s_identifier.Matches(s_stringLiteral.Replace(cuda, "\"\""))) names.Add(match.Value);
    }

    /// <summary>AttendForward → attend_forward, RowSoftmax → row_softmax, GEMMKernel → gemm_kernel.</summary>
    public static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                bool previousLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                bool acronymEnd = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if ((previousLowerOrDigit || acronymEnd) && text.Length > 0 && text[text.Length - 1] != '_') text.Append('_');
                text.Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// The CUDA entry point of a kernel (or kernel instance) name: its snake_case, or, where that
    /// is reserved, its stem + <c>_kernel</c> (Main → main_kernel, Return → return_kernel). The
    /// entry point is the one global name of its translation unit until device functions are named,
    /// and they avoid it, so it needs no uniqueness check; the launcher's KernelSource carries it.
    /// </summary>
    public static string EntryPoint(string methodName)
    {
        var snake = SnakeCase(methodName);
        return IsReservedGlobal(snake) ? Stem(snake) + "_kernel" : snake;
    }

    /// <summary>The preferred CUDA name of a device function: its snake_case, escaped when reserved globally.</summary>
    public static string DeviceFunction(string methodName)
    {
        var snake = SnakeCase(methodName);
        return IsReservedGlobal(snake) ? Escape(snake) : snake;
    }
}
