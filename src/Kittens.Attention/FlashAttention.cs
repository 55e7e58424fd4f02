using Kittens.Attention.Kernels;
using Kittens.Runtime;

namespace Kittens.Attention;

/// <summary>
/// FlashAttention forward, sm_90a TMA + wgmma kernels: O = softmax(scale · Q·Kᵀ [causal])·V, plus
/// the log-sum-exp of each query row, for bf16 tensors, head dim 64, 96, 128 or 256, any sequence
/// length, multi-head or grouped-query attention.
/// <para>
/// Layouts: every <see cref="DeviceTensor{T}"/> is contiguous and row-major, so there are no
/// strides to pass or check. q and o are (batch, heads, seq, head_dim); k and v are
/// (batch, kvHeads, seq, head_dim) with heads a multiple of kvHeads (query head h attends with
/// K/V head h / (heads / kvHeads)); lse is float (batch, heads, 1, seq) and receives, per query
/// row i, ln Σⱼ exp(scale · qᵢ·kⱼ) over the keys j the row attends to (natural log, of the scaled
/// scores): what a backward pass or a split-KV merge needs.
/// </para>
/// <para>
/// The kernels are compiled by NVRTC on the first call for each head dim (a few seconds, then
/// cached on disk); after that <see cref="Forward(DeviceTensor{bf16}, DeviceTensor{bf16}, DeviceTensor{bf16}, DeviceTensor{bf16}, DeviceTensor{float}, bool, float?, CudaStream?)"/>
/// validates, packs arguments on the stack and launches: no heap allocation per call. The call
/// is asynchronous with respect to the host, like any kernel launch on the given stream.
/// </para>
/// </summary>
public static class FlashAttention
{
    /// <summary>The head dims the kernels are built for: 64, 96, 128 and 256.</summary>
    public static IReadOnlyList<int> SupportedHeadDims => FlashAttentionKernels.HeadDims;

    /// <summary>
    /// The kernels behind <see cref="Forward(DeviceTensor{bf16}, DeviceTensor{bf16}, DeviceTensor{bf16}, DeviceTensor{bf16}, DeviceTensor{float}, bool, float?, CudaStream?)"/>,
    /// one per head dim in <see cref="SupportedHeadDims"/>' order, then the one causal calls at head
    /// dim 256 take up to sequence length 1024: what to compile ahead of time, or to inspect (CUDA
    /// text, resources).
    /// </summary>
    public static IReadOnlyList<KernelSource> Kernels => FlashAttentionKernels.Sources;

    /// <summary>
    /// Query rows each thread block computes for a head dim: 192 at head dim 64 (three consumer
    /// warpgroups of 64 rows), 128 at head dims 96, 128 and 256 (two).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="headDim"/> is not one of <see cref="SupportedHeadDims"/>.</exception>
    public static int BlockRowsFor(int headDim) => FlashAttentionKernels.BlockRowsFor(headDim);

    /// <summary>
    /// Computes attention into the caller's <paramref name="o"/> and <paramref name="lse"/>
    /// (the allocation-free hot path), launched on <paramref name="stream"/> (default
    /// <see cref="CudaStream.Default"/>).
    /// </summary>
    /// <param name="q">Queries, bf16 (batch, heads, seq, head_dim); head_dim 64, 96, 128 or 256, seq ≥ 1.</param>
    /// <param name="k">Keys, bf16 (batch, kvHeads, seq, head_dim); heads % kvHeads == 0.</param>
    /// <param name="v">Values, the shape of <paramref name="k"/>.</param>
    /// <param name="o">Output, bf16, the shape of <paramref name="q"/>. May be <paramref name="q"/> itself (each block reads its queries before writing its outputs).</param>
    /// <param name="lse">Output, float (batch, heads, 1, seq): natural-log log-sum-exp of each query row's scaled scores.</param>
    /// <param name="causal">Query i attends to keys 0..i only.</param>
    /// <param name="softmaxScale">The scale of Q·Kᵀ; null for 1/√head_dim. Must be finite and positive.</param>
    /// <param name="stream">The stream to launch on; every tensor must belong to its context (device). Null: <see cref="CudaStream.Default"/>.</param>
    /// <exception cref="ArgumentNullException">A tensor is null.</exception>
    /// <exception cref="ArgumentException">
    /// A shape, the scale or a tensor's device is not what this call takes, or an output shares device memory
    /// with an input it must not (o with k or v, or with part of q; lse with any other); <see cref="ArgumentException.ParamName"/>
    /// names the argument and the message says what was expected and what was given. Nothing is launched.
    /// </exception>
    /// <exception cref="NotSupportedException">The stream's device is not an sm_90 (H100-class) GPU.</exception>
    public static void Forward(
        DeviceTensor<bf16> q, DeviceTensor<bf16> k, DeviceTensor<bf16> v,
        DeviceTensor<bf16> o, DeviceTensor<float> lse,
        bool causal = false, float? softmaxScale = null, CudaStream? stream = null)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(k);
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(lse);
        var problem = AttentionProblem.Validate(q.Shape, k.Shape, v.Shape, o.Shape, lse.Shape);
        float scaleLog2 = AttentionProblem.ScaleLog2(softmaxScale, problem.HeadDim);
        stream ??= CudaStream.Default;
        var context = stream.Context;
        RequireContext(q.Context, context, nameof(q));
        RequireContext(k.Context, context, nameof(k));
        RequireContext(v.Context, context, nameof(v));
        RequireContext(o.Context, context, nameof(o));
        RequireContext(lse.Context, context, nameof(lse));
        RequireHopper(context);
        // Every block reads all of its head's K and V while others write O and LSE, so the
        // outputs may not share memory with them; o may be q itself (each block reads its Q rows
        // before it writes the same rows of O) but not overlap it otherwise.
        RequireApart(o, nameof(o), k.Buffer.Pointer, k.Buffer.SizeInBytes, nameof(k));
        RequireApart(o, nameof(o), v.Buffer.Pointer, v.Buffer.SizeInBytes, nameof(v));
        if (o.Buffer.Pointer != q.Buffer.Pointer || o.Buffer.SizeInBytes != q.Buffer.SizeInBytes)
            RequireApart(o, nameof(o), q.Buffer.Pointer, q.Buffer.SizeInBytes, nameof(q));
        RequireApart(lse, nameof(lse), q.Buffer.Pointer, q.Buffer.SizeInBytes, nameof(q));
        RequireApart(lse, nameof(lse), k.Buffer.Pointer, k.Buffer.SizeInBytes, nameof(k));
        RequireApart(lse, nameof(lse), v.Buffer.Pointer, v.Buffer.SizeInBytes, nameof(v));
        RequireApart(lse, nameof(lse), o.Buffer.Pointer, o.Buffer.SizeInBytes, nameof(o));

