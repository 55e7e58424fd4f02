using static Kittens.Generator.Tests.GeneratorHarness;

namespace Kittens.Generator.Tests;

/// <summary>The translation of the C# subset, beyond what the examples use.</summary>
public sealed class TranslationTests
{
    private const string KitchenSinkSource = """
        using System;
        using Kittens;

        namespace Tests.Sink;

        public static partial class Outer
        {
            public partial struct Inner
            {
                private const float Scale = 0.5f;

                [DeviceFunction]
                private static float Square(float v) => v * v;

                [DeviceFunction]
                private static float Norm(RT<float, D16, D16, Row> tile, GL<float> g, ref int calls, float bias)
                {
                    calls++;
                    Warp.Mul(tile, tile, Scale);
                    return Square(bias) + g.Rows;
                }

                [Kernel(Threads = 64, MinBlocksPerSm = 2)]
                public static void KitchenSink([Shape(1, "D", 16, 16)] GL<float> g, int n, uint mask, long big, bool flag, float bias)
                {
                    const int Steps = 3;
                    var tile = new RT<float, D16, D16, Row>();
                    var stages = Shared.Alloc<ST<float, D16, D16>>(2);
                    var sums = Shared.Alloc<SV<float, D16>>();
                    var first = stages[1];
                    int calls = 0;
                    int register = ThreadIdx.X + BlockDim.X * (Gpu.LaneId + 1);
                    int max = DeviceMath.Max(register, 4);
                    long wide = n + mask;
                    uint bits = (mask >> 3) & 0xFFu | (uint)(n << 2);
                    float r = (float)n / 3 + 2f;
                    float m = r % 1.5f;
                    double d = 1e-3 * Math.PI;
                    float special = flag ? float.PositiveInfinity : -0.0f;
                    float tiny = 1e-3f - 1e20f + -1.5f;
                    int minInt = int.MinValue;
                    bool both = flag && n > 0 || !flag && n < -1;
                    Warp.Load(tile, g, new Coord(0, 0));
                    Warp.Store(first, tile);
                    if (n > Steps)
                    {
                        n -= -2;
                    }
                    else if (n == 0)
                    {
                        return;
                    }
                    else
                    {
                        n = n * 2;
                    }
                    int i = 0;
                    while (i < n)
                    {
                        i++;
                        if (i % 2 == 0) continue;
                        if (i > 10) break;
                    }
                    do
                    {
                        --i;
                    } while (i > 0);
                    for (int a = 0, b = Steps; a < b; a++, b--)
                    {
                        r += Norm(tile, g, ref calls, bias) * DeviceMath.Exp(-r);
                    }
                    Warp.Store(g, tile, new Coord(0, 0, BlockIdx.X, (int)big));
                    Gpu.SyncThreads();
                }
            }
        }
        """;

    private static readonly Lazy<Run> s_run = new(() => Generate(("Sink/KitchenSink.cs", KitchenSinkSource)));

    [Fact]
    public void KitchenSink_HasNoDiagnostics() => Assert.Empty(s_run.Value.Diagnostics);

    [Fact]
    public void KitchenSink_Cuda() => Snapshot.Verify(s_run.Value.Kernel("KitchenSink").CudaSource);

    [Fact]
    public void KitchenSink_Launcher() => Snapshot.Verify(s_run.Value.Kernel("KitchenSink").LauncherSource, "cs");

    [Fact]
    public void DeviceFunctions_ComeBeforeTheirCallers()
    {
        var cuda = s_run.Value.Kernel("KitchenSink").CudaSource;
        int square = cuda.IndexOf("float square(", StringComparison.Ordinal);
        int norm = cuda.IndexOf("float norm(", StringComparison.Ordinal);
        int kernel = cuda.IndexOf("extern \"C\"", StringComparison.Ordinal);
        Assert.True(square >= 0 && square < norm && norm < kernel, cuda);
    }

