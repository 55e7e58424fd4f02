using Microsoft.CodeAnalysis;
using static Kittens.Generator.Tests.GeneratorHarness;

namespace Kittens.Generator.Tests;

/// <summary>The generator never throws: broken code gives diagnostics (ours or the compiler's), never a crash.</summary>
public sealed class RobustnessTests
{
    public static TheoryData<string> BrokenSources => new(
        Kernel("        int a = ;"),
        Kernel("        Warp.Zero(undefined);"),
        Kernel("        var t = new RT<float, D16, D16, Row>(); Warp.Frobnicate(t);"),
        Kernel("        for (int i = 0; i < ; i++) { }"),
        Kernel("        if (x.Rows > 0 { }"),
        Kernel("        int a = x.Rows\n        int b = 2;"),
        Kernel("        return 5;"),
        Kernel("        var s = Shared.Alloc<ST<float, D16, D16>>(-1);"),
        Kernel("        var s = Shared.Alloc<ST<float, D16, D16>>(0);"),
        Kernel("        Warp.Load(new Coord(1, 2), x, new Coord(0, 0));"),
        Kernel("", parameters: "GL<float> x, GL<double> y"),
        Kernel("", parameters: "[Shape(1, 2, 3)] GL<float> x"),
        Kernel("", parameters: "[Shape(null, 1, 1, 1)] GL<float> x"),
        Kernel("", attribute: "[Kernel(Threads = int.MaxValue, MinBlocksPerSm = -1)]"),
        Kernel("", members: "[DeviceFunction] static extern void Native();").Replace("{\n\n    }", "{\n        Native();\n    }"),
        """
        using Kittens;
        public static partial class K
        {
            [Kernel] public static extern void Run(GL<float> x);
            [Kernel] public static partial void Later(GL<float> x);
            [Kernel] public static int P { [Kernel] get => 1; }
            [Kernel] public static K operator +(K a, K b) => a;
        }
        """,
        """
        using Kittens;
        [Kernel] static void TopLevel() { }
        public static partial class K
        {
            [Kernel] public static void Run(GL<float> x
        """,
        "[Kittens.Kernel] void Local() { }",
        """
        namespace N { public partial class G<T> { [Kittens.Kernel] public static void Run(Kittens.GL<float> x) { } } }
        """);

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public void BrokenKernels_GiveDiagnostics_NotExceptions(string source)
    {
        var run = Generate(("Tests/K.cs", source));
        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.Output.GetDiagnostics(TestContext.Current.CancellationToken), d => d.Id is "CS8784" or "CS8785");
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "KIT9999");
        bool anyError = run.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)
            || run.Input.GetDiagnostics(TestContext.Current.CancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(anyError, "a broken kernel must produce an error somewhere");
    }

    [Fact]
    public void NoKittensReference_GeneratesNothing()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Plain",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { [Kernel] static void M() { } } class KernelAttribute : System.Attribute { }", LatestSyntax, cancellationToken: TestContext.Current.CancellationToken)],
            References.Where(r => !r.Display!.Contains("Kittens", StringComparison.Ordinal)));
        var result = CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken).GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(result.GeneratedSources);
        Assert.Empty(result.Diagnostics);
    }
}
