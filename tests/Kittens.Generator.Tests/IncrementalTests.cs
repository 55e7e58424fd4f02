using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static Kittens.Generator.Tests.GeneratorHarness;

namespace Kittens.Generator.Tests;

/// <summary>Edits that do not change a kernel's meaning must not regenerate its code.</summary>
public sealed class IncrementalTests
{
    private const string Path = "Attention/AttentionKernels.cs";
    private static readonly string Attention = Repository.Example(Path);

    [Fact]
    public void EditingACommentInPlace_RegeneratesNothing()
    {
        var edited = Replace(Attention, "// Fold 1/sqrt(d) into Q once", "// Scale Q by 1/sqrt(d) right away");
        AssertSteps(Attention, edited, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void EditingWhitespaceInsideALine_RegeneratesNothing()
    {
        var edited = Replace(Attention, "int worker = Gpu.WarpId;", "int   worker   =   Gpu.WarpId ;");
        AssertSteps(Attention, edited, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void AddingAnUnrelatedFile_RegeneratesNothing()
    {
        var driver = CreateDriver().RunGenerators(Compile((Path, Attention)), TestContext.Current.CancellationToken);
        var next = Compile((Path, Attention)).AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", LatestSyntax, "Other.cs", cancellationToken: TestContext.Current.CancellationToken));
        var result = driver.RunGenerators(next, TestContext.Current.CancellationToken).GetRunResult().Results.Single();
        AssertReasons(result, KernelGenerator.TrackingNames.KernelModel, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertReasons(result, KernelGenerator.TrackingNames.Source, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void ChangingTheBody_RegeneratesTheSource()
    {
        var edited = Replace(Attention, "Warp.Mul(qReg, qReg, 0.125f);", "Warp.Mul(qReg, qReg, 0.25f);");
        var result = RunTwice(Attention, edited);
        AssertReasons(result, KernelGenerator.TrackingNames.KernelModel, IncrementalStepRunReason.Modified);
        AssertReasons(result, KernelGenerator.TrackingNames.Source, IncrementalStepRunReason.Modified);
        var kernel = (Model.GeneratedKernel)result.TrackedSteps[KernelGenerator.TrackingNames.Source].Single().Outputs.Single().Value;
        Assert.Contains("kittens::warp::mul(qReg, qReg, 0.25f);", kernel.CudaSource, StringComparison.Ordinal);
    }

    [Fact]
    public void MovingAKernelWithErrors_ReReportsDiagnostics_ButKeepsTheSource()
    {
        var broken = Kernel("        var s = \"x\";");
        var moved = broken.Replace("namespace Tests;", "namespace Tests;\n\n\n");
        var result = RunTwice(broken, moved, "Tests/K.cs");
        AssertReasons(result, KernelGenerator.TrackingNames.Diagnostics, IncrementalStepRunReason.Modified);
        AssertReasons(result, KernelGenerator.TrackingNames.Source, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
        Assert.Equal(15, result.Diagnostics.Single().Location.GetLineSpan().StartLinePosition.Line);
    }

    private static void AssertSteps(string before, string after, params IncrementalStepRunReason[] allowed)
    {
        var result = RunTwice(before, after);
        AssertReasons(result, KernelGenerator.TrackingNames.KernelModel, allowed);
        AssertReasons(result, KernelGenerator.TrackingNames.Diagnostics, allowed);
        AssertReasons(result, KernelGenerator.TrackingNames.Source, allowed);
    }

    private static GeneratorRunResult RunTwice(string before, string after, string path = Path)
    {
        var first = Compile((path, before));
        var driver = CreateDriver().RunGenerators(first, TestContext.Current.CancellationToken);
        var oldTree = first.SyntaxTrees.Single();
        var second = first.ReplaceSyntaxTree(oldTree, CSharpSyntaxTree.ParseText(after, LatestSyntax, path, cancellationToken: TestContext.Current.CancellationToken));
        return driver.RunGenerators(second, TestContext.Current.CancellationToken).GetRunResult().Results.Single();
    }

    private static void AssertReasons(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.Contains(o.Reason, allowed));
    }

    private static string Replace(string text, string from, string to)
    {
        Assert.Contains(from, text, StringComparison.Ordinal);
        return text.Replace(from, to, StringComparison.Ordinal);
    }
}
