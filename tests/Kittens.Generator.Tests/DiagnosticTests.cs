using Kittens.Generator.Diagnostics;
using Kittens.Generator.Parsing;
using Microsoft.CodeAnalysis;
using static Kittens.Generator.Tests.GeneratorHarness;

namespace Kittens.Generator.Tests;

/// <summary>
/// One case per diagnostic id: a small valid C# file that triggers exactly that id, on the line
/// marked <c>/*here*/</c> (or another marker).
/// </summary>
public sealed class DiagnosticTests
{
    private const string Marker = "/*here*/";

    /// <summary>id → (source, the text that marks the expected line).</summary>
    private static readonly Dictionary<string, (string Source, string Marker)> s_cases = new()
    {
        ["KIT0001"] = ("""
            using Kittens;
            public partial class K
            {
                [Kernel] public void Run(GL<float> x) { } /*here*/
            }
            """, Marker),
        ["KIT0002"] = ("""
            using Kittens;
            public static partial class K
            {
                [Kernel] public static int Run(GL<float> x) { return 0; } /*here*/
            }
            """, Marker),
        ["KIT0003"] = ("""
            using Kittens;
            public static class K /*here*/
            {
                [Kernel] public static void Run(GL<float> x) { }
            }
            """, Marker),
        ["KIT0004"] = ("""
            using Kittens;
            public static partial class K<T>
            {
                [Kernel] public static void Run(GL<float> x) { } /*here*/
            }
            """, Marker),
        ["KIT0005"] = ("""
            using Kittens;
            public static partial class K
            {
                [Kernel] public static void Run(GL<float> x,
                    string name) { } /*here*/
            }
            """, Marker),
        ["KIT0006"] = ("""
            using Kittens;
            public static partial class K
            {
                [Kernel] public static void Run(GL<float> x,
                    ref int n) { } /*here*/
            }
            """, Marker),
        ["KIT0007"] = (Kernel("", attribute: "[Kernel(Threads = 48)] /*here*/"), Marker),
        ["KIT0008"] = (Kernel("", attribute: "[Kernel(MinBlocksPerSm = 0)] /*here*/"), Marker),
        ["KIT0015"] = (Kernel("", attribute: "[Kernel(ClusterSize = 3)] /*here*/"), Marker),
        ["KIT0016"] = ("""
            using Kittens;
            public static partial class K
            {
                [Kernel]
                [KernelInstance("RunFloat", typeof(float))] /*here*/
                public static void Run<TDim>(GL<float> x) where TDim : struct, IDim { }
            }
            """, Marker),
        ["KIT0017"] = ("""
            using Kittens;
            public static partial class K
            {
                [Kernel] public static void Run<T>(GL<float> x) { } /*here*/
            }
            """, Marker),
        ["KIT0018"] = (Kernel("", attribute: "[Kernel(Threads = 32)] [KernelInstance(\"Other\")] /*here*/"), Marker),
        ["KIT0009"] = (Kernel("", parameters: """[Shape(1, 1, "", 0)] GL<float> x /*here*/"""), Marker),
        ["KIT0010"] = (Kernel("", parameters: """GL<float> x, [Shape(1, 1, "N", "N")] int n /*here*/"""), Marker),
        ["KIT0011"] = ("""
            using Kittens;
            public static partial class K
            {
                [Kernel] public static void Run(GL<float> x) { }
                [Kernel] public static void Run(GL<bf16> x) { } /*here*/
            }
            """, Marker),
        ["KIT0012"] = ("""
            using Kittens;
            public static partial class K
            {
                public static void Host()
                {
                    [Kernel] static void Inner() { } /*here*/
                    Inner();
                }
            }
            """, Marker),
        ["KIT0013"] = (Kernel("", parameters: "[Tma(typeof(RT<bf16, D16, D16, Row>))] GL<bf16> q /*here*/"), Marker),
        ["KIT0014"] = (Kernel("", parameters: "GL<float> x, [Tma(typeof(ST<float, D16, D16>))] int n /*here*/"), Marker),
        ["KIT0099"] = (Kernel("        var c = default(Coord); /*here*/"), Marker),

        ["KIT0101"] = (Kernel("        Func<int, int> f = i => i + 1; /*here*/"), Marker),
        ["KIT0102"] = (Kernel("        var q = from i in new[] { 1, 2 } select i; /*here*/"), Marker),
        ["KIT0103"] = (Kernel("        throw new InvalidOperationException(); /*here*/"), Marker),
        ["KIT0104"] = (Kernel("        var s = \"hello\"; /*here*/"), Marker),
        ["KIT0105"] = (Kernel("        foreach (var i in new int[4]) { } /*here*/"), Marker),
        ["KIT0106"] = (Kernel("        await System.Threading.Tasks.Task.Yield(); /*here*/").Replace("public static void Run", "public static async void Run"), Marker),
        ["KIT0107"] = (Kernel("        goto end; /*here*/\n        end: ;"), Marker),
        ["KIT0108"] = (Kernel("        switch (x.Rows) { case 0: break; } /*here*/"), Marker),
        ["KIT0109"] = (Kernel("        unsafe { int* p = null; } /*here*/"), Marker),
        ["KIT0110"] = (Kernel("        int a = 0;\n        ref int r = ref a; /*here*/"), Marker),
        ["KIT0111"] = (Kernel("        var t = (1, 2); /*here*/"), Marker),
        ["KIT0112"] = (Kernel("        int n = x.Rows;\n        if (n is > 0) { } /*here*/"), Marker),
        ["KIT0113"] = (Kernel("        int n = checked(x.Rows + 1); /*here*/"), Marker),
        ["KIT0114"] = (Kernel("        lock (typeof(K)) { } /*here*/"), Marker),
        ["KIT0115"] = (Kernel("        using (var s = new System.IO.MemoryStream()) { } /*here*/"), Marker),
        ["KIT0116"] = (Kernel("        Numbers();", members: """
            [DeviceFunction] static System.Collections.Generic.IEnumerable<int> Numbers()
            {
                yield return 1; /*here*/
            }
            """), Marker),

        ["KIT0201"] = (Kernel("        decimal d = 1.5m; /*here*/"), Marker),
        ["KIT0202"] = (Kernel("        var t = new RT<int, D16, D16, Row>(); /*here*/"), Marker),
        ["KIT0203"] = (Kernel("        var a = new int[4]; /*here*/"), Marker),
        ["KIT0204"] = (Kernel("""
                    var a = new RT<float, D16, D16, Row>();
                    var b = new RT<float, D16, D16, Row>();
                    a = b; /*here*/
            """), Marker),
        ["KIT0205"] = (Kernel("        Warp.Zero(new RT<float, D16, D16, Row>()); /*here*/"), Marker),
        ["KIT0206"] = (Kernel("        var acc = new RT<float, D16, D16, Row>[x.Rows]; /*here*/"), Marker),
        ["KIT0207"] = (Kernel("""
                    var k = Shared.Alloc<ST<bf16, D64, D128>>();
                    var r = new RT<bf16, D16, D32, Row>();
                    Warp.Load(r, k.Sub<D16, D32>(0, 1)); /*here*/
            """), Marker),
        ["KIT0208"] = (Kernel("""
                    var acc = new RT<float, D16, D16, Row>[4];
                    Warp.Zero(acc[4]); /*here*/
            """), Marker),
        ["KIT0209"] = (Kernel("""
                    var t = new RT<float, D16, D16, Row>();
                    Warp.Load(t, x, new Coord(0, -1)); /*here*/
            """), Marker),
        ["KIT0210"] = (Kernel("        var t = new RT<float, D24, D16, Row>(); /*here*/", members: "[Dim(24)] public struct D24 : IDim;"), Marker),
        ["KIT0211"] = ("""
            using Kittens;
            public interface ISplit { static abstract int Splits { get; } }
            public struct NoSplit : ISplit { public static int Splits => 0; }
            public static partial class K
            {
                [Kernel]
                [KernelInstance("RunNoSplit", typeof(NoSplit))]
                public static void Run<TSplit>(GL<float> x) where TSplit : struct, ISplit
                {
                    int perSplit = x.Cols / TSplit.Splits; /*here*/
                }
            }
            """, Marker),
        ["KIT0212"] = (Kernel("""
                    var t = new RT<float, D16, D128, Row>();
                    Warp.Load(t, x, new Coord(0, 0)); /*here*/
            """, parameters: "[Shape(1, 1, 16, 64)] GL<float> x"), Marker),
        ["KIT0213"] = (Kernel("        var acc = new RT<float, D64, D256, Row>(); /*here*/"), Marker),

        ["KIT0301"] = (Kernel("        int n = Helper(); /*here*/", members: "static int Helper() => 1;"), Marker),
        ["KIT0302"] = (Kernel("        float e = MathF.Exp(x.Rows); /*here*/"), Marker),
        ["KIT0303"] = (Kernel("        int h = x.Rows.GetHashCode(); /*here*/"), Marker),
        ["KIT0304"] = (Kernel("        int n = Count(3);", members: """
            [DeviceFunction] static int Count(int n) =>
                n <= 0 ? 0 : 1 + Count(n - 1); /*here*/
            """), Marker),
        ["KIT0305"] = (Kernel("        var c = Origin();", members: "[DeviceFunction] static Coord Origin() => new Coord(0, 0); /*here*/"), Marker),
        ["KIT0306"] = (Kernel("        int n = s_count; /*here*/", members: "static int s_count = 3;"), Marker),
        ["KIT0307"] = (Kernel("        int n = x.Rows;\n        Tma.StoreWait(n); /*here*/"), Marker),
        ["KIT0308"] = (Kernel("""
                    var t = Shared.Alloc<ST<float, D16, D16>>();
                    var s = Shared.Alloc<Semaphore>();
                    Tma.Load(t, x, new Coord(0, 0), s); /*here*/
            """), Marker),
        ["KIT0309"] = (Kernel(
            "        Use(q); /*here*/",
            parameters: "[Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> q",
            members: "[DeviceFunction] static void Use([Tma(typeof(ST<bf16, D128, D64>))] GL<bf16> g) { }"), Marker),

        ["KIT0310"] = ("""
            using Kittens;
            public interface ISchedule { static abstract int Stages { get; } }
            public struct Counted : ISchedule
            {
                static int s_reads;
                public static int Stages { get { s_reads++; return 3; } }
            }
            public static partial class K
            {
                [Kernel]
                [KernelInstance("RunCounted", typeof(Counted))]
                public static void Run<TSchedule>(GL<float> x) where TSchedule : struct, ISchedule
                {
                    int stages = TSchedule.Stages; /*here*/
                }
            }
            """, Marker),

        ["KIT0311"] = (Kernel("""
                    float total = 0;
                    Atomic.Add(ref total, 1f); /*here*/
            """), Marker),
        ["KIT0312"] = (Kernel("        Sync.BarrierSync(16, 32); /*here*/"), Marker),
        ["KIT0313"] = (Kernel("        Warpgroup.MmaCommit(); /*here*/", attribute: "[Kernel(Threads = 64)]"), Marker),
        ["KIT0314"] = (Kernel("""
                    var d = new RT<float, D16, D64, Row>();
                    var a = new RT<bf16, D16, D32, Row>();
                    var b = new RT<bf16, D16, D64, Col>();
                    Warp.MmaAB(d, a, b, d); /*here*/
            """), Marker),

        ["KIT0401"] = (Kernel("""
                    for (int i = 0; i < 2; i++)
                    {
                        var s = Shared.Alloc<ST<float, D16, D16>>(); /*here*/
                    }
            """), Marker),
        ["KIT0402"] = (Kernel("""
                    int n = x.Rows;
                    var s = Shared.Alloc<ST<float, D16, D16>>(n); /*here*/
            """), Marker),
        ["KIT0403"] = (Kernel("        var s = Shared.Alloc<ST<float, D256, D256>>();"), "public static void Run("),
        ["KIT0404"] = (Kernel("        var s = Shared.Alloc<ST<bf16, D128, D128>>(4);", attribute: "[Kernel(Threads = 128, MinBlocksPerSm = 2)]"), "public static void Run("),
    };

