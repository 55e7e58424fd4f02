using Kittens.Generator.Translation;
using Kittens.Runtime;
using static Kittens.Generator.Tests.GeneratorHarness;

namespace Kittens.Generator.Tests;

/// <summary>
/// Generic kernels: one [Kernel] method, one kernel per [KernelInstance], with dims and schedule
/// types bound, schedule members folded to literals, decided branches pruned, generic device
/// functions instantiated per binding, and errors that name the instance they occur in.
/// </summary>
public sealed class GenericKernelTests
{
    internal const string Source = """
        using Kittens;

        namespace Tests.Generic;

        public interface IRowSchedule
        {
            static abstract int Warps { get; }
            static abstract bool Scale { get; }
        }

        public readonly struct Narrow : IRowSchedule
        {
            public static int Warps => 2;
            public static bool Scale => false;
        }

        public readonly struct Wide : IRowSchedule
        {
            public const int WarpCount = 4;
            public static int Warps => WarpCount;
            public static bool Scale => true;
        }

        public static partial class GenericKernels
        {
            /// <summary>Row softmax of (rows x TCols) tiles: each warp owns 16 rows, TSchedule.Warps warps a block.</summary>
            [Kernel(Threads = 64)]
            [KernelInstance("SoftmaxD64", typeof(D64), typeof(Narrow))]
            [KernelInstance("SoftmaxD128", typeof(D128), typeof(Wide), Threads = Wide.WarpCount * 32)]
            public static void Softmax<TCols, TSchedule>(
                [Shape(1, 1, "R", nameof(TCols))] GL<float> x,
                [Shape(1, 1, "R", nameof(TCols)), Tma] GL<float> y,
                float scale)
                where TCols : struct, IDim
                where TSchedule : struct, IRowSchedule
            {
                int warps = TSchedule.Warps;
                int band = BlockIdx.X * warps + Gpu.WarpId;
                var t = new RT<float, D16, TCols, Row>();
                var unused = new RT<float, D16, TCols, Row>();
                var staged = Shared.Alloc<ST<float, D16, TCols>>(warps);
                Warp.Load(t, x, new Coord(band, 0));
                if (TSchedule.Scale)
                {
                    Warp.Mul(t, t, scale);
                }
                else
                {
                    Warp.Copy(unused, t);
                    Warp.Copy(t, unused);
                }
                Normalize(t);
                int cols = Dims.Of<TCols>() * (TSchedule.Scale ? 2 : 1);
                Warp.Store(staged[Gpu.WarpId], t);
                if (Gpu.LaneId == 0 && band * cols >= 0 && TSchedule.Warps > 0)
                {
                    Tma.Store(y, staged[Gpu.WarpId], new Coord(band, 0));
                    Tma.StoreCommit();
                    Tma.StoreWait(0);
                }
            }

            [DeviceFunction]
            private static void Normalize<TCols>(RT<float, D16, TCols, Row> t) where TCols : struct, IDim
            {
                var max = new RV<float, D16, Ortho>();
                var sum = new RV<float, D16, Ortho>();
                Warp.RowMax(max, t);
                Warp.SubRow(t, t, max);
                Warp.Exp(t, t);
                Warp.RowSum(sum, t);
                Warp.DivRow(t, t, sum);
            }
        }
        """;

    private static readonly Lazy<Run> s_run = new(() => Generate(("Generic/GenericKernels.cs", Source)));

    [Fact]
    public void EachInstance_IsItsOwnKernel_WithoutDiagnostics()
    {
        var run = s_run.Value;
        Assert.Empty(run.Diagnostics);
        Assert.Contains("SoftmaxD64", run.Kernels.Keys);
        Assert.Contains("SoftmaxD128", run.Kernels.Keys);
        Assert.DoesNotContain("Softmax", run.Kernels.Keys);
        Assert.Contains("public static class SoftmaxD128Kernel", run.Kernel("SoftmaxD128").LauncherSource, StringComparison.Ordinal);
        Assert.Contains("\"softmax_d128\"", run.Kernel("SoftmaxD128").LauncherSource, StringComparison.Ordinal);
    }

    [Fact]
    public void SoftmaxD64_Cuda() => Snapshot.Verify(s_run.Value.Kernel("SoftmaxD64").CudaSource);

    [Fact]
    public void SoftmaxD128_Cuda() => Snapshot.Verify(s_run.Value.Kernel("SoftmaxD128").CudaSource);

    [Fact]
    public void SoftmaxD128_Launcher() => Snapshot.Verify(s_run.Value.Kernel("SoftmaxD128").LauncherSource, "cs");

