using System.Text;
using System.Text.RegularExpressions;
using Kittens.Generator.Translation;
using Kittens.Runtime;
using static Kittens.Generator.Tests.GeneratorHarness;

namespace Kittens.Generator.Tests;

/// <summary>
/// Every name C++, CUDA, NVRTC or the tile headers claim, in every place a C# name reaches the
/// CUDA (kernel, device function, parameter, local, loop variable, nested and sibling scopes):
/// the generated CUDA compiles with NVRTC, and no CUDA name stands for two C# names. Names are
/// batched into a few translation units, so the whole walk is a handful of NVRTC compiles.
/// </summary>
public sealed class NameMappingTests
{
    /// <summary>Names the reserved table does not list one by one: prefixed macros, reserved shapes, generated names, non-ASCII.</summary>
    private static readonly string[] s_extraNames =
    {
        "NV_IS_DEVICE", "NV_PROVIDES_SM_80", "CUDART_VERSION", "CUDA_IPC_HANDLE_SIZE", "CU_UUID_HAS_BEEN_DEFINED", "cudaStreamLegacy",
        "_Foo", "_foo", "__x", "a__b", "x__", "_", "G_x", "P_x", "S_x", "N_x", "x", "kittens_kernel",
        "café", "naïve", "π", "日本語", "Ωmega", "e\u0301", "u00e9", "caf_u00e9", "caf_u00e9_", "u_KITTENS_X",
    };

    private static readonly Lazy<IReadOnlyList<string>> s_names = new(() =>
        CudaNames.ReservedNames.Concat(HeaderMacros()).Concat(s_extraNames).Distinct(StringComparer.Ordinal).ToList());

    private static IReadOnlyList<string> Names => s_names.Value;

    /// <summary>Every macro the tile headers define (they never #undef one).</summary>
    private static IEnumerable<string> HeaderMacros()
    {
        var include = Path.Combine(Repository.Root, "src/Kittens.Runtime/include/kittens");
        return Directory.EnumerateFiles(include, "*.cuh", SearchOption.AllDirectories)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"^\s*#\s*define\s+(\w+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value));
    }

    /// <summary>A C# spelling of any identifier: verbatim, so C# keywords are names too.</summary>
    private static string CSharp(string name) => "@" + name;

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name.Substring(1);

    [Fact]
    public void HeaderMacros_AreAllReserved()
    {
        var macros = HeaderMacros().ToList();
        Assert.NotEmpty(macros);
        Assert.All(macros, m => Assert.True(CudaNames.IsReserved(m), m + " is a tile-header macro but not reserved"));
    }

    [Fact]
    public void Locals_LoopVariables_AndNestedScopes_GetOneCudaNameEach()
    {
        // Per name N, in a block of its own: N, and N_ / N_2 (what escaping N might produce) in a
        // nested block, each read back; then N again as a loop variable in a sibling scope.
        var body = new StringBuilder();
        var csharpOf = new Dictionary<int, string>();
        int value = 1000;
        foreach (var name in Names)
        {
            int v = value += 10;
            csharpOf[v + 1] = name;
            csharpOf[v + 2] = name + "_";
            csharpOf[v + 3] = name + "_2";
            csharpOf[v + 4] = name;
            body.Append($"        {{ int {CSharp(name)} = {v + 1}; {{ int {CSharp(name + "_")} = {v + 2}; int {CSharp(name + "_2")} = {v + 3}; ")
                .Append($"int chk{v + 1} = {CSharp(name)}; int chk{v + 2} = {CSharp(name + "_")}; int chk{v + 3} = {CSharp(name + "_2")}; }} }}\n")
                .Append($"        for (int {CSharp(name)} = {v + 4}; {CSharp(name)} < {v + 5}; {CSharp(name)}++) {{ int chk{v + 4} = {CSharp(name)}; }}\n");
        }
        var run = Generate(("Tests/K.cs", Kernel(body.ToString(), parameters: "GL<float> input")));
        AssertNoErrors(run);
        var cuda = run.Kernel("Run").CudaSource;

        var declared = Regex.Matches(cuda, @"int (\w+) = (\d+);").ToDictionary(m => int.Parse(m.Groups[2].Value), m => m.Groups[1].Value);
        AssertOneCudaNamePerCSharpName(csharpOf.ToDictionary(p => p.Value + "#" + p.Key, p => (p.Value, declared[p.Key])));
        foreach (Match check in Regex.Matches(cuda, @"int chk(\d+) = (\w+);"))
            Assert.Equal(declared[int.Parse(check.Groups[1].Value)], check.Groups[2].Value);
        Assert.Equal(csharpOf.Count, Regex.Matches(cuda, @"int chk(\d+) = (\w+);").Count);
        Compile(cuda, "run");
    }

