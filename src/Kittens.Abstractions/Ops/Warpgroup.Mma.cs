namespace Kittens;

/// <summary>
/// Warpgroup-scope asynchronous matrix multiply on tensor cores (wgmma.m64nNk16, fp32
/// accumulate): the four warps compute one 64 x N product, warp w holding rows 16w..16w+15 of
/// it. Issue, then <see cref="MmaCommit"/>, then <see cref="MmaWait"/> before reading D.
/// </summary>
public static partial class Warpgroup
{
    /// <summary>
    /// D += A·B, A the warpgroup's 64 x K shared tile, B a K x N shared tile, D this warp's 16 x N slice.
    /// </summary>
    [Cuda("kittens::warpgroup::mma_AB")]
    public static void MmaAB<T, K, N>(RT<float, D16, N, Row> d, ST<T, D64, K> a, ST<T, K, N> b)
        where T : unmanaged, IMmaInput where K : struct, IDim where N : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>
    /// D += A·B, A this warp's 16 x K register tile, B a K x N shared tile, D this warp's 16 x N slice.
    /// </summary>
    [Cuda("kittens::warpgroup::mma_AB")]
    public static void MmaAB<T, K, N>(RT<float, D16, N, Row> d, RT<T, D16, K, Row> a, ST<T, K, N> b)
        where T : unmanaged, IMmaInput where K : struct, IDim where N : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>
    /// D += A·Bᵀ, A the warpgroup's 64 x K shared tile, B an N x K shared tile, D this warp's 16 x N slice.
    /// </summary>
    [Cuda("kittens::warpgroup::mma_ABt")]
    public static void MmaABt<T, K, N>(RT<float, D16, N, Row> d, ST<T, D64, K> a, ST<T, N, K> b)
        where T : unmanaged, IMmaInput where K : struct, IDim where N : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>
    /// D += A·Bᵀ, A this warp's 16 x K register tile, B an N x K shared tile, D this warp's 16 x N slice.
    /// </summary>
    [Cuda("kittens::warpgroup::mma_ABt")]
    public static void MmaABt<T, K, N>(RT<float, D16, N, Row> d, RT<T, D16, K, Row> a, ST<T, N, K> b)
        where T : unmanaged, IMmaInput where K : struct, IDim where N : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>
    /// D = A·B, A the warpgroup's 64 x K shared tile, B a K x N shared tile, D this warp's 16 x N slice.
    /// </summary>
    [Cuda("kittens::warpgroup::mm_AB")]
    public static void MmAB<T, K, N>(RT<float, D16, N, Row> d, ST<T, D64, K> a, ST<T, K, N> b)
        where T : unmanaged, IMmaInput where K : struct, IDim where N : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>
    /// D = A·B, A this warp's 16 x K register tile, B a K x N shared tile, D this warp's 16 x N slice.
    /// </summary>
    [Cuda("kittens::warpgroup::mm_AB")]
    public static void MmAB<T, K, N>(RT<float, D16, N, Row> d, RT<T, D16, K, Row> a, ST<T, K, N> b)
        where T : unmanaged, IMmaInput where K : struct, IDim where N : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>
    /// D = A·Bᵀ, A the warpgroup's 64 x K shared tile, B an N x K shared tile, D this warp's 16 x N slice.
    /// </summary>
    [Cuda("kittens::warpgroup::mm_ABt")]
    public static void MmABt<T, K, N>(RT<float, D16, N, Row> d, ST<T, D64, K> a, ST<T, N, K> b)
        where T : unmanaged, IMmaInput where K : struct, IDim where N : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>
    /// D = A·Bᵀ, A this warp's 16 x K register tile, B an N x K shared tile, D this warp's 16 x N slice.
    /// </summary>
    [Cuda("kittens::warpgroup::mm_ABt")]
    public static void MmABt<T, K, N>(RT<float, D16, N, Row> d, RT<T, D16, K, Row> a, ST<T, N, K> b)
        where T : unmanaged, IMmaInput where K : struct, IDim where N : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>Closes the group of wgmma operations this warpgroup issued since the last commit.</summary>
    [Cuda("kittens::warpgroup::mma_commit_group")]
    public static void MmaCommit() => throw Stub.OnlyInKernel();

    /// <summary>
    /// Waits until at most <paramref name="pending"/> committed wgmma groups are still running
    /// (0: all done, so their accumulators may be read). <paramref name="pending"/> must be a constant.
    /// </summary>
    [Cuda("kittens::warpgroup::mma_async_wait<{0}>()")]
    public static void MmaWait(int pending) => throw Stub.OnlyInKernel();

    /// <summary>
    /// Waits like <see cref="MmaWait(int)"/> and also fences <paramref name="acc"/>, so the
    /// compiler cannot move reads of the accumulator above the wait. Prefer this form.
    /// </summary>
    [Cuda("kittens::warpgroup::mma_async_wait<{0}>({1})")]
    public static void MmaWait<N>(int pending, RT<float, D16, N, Row> acc)
        where N : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>
    /// Waits like <see cref="MmaWait{N}(int, RT{float, D16, N, Row})"/> and also fences
    /// <paramref name="a"/>, the register A operand of a product that was running: its registers
    /// then stay untouched until the wait. Without this the compiler may hand them to other values
    /// as soon as the product is issued (it sees no later use), and then has to wait for the
    /// product before that other work, which would no longer overlap the product.
    /// </summary>
    [Cuda("kittens::warpgroup::mma_async_wait<{0}>({1}, {2})")]
    public static void MmaWait<N, T, K>(int pending, RT<float, D16, N, Row> acc, RT<T, D16, K, Row> a)
        where N : struct, IDim where T : unmanaged where K : struct, IDim
        => throw Stub.OnlyInKernel();
}
