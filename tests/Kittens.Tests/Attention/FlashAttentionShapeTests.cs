using Kittens.Attention;
using Kittens.Runtime;

namespace Kittens.Tests.Attention;

/// <summary>
/// The argument rules of <see cref="FlashAttention"/> that need no GPU: every shape rule and the
/// scale rule, checked through the internal validation the public API runs before it launches
/// (the same rules through the public API, with device tensors, are in FlashAttentionValidationTests).
/// Each failure must be an <see cref="ArgumentException"/> naming the argument, what was
/// expected and what was given.
/// </summary>
public sealed class FlashAttentionShapeTests
{
    private static TensorShape S(int b, int h, int n, int d) => new(b, h, n, d);

    [Fact]
    public void ValidShapesGiveTheProblemSizesAndTheLaunchGrid()
    {
        var problem = AttentionProblem.Validate(S(2, 8, 193, 64), S(2, 2, 193, 64), S(2, 2, 193, 64), S(2, 8, 193, 64), S(2, 8, 1, 193));

        Assert.Equal(new AttentionProblem(2, 8, 2, 193, 64), problem);
        Assert.Equal(4, problem.HeadRatio);
        Assert.Equal(2, problem.QueryBlocks); // 193 rows = one full block of 192 and one row
        Assert.Equal(32, problem.Tiles);
        Assert.Equal(16, problem.Units(causal: true)); // the two query blocks of each head pair up
        Assert.Equal(new Dim3(16, 1, 1), problem.GridFor(causal: true, multiprocessors: 132));
        Assert.Equal(new Dim3(32, 1, 1), problem.GridFor(causal: false, multiprocessors: 132));
        Assert.Equal(new Dim3(20, 1, 1), problem.GridFor(causal: false, multiprocessors: 20));
        Assert.Equal(S(2, 8, 193, 64), problem.OutputShape);
        Assert.Equal(S(2, 8, 1, 193), problem.LseShape);
    }

    [Theory]
    [InlineData(1, 64)]
    [InlineData(5, 128)]
    [InlineData(192, 64)]
    [InlineData(333, 128)]
    public void AnySequenceLengthOfAtLeastOneIsTaken(int n, int d)
    {
        var problem = AttentionProblem.Validate(S(1, 1, n, d), S(1, 1, n, d), S(1, 1, n, d), S(1, 1, n, d), S(1, 1, 1, n));
        int rows = d == 64 ? 192 : 128;
        Assert.Equal((n + rows - 1) / rows, problem.QueryBlocks);
        Assert.Equal(rows, FlashAttention.BlockRowsFor(d));
    }

