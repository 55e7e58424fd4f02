using Kittens.Attention;
using Kittens.Runtime;
using Kittens.Tests.GpuTests;
using static Kittens.Tests.GpuTests.GpuTestHelpers;

namespace Kittens.Tests.Attention;

/// <summary>
/// <see cref="FlashAttention"/> on the H100 against float64: head dims 64, 96, 128 and 256, causal and
/// not, multi-head and grouped-query (head ratios 1, 2 and 4), sequence lengths that are and are
/// not multiples of the tiles (down to 1), default and custom scales; O and LSE both checked,
/// outputs poisoned first, repeat launches on another stream bit-identical, and the hot path
/// allocating nothing.
/// </summary>
[Collection(GpuCollection.Name)]
public sealed class FlashAttentionTests
{
    /// <summary>Per head: relative L2 error of O allowed (bf16 output and P).</summary>
    private const double OutputLimit = 1e-2;

    /// <summary>Per row: absolute error of the LSE allowed (float accumulation, fast exp2 / log2).</summary>
    private const double LseLimit = 2e-3;

    private static void RequireHopper()
    {
        RequireGpu();
        Assert.SkipUnless(CudaContext.Default.ComputeCapability == (9, 0),
            $"FlashAttention needs an sm_90 GPU; this one is {CudaContext.Default.TargetArch}");
    }

    /// <summary>Random bf16 inputs (host copies as float, exactly the device values) and poisoned outputs.</summary>
    private sealed class Inputs : IDisposable
    {
        public Inputs(Random random, int batch, int heads, int kvHeads, int n, int d)
        {
            (Batch, Heads, KvHeads, N, D) = (batch, heads, kvHeads, n, d);
            QHost = HostData.Uniform(random, batch * heads * n * d, -2, 2, Precision.Bf16);
            KHost = HostData.Uniform(random, batch * kvHeads * n * d, -2, 2, Precision.Bf16);
            VHost = HostData.Uniform(random, batch * kvHeads * n * d, -1, 1, Precision.Bf16);
            Q = Upload(HostData.ToBf16(QHost), batch, heads, n, d);
            K = Upload(HostData.ToBf16(KHost), batch, kvHeads, n, d);
            V = Upload(HostData.ToBf16(VHost), batch, kvHeads, n, d);
            O = Output<bf16>(batch, heads, n, d);
            Lse = Output<float>(batch, heads, 1, n);
        }

        public int Batch { get; }
        public int Heads { get; }
        public int KvHeads { get; }
        public int N { get; }
        public int D { get; }
        public float[] QHost { get; }
        public float[] KHost { get; }
        public float[] VHost { get; }
        public DeviceTensor<bf16> Q { get; }
        public DeviceTensor<bf16> K { get; }
        public DeviceTensor<bf16> V { get; }
        public DeviceTensor<bf16> O { get; }
        public DeviceTensor<float> Lse { get; }

        public void Dispose()
        {
            Q.Dispose();
            K.Dispose();
            V.Dispose();
            O.Dispose();
            Lse.Dispose();
        }
    }

    /// <summary>Checks O and LSE of several heads (all of them when there are few) against float64.</summary>
    private static void CheckAgainstReference(Inputs x, float[] o, float[] lse, double scale, bool causal, Random random, string what)
    {
        Check.AllWritten(o, what + " O", x.N, x.D);
        Check.AllWritten(lse, what + " LSE", 1, x.N);
        var heads = x.Batch * x.Heads <= 8
            ? Enumerable.Range(0, x.Batch).SelectMany(b => Enumerable.Range(0, x.Heads).Select(h => (b, h))).ToArray()
            : new[] { (0, 0), (0, 1), (x.Batch - 1, x.Heads - 1), (random.Next(x.Batch), random.Next(x.Heads)) }.Distinct().ToArray();
        foreach (var (b, h) in heads)
        {
            var (expectedO, expectedLse) = GqaAttentionReference.Head(x.QHost, x.KHost, x.VHost, x.Heads, x.KvHeads, x.N, x.D, b, h, scale, causal);
            long head = (long)b * x.Heads + h;
            double error = GqaAttentionReference.RelativeL2(o, head * x.N * x.D, expectedO);
            Assert.True(error < OutputLimit, $"{what}: O of head (b={b}, h={h}) has relative L2 error {error:E2} (limit {OutputLimit:E0}).");
            double lseError = GqaAttentionReference.MaxAbsError(lse, head * x.N, expectedLse);
            Assert.True(lseError < LseLimit, $"{what}: LSE of head (b={b}, h={h}) is off by up to {lseError:E2} (limit {LseLimit:E0}).");
        }
    }