    [Fact]
    public void ScheduleMembers_FoldToLiterals_AndDecidedBranchesArePruned()
    {
        var narrow = s_run.Value.Kernel("SoftmaxD64").CudaSource;
        var wide = s_run.Value.Kernel("SoftmaxD128").CudaSource;
        Assert.Contains("(int)blockIdx.x * 2", narrow, StringComparison.Ordinal);
        Assert.Contains("(int)blockIdx.x * 4", wide, StringComparison.Ordinal);
        Assert.Contains("kittens::warp::mul(t, t, scale)", wide, StringComparison.Ordinal);
        Assert.DoesNotContain("kittens::warp::mul(t, t, scale)", narrow, StringComparison.Ordinal);
        Assert.DoesNotContain("unused", wide, StringComparison.Ordinal);
        // Locals the binding makes constant are written as their values; a decided '&& true' goes.
        Assert.Contains("if (kittens::laneid() == 0 && band * 64 >= 0) {", narrow, StringComparison.Ordinal);
        Assert.Contains("if (kittens::laneid() == 0 && band * 256 >= 0) {", wide, StringComparison.Ordinal);
        Assert.DoesNotContain("warps", wide, StringComparison.Ordinal);
        Assert.Contains("allocate<kittens::st<float, 16, 64>, 2>", narrow, StringComparison.Ordinal);
        Assert.Contains("allocate<kittens::st<float, 16, 128>, 4>", wide, StringComparison.Ordinal);
    }

