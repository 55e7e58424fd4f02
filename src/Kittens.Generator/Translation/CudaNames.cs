using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Kittens.Generator.Translation;

/// <summary>CUDA identifiers: entry-point names and C# names that collide with C++ or CUDA.</summary>
internal static class CudaNames
{
    /// <summary>Names a translated local, parameter or function must not take.</summary>
    private static readonly HashSet<string> s_reserved = new()
    {
        // C++ keywords and alternative tokens that are valid C# identifiers.
        "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "compl", "concept", "consteval",
        "constexpr", "constinit", "const_cast", "co_await", "co_return", "co_yield", "decltype", "delete", "dynamic_cast",
        "export", "friend", "inline", "mutable", "noexcept", "not", "not_eq", "nullptr", "or", "or_eq", "register",
        "reinterpret_cast", "requires", "signed", "static_assert", "static_cast", "template", "thread_local", "typedef",
        "typeid", "typename", "union", "unsigned", "wchar_t", "xor", "xor_eq", "char8_t", "char16_t", "char32_t",
        // Names the generated code or CUDA itself uses.
        "main", "kittens", "kittens_smem", "kittens_alloc", "threadIdx", "blockIdx", "blockDim", "gridDim", "warpSize",
        "std", "cuda",
    };

    private static readonly Regex s_identifier = new(@"(?<![\w.:>])[A-Za-z_]\w*", RegexOptions.CultureInvariant);

    /// <summary>A C# identifier as a CUDA identifier: itself, or with a trailing '_' when C++ or CUDA claims it.</summary>
    public static string Identifier(string name)
    {
        if (name.StartsWith("@", System.StringComparison.Ordinal)) name = name.Substring(1);
        return IsReserved(name) ? name + "_" : name;
    }

    /// <summary>CUDA's math functions: a device function must not overload them.</summary>
    private static readonly HashSet<string> s_mathFunctions = new()
    {
        "min", "max", "abs", "fabs", "fabsf", "fmin", "fminf", "fmax", "fmaxf", "sqrt", "sqrtf", "rsqrt", "rsqrtf", "cbrt", "cbrtf",
        "exp", "expf", "exp2", "exp2f", "exp10", "exp10f", "expm1", "expm1f", "log", "logf", "log2", "log2f", "log10", "log10f",
        "log1p", "log1pf", "pow", "powf", "sin", "sinf", "cos", "cosf", "tan", "tanf", "asin", "asinf", "acos", "acosf", "atan",
        "atanf", "atan2", "atan2f", "sinh", "sinhf", "cosh", "coshf", "tanh", "tanhf", "erf", "erff", "floor", "floorf", "ceil",
        "ceilf", "round", "roundf", "trunc", "truncf", "fma", "fmaf", "fmod", "fmodf", "copysign", "copysignf", "isnan", "isinf",
    };

    public static bool IsMathFunction(string name) => s_mathFunctions.Contains(name);

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

    public static bool IsReserved(string name) =>
        s_reserved.Contains(name) || name.Contains("__") || (name.Length > 1 && name[0] == '_' && char.IsUpper(name[1]));

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

    /// <summary>The CUDA entry point of a kernel method: its snake_case name, made safe.</summary>
    public static string EntryPoint(string methodName)
    {
        var snake = SnakeCase(methodName);
        return IsReserved(snake) ? snake + "_kernel" : snake;
    }
}