    [Theory]
    [InlineData(64, false, 1, 2, 2, 192)]
    [InlineData(64, false, 2, 4, 1, 1000)]
    [InlineData(64, false, 4, 8, 2, 1000)]   // 192 tiles: more than an H100 has multiprocessors
    [InlineData(64, false, 1, 4, 4, 5)]
    [InlineData(64, true, 1, 4, 1, 777)]
    [InlineData(64, true, 2, 2, 2, 384)]
    [InlineData(64, true, 1, 1, 1, 1)]
    [InlineData(64, true, 1, 4, 2, 130)]
    [InlineData(128, false, 1, 4, 1, 333)]
    [InlineData(128, false, 2, 2, 2, 1536)]
    [InlineData(128, false, 2, 16, 4, 1100)] // 288 tiles: blocks loop over tiles
    [InlineData(128, false, 1, 1, 1, 1)]
    [InlineData(128, true, 1, 8, 2, 640)]
    [InlineData(128, true, 3, 1, 1, 129)]
    [InlineData(128, true, 1, 4, 4, 1000)]
    [InlineData(96, false, 1, 4, 1, 333)]
    [InlineData(96, false, 2, 16, 4, 1100)]
    [InlineData(96, false, 1, 1, 1, 1)]
    [InlineData(96, true, 1, 8, 2, 640)]
    [InlineData(96, true, 3, 1, 1, 129)]
    [InlineData(96, true, 2, 2, 2, 1000)]
    [InlineData(256, false, 1, 4, 1, 333)]
    [InlineData(256, false, 2, 16, 4, 1100)]
    [InlineData(256, false, 1, 1, 1, 1)]
    [InlineData(256, false, 1, 2, 2, 81)]     // one K/V block of 80 and one row past it
    [InlineData(256, true, 1, 8, 2, 640)]
    [InlineData(256, true, 3, 1, 1, 129)]
    [InlineData(256, true, 1, 4, 4, 1000)]
    public void MatchesTheFloat64Reference(int d, bool causal, int batch, int heads, int kvHeads, int n)
    {
        RequireHopper();
        var random = HostData.NewRandom(out int seed);
        using var x = new Inputs(random, batch, heads, kvHeads, n, d);

        FlashAttention.Forward(x.Q, x.K, x.V, x.O, x.Lse, causal);
        bf16[] firstO = Download(x.O);
        float[] firstLse = Download(x.Lse);

        string what = $"FlashAttention D={d} causal={causal} B={batch} H={heads} KvH={kvHeads} N={n} (seed {seed})";
        CheckAgainstReference(x, HostData.ToFloat(firstO), firstLse, 1.0 / Math.Sqrt(d), causal, random, what);

        // Same inputs, two more launches on another stream, outputs poisoned in between: same bits.
        using var stream = CreateStream();
        for (int repeat = 0; repeat < 2; repeat++)
        {
            Poison(x.O);
            Poison(x.Lse);
            FlashAttention.Forward(x.Q, x.K, x.V, x.O, x.Lse, causal, stream: stream);
            Synchronize(stream);
            Check.BitIdentical(firstO, Download(x.O), $"{what}: O of repeat {repeat + 1}");
            Check.BitIdentical(firstLse, Download(x.Lse), $"{what}: LSE of repeat {repeat + 1}");
        }
    }

