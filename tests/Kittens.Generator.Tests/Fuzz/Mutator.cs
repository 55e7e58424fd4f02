using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kittens.Generator.Tests.Fuzz;

/// <summary>One mutated compilation unit: what changed, where, and the mutated files.</summary>
internal sealed record Mutant(int Index, string Kind, string Unit, string File, int Line, string Before, string After, (string Path, string Source)[] Files)
{
    public override string ToString() => $"#{Index} {Kind} {File}({Line}): `{Before}` -> `{After}`";
}

/// <summary>A set of files the generator sees together (one project's kernels), and which of them to mutate.</summary>
internal sealed record FuzzUnit(string Name, (string Path, string Source)[] Files, string[] Mutable);

/// <summary>
/// Seeded source mutations of kernel files. Everything depends on the <see cref="Random"/> passed
/// in, so a seed names the same mutants on every machine.
/// </summary>
internal sealed class Mutator
{
    /// <summary>
    /// Names the CUDA side claims or C# spells unusually: C++ keywords and alternative tokens,
    /// escaped C# keywords, macros NVRTC and the headers define, CUDA built-ins, the names the
    /// generated code declares, double underscores, `_` + capital, non-ASCII, and the escaped
    /// spellings the name mapping itself produces (so an escape could collide with a real name).
    /// </summary>
    private static readonly string[] s_hostileNames =
    [
        "auto", "register", "template", "typename", "union", "delete", "friend", "inline", "mutable", "signed", "unsigned",
        "typedef", "constexpr", "nullptr", "and", "or", "not", "xor", "bitand", "compl", "requires", "export", "asm", "wchar_t",
        "@class", "@new", "@int", "@float", "@this", "@return", "@operator", "@private", "@static", "@const", "@struct", "@bool",
        "NULL", "INFINITY", "NAN", "assert", "KITTENS_TILE_UNARY_OP", "KITTENS_WG_DS_1", "__CUDA_ARCH__", "__device__",
        "__global__", "__shared__", "__launch_bounds__", "CUDA_VERSION", "NV_IF_TARGET", "cudaError",
        "threadIdx", "blockIdx", "blockDim", "gridDim", "warpSize", "__syncthreads", "printf", "min", "max", "sqrtf",
        "exp2f", "atomicAdd", "dim3", "size_t", "std", "cuda", "main", "malloc",
        "kittens", "kittens_smem", "kittens_alloc", "coord", "rt", "st", "gl", "sv", "rv", "warp", "warpgroup", "tma",
        "bf16", "half", "row_l", "col_l", "semaphore",
        "a__b", "__x", "x__", "_Reserved", "_", "_1",
        "café", "π", "Ωmega", "名前", "e\u0301", "ǅ",
        "class_", "auto_", "auto_2", "caf_u00e9_", "a_b_", "kernel", "return_kernel",
    ];

    private static readonly string[] s_integers =
        ["0", "1", "2", "3", "7", "8", "15", "16", "17", "24", "31", "32", "33", "48", "63", "64", "65", "96", "127", "128", "129",
         "255", "256", "257", "512", "1000", "1023", "1024", "1025", "4096", "65536", "2147483647", "0x7fffffff", "-1", "-16"];

    private static readonly string[] s_reals = ["0.0f", "1.0f", "-1.0f", "0.5f", "1e30f", "-1e38f", "1e-45f", "3.4e38f", "2", "0"];

    /// <summary>Kinds and their weights: how often each is drawn.</summary>
    private static readonly (string Kind, int Weight)[] s_kinds =
    [
        ("delete-line", 14), ("duplicate-line", 10), ("swap-tokens", 14), ("number", 20), ("rename-all", 22), ("rename-one", 6), ("drop-token", 14),
    ];

    private readonly FuzzUnit[] _units;
    private readonly List<(FuzzUnit Unit, int File, SyntaxTree Tree, SyntaxToken[] Tokens)> _files = [];
    private readonly int _totalTokens;

    public Mutator(IEnumerable<FuzzUnit> units)
    {
        _units = units.ToArray();
        foreach (var unit in _units)
        {
            for (int i = 0; i < unit.Files.Length; i++)
            {
                if (!unit.Mutable.Contains(unit.Files[i].Path)) continue;
                var tree = CSharpSyntaxTree.ParseText(unit.Files[i].Source, GeneratorHarness.LatestSyntax, unit.Files[i].Path);
                var tokens = tree.GetRoot().DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToArray();
                _files.Add((unit, i, tree, tokens));
                _totalTokens += tokens.Length;
            }
        }
    }

    public IEnumerable<Mutant> Mutants(Random random, int count)
    {
        var seen = new HashSet<string>();
        for (int index = 0; index < count;)
        {
            var mutant = Next(random, index);
            // A mutation that leaves the text as it was, or repeats an earlier one, is drawn again.
            if (mutant is null || !seen.Add(mutant.Unit + "\n" + string.Join("\n", mutant.Files.Select(f => f.Source)))) continue;
            index++;
            yield return mutant;
        }
    }

