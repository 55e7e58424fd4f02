using System.Reflection;
using Kittens.Generator.Translation;
using Kittens.Runtime;
using Microsoft.CodeAnalysis;
using static Kittens.Generator.Tests.GeneratorHarness;

namespace Kittens.Generator.Tests;

/// <summary>
/// The Hopper surface (semaphores, TMA, warpgroup wgmma, masks): two kernels that read like
/// their ThunderKittens counterparts and together use every op of Sync, Tma and Warpgroup.
/// </summary>
public sealed class HopperTests
{
    internal const string HopperSource = """
        using Kittens;

        namespace Tests.Hopper;

        public static partial class HopperKernels
        {
            private const int Stages = 2;
            private const int Consumers = 2;

            /// <summary>
            /// Causal attention forward, head dim 64: warpgroups 0 and 1 each own 64 query rows, warpgroup 2
            /// streams K and V tiles through a two-stage ring with TMA. Grid: (n / 128, heads, batch).
            /// </summary>
            [Kernel(Threads = (Consumers + 1) * 128)]
            public static void AttendCausal(
                [Shape("B", "H", "N", 64), Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> q,
                [Shape("B", "H", "N", 64), Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> k,
                [Shape("B", "H", "N", 64), Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> v,
                [Shape("B", "H", "N", 64), Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> o,
                [Shape("B", "H", 1, "N"), Tma(typeof(SV<float, D16>))] GL<float> lse,
                int n)
            {
                int group = Gpu.WarpgroupId;
                int batch = BlockIdx.Z;
                int head = BlockIdx.Y;
                int firstTile = BlockIdx.X * Consumers;
                int kvBlocks = firstTile + Consumers;

                var qTiles = Shared.Alloc<ST<bf16, D64, D64>>(Consumers);
                var kTiles = Shared.Alloc<ST<bf16, D64, D64>>(Stages);
                var vTiles = Shared.Alloc<ST<bf16, D64, D64>>(Stages);
                var lseVectors = Shared.Alloc<SV<float, D16>>(Consumers * 4);
                var qArrived = Shared.Alloc<Semaphore>();
                var kArrived = Shared.Alloc<Semaphore>(Stages);
                var vArrived = Shared.Alloc<Semaphore>(Stages);
                var slotFree = Shared.Alloc<Semaphore>(Stages);

                if (ThreadIdx.X == 0)
                {
                    Sync.Init(qArrived, 0, 1);
                    for (int s = 0; s < Stages; s++)
                    {
                        Sync.Init(kArrived[s], 0, 1);
                        Sync.Init(vArrived[s], 0, 1);
                        Sync.Init(slotFree[s], Consumers * 4, 0);
                    }
                    Tma.ExpectBytes(qArrived, Consumers * 64 * 64 * 2);
                    for (int g = 0; g < Consumers; g++)
                    {
                        Tma.Load(qTiles[g], q, new Coord(batch, head, firstTile + g, 0), qArrived);
                    }
                }
                Gpu.SyncThreads();

                if (group == Consumers)
                {
                    // Producer: one thread issues every load; the warpgroup gives its registers away.
                    Warpgroup.DecreaseRegisters(24);
                    if (ThreadIdx.X == Consumers * 128)
                    {
                        for (int kv = 0; kv < kvBlocks; kv++)
                        {
                            int slot = kv % Stages;
                            if (kv >= Stages) Sync.Wait(slotFree[slot], (kv / Stages - 1) % 2);
                            Tma.Expect(kArrived[slot], kTiles[slot]);
                            Tma.Load(kTiles[slot], k, new Coord(batch, head, kv, 0), kArrived[slot]);
                            Tma.Expect(vArrived[slot], vTiles[slot]);
                            Tma.Load(vTiles[slot], v, new Coord(batch, head, kv, 0), vArrived[slot]);
                        }
                    }
                    return;
                }

                Warpgroup.IncreaseRegisters(240);
                int warp = Gpu.WarpId % 4;
                int qTile = firstTile + group;
                var scores = new RT<float, D16, D64, Row>();
                var probs = new RT<bf16, D16, D64, Row>();
                var acc = new RT<float, D16, D64, Row>();
                var rowMax = new RV<float, D16, Ortho>();
                var lastMax = new RV<float, D16, Ortho>();
                var norm = new RV<float, D16, Ortho>();
                Warp.NegInfty(rowMax);
                Warp.Zero(norm);

                // Q moves to registers once; K and V are read by wgmma straight from shared memory.
                var qReg = new RT<bf16, D16, D64, Row>();
                Sync.Wait(qArrived, 0);
                Warpgroup.Load(qReg, qTiles[group]);
                for (int kv = 0; kv <= qTile; kv++)
                {
                    int slot = kv % Stages;
                    int phase = (kv / Stages) % 2;
                    Sync.Wait(kArrived[slot], phase);
                    Warpgroup.MmABt(scores, qReg, kTiles[slot]);
                    Warpgroup.MmaCommit();
                    Warpgroup.MmaWait(0);

                    // Scores in log2 units: 1/sqrt(64) * log2(e).
                    Warp.Mul(scores, scores, 0.125f * 1.44269504f);
                    Warp.CausalMask(scores, qTile * 64 + warp * 16, kv * 64, float.NegativeInfinity);
                    Warp.ColumnMask(scores, kv * 64, n, float.NegativeInfinity);
                    Warp.Copy(lastMax, rowMax);
                    Warp.RowMax(rowMax, scores, rowMax);
                    Warp.SubRow(scores, scores, rowMax);
                    Warp.Exp2(scores, scores);
                    Warp.Sub(lastMax, lastMax, rowMax);
                    Warp.Exp2(lastMax, lastMax);
                    Warp.Mul(norm, norm, lastMax);
                    Warp.RowSum(norm, scores, norm);
                    Warp.Copy(probs, scores);

                    Sync.Wait(vArrived[slot], phase);
                    if (kv == 0)
                    {
                        Warpgroup.MmAB(acc, probs, vTiles[slot]);
                    }
                    else
                    {
                        Warp.MulRow(acc, acc, lastMax);
                        Warpgroup.MmaAB(acc, probs, vTiles[slot]);
                    }
                    Warpgroup.MmaCommit();
                    Warpgroup.MmaWait(0, acc, norm);
                    if (Gpu.LaneId == 0) Sync.Arrive(slotFree[slot]);
                }

                Warp.DivRow(acc, acc, norm);
                Warpgroup.Store(qTiles[group], acc);
                Warp.Log(norm, norm);
                Warp.Mul(rowMax, rowMax, 0.69314718f);
                Warp.Add(norm, norm, rowMax);
                Warp.Store(lseVectors[group * 4 + warp], norm);
                Warpgroup.Sync(group + 1);
                if (warp == 0 && Gpu.LaneId == 0)
                {
                    Tma.Store(o, qTiles[group], new Coord(batch, head, qTile, 0));
                    for (int w = 0; w < 4; w++)
                    {
                        Tma.Store(lse, lseVectors[group * 4 + w], new Coord(batch, head, 0, qTile * 4 + w));
                    }
                    Tma.StoreCommit();
                    Tma.StoreWait(0);
                }
            }

            /// <summary>
            /// y = x·Wᵀ + bias (fp32 out) for x (M x K) and W (N x K), bf16: warpgroup 0 multiplies a 64 x 64
            /// tile of y with wgmma, warpgroup 1 streams the inputs and stores the result. Grid: (N / 64, M / 64).
            /// </summary>
            [Kernel(Threads = 256)]
            public static void Linear(
                [Shape(1, 1, "M", "K"), Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> x,
                [Shape(1, 1, "N", "K"), Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> w,
                [Shape(1, 1, 1, "N"), Tma(typeof(SV<float, D64>))] GL<float> bias,
                [Shape(1, 1, "M", "N"), Tma(typeof(ST<float, D64, D64>))] GL<float> y)
            {
                var xTiles = Shared.Alloc<ST<bf16, D64, D64>>(Stages);
                var wTiles = Shared.Alloc<ST<bf16, D64, D64>>(Stages);
                var yTile = Shared.Alloc<ST<float, D64, D64>>();
                var biasVector = Shared.Alloc<SV<float, D64>>();
                var full = Shared.Alloc<Semaphore>(Stages);
                var empty = Shared.Alloc<Semaphore>(Stages);
                var biasArrived = Shared.Alloc<Semaphore>();
                int steps = x.Cols / 64;

                if (ThreadIdx.X == 0)
                {
                    for (int s = 0; s < Stages; s++)
                    {
                        Sync.Init(full[s], 0, 1);
                        Sync.Init(empty[s], 1, 0);
                    }
                    Sync.Init(biasArrived, 0, 1);
                    Tma.Expect(biasArrived, biasVector);
                    Tma.Load(biasVector, bias, new Coord(0, BlockIdx.X), biasArrived);
                }
                Gpu.SyncThreads();

                if (Gpu.WarpgroupId == 1)
                {
                    Warpgroup.DecreaseRegisters(40);
                    if (ThreadIdx.X == 128)
                    {
                        for (int step = 0; step < steps; step++)
                        {
                            int slot = step % Stages;
                            if (step >= Stages) Sync.Wait(empty[slot], (step / Stages - 1) % 2);
                            Tma.ExpectBytes(full[slot], 2 * 64 * 64 * 2);
                            Tma.Load(xTiles[slot], x, new Coord(BlockIdx.Y, step), full[slot]);
                            Tma.Load(wTiles[slot], w, new Coord(BlockIdx.X, step), full[slot]);
                        }
                    }
                    // Wait for the consumers' tile, then store it.
                    Sync.BarrierSync(1, 256);
                    if (ThreadIdx.X == 128)
                    {
                        Tma.Store(y, yTile, new Coord(BlockIdx.Y, BlockIdx.X));
                        Tma.StoreCommit();
                        Tma.StoreReadWait(0);
                    }
                    return;
                }

                Warpgroup.IncreaseRegisters(232);
                var acc = new RT<float, D16, D64, Row>();
                var biasRow = new RV<float, D64, Align>();
                for (int step = 0; step < steps; step++)
                {
                    int slot = step % Stages;
                    Sync.Wait(full[slot], (step / Stages) % 2);
                    if (step == 0) Warpgroup.MmABt(acc, xTiles[slot], wTiles[slot]);
                    else Warpgroup.MmaABt(acc, xTiles[slot], wTiles[slot]);
                    Warpgroup.MmaCommit();
                    Warpgroup.MmaWait(0);
                    if (ThreadIdx.X == 0) Sync.Arrive(empty[slot], 1);
                }
                Sync.Wait(biasArrived, 0);
                Warp.Load(biasRow, biasVector);
                Warp.AddCol(acc, acc, biasRow);
                Warpgroup.Store(yTile, acc);
                Sync.BarrierArrive(1, 256);
            }
        }
        """;

