using Kittens;

namespace Kittens.Attention.Kernels;

/// <summary>
/// What one instance of <see cref="FlashAttentionKernels.Forward{THeadDim, TKvRows, TSchedule}"/>
/// fixes besides its tile sizes: the generator folds each member into a literal, so an instance
/// compiles as if it had been written with these numbers.
/// </summary>
internal interface IAttentionSchedule
{
    /// <summary>Consumer warpgroups per block, each owning 64 query rows.</summary>
    static abstract int Consumers { get; }

    /// <summary>Depth of the K/V ring of shared tiles.</summary>
    static abstract int Stages { get; }

    /// <summary>Registers per thread the producer warpgroup keeps (setmaxnreg.dec).</summary>
    static abstract int ProducerRegisters { get; }

    /// <summary>Registers per thread each consumer warpgroup raises to (setmaxnreg.inc).</summary>
    static abstract int ConsumerRegisters { get; }

    /// <summary>
    /// Each consumer reads its Q rows into registers once a tile, so S = Q·Kᵀ reads only K from
    /// shared memory and the Q tile is free for the next load at once; else wgmma reads Q from
    /// shared memory and the tile is freed after the last S.
    /// </summary>
    static abstract bool QueriesInRegisters { get; }

    /// <summary>
    /// The P·V wait stays after the softmax (Warpgroup.MmaWait with an 'after' value); else it is
    /// a plain wait, which the compiler hoists above the softmax.
    /// </summary>
    static abstract bool WaitAfterSoftmax { get; }

    /// <summary>
    /// O leaves through each consumer's own shared tile by TMA store; else each warp stores its 16
    /// rows of O from registers (clipped at n), and the O tiles' shared memory goes to the K/V ring.
    /// </summary>
    static abstract bool OutputThroughShared { get; }
}

/// <summary>Head dim 64: three consumers at 160 registers, K/V tiles of 128 rows four deep.</summary>
internal readonly struct HeadDim64Schedule : IAttentionSchedule
{
    public const int ConsumerCount = 3;
    public static int Consumers => ConsumerCount;
    public static int Stages => 4;
    public static int ProducerRegisters => 32;
    public static int ConsumerRegisters => 160;
    public static bool QueriesInRegisters => false;
    public static bool WaitAfterSoftmax => false;
    public static bool OutputThroughShared => true;
}

/// <summary>Head dims 96 and 128: two consumers at 240 registers with Q in registers, K/V tiles of 128 rows two deep.</summary>
internal readonly struct HeadDim128Schedule : IAttentionSchedule
{
    public const int ConsumerCount = 2;
    public static int Consumers => ConsumerCount;
    public static int Stages => 2;
    public static int ProducerRegisters => 24;
    public static int ConsumerRegisters => 240;
    public static bool QueriesInRegisters => true;
    public static bool WaitAfterSoftmax => true;
    public static bool OutputThroughShared => true;
}

/// <summary>
/// Head dim 256: two consumers at 240 registers (the 64 x 256 accumulator alone is 128 a thread),
/// Q read by wgmma from shared memory, O stored from registers, so that Q (64 KiB) and a two-deep
/// ring of 80-row K/V tiles (160 KiB) fill 224 of the 227 KiB of shared memory.
/// </summary>
internal readonly struct HeadDim256Schedule : IAttentionSchedule
{
    public const int ConsumerCount = 2;
    public static int Consumers => ConsumerCount;
    public static int Stages => 2;
    public static int ProducerRegisters => 24;
    public static int ConsumerRegisters => 240;
    public static bool QueriesInRegisters => false;
    public static bool WaitAfterSoftmax => true;
    public static bool OutputThroughShared => false;
}

/// <summary>
/// Head dim 256, causal and short (<see cref="FlashAttentionKernels.ShortCausalMaxSeq"/>): as
/// <see cref="HeadDim256Schedule"/>, but O leaves through each consumer's shared tile by TMA and
/// the K/V ring is two 48-row blocks (Q, O and the ring: 64 + 64 + 96 KiB). On the diagonal a
/// 128-row query tile masks less of a 48-row block than of an 80-row one, which matters when a
/// tile has only a few K/V blocks; at longer N the 80-row blocks' wider products win.
/// </summary>
internal readonly struct HeadDim256ShortCausalSchedule : IAttentionSchedule
{
    public const int ConsumerCount = 2;
    public static int Consumers => ConsumerCount;
    public static int Stages => 2;
    public static int ProducerRegisters => 24;
    public static int ConsumerRegisters => 240;
    public static bool QueriesInRegisters => false;
    public static bool WaitAfterSoftmax => true;
    public static bool OutputThroughShared => true;
}
