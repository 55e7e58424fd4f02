using Kittens.Generator.Translation;
using Kittens.Runtime;
using Microsoft.CodeAnalysis;
using static Kittens.Generator.Tests.GeneratorHarness;

namespace Kittens.Generator.Tests;

/// <summary>
/// Reductions, row and column broadcasts and Exp2AffineRow over a generic tile layout L: the
/// vector layouts are type parameters that L names (IColVecLayout, IRowVecLayout), so one device
/// function serves both layouts, each binding written with the C++ layouts spelled out; a vector
/// of the wrong layout stays a C# error at the call.
/// </summary>
public sealed class GenericLayoutTests
{
    private const string Source = """
        using Kittens;

        namespace Tests.Layouts;

        public static partial class LayoutKernels
        {
            [Kernel(Threads = 32)]
            public static void Run(GL<float> x, GL<bf16> xb, GL<float> rows, GL<float> cols, float scale)
            {
                var a = new RT<float, D16, D32, Row>();
                var aRows = new RV<float, D16, Ortho>();
                var aCols = new RV<float, D32, Align>();
                Warp.Load(a, x, new Coord(0, 0));
                Reduce(a, aRows, aCols, scale);
                Warp.Store(rows, aRows, new Coord(0, 0));
                Warp.Store(cols, aCols, new Coord(0, 0));
                var b = new RT<bf16, D16, D32, Col>();
                var bRows = new RV<float, D16, Align>();
                var bCols = new RV<float, D32, Ortho>();
                Warp.Load(b, xb, new Coord(0, 0));
                Reduce(b, bRows, bCols, scale);
                Warp.Store(rows, bRows, new Coord(0, 1, 0, 0));
                Warp.Store(cols, bCols, new Coord(0, 1, 0, 0));
            }

            /// <summary>Every layout-pairing op once, on a tile of either layout and its two vectors.</summary>
            [DeviceFunction]
            private static void Reduce<T, U, R, C, L, VR, VC>(RT<T, R, C, L> t, RV<U, R, VC> perRow, RV<U, C, VR> perCol, float scale)
                where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
                where L : struct, IColVecLayout<VC>, IRowVecLayout<VR>
                where VR : struct, IVecLayout where VC : struct, IVecLayout
            {
                var max = new RV<U, R, VC>();
                Warp.RowMax(max, t);
                Warp.RowMax(max, t, max);
                Warp.RowSum(perRow, t);
                Warp.RowSum(perRow, t, perRow);
                Warp.ColMax(perCol, t);
                Warp.ColMax(perCol, t, perCol);
                Warp.ColSum(perCol, t);
                Warp.ColSum(perCol, t, perCol);
                Warp.AddRow(t, t, perRow);
                Warp.SubRow(t, t, max);
                Warp.MulRow(t, t, perRow);
                Warp.DivRow(t, t, perRow);
                Warp.AddCol(t, t, perCol);
                Warp.SubCol(t, t, perCol);
                Warp.MulCol(t, t, perCol);
                Warp.DivCol(t, t, perCol);
                Warp.Exp2AffineRow(t, t, scale, max);
            }
        }
        """;

    private static readonly Lazy<Run> s_run = new(() => Generate(("Layouts/LayoutKernels.cs", Source)));

    /// <summary>The calls of <c>Reduce</c>'s body in order, as each binding writes them.</summary>
    private static readonly string[] s_body =
    [
        "kittens::warp::row_max(max, t);",
        "kittens::warp::row_max(max, t, max);",
        "kittens::warp::row_sum(perRow, t);",
        "kittens::warp::row_sum(perRow, t, perRow);",
        "kittens::warp::col_max(perCol, t);",
        "kittens::warp::col_max(perCol, t, perCol);",
        "kittens::warp::col_sum(perCol, t);",
        "kittens::warp::col_sum(perCol, t, perCol);",
        "kittens::warp::add_row(t, t, perRow);",
        "kittens::warp::sub_row(t, t, max);",
        "kittens::warp::mul_row(t, t, perRow);",
        "kittens::warp::div_row(t, t, perRow);",
        "kittens::warp::add_col(t, t, perCol);",
        "kittens::warp::sub_col(t, t, perCol);",
        "kittens::warp::mul_col(t, t, perCol);",
        "kittens::warp::div_col(t, t, perCol);",
        "kittens::warp::exp2_affine_row(t, t, scale, max);",
    ];