    [Fact]
    public void BlockRowsForAnUnsupportedHeadDimNamesTheArgument()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FlashAttention.BlockRowsFor(80));
        Assert.Equal("headDim", e.ParamName);
    }

    /// <summary>One broken rule: the five shapes, the argument that must be named, and fragments the message must contain.</summary>
    private sealed record Case(string Rule, TensorShape Q, TensorShape K, TensorShape V, TensorShape O, TensorShape Lse, string Param, string[] Fragments);

    private static readonly Dictionary<string, Case> Cases = BuildCases().ToDictionary(c => c.Rule);

    public static TheoryData<string> BrokenRules() => new(Cases.Keys);

    private static Case[] BuildCases()
    {
        var q = S(2, 4, 128, 64);
        var kv = S(2, 2, 128, 64);
        var lse = S(2, 4, 1, 128);
        return
        [
            new("q has an empty extent", S(2, 4, 0, 64), kv, kv, S(2, 4, 0, 64), S(2, 4, 1, 0), "q", ["at least 1", "(2, 4, 0, 64)"]),
            new("q head_dim 80", S(2, 4, 128, 80), S(2, 2, 128, 80), S(2, 2, 128, 80), S(2, 4, 128, 80), lse, "q", ["head_dim 80", "64, 96, 128, 256"]),
            new("q head_dim 512", S(2, 4, 128, 512), S(2, 2, 128, 512), S(2, 2, 128, 512), S(2, 4, 128, 512), lse, "q", ["head_dim 512", "64, 96, 128, 256"]),
            new("too many query tiles", S(40000, 40000, 1, 64), S(40000, 1, 1, 64), S(40000, 1, 1, 64), S(40000, 40000, 1, 64), S(40000, 40000, 1, 1), "q", ["1600000000 query tiles", "1073741824"]),
            new("k head_dim differs from q", q, S(2, 2, 128, 128), S(2, 2, 128, 128), q, lse, "k", ["head_dim 128", "(2, 2, 128, 128)", "head_dim 64", "(2, 4, 128, 64)"]),
            new("k batch differs from q", q, S(1, 2, 128, 64), S(1, 2, 128, 64), q, lse, "k", ["batch 1", "batch 2"]),
            new("k seq differs from q", q, S(2, 2, 256, 64), S(2, 2, 256, 64), q, lse, "k", ["seq 256", "seq 128", "self-attention"]),
            new("heads not a multiple of kv heads", q, S(2, 3, 128, 64), S(2, 3, 128, 64), q, lse, "k", ["3 heads", "4 heads", "heads % kvHeads == 0"]),
            new("more kv heads than heads", q, S(2, 8, 128, 64), S(2, 8, 128, 64), q, lse, "k", ["8 heads", "4 heads"]),
            new("k has no heads", q, S(2, 0, 128, 64), S(2, 0, 128, 64), q, lse, "k", ["0 heads"]),
            new("v head_dim differs", q, kv, S(2, 2, 128, 128), q, lse, "v", ["(2, 2, 128, 128)", "shape of 'k'", "(2, 2, 128, 64)"]),
            new("v heads differ from k", q, kv, S(2, 1, 128, 64), q, lse, "v", ["(2, 1, 128, 64)", "(2, 2, 128, 64)"]),
            new("v seq differs from k", q, kv, S(2, 2, 127, 64), q, lse, "v", ["(2, 2, 127, 64)", "(2, 2, 128, 64)"]),
            new("v batch differs from k", q, kv, S(1, 2, 128, 64), q, lse, "v", ["(1, 2, 128, 64)"]),
            new("o head_dim differs", q, kv, kv, S(2, 4, 128, 128), lse, "o", ["(2, 4, 128, 128)", "shape of 'q'", "(2, 4, 128, 64)"]),
            new("o batch differs", q, kv, kv, S(1, 4, 128, 64), lse, "o", ["(1, 4, 128, 64)", "(2, 4, 128, 64)"]),
            new("o has the kv heads", q, kv, kv, kv, lse, "o", ["(2, 2, 128, 64)", "(2, 4, 128, 64)"]),
            new("o seq differs", q, kv, kv, S(2, 4, 129, 64), lse, "o", ["(2, 4, 129, 64)"]),
            new("lse laid out as a column", q, kv, kv, q, S(2, 4, 128, 1), "lse", ["(2, 4, 128, 1)", "(batch, heads, 1, seq) = (2, 4, 1, 128)"]),
            new("lse one too long", q, kv, kv, q, S(2, 4, 1, 129), "lse", ["(2, 4, 1, 129)", "(2, 4, 1, 128)"]),
            new("lse has the kv heads", q, kv, kv, q, S(2, 2, 1, 128), "lse", ["(2, 2, 1, 128)", "(2, 4, 1, 128)"]),
            new("lse batch differs", q, kv, kv, q, S(1, 4, 1, 128), "lse", ["(1, 4, 1, 128)"]),
        ];
    }

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void EachBrokenRuleNamesTheArgumentWhatWasExpectedAndWhatWasGiven(string rule)
    {
        var c = Cases[rule];
        var e = Assert.Throws<ArgumentException>(() => AttentionProblem.Validate(c.Q, c.K, c.V, c.O, c.Lse));

        Assert.Equal(c.Param, e.ParamName);
        Assert.Contains($"'{c.Param}'", e.Message);
        foreach (var fragment in c.Fragments) Assert.Contains(fragment, e.Message);
    }

    [Fact]
    public void TheInputRulesAloneAreCheckedBeforeOutputsExist()
    {
        // The convenience overload validates q, k, v before it allocates O and LSE.
        var problem = AttentionProblem.FromInputs(S(1, 6, 10, 128), S(1, 3, 10, 128), S(1, 3, 10, 128));
        Assert.Equal(2, problem.HeadRatio);
        var e = Assert.Throws<ArgumentException>(() => AttentionProblem.FromInputs(S(1, 6, 10, 128), S(1, 4, 10, 128), S(1, 4, 10, 128)));
        Assert.Equal("k", e.ParamName);
    }

    [Theory]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "Infinity")]
    [InlineData(float.NegativeInfinity, "-Infinity")]
    [InlineData(0f, "got 0")]
    [InlineData(-0.125f, "-0.125")]
    [InlineData(float.MaxValue, "log2(e)")] // finite, but scale · log2(e) overflows float
    public void AScaleThatIsNotAFinitePositiveNumberIsRejected(float scale, string fragment)
    {
        var e = Assert.Throws<ArgumentException>(() => AttentionProblem.ScaleLog2(scale, 64));

        Assert.Equal("softmaxScale", e.ParamName);
        Assert.Contains("'softmaxScale'", e.Message);
        Assert.Contains(fragment, e.Message);
    }

    [Theory]
    [InlineData(null, 64, 0.125 * 1.4426950408889634)]
    [InlineData(null, 128, 0.08838834764831845 * 1.4426950408889634)]
    [InlineData(0.5f, 64, 0.5 * 1.4426950408889634)]
    [InlineData(1e-3f, 128, 1e-3 * 1.4426950408889634)]
    public void TheKernelGetsTheScaleTimesLog2E(float? scale, int headDim, double expected)
    {
        Assert.Equal((float)expected, AttentionProblem.ScaleLog2(scale, headDim), 1e-6f);
    }
}