    private Mutant? Next(Random random, int index)
    {
        string kind = Pick(random, s_kinds);
        // Files by size, so every token is equally likely to be the site.
        int at = random.Next(_totalTokens);
        var file = _files.First(f => (at -= f.Tokens.Length) < 0);
        string text = file.Unit.Files[file.File].Source;
        var tokens = file.Tokens;
        var token = tokens[random.Next(tokens.Length)];

        switch (kind)
        {
            case "delete-line":
            case "duplicate-line":
            {
                var line = file.Tree.GetText().Lines[token.GetLocation().GetLineSpan().StartLinePosition.Line];
                string lineText = line.ToString();
                string replaced = kind == "delete-line" ? "" : lineText + "\n" + lineText;
                string after = kind == "delete-line" ? "(deleted)" : "(twice) " + lineText.Trim();
                return Make(index, kind, file, text.Remove(line.Start, line.End - line.Start).Insert(line.Start, replaced), token, lineText.Trim(), after);
            }
            case "swap-tokens":
            {
                int i = Array.IndexOf(tokens, token);
                if (i + 1 >= tokens.Length) return null;
                var next = tokens[i + 1];
                if (token.Text == next.Text) return null;
                var a = token.Span;
                var b = next.Span;
                string mutated = text[..a.Start] + next.Text + text[a.End..b.Start] + token.Text + text[b.End..];
                return Make(index, kind, file, mutated, token, $"{token.Text} {next.Text}", $"{next.Text} {token.Text}");
            }
            case "number":
            {
                var numbers = tokens.Where(t => t.IsKind(SyntaxKind.NumericLiteralToken)).ToArray();
                if (numbers.Length == 0) return null;
                token = numbers[random.Next(numbers.Length)];
                string value = token.Value is float or double ? s_reals[random.Next(s_reals.Length)] : Integer(random, token);
                if (value == token.Text) return null;
                return Replace(index, kind, file, text, token, value);
            }
            case "rename-all":
            case "rename-one":
            {
                var names = tokens.Where(t => t.IsKind(SyntaxKind.IdentifierToken)).ToArray();
                if (names.Length == 0) return null;
                token = names[random.Next(names.Length)];
                string name = s_hostileNames[random.Next(s_hostileNames.Length)];
                if (kind == "rename-one") return Replace(index, kind, file, text, token, name);
                if (!Declared(file.Unit).Contains(token.ValueText)) return null;
                // Every occurrence in every file of the unit, as a rename refactoring would (a kernel's
                // device functions and schedules live in other files of the same partial class).
                var files = file.Unit.Files.Select(f => (f.Path, RenameAll(f.Source, token.ValueText, name))).ToArray();
                int line = token.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                return new Mutant(index, kind, file.Unit.Name, file.Tree.FilePath, line, token.ValueText, name, files);
            }
            default: // drop-token
                return Replace(index, kind, file, text, token, "");
        }
    }

    private static string Integer(Random random, SyntaxToken token)
    {
        string suffix = new(token.Text.Reverse().TakeWhile(char.IsLetter).Reverse().Where(c => c is 'u' or 'U' or 'l' or 'L').ToArray());
        if (token.Text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) suffix = "";
        long value = Convert.ToInt64(token.Value, System.Globalization.CultureInfo.InvariantCulture);
        string chosen = random.Next(4) switch
        {
            0 => (value + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            1 => (value - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            2 => (value * 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => s_integers[random.Next(s_integers.Length)],
        };
        return chosen + suffix;
    }

    private readonly Dictionary<FuzzUnit, HashSet<string>> _declared = [];

    /// <summary>The names a unit declares: types, members, parameters, type parameters, locals, loop variables.</summary>
    private HashSet<string> Declared(FuzzUnit unit)
    {
        if (_declared.TryGetValue(unit, out var names)) return names;
        names = [];
        foreach (var file in _files.Where(f => f.Unit == unit))
        {
            foreach (var node in file.Tree.GetRoot().DescendantNodes())
            {
                var identifier = node switch
                {
                    BaseTypeDeclarationSyntax t => t.Identifier,
                    MethodDeclarationSyntax m => m.Identifier,
                    PropertyDeclarationSyntax p => p.Identifier,
                    VariableDeclaratorSyntax v => v.Identifier,
                    ParameterSyntax p => p.Identifier,
                    TypeParameterSyntax t => t.Identifier,
                    ForEachStatementSyntax f => f.Identifier,
                    _ => default,
                };
                if (identifier.ValueText.Length > 0) names.Add(identifier.ValueText);
            }
        }
        _declared[unit] = names;
        return names;
    }

    private static string RenameAll(string source, string from, string to)
    {
        var tree = CSharpSyntaxTree.ParseText(source, GeneratorHarness.LatestSyntax);
        var text = new System.Text.StringBuilder(source);
        foreach (var token in tree.GetRoot().DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == from).Reverse())
        {
            text.Remove(token.SpanStart, token.Span.Length).Insert(token.SpanStart, to);
        }
        // nameof(X) strings and [Shape("...")] symbols stay: they are text, not references.
        return text.ToString();
    }

    private Mutant Replace(int index, string kind, (FuzzUnit Unit, int File, SyntaxTree Tree, SyntaxToken[] Tokens) file, string text, SyntaxToken token, string with)
    {
        string mutated = text[..token.SpanStart] + with + text[token.Span.End..];
        return Make(index, kind, file, mutated, token, token.Text, with.Length == 0 ? "(dropped)" : with);
    }

    private static Mutant Make(int index, string kind, (FuzzUnit Unit, int File, SyntaxTree Tree, SyntaxToken[] Tokens) file, string mutated, SyntaxToken site, string before, string after)
    {
        var files = file.Unit.Files.ToArray();
        files[file.File] = (files[file.File].Path, mutated);
        int line = site.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
        var lineText = file.Tree.GetText().Lines[line - 1].ToString().Trim();
        // The whole line, so a failure can be found and replayed by hand.
        return new Mutant(index, kind, file.Unit.Name, file.Tree.FilePath, line, before == lineText ? before : $"{before}` in `{lineText}", after, files);
    }

    private static string Pick(Random random, (string Kind, int Weight)[] kinds)
    {
        int at = random.Next(kinds.Sum(k => k.Weight));
        foreach (var (kind, weight) in kinds)
        {
            if ((at -= weight) < 0) return kind;
        }
        throw new InvalidOperationException("unreachable");
    }
}