    [Fact]
    public void Parameters_AndTheTemplateParametersNamedAfterThem_GetOneCudaNameEach()
    {
        // Every name and its N_ as int parameters of one device function, beside tensor, shared-tile
        // and array parameters whose template parameters (G_t, P_s, S_s, N_a) other parameters also name.
        var names = Names.SelectMany(n => new[] { n, n + "_" }).Distinct(StringComparer.Ordinal).ToList();
        var parameters = string.Join(", ", names.Select(n => "int " + CSharp(n)));
        var reads = string.Concat(names.Select((n, i) => $" int chk{i} = {CSharp(n)};"));
        var members = $$"""
            [DeviceFunction] static void Tiles(GL<float> t, int G_t, ST<float, D16, D16> s, int P_s, int S_s, RT<float, D16, D16, Row>[] a, int N_a, int G_x)
            { int r0 = G_t; int r1 = P_s; int r2 = S_s; int r3 = N_a; int r4 = G_x; Warp.Load(a[0], s); }
            [DeviceFunction] static void Scalars({{parameters}}) {{{reads}} }
            """;
        var call = "        Scalars(" + string.Join(", ", names.Select((_, i) => (5000 + i).ToString())) + ");\n" +
                   "        var s = Shared.Alloc<ST<float, D16, D16>>();\n        var a = new RT<float, D16, D16, Row>[2];\n" +
                   "        Tiles(input, 1, s, 2, 3, a, 4, 5);\n";
        var run = Generate(("Tests/K.cs", Kernel(call, parameters: "GL<float> input", members: members)));
        AssertNoErrors(run);
        var cuda = run.Kernel("Run").CudaSource;

        var signature = Regex.Match(cuda, @"void scalars\(([^)]*)\)").Groups[1].Value.Split(", ").Select(p => p.Substring("int ".Length)).ToList();
        Assert.Equal(names.Count, signature.Count);
        AssertOneCudaNamePerCSharpName(names.Select((n, i) => (n, signature[i])).ToDictionary(p => p.n, p => p));
        for (int i = 0; i < names.Count; i++) Assert.Contains($"int chk{i} = {signature[i]};", cuda, StringComparison.Ordinal);

        var tiles = Regex.Match(cuda, @"template <([^>]*)>\n__device__ __forceinline__ void tiles\(([^)]*)\)");
        Assert.True(tiles.Success, cuda);
        var templateNames = tiles.Groups[1].Value.Split(", ").Select(p => p.Split(' ')[1]);
        var parameterNames = TopLevelParts(tiles.Groups[2].Value)
            .Select(p => Regex.Match(p, @"\(&(\w+)\)|(\w+)$") is var m && m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
        var all = templateNames.Concat(parameterNames).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Compile(cuda, "run");
    }

    [Fact]
    public void DeviceFunctionNames_AreDistinctAndCalledByTheirOwnName()
    {
        // Each name verbatim and capitalised (Return snake-cases to return), each returning its own value.
        var methods = Names.SelectMany(n => new[] { CSharp(n), CSharp(Pascal(n)) }).Distinct(StringComparer.Ordinal)
            .Where(m => m is not "@K" and not "@Run").ToList();
        var members = string.Concat(methods.Select((m, i) => $"[DeviceFunction] static int {m}(int v) => v + {7000 + i};\n"));
        var body = string.Concat(methods.Select((m, i) => $"        int chk{i} = {m}({i});\n"));
        var run = Generate(("Tests/K.cs", Kernel(body, parameters: "GL<float> input", members: members)));
        AssertNoErrors(run);
        var cuda = run.Kernel("Run").CudaSource;

        var defined = Regex.Matches(cuda, @"int (\w+)\(int v\) \{\n#line \d+ ""[^""]*""\n    return v \+ (\d+);")
            .ToDictionary(m => int.Parse(m.Groups[2].Value) - 7000, m => m.Groups[1].Value);
        Assert.Equal(methods.Count, defined.Count);
        Assert.Equal(methods.Count, defined.Values.Distinct().Count());
        for (int i = 0; i < methods.Count; i++) Assert.Contains($"int chk{i} = {defined[i]}({i});", cuda, StringComparison.Ordinal);
        Compile(cuda, "run");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void KernelNames_BecomeValidEntryPoints_TheLauncherLooksUp(bool capitalised)
    {
        // Kernel names must differ ignoring case (KIT0011), so each spelling is a compilation of its own.
        var kernels = Names.Select(n => CSharp(capitalised ? Pascal(n) : n)).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(m => m is not "@K").ToList();
        var source = new StringBuilder("using Kittens;\nnamespace Tests;\npublic static partial class K\n{\n");
        foreach (var kernel in kernels) source.Append($"    [Kernel(Threads = 32)] public static void {kernel}(GL<float> x) {{ }}\n");
        var run = Generate(("Tests/K.cs", source.Append("}\n").ToString()));
        AssertNoErrors(run);

        // Kernels are translation units of their own; those whose entry points differ share one compile here.
        var batches = new List<(HashSet<string> EntryPoints, StringBuilder Cuda)>();
        foreach (var kernel in run.Kernels.Values)
        {
            var entryPoint = Regex.Match(kernel.LauncherSource, @"KernelSource Source \{ get; \} = new\(""(\w+)""").Groups[1].Value;
            Assert.False(CudaNames.IsReservedGlobal(entryPoint), entryPoint);
            Assert.Contains(" " + entryPoint + "(const kittens::gl<float> x) {", kernel.CudaSource, StringComparison.Ordinal);
            var batch = batches.FirstOrDefault(b => !b.EntryPoints.Contains(entryPoint));
            if (batch.Cuda is null) batches.Add(batch = (new HashSet<string>(), new StringBuilder()));
            batch.EntryPoints.Add(entryPoint);
            batch.Cuda.Append(kernel.CudaSource);
        }
        Assert.Equal(kernels.Count, run.Kernels.Count);
        foreach (var (entryPoints, cuda) in batches) Compile(cuda.ToString(), entryPoints.First());
    }

    [Theory]
    [InlineData("Return", "return_kernel")]
    [InlineData("Class", "class_kernel")]
    [InlineData("Kittens", "kittens_kernel")]
    [InlineData("Printf", "printf_kernel")]
    [InlineData("Café", "caf_u00e9_kernel")]
    [InlineData("A__B", "a_b_kernel")]
    [InlineData("_Run", "run_kernel")]
    public void EntryPoints_OfReservedNames(string method, string entryPoint) =>
        Assert.Equal(entryPoint, CudaNames.EntryPoint(method));

    [Theory]
    [InlineData("class", "class_")]
    [InlineData("NULL", "NULL_")]
    [InlineData("a__b", "a_b_")]
    [InlineData("_Foo", "Foo_")]
    [InlineData("é", "u00e9_")]
    [InlineData("café", "caf_u00e9_")]
    [InlineData("\U0001D465", "u01d465_")]
    [InlineData("KITTENS_X", "u_KITTENS_X_")]
    public void Escapes_AreValidStems(string name, string escaped)
    {
        Assert.Equal(escaped, CudaNames.Escape(name));
        Assert.False(CudaNames.IsReserved(escaped));
    }

    /// <summary>A parameter list split at the commas outside template arguments and parentheses.</summary>
    private static IEnumerable<string> TopLevelParts(string list)
    {
        int depth = 0, start = 0;
        for (int i = 0; i < list.Length; i++)
        {
            depth += list[i] is '<' or '(' or '[' ? 1 : list[i] is '>' or ')' or ']' ? -1 : 0;
            if (depth == 0 && list[i] == ',')
            {
                yield return list[start..i].Trim();
                start = i + 1;
            }
        }
        yield return list[start..].Trim();
    }

    private static void AssertNoErrors(Run run)
    {
        Assert.Empty(run.Input.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Take(5));
        Assert.Empty(run.Diagnostics);
    }

    /// <summary>Each CUDA name stands for one C# name (sibling scopes may reuse a C# name, and with it its CUDA name).</summary>
    private static void AssertOneCudaNamePerCSharpName(IReadOnlyDictionary<string, (string CSharp, string Cuda)> symbols)
    {
        foreach (var group in symbols.Values.GroupBy(s => s.Cuda))
        {
            var csharp = group.Select(s => s.CSharp).Distinct().ToList();
            Assert.True(csharp.Count == 1, $"'{group.Key}' stands for {string.Join(", ", csharp)}");
            Assert.False(CudaNames.IsReserved(group.Key), group.Key);
        }
    }

    private static void Compile(string cuda, string entryPoint)
    {
        NvrtcCompileTests.RequireNvrtc();
        var compiled = KernelCompiler.Compile(new KernelSource(entryPoint, cuda, "Tests/K.cs", 32, 1, 0), "sm_90a");
        Assert.NotEmpty(compiled.Cubin);
    }
}
