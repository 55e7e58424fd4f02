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
}