    /// <summary>The ids whose case is C# the compiler refuses too: they say what its error does not.</summary>
    private static readonly HashSet<string> s_withCompilerErrors = ["KIT0314"];

    public static TheoryData<string> Ids => new(s_cases.Keys);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Diagnostic_IsReportedAlone_AtItsLine(string id)
    {
        var (source, marker) = s_cases[id];
        var run = Generate(("Tests/K.cs", source));

        var compilerErrors = run.Input.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (s_withCompilerErrors.Contains(id))
            Assert.NotEmpty(compilerErrors);
        else
            Assert.True(compilerErrors.Count == 0, "the test source must be valid C#: " + string.Join("; ", compilerErrors));

        var diagnostics = run.Diagnostics;
        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.Equal(id, d.Id));
        int expectedLine = source.Split('\n').Select((text, index) => (text, index)).First(l => l.text.Contains(marker, StringComparison.Ordinal)).index;
        Assert.Contains(diagnostics, d => d.Location.GetLineSpan().StartLinePosition.Line == expectedLine);
        Assert.All(diagnostics, d => Assert.Equal("Tests/K.cs", d.Location.GetLineSpan().Path));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
    }

    [Fact]
    public void InternalError_IsKIT9999_AtTheMethod()
    {
        var location = new Model.LocationInfo("Tests/K.cs", 10, 3, 4, 2, 4, 5);
        var result = KernelPipeline.Guard("Run", () => location, () => throw new InvalidOperationException("boom"));

        Assert.Empty(result.Models);
        var diagnostic = Assert.Single(result.Diagnostics).ToDiagnostic();
        Assert.Equal("KIT9999", diagnostic.Id);
        Assert.Equal("Internal error generating kernel 'Run': InvalidOperationException: boom", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void InternalError_LetsCancellationThrough() =>
        Assert.Throws<OperationCanceledException>(() => KernelPipeline.Guard("Run", () => null, () => throw new OperationCanceledException()));

    [Fact]
    public void EveryDiagnosticId_HasATest()
    {
        var tested = s_cases.Keys.Append("KIT9999").Order().ToList();
        Assert.Equal(DiagnosticDescriptors.All.Select(d => d.Id).Order().ToList(), tested);
    }

    [Fact]
    public void DiagnosticIds_AreUniqueAndNumberedByFamily()
    {
        var ids = DiagnosticDescriptors.All.Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^KIT(00\\d\\d|0[1-4]\\d\\d|9999)$", id));
        Assert.All(DiagnosticDescriptors.All, d => Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity));
    }

    [Fact]
    public void KernelCallingItself_IsRecursion()
    {
        var run = Generate(("Tests/K.cs", Kernel("        Run(x);")));
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KIT0304", diagnostic.Id);
        Assert.Contains("Run -> Run", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void MutualRecursion_NamesTheCycle()
    {
        var run = Generate(("Tests/K.cs", Kernel("        int n = Ping(3);", members: """
            [DeviceFunction] static int Ping(int n) => n <= 0 ? 0 : Pong(n - 1);
            [DeviceFunction] static int Pong(int n) => Ping(n);
            """)));
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KIT0304", diagnostic.Id);
        Assert.Contains("Ping -> Pong -> Ping", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void DeviceFunctionShared_ByTwoKernels_ReportsOnce()
    {
        var source = """
            using Kittens;
            public static partial class K
            {
                [DeviceFunction] static float Bad() => System.MathF.Sqrt(2f);
                [Kernel] public static void A(GL<float> x) { float f = Bad(); }
                [Kernel] public static void B(GL<float> x) { float f = Bad(); }
            }
            """;
        var run = Generate(("Tests/K.cs", source));
        Assert.Equal("KIT0302", Assert.Single(run.Diagnostics).Id);
    }

    [Fact]
    public void ErrorsInTheBody_StillGiveALauncher_WithAnErrorForCuda()
    {
        var run = Generate(("Tests/K.cs", Kernel("        var s = \"x\";")));
        Assert.Equal("KIT0104", Assert.Single(run.Diagnostics).Id);
        var kernel = run.Kernel("Run");
        Assert.Contains("#error", kernel.CudaSource, StringComparison.Ordinal);
        Assert.Contains("public static class RunKernel", kernel.LauncherSource, StringComparison.Ordinal);
    }

    [Fact]
    public void DeclarationErrors_GiveNoLauncher()
    {
        var run = Generate(("Tests/K.cs", Kernel("", parameters: "GL<float> x, string s")));
        Assert.Equal("KIT0005", Assert.Single(run.Diagnostics).Id);
        Assert.Empty(run.Kernels);
    }

    [Fact]
    public void DiagnosticMessages_SayWhatToWriteInstead()
    {
        var run = Generate(("Tests/K.cs", Kernel("        float e = MathF.Exp(1.5f);")));
        Assert.Equal("'MathF.Exp' cannot be called from a kernel: use DeviceMath.Exp", Assert.Single(run.Diagnostics).GetMessage());
    }
    [Fact]
    public void MismatchedOp_NamesTheArgumentTiles_AndWhatTheOpTakes()
    {
        var (source, _) = s_cases["KIT0314"];
        var message = Assert.Single(Generate(("Tests/K.cs", source)).Diagnostics).GetMessage();
        Assert.Contains("(RT<float, D16, D64, Row>, RT<bf16, D16, D32, Row>, RT<bf16, D16, D64, Col>, RT<float, D16, D64, Row>)", message, StringComparison.Ordinal);
        Assert.Contains("(RT<float, M, N, Row> d, RT<TM, M, K, Row> a, RT<TM, K, N, Col> b, RT<float, M, N, Row> c)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AmbiguousOrMissingTypes_AreTheCompilersAlone()
    {
        // With implicit usings, System.Threading.Semaphore makes 'Semaphore' ambiguous (CS0104).
        var run = Generate(("Tests/K.cs", "using System.Threading;\n" + Kernel("""
                    var s = Shared.Alloc<Semaphore>();
                    Missing m = default;
                    var t = new RT<Missing, D16, D16, Row>();
            """)));
        var errors = run.Input.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToList();
        Assert.Contains("CS0104", errors);
        Assert.Contains("CS0246", errors);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void ArrayParameterOfAnotherKind_SaysWhichArraysDeviceFunctionsTake()
    {
        var run = Generate(("Tests/K.cs", Kernel("        Use(new int[2]);", members: "[DeviceFunction] static void Use(int[] values) { }")));
        var diagnostic = run.Diagnostics.First(d => d.Id == "KIT0201");
        Assert.Contains("Type 'int[]' cannot be used in a kernel", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("an array of tiles, vectors or semaphores", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void TmaTileLargerThanTheShape_IsKIT0212AtTheAttribute()
    {
        var run = Generate(("Tests/K.cs", Kernel("", parameters: """[Shape(1, 1, "N", 64), Tma(typeof(ST<bf16, D64, D128>))] GL<bf16> q""")));
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KIT0212", diagnostic.Id);
        Assert.Equal(
            "'[Tma]' moves ST<bf16, D64, D128> through 'q', whose [Shape] fixes cols at 64: a tile spans 128 cols, and 64 is fewer than one tile; make the [Shape] extent a multiple of 128 or move tiles that fit",
            diagnostic.GetMessage());
    }

    [Fact]
    public void TilesFittingTheShape_OrARaggedEndTheStoreClips_AreFine()
    {
        var run = Generate(("Tests/K.cs", Kernel("""
                    var t = new RT<float, D16, D64, Row>();
                    Warp.Load(t, x, new Coord(0, 0));
                    Warp.Store(y, t, new Coord(0, 0), 40);
            """, parameters: "[Shape(1, 1, 32, 128)] GL<float> x, [Shape(1, 1, 40, 64)] GL<float> y")));
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void RegisterTileArrayPastTheRegisterFile_IsKIT0213_WithItsCount()
    {
        var run = Generate(("Tests/K.cs", Kernel("""
                    var acc = new RT<float, D16, D256, Row>();
                    var scores = new RT<float, D16, D128, Row>[6];
            """)));
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KIT0213", diagnostic.Id);
        Assert.StartsWith("'scores' (RT<float, D16, D128, Row>[6]) needs 384 registers per thread, more than the 255", diagnostic.GetMessage(), StringComparison.Ordinal);
    }
}