    [Fact]
    public void LaunchSettings_Shapes_AndInferredTensorMaps_ArePerInstance()
    {
        var narrow = s_run.Value.Kernel("SoftmaxD64");
        var wide = s_run.Value.Kernel("SoftmaxD128");
        Assert.Contains("__launch_bounds__(64, 1)", narrow.CudaSource, StringComparison.Ordinal);
        Assert.Contains("__launch_bounds__(128, 1)", wide.CudaSource, StringComparison.Ordinal);
        Assert.Contains("new(1, 1, \"R\", 128)", wide.LauncherSource, StringComparison.Ordinal);
        Assert.Contains("TmaBox.Tile(16, 128)", wide.LauncherSource, StringComparison.Ordinal);
        Assert.Contains("kittens::gl<float, kittens::st<float, 16, 64>> y", narrow.CudaSource, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SoftmaxD64", 32 * 64 * 4)]
    [InlineData("SoftmaxD128", 64 * 128 * 4)]
    public void EachInstance_CompilesWithNvrtc(string kernel, int sharedTiles)
    {
        NvrtcCompileTests.RequireNvrtc();
        var generated = s_run.Value.Kernel(kernel);
        var source = new KernelSource(CudaNames.EntryPoint(kernel), generated.CudaSource, "Generic/GenericKernels.cs", 32, 1, sharedTiles + 1024);
        var compiled = KernelCompiler.Compile(source, "sm_90a");
        Assert.NotEmpty(compiled.Cubin);
        Assert.DoesNotContain("warning", compiled.Log, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ASharedAllocation_OnlyADroppedBranchReads_IsNeitherDeclaredNorReserved()
    {
        var run = Generate(("Tests/K.cs", """
            using Kittens;
            public interface IStaging { static abstract bool Staged { get; } }
            public readonly struct Staged : IStaging { public static bool Staged => true; }
            public readonly struct Direct : IStaging { public static bool Staged => false; }
            public static partial class K
            {
                [Kernel(Threads = 32)]
                [KernelInstance("RunStaged", typeof(Staged))]
                [KernelInstance("RunDirect", typeof(Direct))]
                public static void Run<TStaging>(GL<float> y) where TStaging : struct, IStaging
                {
                    var t = new RT<float, D16, D64, Row>();
                    var staging = Shared.Alloc<ST<float, D16, D64>>(2);
                    Warp.Zero(t);
                    if (TStaging.Staged)
                    {
                        Warp.Store(staging[0], t);
                    }
                    else
                    {
                        Warp.Store(y, t, new Coord(0, 0), 7);
                    }
                }
            }
            """));
        Assert.Empty(run.Diagnostics);
        var staged = run.Kernel("RunStaged");
        var direct = run.Kernel("RunDirect");
        Assert.Contains("kittens_alloc.allocate<kittens::st<float, 16, 64>, 2>()", staged.CudaSource, StringComparison.Ordinal);
        Assert.DoesNotContain("staging", direct.CudaSource, StringComparison.Ordinal);
        Assert.Contains("kittens::warp::store(y, t, kittens::coord{0, 0}, 7);", direct.CudaSource, StringComparison.Ordinal);
        Assert.True(SharedBytes(staged.LauncherSource) >= SharedBytes(direct.LauncherSource) + 2 * 16 * 64 * 4);
    }

    /// <summary>The shared bytes a launcher's KernelSource asks for (its last argument).</summary>
    private static int SharedBytes(string launcher) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(launcher, @", \d+, \d+, (\d+)\);").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void DimsOf_FoldsInANonGenericKernelToo()
    {
        var run = Generate(("Tests/K.cs", Kernel("        int n = Dims.Of<D64>() * 2;")));
        Assert.Empty(run.Diagnostics);
        Assert.Contains("int n = 64 * 2;", run.Kernel("Run").CudaSource, StringComparison.Ordinal);
    }

    [Fact]
    public void AGenericDeviceFunction_IsWrittenOncePerBinding()
    {
        var run = Generate(("Tests/K.cs", """
            using Kittens;
            public static partial class K
            {
                [Kernel(Threads = 32)]
                public static void Run(GL<float> x)
                {
                    var a = new RT<float, D16, D32, Row>();
                    var b = new RT<float, D16, D64, Row>();
                    Clear(a);
                    Clear(b);
                    Clear(a);
                }

                [DeviceFunction]
                static void Clear<TCols>(RT<float, D16, TCols, Row> t) where TCols : struct, IDim => Warp.Zero(t);
            }
            """));
        Assert.Empty(run.Diagnostics);
        var cuda = run.Kernel("Run").CudaSource;
        Assert.Contains("void clear(kittens::rt<float, 16, 32, kittens::row_l>& t)", cuda, StringComparison.Ordinal);
        Assert.Contains("void clear_2(kittens::rt<float, 16, 64, kittens::row_l>& t)", cuda, StringComparison.Ordinal);
        Assert.Equal(2, cuda.Split("clear(a);").Length - 1);
        Assert.Single(cuda.Split("clear_2(b);").Skip(1));
    }

    [Fact]
    public void AnErrorInOneInstance_NamesThatInstance_AtTheCSharpLine()
    {
        var source = """
            using Kittens;
            public interface IStages { static abstract int Count { get; } }
            public readonly struct Two : IStages { public static int Count => 2; }
            public readonly struct None : IStages { public static int Count => 0; }
            public static partial class K
            {
                [Kernel(Threads = 32)]
                [KernelInstance("RunTwo", typeof(Two))]
                [KernelInstance("RunNone", typeof(None))]
                public static void Run<TStages>(GL<float> x) where TStages : struct, IStages
                {
                    var tiles = Shared.Alloc<ST<float, D16, D16>>(TStages.Count); /*here*/
                }
            }
            """;
        var run = Generate(("Tests/K.cs", source));
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KIT0402", diagnostic.Id);
        Assert.EndsWith("(in kernel instance 'RunNone')", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        int line = source.Split('\n').Select((text, index) => (text, index)).First(l => l.text.Contains("/*here*/", StringComparison.Ordinal)).index;
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        // The good instance still gets its kernel; the bad one a launcher whose CUDA is an #error.
        Assert.DoesNotContain("#error", run.Kernel("RunTwo").CudaSource, StringComparison.Ordinal);
        Assert.Contains("#error", run.Kernel("RunNone").CudaSource, StringComparison.Ordinal);
    }

    [Fact]
    public void AnErrorInEveryInstance_IsReportedOnce_WithoutAnInstanceName()
    {
        var run = Generate(("Tests/K.cs", """
            using Kittens;
            public static partial class K
            {
                [Kernel(Threads = 32)]
                [KernelInstance("RunA", typeof(D16))]
                [KernelInstance("RunB", typeof(D32))]
                public static void Run<TDim>(GL<float> x) where TDim : struct, IDim
                {
                    var s = "text";
                }
            }
            """));
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KIT0104", diagnostic.Id);
        Assert.DoesNotContain("instance", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[KernelInstance(\"RunA\")]", "gives 0 type arguments, but 'Run' has 1 type parameter (TDim)")]
    [InlineData("[KernelInstance(\"RunA\", typeof(D16), typeof(D32))]", "gives 2 type arguments")]
    [InlineData("[KernelInstance(\"class\", typeof(D16))]", "not a C# identifier")]
    [InlineData("[KernelInstance(\"RunA\", typeof(int))]", "binds TDim to 'int', which does not satisfy its constraint 'IDim'")]
    public void InvalidInstances_SayWhy(string instance, string reason)
    {
        var run = Generate(("Tests/K.cs", $$"""
            using Kittens;
            public static partial class K
            {
                [Kernel(Threads = 32)]
                {{instance}}
                public static void Run<TDim>(GL<float> x) where TDim : struct, IDim { }
            }
            """));
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KIT0016", diagnostic.Id);
        Assert.Contains(reason, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void AnInstanceNamedLikeAnotherKernel_IsADuplicate()
    {
        var run = Generate(("Tests/K.cs", """
            using Kittens;
            public static partial class K
            {
                [Kernel(Threads = 32)] public static void RunA(GL<float> x) { }

                [Kernel(Threads = 32)]
                [KernelInstance("runa", typeof(D16))]
                public static void Run<TDim>(GL<float> x) where TDim : struct, IDim { }
            }
            """));
        Assert.Equal("KIT0011", Assert.Single(run.Diagnostics).Id);
    }

    [Fact]
    public void AnInstanceThreadsOverride_IsChecked_NamingTheInstance()
    {
        var run = Generate(("Tests/K.cs", """
            using Kittens;
            public static partial class K
            {
                [Kernel(Threads = 32)]
                [KernelInstance("RunA", typeof(D16), Threads = 40)]
                public static void Run<TDim>(GL<float> x) where TDim : struct, IDim { }
            }
            """));
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KIT0007", diagnostic.Id);
        Assert.Contains("'RunA'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