        int causalFlag = causal ? 1 : 0;
        var grid = problem.GridFor(causal, context.MultiprocessorCount);
        FlashAttentionKernels.Launch(problem.HeadDim, stream, grid, q, k, v, o, lse, causalFlag, scaleLog2, problem.HeadRatio);
    }

    /// <summary>
    /// Computes attention into newly allocated O and LSE tensors (on the stream's device), which
    /// the caller disposes. Same rules as the overload that takes <c>o</c> and <c>lse</c>; this
    /// one allocates device memory on every call, so use that one in a loop.
    /// </summary>
    /// <exception cref="ArgumentNullException">A tensor is null.</exception>
    /// <exception cref="ArgumentException">An input's shape, the scale or a tensor's device is wrong (checked before allocating).</exception>
    /// <exception cref="NotSupportedException">The stream's device is not an sm_90 (H100-class) GPU.</exception>
    public static AttentionResult Forward(
        DeviceTensor<bf16> q, DeviceTensor<bf16> k, DeviceTensor<bf16> v,
        bool causal = false, float? softmaxScale = null, CudaStream? stream = null)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(k);
        ArgumentNullException.ThrowIfNull(v);
        var problem = AttentionProblem.FromInputs(q.Shape, k.Shape, v.Shape);
        AttentionProblem.ScaleLog2(softmaxScale, problem.HeadDim);
        stream ??= CudaStream.Default;
        var context = stream.Context;
        RequireContext(q.Context, context, nameof(q));
        RequireContext(k.Context, context, nameof(k));
        RequireContext(v.Context, context, nameof(v));
        RequireHopper(context);

        DeviceTensor<bf16>? o = null;
        DeviceTensor<float>? lse = null;
        try
        {
            o = new DeviceTensor<bf16>(problem.OutputShape, context);
            lse = new DeviceTensor<float>(problem.LseShape, context);
            Forward(q, k, v, o, lse, causal, softmaxScale, stream);
            return new AttentionResult(o, lse);
        }
        catch
        {
            o?.Dispose();
            lse?.Dispose();
            throw;
        }
    }

    private static void RequireContext(CudaContext tensorContext, CudaContext streamContext, string argument)
    {
        if (!ReferenceEquals(tensorContext, streamContext))
            throw new ArgumentException(
                $"Argument '{argument}' lives on {tensorContext}, but the stream runs on {streamContext}; every tensor must be on the stream's device.",
                argument);
    }

    private static void RequireApart<T>(DeviceTensor<T> output, string argument, ulong otherStart, long otherBytes, string other)
        where T : unmanaged
    {
        ulong start = output.Buffer.Pointer, end = start + (ulong)output.Buffer.SizeInBytes, otherEnd = otherStart + (ulong)otherBytes;
        if (start < otherEnd && otherStart < end)
            throw new ArgumentException(
                $"Argument '{argument}' shares device memory with '{other}' (bytes 0x{Math.Max(start, otherStart):x} to 0x{Math.Min(end, otherEnd):x}): " +
                $"the kernel reads '{other}' while it writes '{argument}', so they must not overlap" +
                (argument == "o" && other == "q" ? " (o may be q itself, exactly)." : "."),
                argument);
    }

    private static void RequireHopper(CudaContext context)
    {
        if (context.ComputeCapability != (9, 0))
            throw new NotSupportedException(
                $"FlashAttention runs on sm_90 (H100-class) GPUs, compiled for sm_90a; {context} has compute capability " +
                $"{context.ComputeCapability.Major}.{context.ComputeCapability.Minor}.");
    }
}

/// <summary>
/// The outputs of <see cref="FlashAttention.Forward(DeviceTensor{bf16}, DeviceTensor{bf16}, DeviceTensor{bf16}, bool, float?, CudaStream?)"/>:
/// O and LSE, owned by the caller (dispose to free the device memory).
/// </summary>
public sealed class AttentionResult : IDisposable
{
    internal AttentionResult(DeviceTensor<bf16> output, DeviceTensor<float> logSumExp)
    {
        Output = output;
        LogSumExp = logSumExp;
    }

    /// <summary>O, bf16 (batch, heads, seq, head_dim).</summary>
    public DeviceTensor<bf16> Output { get; }

    /// <summary>LSE, float (batch, heads, 1, seq): natural-log log-sum-exp of each query row's scaled scores.</summary>
    public DeviceTensor<float> LogSumExp { get; }

    /// <summary>Frees both tensors.</summary>
    public void Dispose()
    {
        Output.Dispose();
        LogSumExp.Dispose();
    }
}