    /// <summary>
    /// The kernels loop over tiles when the grid is smaller than the tile count (the non-causal
    /// launch uses one block per multiprocessor): a grid of 3 blocks, each computing many tiles
    /// with the K/V ring, the Q and O tiles and their semaphores carried across tiles, must give
    /// the bits of one block per unit (one tile, or a causal pair).
    /// </summary>
    [Theory]
    [InlineData(64, false)]
    [InlineData(64, true)]
    [InlineData(128, false)]
    [InlineData(128, true)]
    [InlineData(96, false)]
    [InlineData(96, true)]
    [InlineData(256, false)]
    [InlineData(256, true)]
    public void ASmallGridLoopsOverEveryTile(int d, bool causal)
    {
        RequireHopper();
        var random = HostData.NewRandom(out int seed);
        using var x = new Inputs(random, 2, 4, 2, 700, d);
        var problem = AttentionProblem.Validate(x.Q.Shape, x.K.Shape, x.V.Shape, x.O.Shape, x.Lse.Shape);
        float scaleLog2 = AttentionProblem.ScaleLog2(null, d);
        int causalFlag = causal ? 1 : 0;
        var stream = CudaStream.Default;

        void Launch(Dim3 grid)
        {
            Kittens.Attention.Kernels.FlashAttentionKernels.Launch(d, stream, grid, x.Q, x.K, x.V, x.O, x.Lse, causalFlag, scaleLog2, problem.HeadRatio);
            Synchronize();
        }

        Launch(new Dim3((uint)problem.Units(causal), 1, 1));
        bf16[] oneTileEach = Download(x.O);
        float[] lseOneTileEach = Download(x.Lse);
        string what = $"D={d} causal={causal}, {problem.Units(causal)} units (seed {seed})";
        CheckAgainstReference(x, HostData.ToFloat(oneTileEach), lseOneTileEach, 1.0 / Math.Sqrt(d), causal, random, what);

        Poison(x.O);
        Poison(x.Lse);
        Launch(new Dim3(3, 1, 1));
        Check.BitIdentical(oneTileEach, Download(x.O), $"{what}: O from a grid of 3");
        Check.BitIdentical(lseOneTileEach, Download(x.Lse), $"{what}: LSE from a grid of 3");
    }

    [Theory]
    [InlineData(64, false, 0.05f)]
    [InlineData(64, true, 0.4f)]
    [InlineData(128, false, 0.3f)]
    [InlineData(128, true, 0.01f)]
    [InlineData(96, true, 0.2f)]
    [InlineData(256, false, 0.02f)]
    public void ACustomScaleIsApplied(int d, bool causal, float scale)
    {
        RequireHopper();
        var random = HostData.NewRandom(out int seed);
        using var x = new Inputs(random, 1, 4, 2, 300, d);

        FlashAttention.Forward(x.Q, x.K, x.V, x.O, x.Lse, causal, scale);

        CheckAgainstReference(x, DownloadFloat(x.O), Download(x.Lse), scale, causal, random,
            $"FlashAttention D={d} causal={causal} scale={scale} (seed {seed})");
    }

    [Theory]
    [InlineData(64, false)]
    [InlineData(128, true)]
    public void TheAllocatingOverloadReturnsTheSameOutputs(int d, bool causal)
    {
        RequireHopper();
        var random = HostData.NewRandom(out int seed);
        using var x = new Inputs(random, 2, 4, 1, 250, d);
        FlashAttention.Forward(x.Q, x.K, x.V, x.O, x.Lse, causal);

        using var result = FlashAttention.Forward(x.Q, x.K, x.V, causal);

        Assert.Equal(x.O.Shape, result.Output.Shape);
        Assert.Equal(new TensorShape(2, 4, 1, 250), result.LogSumExp.Shape);
        string what = $"Forward(q, k, v) D={d} causal={causal} (seed {seed})";
        Check.BitIdentical(Download(x.O), Download(result.Output), what + " O");
        Check.BitIdentical(Download(x.Lse), Download(result.LogSumExp), what + " LSE");
    }

    [Theory]
    [InlineData(64, false)]
    [InlineData(64, true)]
    [InlineData(128, false)]
    [InlineData(128, true)]
    [InlineData(96, false)]
    [InlineData(256, true)]
    public void TheHotPathAllocatesNothingAfterTheFirstCall(int d, bool causal)
    {
        RequireHopper();
        var random = HostData.NewRandom(out _);
        using var x = new Inputs(random, 1, 4, 2, 200, d);
        using var stream = CreateStream();

        // First calls compile, load and encode the tensor maps; enough more to let the JIT settle.
        for (int i = 0; i < 40; i++)
        {
            FlashAttention.Forward(x.Q, x.K, x.V, x.O, x.Lse, causal);
            FlashAttention.Forward(x.Q, x.K, x.V, x.O, x.Lse, causal, 0.1f, stream);
        }
        Synchronize(stream);
        Synchronize();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            FlashAttention.Forward(x.Q, x.K, x.V, x.O, x.Lse, causal);
            FlashAttention.Forward(x.Q, x.K, x.V, x.O, x.Lse, causal, 0.1f, stream);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Synchronize(stream);
        Synchronize();

        Assert.True(allocated == 0, $"200 calls of FlashAttention.Forward (D={d}, causal={causal}) allocated {allocated} bytes on the heap.");
    }
}
