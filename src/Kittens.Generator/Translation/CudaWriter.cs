using System.Collections.Generic;
using Kittens.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Kittens.Generator.Translation;

/// <summary>Collects translated CUDA lines at an indent level, with <c>#line</c> directives back to C#.</summary>
internal sealed class CudaWriter
{
    private readonly List<CudaLine> _lines = new();

    public CudaWriter(int indent) => Indent = indent;

    public int Indent { get; set; }

    public void Line(string text) => _lines.Add(CudaLine.Code(Indent, text));

    /// <summary>A <c>#line</c> naming the C# line where <paramref name="node"/> starts.</summary>
    public void Directive(SyntaxNode node)
    {
        var line = node.SyntaxTree.GetLineSpan(node.Span).StartLinePosition.Line + 1;
        _lines.Add(CudaLine.Directive(node.SyntaxTree.FilePath, line));
    }

    public EquatableArray<CudaLine> ToEquatableArray() => _lines.ToEquatableArray();
}

/// <summary>A translated CUDA expression with its C++ precedence, so operands get parentheses only where needed.</summary>
internal readonly struct CudaExpr
{
    public CudaExpr(string text, int precedence, string? binaryOperator = null)
    {
        Text = text;
        Precedence = precedence;
        BinaryOperator = binaryOperator;
    }

    public string Text { get; }

    public int Precedence { get; }

    /// <summary>The operator when this is a binary expression (to add clarifying parentheses).</summary>
    public string? BinaryOperator { get; }

    public static CudaExpr Primary(string text) => new(text, CudaPrecedence.Primary);

    public CudaExpr Parenthesized() => new("(" + Text + ")", CudaPrecedence.Primary);

    /// <summary>This expression as an operand that needs at least <paramref name="precedence"/>.</summary>
    public string AtLeast(int precedence) => Precedence >= precedence ? Text : "(" + Text + ")";

    public override string ToString() => Text;
}

/// <summary>C++ operator precedence, higher binds tighter.</summary>
internal static class CudaPrecedence
{
    public const int Lowest = 0;
    public const int Assignment = 1;
    public const int Conditional = 2;
    public const int LogicalOr = 3;
    public const int LogicalAnd = 4;
    public const int BitwiseOr = 5;
    public const int BitwiseXor = 6;
    public const int BitwiseAnd = 7;
    public const int Equality = 8;
    public const int Relational = 9;
    public const int Shift = 10;
    public const int Additive = 11;
    public const int Multiplicative = 12;
    public const int Unary = 13;
    public const int Primary = 14;
}
