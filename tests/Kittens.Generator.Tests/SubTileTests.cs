using System.Text;
using Kittens.Generator.Translation;
using Kittens.Runtime;
using static Kittens.Generator.Tests.GeneratorHarness;

namespace Kittens.Generator.Tests;

/// <summary>
/// Bands of shared tiles (Rows, Cols, Sub), arrays of register tiles as locals, and arrays of
/// tiles and semaphores and sub-tiles as device-function parameters: what the generator writes,
/// that NVRTC takes it, and the shapes it refuses (KIT0206, KIT0207).
/// </summary>
public sealed class SubTileTests
{
    private static readonly Lazy<Run> s_run = new(() => Generate(("Tests/K.cs", """
        using Kittens;
        public static partial class K
        {
            [Kernel(Threads = 128)]
            public static void Run([Tma] GL<bf16> x, GL<float> y)
            {
                var t = Shared.Alloc<ST<bf16, D128, D128>>();
                var stages = Shared.Alloc<ST<bf16, D64, D64>>(2);
                var ready = Shared.Alloc<Semaphore>(2);
                var acc = new RT<float, D16, D64, Row>[2];
                int w = Gpu.WarpId % 4;
                if (ThreadIdx.X == 0)
                {
                    Sync.Init(ready[0], 0, 1);
                    Sync.Init(ready[1], 128, 0);
                    Tma.ExpectBytes(ready[0], 2 * 64 * 64 * 2);
                    Tma.Load(stages[0], x, new Coord(0, 0), ready[0]);
                    Tma.Load(stages[1], x, new Coord(1, 0), ready[0]);
                }
                Gpu.SyncThreads();
                Sync.Wait(ready[0], 0);
                var band = t.Rows<D64>(1);
                Warpgroup.MmAB(acc[0], stages[0], band.Cols<D64>(1));
                Warpgroup.MmABt(acc[1], t.Sub<D64, D64>(0, 1), stages[1]);
                Warpgroup.MmaCommit();
                Warpgroup.MmaWait(0, acc[1]);
                Accumulate(acc);
                Scale(t.Rows<D16>(w), acc[0]);
                Arrive(ready);
                Warp.Store(y, acc[0], new Coord(0, 0, w, 0));
            }

            [DeviceFunction]
            static void Accumulate(RT<float, D16, D64, Row>[] tiles)
            {
                for (int i = 1; i < tiles.Length; i++) Warp.Add(tiles[0], tiles[0], tiles[i]);
            }

            [DeviceFunction]
            static void Scale(ST<bf16, D16, D128> rows, RT<float, D16, D64, Row> d)
            {
                var r = new RT<float, D16, D64, Row>();
                Warp.Load(r, rows.Cols<D64>(0));
                Warp.Mul(d, d, r);
            }

            [DeviceFunction]
            static void Arrive(Semaphore[] semaphores) => Sync.Arrive(semaphores[1]);
        }
        """)));

    [Fact]
    public void BandsAndArrays_AreWrittenAsViewsAndArrayReferences()
    {
        var run = s_run.Value;
        Assert.Empty(run.Diagnostics);
        var cuda = run.Kernel("Run").CudaSource;
        Assert.Contains("kittens::rt<float, 16, 64, kittens::row_l> acc[2];", cuda, StringComparison.Ordinal);
        Assert.Contains("auto &band = kittens::row_band<64>(t, 1);", cuda, StringComparison.Ordinal);
        Assert.Contains("kittens::warpgroup::mm_AB(acc[0], stages[0], kittens::col_band<64>(band, 1));", cuda, StringComparison.Ordinal);
        Assert.Contains("kittens::warpgroup::mm_ABt(acc[1], kittens::subtile<64, 64>(t, 0, 1), stages[1]);", cuda, StringComparison.Ordinal);
        Assert.Contains("template <int N_tiles>\n__device__ __forceinline__ void accumulate(kittens::rt<float, 16, 64, kittens::row_l> (&tiles)[N_tiles])", cuda, StringComparison.Ordinal);
        Assert.Contains("i < kittens::extent(tiles)", cuda, StringComparison.Ordinal);
        Assert.Contains("template <int P_rows, int S_rows>\n__device__ __forceinline__ void scale(kittens::st<kittens::bf16, 16, 128, P_rows, S_rows>& rows, kittens::rt<float, 16, 64, kittens::row_l>& d)", cuda, StringComparison.Ordinal);
        Assert.Contains("scale(kittens::row_band<16>(t, w), acc[0]);", cuda, StringComparison.Ordinal);
        Assert.Contains("void arrive(kittens::semaphore (&semaphores)[N_semaphores])", cuda, StringComparison.Ordinal);
    }