    private static readonly Lazy<Run> s_run = new(() => Generate(("Hopper/HopperKernels.cs", HopperSource)));

    [Fact]
    public void HopperKernels_HaveNoDiagnostics() => Assert.Empty(s_run.Value.Diagnostics);

    [Fact]
    public void AttendCausal_Cuda() => Snapshot.Verify(s_run.Value.Kernel("AttendCausal").CudaSource);

    [Fact]
    public void AttendCausal_Launcher() => Snapshot.Verify(s_run.Value.Kernel("AttendCausal").LauncherSource, "cs");

    [Fact]
    public void Linear_Cuda() => Snapshot.Verify(s_run.Value.Kernel("Linear").CudaSource);

    [Fact]
    public void Linear_Launcher() => Snapshot.Verify(s_run.Value.Kernel("Linear").LauncherSource, "cs");

    [Fact]
    public void EveryHopperOp_IsUsed()
    {
        var cuda = s_run.Value.Kernel("AttendCausal").CudaSource + s_run.Value.Kernel("Linear").CudaSource
            + Generate(("Tests/K.cs", ClusterKernel)).Kernel("Run").CudaSource;
        var ops = new[] { typeof(Sync), typeof(Tma), typeof(Warpgroup) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Concat([typeof(Warp).GetMethod(nameof(Warp.CausalMask))!, typeof(Warp).GetMethod(nameof(Warp.ColumnMask))!])
            .Select(m => m.GetCustomAttribute<CudaAttribute>()?.Cuda)
            .OfType<string>()
            .Select(c => c.Split('(', '<')[0])
            .Distinct()
            .ToList();
        Assert.Contains("kittens::warpgroup::mma_ABt", ops);
        Assert.Contains("kittens::named_barrier_arrive", ops);
        Assert.All(ops, op => Assert.Contains(op, cuda, StringComparison.Ordinal));
    }

    [Fact]
    public void TmaParameters_AreGridConstantGlobalsWithTheirTileTypes()
    {
        var cuda = s_run.Value.Kernel("AttendCausal").CudaSource;
        Assert.Contains(
            "attend_causal(const __grid_constant__ kittens::gl<kittens::bf16, kittens::st<kittens::bf16, 64, 64>> q, ",
            cuda, StringComparison.Ordinal);
        Assert.Contains("const __grid_constant__ kittens::gl<float, kittens::sv<float, 16>> lse, const int n)", cuda, StringComparison.Ordinal);
    }

    [Fact]
    public void Semaphores_ArePackedAt8Bytes_TilesStillStartOn1024()
    {
        var run = Generate(("Tests/K.cs", Kernel("""
                    var one = Shared.Alloc<Semaphore>();
                    var ring = Shared.Alloc<Semaphore>(3);
                    var tile = Shared.Alloc<ST<float, D16, D16>>();
                    var last = Shared.Alloc<Semaphore>();
                    Sync.Init(one, 1, 0);
                    Sync.Init(ring[2], 1, 0);
            """)));
        Assert.Empty(run.Diagnostics);
        var kernel = run.Kernel("Run");
        Assert.Contains("static_assert(sizeof(kittens::semaphore) == 8,", kernel.CudaSource, StringComparison.Ordinal);
        Assert.Contains("auto &one = kittens_alloc.allocate<kittens::semaphore>();", kernel.CudaSource, StringComparison.Ordinal);
        Assert.Contains("auto (&ring)[3] = kittens_alloc.allocate<kittens::semaphore, 3>();", kernel.CudaSource, StringComparison.Ordinal);
        Assert.Contains("kittens::init_semaphore(ring[2], 1, 0);", kernel.CudaSource, StringComparison.Ordinal);
        // Semaphores at 0 and 8..31, the 1024-byte tile on the next 1024 boundary, the last
        // semaphore right after it (2048..2055), plus 1024 for the base.
        Assert.Contains(", 32, 1, 3080);", kernel.LauncherSource, StringComparison.Ordinal);
    }

    private static readonly string ClusterKernel = Kernel("""
                    var tile = Shared.Alloc<ST<bf16, D64, D128>>();
                    var s = Shared.Alloc<Semaphore>();
                    Sync.ClusterSync();
                    Tma.LoadMulticast(tile, Gpu.ClusterRank, x, new Coord(0, 0), s, 3);
                    Sync.ArriveCluster(s, 1 - Gpu.ClusterRank);
            """, parameters: "[Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> x", attribute: "[Kernel(Threads = 32, ClusterSize = 2)]");

    [Fact]
    public void ClusterSize_DeclaresClusterDims_AndTheLauncherCarriesIt()
    {
        var run = Generate(("Tests/K.cs", ClusterKernel));
        Assert.Empty(run.Diagnostics);
        var kernel = run.Kernel("Run");
        Assert.Contains("__launch_bounds__(32, 1) __cluster_dims__(2, 1, 1) run(", kernel.CudaSource, StringComparison.Ordinal);
        Assert.Contains("kittens::cluster_sync();", kernel.CudaSource, StringComparison.Ordinal);
        Assert.Contains("kittens::tma::load_async_multicast(tile, kittens::cluster_ctarank(), x, ", kernel.CudaSource, StringComparison.Ordinal);
        Assert.Contains("kittens::arrive_cluster(s, 1 - kittens::cluster_ctarank());", kernel.CudaSource, StringComparison.Ordinal);
        Assert.Contains(", ClusterSize: 2);", kernel.LauncherSource, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutACluster_NoClusterDims()
    {
        var kernel = Generate(("Tests/K.cs", Kernel("        int a = 1;"))).Kernel("Run");
        Assert.DoesNotContain("__cluster_dims__", kernel.CudaSource, StringComparison.Ordinal);
        Assert.DoesNotContain("ClusterSize", kernel.LauncherSource, StringComparison.Ordinal);
    }

    [Fact]
    public void AMulticastLoad_NeedsTheMapOfItsColumnChunk()
    {
        var run = Generate(("Tests/K.cs", Kernel("""
                    var tile = Shared.Alloc<ST<bf16, D64, D128>>();
                    var s = Shared.Alloc<Semaphore>();
                    Tma.LoadMulticast(tile, 0, x, new Coord(0, 0), s, 3);
            """, parameters: "[Tma(typeof(ST<bf16, D64, D128>))] GL<bf16> x", attribute: "[Kernel(Threads = 32, ClusterSize = 2)]")));
        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("KIT0308", error.Id);
        Assert.Contains("moves 'ST<bf16, D64, D64>'", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void ASemaphoreElement_IsBoundByReference()
    {
        var cuda = Generate(("Tests/K.cs", Kernel("""
                    var ring = Shared.Alloc<Semaphore>(2);
                    var second = ring[1];
                    Sync.Arrive(second);
            """))).Kernel("Run").CudaSource;
        Assert.Contains("kittens::semaphore &second = ring[1];", cuda, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Warpgroup.MmaAB(d, sA, sB);", true)]
    [InlineData("Warpgroup.MmaAB(d, rA, sB);", true)]
    [InlineData("Warpgroup.MmABt(d, sA, sBt);", true)]
    [InlineData("Warpgroup.MmaABt(d, rA, sBt);", true)]
    [InlineData("Warpgroup.MmaAB(d, sA32, sB);", false)]      // A must have 64 rows
    [InlineData("Warpgroup.MmaAB(d, rA32, sB);", false)]      // a warp's A slice has 16 rows
    [InlineData("Warpgroup.MmaAB(d, sA, sBt);", false)]       // B of A·B is K x N
    [InlineData("Warpgroup.MmaABt(d, sA, sB128);", false)]    // B of A·Bᵀ is N x K
    [InlineData("Warpgroup.MmaAB(dWide, sA, sB);", false)]    // D is 16 x N with B's N
    [InlineData("Warpgroup.MmaAB(dBf16, sA, sB);", false)]    // D accumulates in float
    [InlineData("Warpgroup.MmaAB(d, sAf, sBf);", false)]      // inputs are bf16 or f16
    [InlineData("Warpgroup.MmaAB(d, rACol, sB);", false)]     // register A is row layout
    [InlineData("Warp.CausalMask(dCol, 0, 0, 0f);", false)]   // masks take row-layout tiles
    [InlineData("Warpgroup.Load(rA, sA);", true)]
    [InlineData("Warpgroup.Load(rA32, sA);", false)]          // warp w gets 16 of the 64 rows
    [InlineData("Tma.Load(sA, q, new Coord(0, 0), sem);", true)]
    [InlineData("Tma.Load(sAf, q, new Coord(0, 0), sem);", false)] // the tile has the tensor's dtype
    public void WgmmaShapesAndLayouts_AreCheckedByTheCSharpCompiler(string call, bool compiles)
    {
        var source = Kernel($$"""
                    var sem = Shared.Alloc<Semaphore>();
                    var sA = Shared.Alloc<ST<bf16, D64, D64>>();
                    var sA32 = Shared.Alloc<ST<bf16, D32, D64>>();
                    var sAf = Shared.Alloc<ST<float, D64, D64>>();
                    var sB = Shared.Alloc<ST<bf16, D64, D128>>();
                    var sBf = Shared.Alloc<ST<float, D64, D128>>();
                    var sBt = Shared.Alloc<ST<bf16, D128, D64>>();
                    var sB128 = Shared.Alloc<ST<bf16, D64, D128>>();
                    var rA = new RT<bf16, D16, D64, Row>();
                    var rA32 = new RT<bf16, D32, D64, Row>();
                    var rACol = new RT<bf16, D16, D64, Col>();
                    var d = new RT<float, D16, D128, Row>();
                    var dCol = new RT<float, D16, D128, Col>();
                    var dWide = new RT<float, D16, D256, Row>();
                    var dBf16 = new RT<bf16, D16, D128, Row>();
                    {{call}}
            """, parameters: "[Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> q");
        var errors = Compile(("Tests/K.cs", source)).GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(e => e.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(compiles == (errors.Count == 0), string.Join("\n", errors));
    }

    [Fact]
    public void ASemaphore_ComesOnlyFromSharedAlloc()
    {
        var run = Generate(("Tests/K.cs", Kernel("        var s = new Semaphore();\n        Sync.Arrive(s);")));
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KIT0205", diagnostic.Id);
        Assert.Contains("Shared.Alloc<...>()", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void ConstantTemplateArguments_AreWrittenIntoTheTemplate()
    {
        var run = Generate(("Tests/K.cs", Kernel("""
                    const int Pending = 1;
                    Tma.StoreWait(Pending + 1);
                    Warpgroup.MmaWait(0);
                    Warpgroup.IncreaseRegisters(240);
            """, attribute: "[Kernel(Threads = 128)]")));
        Assert.Empty(run.Diagnostics);
        var cuda = run.Kernel("Run").CudaSource;
        Assert.Contains("kittens::tma::store_async_wait<2>();", cuda, StringComparison.Ordinal);
        Assert.Contains("kittens::warpgroup::mma_async_wait<0>();", cuda, StringComparison.Ordinal);
        Assert.Contains("kittens::warpgroup::increase_registers<240>();", cuda, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kittens::tma::store_async_wait<{0}>()", "0")]
    [InlineData("f<{0}, g<{1}>>({2})", "0,1")]
    [InlineData("({0} < {1})", "")]
    [InlineData("{0}.rows", "")]
    [InlineData("a<b>({0}) < {1}", "")]
    public void TemplateArgumentPlaceholders_AreThoseInsideAngleBrackets(string cuda, string expected) =>
        Assert.Equal(expected, string.Join(",", CudaTranslator.TemplateArgumentPlaceholders(cuda)));

    [Fact]
    public void WordsInsideStringLiterals_AreNotNamesACallHides()
    {
        var names = new HashSet<string>();
        CudaNames.AddUnqualifiedIdentifiers("asm volatile(\"bar.sync %0, %1;\" :: \"r\"({0}), \"r\"({1}) : \"memory\")", names);
        Assert.Equal(["asm", "volatile"], names.Order());
    }

    [Fact]
    public void DeviceFunctions_SpellTheFullTensorType()
    {
        var run = Generate(("Tests/K.cs", Kernel(
            "        var t = Shared.Alloc<ST<bf16, D64, D64>>();\n        var s = Shared.Alloc<Semaphore>();\n        Fetch(t, q, s);",
            parameters: "[Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> q",
            members: """
                [DeviceFunction]
                static void Fetch(ST<bf16, D64, D64> tile, [Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> g, Semaphore sem)
                {
                    Tma.ExpectBytes(sem, 64 * 64 * 2);
                    Tma.Load(tile, g, new Coord(0, 0), sem);
                }
                """)));
        Assert.Empty(run.Diagnostics);
        Assert.Contains(
            "fetch(kittens::st<kittens::bf16, 64, 64, P_tile, S_tile>& tile, const kittens::gl<kittens::bf16, kittens::st<kittens::bf16, 64, 64>>& g, kittens::semaphore& sem)",
            run.Kernel("Run").CudaSource, StringComparison.Ordinal);
    }

    [Fact]
    public void TmaTypeNotDeclared_NamesTheParameterTheTypeAndTheDeclaredOnes()
    {
        var run = Generate(("Tests/K.cs", Kernel("""
                    var t = Shared.Alloc<ST<bf16, D64, D128>>();
                    var s = Shared.Alloc<Semaphore>();
                    Tma.Load(t, q, new Coord(0, 0), s);
            """, parameters: "[Tma(typeof(ST<bf16, D64, D64>), typeof(SV<bf16, D64>))] GL<bf16> q")));
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KIT0308", diagnostic.Id);
        Assert.Equal(
            "'Tma.Load' moves 'ST<bf16, D64, D128>' through a tensor map of 'q', but the [Tma] of 'q' lists ST<bf16, D64, D64>, SV<bf16, D64>: add typeof(ST<bf16, D64, D128>) to it (a kernel parameter may also take a bare [Tma], whose maps are the types its body moves)",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TmaOnAPlainTensor_SaysItListsNoTypes()
    {
        var run = Generate(("Tests/K.cs", Kernel("""
                    var t = Shared.Alloc<SV<float, D64>>();
                    Tma.Store(x, t, new Coord(0, 0));
            """)));
        Assert.Equal("KIT0308", Assert.Single(run.Diagnostics).Id);
        Assert.Contains("lists no types", run.Diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("typeof(RT<bf16, D16, D16, Row>)", "is not a shared tile or vector")]
    [InlineData("typeof(ST<float, D64, D64>)", "does not hold the tensor's dtype bf16")]
    [InlineData("typeof(ST<bf16, D64, D64>), typeof(ST<bf16, D64, D64>)", "is listed twice")]
    public void InvalidTmaTypes_SayWhy(string types, string reason)
    {
        var run = Generate(("Tests/K.cs", Kernel("", parameters: $"[Tma({types})] GL<bf16> q")));
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KIT0013", diagnostic.Id);
        Assert.Contains(reason, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void TheLauncher_PacksTmaTensorsWithStaticBoxes()
    {
        var launcher = s_run.Value.Kernel("Linear").LauncherSource;
        Assert.Contains(
            "private static readonly global::Kittens.Runtime.TmaBox[] s_biasTma = { global::Kittens.Runtime.TmaBox.Vector(64) };",
            launcher, StringComparison.Ordinal);
        Assert.Contains("args.AddTensor(x, s_xTma);", launcher, StringComparison.Ordinal);
        Assert.Contains("args.AddTensor(bias, s_biasTma);", launcher, StringComparison.Ordinal);
    }

    [Fact]
    public void HopperLaunchers_CompileAgainstTheRuntime()
    {
        var errors = s_run.Value.Output.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("AttendCausal")]
    [InlineData("Linear")]
    public void HopperKernels_CompileForSm90a(string kernel)
    {
        try
        {
            _ = KernelCompiler.NvrtcVersion;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException)
        {
            Assert.Fail("NVRTC is required for the compile tests; run scripts/test.sh, which installs it, or set KITTENS_NVRTC: " + e.Message);
        }
        var generated = s_run.Value.Kernel(kernel);
        var source = new KernelSource(CudaNames.EntryPoint(kernel), generated.CudaSource, kernel + ".cs", 32, 1, 0);
        var compiled = KernelCompiler.Compile(source, "sm_90a");
        Assert.NotEmpty(compiled.Cubin);
        Assert.DoesNotContain("warning", compiled.Log, StringComparison.OrdinalIgnoreCase);
    }
}
