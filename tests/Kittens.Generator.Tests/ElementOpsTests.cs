using Kittens.Generator.Translation;
using Kittens.Runtime;
using static Kittens.Generator.Tests.GeneratorHarness;

namespace Kittens.Generator.Tests;

/// <summary>
/// Scalar element access (GL and SV indexers: reads, writes, compound assignment, ref arguments),
/// global atomics and the activation maps: their translation, the refusals, and NVRTC compiles of
/// the result for the oldest and newest targets.
/// </summary>
public sealed class ElementOpsTests
{
    private const string Source = """
        using Kittens;

        namespace Tests.Elements;

        public static partial class Epilogues
        {
            [DeviceFunction]
            private static void Bump(GL<int> counts, int row) => Atomic.Add(ref counts[row, 0], 1);

            [Kernel(Threads = 32)]
            public static void Elementwise(GL<float> x, GL<bf16> y, GL<int> counts, GL<uint> bits, GL<f16> h, float scale)
            {
                var tile = new RT<float, D16, D32, Row>();
                var column = new RT<bf16, D16, D32, Col>();
                var vec = new RV<f16, D16, Ortho>();
                var stage = Shared.Alloc<SV<float, D32>>();
                Warp.Load(tile, x, new Coord(0, 0));
                Warp.Sqrt(tile, tile);
                Warp.Rsqrt(tile, tile);
                Warp.Tanh(tile, tile);
                Warp.Sigmoid(tile, tile);
                Warp.Gelu(tile, tile);
                Warp.GeluTanh(tile, tile);
                Warp.Load(column, y, new Coord(0, 0));
                Warp.Gelu(column, column);
                Warp.Sigmoid(vec, vec);
                Warp.GeluTanh(vec, vec);
                int lane = Gpu.LaneId;
                stage[lane] = x[0, 0, lane / 2, lane % 2] * scale;
                stage[lane] += 1f;
                Gpu.SyncThreads();
                float v = stage[(lane + 1) % 32];
                x[0, 1, lane, 0] = DeviceMath.Gelu(v) + DeviceMath.GeluTanh(v) + DeviceMath.Sigmoid(v) + DeviceMath.Tanh(v) + DeviceMath.Erf(v);
                x[lane, 3] -= v;
                x[0, 0, 0, lane]++;
                y[0, 0, lane, 1] = (bf16)(v * 2f);
                float old = Atomic.Add(ref x[0, 2, 0, lane % 4], v);
                Atomic.Max(ref x[0, 2, 1, 0], old);
                Atomic.Min(ref x[0, 2, 1, 1], -old);
                Atomic.Max(ref counts[0, 0, 1, lane], lane - 16);
                Atomic.Min(ref counts[0, 0, 2, lane], lane);
                Atomic.Add(ref bits[0, 0, 0, 0], 1u);
                Atomic.Max(ref bits[1, lane], (uint)lane);
                Atomic.AddPair(ref y[0, 0, 3, 2 * lane], v, -v);
                Atomic.AddPair(ref h[0, 0, 0, 2 * lane], v, 1f);
                Bump(counts, lane);
            }
        }
        """;

    private static readonly Lazy<Run> s_run = new(() => Generate(("Elements/Epilogues.cs", Source)));

    [Fact]
    public void Elementwise_HasNoDiagnostics()
    {
        Assert.Empty(s_run.Value.Input.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Empty(s_run.Value.Diagnostics);
    }

    [Fact]
    public void Elementwise_Cuda() => Snapshot.Verify(s_run.Value.Kernel("Elementwise").CudaSource);

    [Fact]
    public void Indexers_AreLvaluesWithoutExtraParentheses()
    {
        var cuda = s_run.Value.Kernel("Elementwise").CudaSource;
        Assert.Contains("stage[lane] = x(0, 0, lane / 2, lane % 2) * scale;", cuda, StringComparison.Ordinal);
        Assert.Contains("stage[lane] += 1.0f;", cuda, StringComparison.Ordinal);
        Assert.Contains("x(0, 0, lane, 3) -= v;", cuda, StringComparison.Ordinal);
        Assert.Contains("x(0, 0, 0, lane)++;", cuda, StringComparison.Ordinal);
        Assert.Contains("stage[(lane + 1) % 32]", cuda, StringComparison.Ordinal);
        Assert.Contains("kittens::atomic_add_pair(y(0, 0, 3, 2 * lane), v, -v);", cuda, StringComparison.Ordinal);
    }

    [Fact]
    public void IntegerTensors_AreLaunchedWithIntegerDeviceTensors()
    {
        var launcher = s_run.Value.Kernel("Elementwise").LauncherSource;
        Assert.Contains("DeviceTensor<int> counts", launcher, StringComparison.Ordinal);
        Assert.Contains("DeviceTensor<uint> bits", launcher, StringComparison.Ordinal);
        Assert.Contains("kittens::gl<int> counts", s_run.Value.Kernel("Elementwise").CudaSource, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sm_80")]
    [InlineData("sm_90a")]
    public void Elementwise_CompilesWithNvrtc(string arch)
    {
        NvrtcCompileTests.RequireNvrtc();
        var generated = s_run.Value.Kernel("Elementwise");
        var source = new KernelSource(CudaNames.EntryPoint("Elementwise"), generated.CudaSource, "Elements/Epilogues.cs", 32, 1, 0);
        var compiled = KernelCompiler.Compile(source, arch);
        Assert.NotEmpty(compiled.Cubin);
        Assert.DoesNotContain("warning", compiled.Log, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("""
                var s = Shared.Alloc<SV<float, D16>>();
                Atomic.Max(ref s[0], 1f); /*here*/
        """)]
    [InlineData("""
                int n = 0;
                Atomic.Min(ref n, 3); /*here*/
        """)]
    public void AtomicOnAnythingButATensorElement_IsKIT0311(string body)
    {
        var source = Kernel(body);
        var diagnostic = Assert.Single(Generate(("Tests/K.cs", source)).Diagnostics);
        Assert.Equal("KIT0311", diagnostic.Id);
        Assert.Equal(LineOf(source, "/*here*/"), diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void TensorOfAnUnsupportedElementType_IsKIT0202()
    {
        var source = Kernel("", parameters: "GL<float> x,\n        GL<double> y /*here*/");
        var diagnostic = Assert.Single(Generate(("Tests/K.cs", source)).Diagnostics);
        Assert.Equal("KIT0202", diagnostic.Id);
        Assert.Equal(LineOf(source, "/*here*/"), diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void IntegerTiles_AreStillKIT0202()
    {
        var diagnostic = Assert.Single(Generate(("Tests/K.cs", Kernel("        var t = new RT<int, D16, D16, Row>();"))).Diagnostics);
        Assert.Equal("KIT0202", diagnostic.Id);
    }

    private static int LineOf(string source, string marker) =>
        source.Split('\n').Select((text, index) => (text, index)).First(l => l.text.Contains(marker, StringComparison.Ordinal)).index;
}
