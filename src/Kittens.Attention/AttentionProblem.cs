using Kittens.Attention.Kernels;
using Kittens.Runtime;

namespace Kittens.Attention;

/// <summary>
/// The sizes of one attention call, taken from validated tensor shapes: q (Batch, Heads, Seq,
/// HeadDim), k and v (Batch, KvHeads, Seq, HeadDim).
/// </summary>
internal readonly record struct AttentionProblem(int Batch, int Heads, int KvHeads, int Seq, int HeadDim)
{
    /// <summary>
    /// The most query tiles (query blocks · heads · batch) one call may have: the kernels count
    /// tiles in 32-bit ints, with headroom for stepping past the end by a grid's width.
    /// </summary>
    public const long MaxTiles = 1L << 30;

    /// <summary>Query heads per K/V head (1 for multi-head attention).</summary>
    public int HeadRatio => Heads / KvHeads;

    /// <summary>Blocks along the sequence (grid x).</summary>
    public int QueryBlocks => (int)(((long)Seq + BlockRows - 1) / BlockRows);

    /// <summary>Query tiles in all: query blocks · heads · batch.</summary>
    public int Tiles => QueryBlocks * Heads * Batch;

    /// <summary>Query rows per block of the kernel for this head dim.</summary>
    public int BlockRows => FlashAttentionKernels.BlockRowsFor(HeadDim);

    /// <summary>
    /// Work units the kernels hand out to blocks: one per tile, or, when causal, one per pair of
    /// query blocks (x, last − x) of a head, which cost about the same.
    /// </summary>
    public int Units(bool causal) => (causal ? (QueryBlocks + 1) / 2 : QueryBlocks) * Heads * Batch;

    /// <summary>
    /// The launch grid, one-dimensional: at most one block per multiprocessor (one fits, by
    /// shared memory and registers), each looping over its units, so the next tile's loads
    /// overlap the end of the current one.
    /// </summary>
    public Dim3 GridFor(bool causal, int multiprocessors) =>
        new((uint)Math.Min(Units(causal), Math.Max(1, multiprocessors)), 1, 1);

    /// <summary>The shape O must have: q's.</summary>
    public TensorShape OutputShape => new(Batch, Heads, Seq, HeadDim);

    /// <summary>The shape LSE must have: (batch, heads, 1, seq).</summary>
    public TensorShape LseShape => new(Batch, Heads, 1, Seq);

    /// <summary>
    /// Checks q, k and v: every rule failure is an <see cref="ArgumentException"/> whose
    /// <see cref="ArgumentException.ParamName"/> is the offending argument and whose message says
    /// what was expected and what was given. Allocates nothing when the shapes are valid.
    /// </summary>
    public static AttentionProblem FromInputs(TensorShape q, TensorShape k, TensorShape v)
    {
        if (q.Batch < 1 || q.Depth < 1 || q.Rows < 1 || q.Cols < 1)
            throw Fail("q", $"Argument 'q' must be (batch, heads, seq, head_dim) with every extent at least 1, got {q}.");
        if (!FlashAttentionKernels.Supports(q.Cols))
            throw Fail("q", $"Argument 'q' has head_dim {q.Cols} (shape {q}), but FlashAttention supports head_dim {string.Join(", ", FlashAttentionKernels.HeadDims)}.");
        long tiles = (q.Rows + (long)FlashAttentionKernels.BlockRowsFor(q.Cols) - 1) / FlashAttentionKernels.BlockRowsFor(q.Cols) * q.Depth * q.Batch;
        if (tiles > MaxTiles)
            throw Fail("q", $"Argument 'q' (shape {q}) makes {tiles} query tiles of {FlashAttentionKernels.BlockRowsFor(q.Cols)} rows (seq / rows · heads · batch), but at most {MaxTiles} are supported; split the batch.");

        if (k.Cols != q.Cols)
            throw Fail("k", $"Argument 'k' has head_dim {k.Cols} (shape {k}), but 'q' has head_dim {q.Cols} (shape {q}); they must match.");
        if (k.Batch != q.Batch)
            throw Fail("k", $"Argument 'k' has batch {k.Batch} (shape {k}), but 'q' has batch {q.Batch} (shape {q}); they must match.");
        if (k.Rows != q.Rows)
            throw Fail("k", $"Argument 'k' has seq {k.Rows} (shape {k}), but 'q' has seq {q.Rows} (shape {q}); this version computes self-attention, so the key and query lengths must be equal.");
        if (k.Depth < 1 || q.Depth % k.Depth != 0)
            throw Fail("k", $"Argument 'k' has {k.Depth} heads (shape {k}), which does not divide the {q.Depth} heads of 'q' (shape {q}); grouped-query attention needs heads % kvHeads == 0.");

        if (v != k)
            throw Fail("v", $"Argument 'v' has shape {v}, but it must have the shape of 'k', {k} (batch, kvHeads, seq, head_dim).");

        return new AttentionProblem(q.Batch, q.Depth, k.Depth, q.Rows, q.Cols);
    }

    /// <summary>Checks o (q's shape) and lse ((batch, heads, 1, seq)); errors as in <see cref="FromInputs"/>.</summary>
    public void CheckOutputs(TensorShape o, TensorShape lse)
    {
        if (o != OutputShape)
            throw Fail("o", $"Argument 'o' has shape {o}, but it must have the shape of 'q', {OutputShape} (batch, heads, seq, head_dim).");
        if (lse != LseShape)
            throw Fail("lse", $"Argument 'lse' has shape {lse}, but it must be (batch, heads, 1, seq) = {LseShape}.");
    }

    /// <summary>All the shape rules for q, k, v, o and lse.</summary>
    public static AttentionProblem Validate(TensorShape q, TensorShape k, TensorShape v, TensorShape o, TensorShape lse)
    {
        var problem = FromInputs(q, k, v);
        problem.CheckOutputs(o, lse);
        return problem;
    }

    /// <summary>
    /// The kernel's <c>scaleLog2</c> = scale · log2(e), scale defaulting to 1/√headDim. A scale
    /// that is NaN, infinite, zero or negative, or so large that scale · log2(e) overflows float,
    /// is an <see cref="ArgumentException"/> naming <c>softmaxScale</c>.
    /// </summary>
    public static float ScaleLog2(float? softmaxScale, int headDim)
    {
        double scale = softmaxScale ?? 1.0 / Math.Sqrt(headDim);
        if (!double.IsFinite(scale) || scale <= 0)
            throw Fail("softmaxScale", $"Argument 'softmaxScale' must be a finite positive number (or null for 1/sqrt(head_dim)), got {scale.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        float scaleLog2 = (float)(scale * 1.4426950408889634);
        if (!float.IsFinite(scaleLog2) || scaleLog2 <= 0)
            throw Fail("softmaxScale", $"Argument 'softmaxScale' is {scale.ToString(System.Globalization.CultureInfo.InvariantCulture)}; scale · log2(e) must be a finite positive float, and it is {scaleLog2.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        return scaleLog2;
    }

    private static ArgumentException Fail(string argument, string message) => new(message, argument);
}
