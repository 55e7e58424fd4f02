using Microsoft.CodeAnalysis;
using static Kittens.Generator.Tests.GeneratorHarness;

namespace Kittens.Generator.Tests;

/// <summary>The generated launchers compile against Kittens.Runtime.</summary>
public sealed class LauncherCompileTests
{
    [Fact]
    public void GeneratedLaunchers_CompileWithoutErrors()
    {
        var run = Generate(
            ("Attention/AttentionKernels.cs", Repository.Example("Attention/AttentionKernels.cs")),
            ("Gemm/GemmKernels.cs", Repository.Example("Gemm/GemmKernels.cs")),
            ("Tests/Shapes.cs", """
                using Kittens;
                namespace Tests;
                public partial class Outer
                {
                    public partial record struct Inner
                    {
                        [Kernel(Threads = 64)]
                        public static void Scalars(GL<float> grid, int stream, uint args, long shapes, ulong @event, float f, double d, bool b, short s, ushort us, byte by, sbyte sb) { }
                    }
                }
                """));
        Assert.Empty(run.Diagnostics);
        Assert.Equal(4, run.Result.GeneratedSources.Length);
        var errors = run.Output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("namespace @this.@int;", "public static partial class @class")]
    [InlineData("namespace N;", "public static partial class @this")]
    [InlineData("", "public static partial class @struct")]
    public void KeywordNamedTypesAndNamespaces_AreEscapedInTheLauncher(string ns, string type)
    {
        var run = Generate(("Tests/K.cs", "using Kittens;\n" + ns + "\n" + type + "\n{\n    [Kernel(Threads = 32)] public static void Run(GL<float> x) { }\n}\n"));
        Assert.Empty(run.Diagnostics);
        var errors = run.Output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void ANamespaceWithASyntaxError_GivesALauncherWithoutErrorsOfItsOwn()
    {
        // `namespace A..B;` is the author's error; the launcher must not repeat it.
        var run = Generate(("Tests/K.cs", "using Kittens;\nnamespace A..B;\npublic static partial class K\n{\n    [Kernel(Threads = 32)] public static void Run(GL<float> x) { }\n}\n"));
        var generated = run.Output.SyntaxTrees.Where(t => t.FilePath != "Tests/K.cs").ToList();
        Assert.NotEmpty(generated);
        var errors = generated.SelectMany(t => run.Output.GetSemanticModel(t).GetDiagnostics(cancellationToken: TestContext.Current.CancellationToken)).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