    [Fact]
    public void BandsAndArrays_CompileWithNvrtc()
    {
        NvrtcCompileTests.RequireNvrtc();
        var generated = s_run.Value.Kernel("Run");
        var source = new KernelSource(CudaNames.EntryPoint("Run"), generated.CudaSource, "Tests/K.cs", 128, 1, 128 * 128 * 2 + 2 * 64 * 64 * 2 + 1024 + 1024);
        var compiled = KernelCompiler.Compile(source, "sm_90a");
        Assert.NotEmpty(compiled.Cubin);
        Assert.DoesNotContain("warning", compiled.Log, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("k.Rows<D48>(0)", "48 rows do not divide 64")]
    [InlineData("k.Cols<D32>(1)", "a column band must be whole swizzle chunks of 64 columns")]
    [InlineData("k.Rows<D16>(4)", "band 4 is outside the tile's 4 row bands")]
    [InlineData("k.Sub<D16, D64>(0, 2)", "band 2 is outside the tile's 2 column bands")]
    [InlineData("k.Cols<D256>(0)", "256 columns do not divide 128")]
    public void ABandThatDoesNotFit_IsKIT0207(string band, string why)
    {
        var run = Generate(("Tests/K.cs", Kernel($$"""
                    var k = Shared.Alloc<ST<bf16, D64, D128>>();
                    Use({{band}});
            """, members: "[DeviceFunction] static void Use<R, C>(ST<bf16, R, C> s) where R : struct, IDim where C : struct, IDim { }")));
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KIT0207", diagnostic.Id);
        Assert.Contains(why, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void AFloatTile_HasChunksOf32Columns()
    {
        var run = Generate(("Tests/K.cs", Kernel("""
                    var k = Shared.Alloc<ST<float, D16, D64>>();
                    var r = new RT<float, D16, D32, Row>();
                    var q = new RT<float, D16, D16, Row>();
                    Warp.Load(r, k.Cols<D32>(1));
                    Warp.Load(q, k.Cols<D16>(1));
            """)));
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Contains("whole swizzle chunks of 32 columns", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The generator's swizzle widths (SharedMemory.SwizzleBytes, which KIT0207 checks bands
    /// against) are the header's: NVRTC checks one static_assert per (dtype, columns).
    /// </summary>
    [Fact]
    public void SwizzleWidths_AreTheHeaders()
    {
        NvrtcCompileTests.RequireNvrtc();
        var cuda = new StringBuilder("#include \"kittens/kittens.cuh\"\n");
        foreach (var (type, bytes) in new[] { ("kittens::bf16", 2), ("kittens::half", 2), ("float", 4) })
            for (int cols = 16; cols <= 512; cols += 16)
                cuda.Append("static_assert(kittens::st<").Append(type).Append(", 16, ").Append(cols).Append(">::swizzle_bytes == ")
                    .Append(SharedMemory.SwizzleBytes(cols, bytes)).Append(", \"").Append(type).Append(' ').Append(cols).Append("\");\n");
        cuda.Append("extern \"C\" __global__ void swizzle_widths() {}\n");
        var compiled = KernelCompiler.Compile(new KernelSource("swizzle_widths", cuda.ToString(), "SwizzleWidths.cu", 32, 1, 0), "sm_90a");
        Assert.NotEmpty(compiled.Cubin);
    }
}
