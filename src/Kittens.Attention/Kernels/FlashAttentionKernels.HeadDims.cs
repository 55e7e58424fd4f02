using Kittens.Runtime;

namespace Kittens.Attention.Kernels;

/// <summary>
/// The instances of the forward kernel, by head dim (and, at head dim 256, by sequence length and
/// mask): the one table the library dispatches on.
/// </summary>
internal static partial class FlashAttentionKernels
{
    /// <summary>The head dims there is an instance for, ascending.</summary>
    public static IReadOnlyList<int> HeadDims { get; } = [64, 96, 128, 256];

    /// <summary>Whether <paramref name="headDim"/> has an instance.</summary>
    public static bool Supports(int headDim) => headDim is 64 or 96 or 128 or 256;

    /// <summary>
    /// The longest sequence for which causal head-dim-256 calls take
    /// <see cref="HeadDim256ShortCausalSchedule"/> (48-row K/V blocks) instead of
    /// <see cref="HeadDim256Schedule"/> (80-row). Both have two consumers, so the block rows, grid
    /// and units do not depend on the choice.
    /// </summary>
    public const int ShortCausalMaxSeq = 1024;

    /// <summary>Whether a call of these sizes runs the short causal head-dim-256 instance.</summary>
    public static bool UsesShortCausal(int headDim, int seq, bool causal) => headDim == 256 && causal && seq <= ShortCausalMaxSeq;

    /// <summary>Every instance's kernel source: one per head dim, in <see cref="HeadDims"/>' order, then the short causal head-dim-256 one.</summary>
    public static IReadOnlyList<KernelSource> Sources { get; } =
        [.. HeadDims.Select(SourceFor), ForwardD256ShortCausalKernel.Source];

    /// <summary>Consumer warpgroups per block of the instance for <paramref name="headDim"/>.</summary>
    public static int ConsumersFor(int headDim) => headDim switch
    {
        64 => HeadDim64Schedule.ConsumerCount,
        96 or 128 => HeadDim128Schedule.ConsumerCount,
        256 => HeadDim256Schedule.ConsumerCount,
        _ => throw Unsupported(headDim),
    };

    /// <summary>Query rows per block: 64 per consumer warpgroup.</summary>
    public static int BlockRowsFor(int headDim) => ConsumersFor(headDim) * 64;

    /// <summary>The kernel source of the head dim's instance for all other calls than <see cref="UsesShortCausal"/>'s, for ahead-of-time compilation and inspection.</summary>
    public static KernelSource SourceFor(int headDim) => headDim switch
    {
        64 => ForwardD64Kernel.Source,
        96 => ForwardD96Kernel.Source,
        128 => ForwardD128Kernel.Source,
        256 => ForwardD256Kernel.Source,
        _ => throw Unsupported(headDim),
    };

    /// <summary>Launches the instance for q's head dim, sequence length and mask (the launcher checks the shapes against it).</summary>
    public static void Launch(
        int headDim, CudaStream stream, Dim3 grid,
        DeviceTensor<bf16> q, DeviceTensor<bf16> k, DeviceTensor<bf16> v, DeviceTensor<bf16> o, DeviceTensor<float> lse,
        int causal, float scaleLog2, int headRatio)
    {
        switch (headDim)
        {
            case 64: ForwardD64Kernel.Launch(stream, grid, q, k, v, o, lse, causal, scaleLog2, headRatio); break;
            case 96: ForwardD96Kernel.Launch(stream, grid, q, k, v, o, lse, causal, scaleLog2, headRatio); break;
            case 128: ForwardD128Kernel.Launch(stream, grid, q, k, v, o, lse, causal, scaleLog2, headRatio); break;
            case 256 when UsesShortCausal(headDim, q.Shape.Rows, causal != 0): ForwardD256ShortCausalKernel.Launch(stream, grid, q, k, v, o, lse, causal, scaleLog2, headRatio); break;
            case 256: ForwardD256Kernel.Launch(stream, grid, q, k, v, o, lse, causal, scaleLog2, headRatio); break;
            default: throw Unsupported(headDim);
        }
    }

    private static ArgumentOutOfRangeException Unsupported(int headDim) =>
        new(nameof(headDim), headDim, "FlashAttention supports head_dim " + string.Join(", ", HeadDims) + ".");
}