    [Fact]
    public void SharedBytes_AreAlignedAllocationsPlusTheBase()
    {
        // st<float,16,16> = 1024 bytes x 2, then sv<float,16> = 64 bytes on the next 1024 boundary
        // (2048, nothing after it is padded), plus 1024 for the base: 2112 + 1024.
        Assert.Contains(", 64, 2, 3136);", s_run.Value.Kernel("KitchenSink").LauncherSource, StringComparison.Ordinal);
        Assert.Contains("static_assert(sizeof(kittens::sv<float, 16>) == 64,", s_run.Value.Kernel("KitchenSink").CudaSource, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSharedMemory_MeansNoAllocator()
    {
        var cuda = Generate(("Tests/K.cs", Kernel("        int a = 1;"))).Kernel("Run").CudaSource;
        Assert.DoesNotContain("kittens_alloc", cuda, StringComparison.Ordinal);
        Assert.DoesNotContain("static_assert", cuda, StringComparison.Ordinal);
    }

    [Fact]
    public void ProjectDirectory_MakesLinePathsRelative()
    {
        var run = Generate("/home/me/proj/", ("/home/me/proj/Kernels/K.cs", Kernel("        int a = 1;")));
        var kernel = run.Kernel("Run");
        Assert.Contains("#line 13 \"Kernels/K.cs\"", kernel.CudaSource, StringComparison.Ordinal);
        Assert.DoesNotContain("/home/me", kernel.CudaSource, StringComparison.Ordinal);
        Assert.Contains("\"Kernels/K.cs\", 32, 1, 0);", kernel.LauncherSource, StringComparison.Ordinal);
    }

    [Fact]
    public void FilesOutsideTheProject_KeepTheirPath()
    {
        var run = Generate("/home/me/proj", ("/elsewhere/K.cs", Kernel("        int a = 1;")));
        Assert.Contains("#line 13 \"/elsewhere/K.cs\"", run.Kernel("Run").CudaSource, StringComparison.Ordinal);
    }

    [Fact]
    public void WindowsPaths_AreEscapedInLineDirectives()
    {
        var run = Generate(("C:\\src\\K.cs", Kernel("        int a = 1;")));
        Assert.Contains("#line 13 \"C:\\\\src\\\\K.cs\"", run.Kernel("Run").CudaSource, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AttendForward", "attend_forward")]
    [InlineData("RowSoftmax", "row_softmax")]
    [InlineData("Gemm", "gemm")]
    [InlineData("GEMMKernel", "gemm_kernel")]
    [InlineData("MmaABt", "mma_a_bt")]
    [InlineData("Layer2Norm", "layer2_norm")]
    [InlineData("Main", "main_kernel")]
    public void EntryPoint_IsSnakeCase(string method, string entryPoint) =>
        Assert.Equal(entryPoint, Translation.CudaNames.EntryPoint(method));

    [Fact]
    public void LocalsNamedLikeCalledFunctions_AreRenamed()
    {
        var cuda = Generate(("Tests/K.cs", Kernel("        int max = 3;\n        int m = DeviceMath.Max(max, 4);"))).Kernel("Run").CudaSource;
        Assert.Contains("int max_ = 3;", cuda, StringComparison.Ordinal);
        Assert.Contains("int m = max(max_, 4);", cuda, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpressionBodiedDeviceFunctions_AndNamesThatWouldHideThem()
    {
        var cuda = Generate(("Tests/K.cs", Kernel(
            "        var t = new RT<float, D16, D16, Row>();\n        int clear = 1;\n        Clear(t);",
            parameters: "GL<float> x, int clear_",
            members: "[DeviceFunction] static void Clear(RT<float, D16, D16, Row> t) => Warp.Zero(t);"))).Kernel("Run").CudaSource;
        Assert.Contains("__device__ __forceinline__ void clear(kittens::rt<float, 16, 16, kittens::row_l>& t) {\n#line 9 \"Tests/K.cs\"\n    kittens::warp::zero(t);\n}", cuda, StringComparison.Ordinal);
        Assert.Contains("const int clear_)", cuda, StringComparison.Ordinal);
        Assert.Contains("int clear_2 = 1;", cuda, StringComparison.Ordinal);
        Assert.Contains("    clear(t);", cuda, StringComparison.Ordinal);
    }

    [Fact]
    public void ADeviceFunctionNamedLikeACudaMathFunction_IsRenamed()
    {
        var cuda = Generate(("Tests/K.cs", Kernel("        float m = Max(1f, 2f);", members: "[DeviceFunction] static float Max(float a, float b) => a > b ? a : b;"))).Kernel("Run").CudaSource;
        Assert.Contains("float max_(float a, float b)", cuda, StringComparison.Ordinal);
        Assert.Contains("float m = max_(1.0f, 2.0f);", cuda, StringComparison.Ordinal);
    }

    [Fact]
    public void LineDiff_ShowsChangedLinesWithContext()
    {
        var diff = LineDiff.Unified("a\nb\nc\nd\ne\nf", "a\nb\nC\nd\ne\nf\ng");
        Assert.Equal("@@ expected line 1, received line 1 @@\n  a\n  b\n- c\n+ C\n  d\n  e\n  f\n+ g\n", diff.Replace("\r\n", "\n"));
    }
}