    [Fact]
    public void OneDeviceFunction_IsWrittenPerLayout_WithTheMatchingVectorLayouts()
    {
        var run = s_run.Value;
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error));
        var cuda = run.Kernel("Run").CudaSource;
        var row = Function(cuda, "reduce(kittens::rt<float, 16, 32, kittens::row_l>& t, kittens::rv<float, 16, kittens::ortho_l>& perRow, kittens::rv<float, 32, kittens::align_l>& perCol, float scale)");
        var col = Function(cuda, "reduce_2(kittens::rt<kittens::bf16, 16, 32, kittens::col_l>& t, kittens::rv<float, 16, kittens::align_l>& perRow, kittens::rv<float, 32, kittens::ortho_l>& perCol, float scale)");
        Assert.Contains("kittens::rv<float, 16, kittens::ortho_l> max;", row, StringComparison.Ordinal);
        Assert.Contains("kittens::rv<float, 16, kittens::align_l> max;", col, StringComparison.Ordinal);
        Assert.Equal(s_body, Calls(row));
        Assert.Equal(s_body, Calls(col));
        Assert.Contains("reduce(a, aRows, aCols, scale);", cuda, StringComparison.Ordinal);
        Assert.Contains("reduce_2(b, bRows, bCols, scale);", cuda, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sm_80")]
    [InlineData("sm_90a")]
    public void BothBindings_CompileWithNvrtc(string arch)
    {
        NvrtcCompileTests.RequireNvrtc();
        var source = new KernelSource(CudaNames.EntryPoint("Run"), s_run.Value.Kernel("Run").CudaSource, "Layouts/LayoutKernels.cs", 32, 1, 0);
        var compiled = KernelCompiler.Compile(source, arch);
        Assert.NotEmpty(compiled.Cubin);
        Assert.DoesNotContain("warning", compiled.Log, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Warp.RowMax(orthoR, rowTile);", true)]
    [InlineData("Warp.RowMax(alignR, colTile, alignR);", true)]
    [InlineData("Warp.ColSum(alignC, rowTile);", true)]
    [InlineData("Warp.AddCol(colTile, colTile, orthoC);", true)]
    [InlineData("Warp.Exp2AffineRow(colTile, colTile, 0.5f, alignR);", true)]
    [InlineData("Warp.RowMax(alignR, rowTile);", false)]
    [InlineData("Warp.RowSum(orthoR, colTile, orthoR);", false)]
    [InlineData("Warp.RowMax(orthoR, rowTile, alignR);", false)]
    [InlineData("Warp.ColMax(orthoC, rowTile);", false)]
    [InlineData("Warp.MulRow(rowTile, rowTile, alignR);", false)]
    [InlineData("Warp.DivCol(colTile, colTile, alignC);", false)]
    [InlineData("Warp.Exp2AffineRow(rowTile, rowTile, 0.5f, alignR);", false)]
    [InlineData("Unconstrained(rowTile, orthoR);", false)]
    public void AVectorOfTheWrongLayout_IsACSharpErrorAtTheCall(string call, bool compiles)
    {
        bool generic = call.StartsWith("Unconstrained", StringComparison.Ordinal);
        var source = Kernel($$"""
                    var rowTile = new RT<float, D16, D32, Row>();
                    var colTile = new RT<float, D16, D32, Col>();
                    var orthoR = new RV<float, D16, Ortho>();
                    var alignR = new RV<float, D16, Align>();
                    var orthoC = new RV<float, D32, Ortho>();
                    var alignC = new RV<float, D32, Align>();
                    {{call}}
            """, members: generic ? UnconstrainedLayout : "");
        var errors = Compile(("Tests/K.cs", source)).GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(e => e.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(compiles == (errors.Count == 0), string.Join("\n", errors));
        // The error is at the op's call: the kernel's line, or the device function's for a generic L.
        int line = generic ? 11 : 19;
        Assert.All(errors, e => Assert.Equal(line, e.Location.GetLineSpan().StartLinePosition.Line + 1));
    }

    /// <summary>A device function whose L says nothing about its vectors, so no vector layout pairs with it.</summary>
    private const string UnconstrainedLayout = """
        // A tile layout alone names no vector layout.
        [DeviceFunction]
        static void Unconstrained<L>(RT<float, D16, D32, L> t, RV<float, D16, Ortho> v) where L : struct, ITileLayout => Warp.RowMax(v, t);
        """;

    private static string Function(string cuda, string signature)
    {
        int start = cuda.IndexOf(signature, StringComparison.Ordinal);
        Assert.True(start >= 0, "no device function " + signature + " in\n" + cuda);
        int end = cuda.IndexOf("\n}", start, StringComparison.Ordinal);
        return cuda[start..end];
    }

    private static string[] Calls(string function) =>
        function.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("kittens::warp::", StringComparison.Ordinal)).ToArray();
}
