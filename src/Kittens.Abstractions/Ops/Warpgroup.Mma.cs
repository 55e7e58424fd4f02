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
    [RequiresArch("sm_90a"), Cuda("kittens::warpgroup::mma_AB"), ThreadsMultiple(128)]
    public static void MmaAB<T, K, N>(RT<float, D16, N, Row> d, ST<T, D64, K> a, ST<T, K, N> b)
        where T : unmanaged, IMmaInput where K : struct, IDim where N : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>
    /// D += A·B, A this warp's 16 x K register tile, B a K x N shared tile, D this warp's 16 x N slice.
    /// </summary>
    [RequiresArch("sm_90a"), Cuda("kittens::warpgroup::mma_AB"), ThreadsMultiple(128)]
    public static void MmaAB<T, K, N>(RT<float, D16, N, Row> d, RT<T, D16, K, Row> a, ST<T, K, N> b)
        where T : unmanaged, IMmaInput where K : struct, IDim where N : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>
    /// D += A·Bᵀ, A the warpgroup's 64 x K shared tile, B an N x K shared tile, D this warp's 16 x N slice.
    /// </summary>
    [RequiresArch("sm_90a"), Cuda("kittens::warpgroup::mma_ABt"), ThreadsMultiple(128)]
    public static void MmaABt<T, K, N>(RT<float, D16, N, Row> d, ST<T, D64, K> a, ST<T, N, K> b)
        where T : unmanaged, IMmaInput where K : struct, IDim where N : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>
    /// D += A·Bᵀ, A this warp's 16 x K register tile, B an N x K shared tile, D this warp's 16 x N slice.
    /// </summary>
    [RequiresArch("sm_90a"), Cuda("kittens::warpgroup::mma_ABt"), ThreadsMultiple(128)]
    public static void MmaABt<T, K, N>(RT<float, D16, N, Row> d, RT<T, D16, K, Row> a, ST<T, N, K> b)
        where T : unmanaged, IMmaInput where K : struct, IDim where N : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>
    /// D = A·B, A the warpgroup's 64 x K shared tile, B a K x N shared tile, D this warp's 16 x N slice.
    /// </summary>
    [RequiresArch("sm_90a"), Cuda("kittens::warpgroup::mm_AB"), ThreadsMultiple(128)]
    public static void MmAB<T, K, N>(RT<float, D16, N, Row> d, ST<T, D64, K> a, ST<T, K, N> b)
        where T : unmanaged, IMmaInput where K : struct, IDim where N : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>
    /// D = A·B, A this warp's 16 x K register tile, B a K x N shared tile, D this warp's 16 x N slice.
    /// </summary>
    [RequiresArch("sm_90a"), Cuda("kittens::warpgroup::mm_AB"), ThreadsMultiple(128)]
    public static void MmAB<T, K, N>(RT<float, D16, N, Row> d, RT<T, D16, K, Row> a, ST<T, K, N> b)
        where T : unmanaged, IMmaInput where K : struct, IDim where N : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>
    /// D = A·Bᵀ, A the warpgroup's 64 x K shared tile, B an N x K shared tile, D this warp's 16 x N slice.
    /// </summary>
    [RequiresArch("sm_90a"), Cuda("kittens::warpgroup::mm_ABt"), ThreadsMultiple(128)]
    public static void MmABt<T, K, N>(RT<float, D16, N, Row> d, ST<T, D64, K> a, ST<T, N, K> b)
        where T : unmanaged, IMmaInput where K : struct, IDim where N : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>
    /// D = A·Bᵀ, A this warp's 16 x K register tile, B an N x K shared tile, D this warp's 16 x N slice.
    /// </summary>
    [RequiresArch("sm_90a"), Cuda("kittens::warpgroup::mm_ABt"), ThreadsMultiple(128)]
    public static void MmABt<T, K, N>(RT<float, D16, N, Row> d, RT<T, D16, K, Row> a, ST<T, N, K> b)
        where T : unmanaged, IMmaInput where K : struct, IDim where N : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>Closes the group of wgmma operations this warpgroup issued since the last commit.</summary>
    [RequiresArch("sm_90a"), Cuda("kittens::warpgroup::mma_commit_group"), ThreadsMultiple(128)]
    public static void MmaCommit() => throw Stub.OnlyInKernel();

    /// <summary>
    /// Waits until at most <paramref name="pending"/> committed wgmma groups are still running
    /// (0: all done, so their accumulators may be read). <paramref name="pending"/> must be a constant.
    /// </summary>
    [RequiresArch("sm_90a"), Cuda("kittens::warpgroup::mma_async_wait<{0}>()"), ThreadsMultiple(128)]
    public static void MmaWait(
        [ValueRange(0, 7, Reason = "wgmma.wait_group counts 0 to 7 pending groups")] int pending) => throw Stub.OnlyInKernel();

    /// <summary>
    /// Waits like <see cref="MmaWait(int)"/> and also fences <paramref name="acc"/>, so the
    /// compiler cannot move reads of the accumulator above the wait. Prefer this form.
    /// </summary>
    [RequiresArch("sm_90a"), Cuda("kittens::warpgroup::mma_async_wait<{0}>({1})"), ThreadsMultiple(128)]
    public static void MmaWait<N>(
        [ValueRange(0, 7, Reason = "wgmma.wait_group counts 0 to 7 pending groups")] int pending,
        RT<float, D16, N, Row> acc)
        where N : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>
    /// Waits like <see cref="MmaWait{N}(int, RT{float, D16, N, Row})"/>, but not before
    /// <paramref name="after"/> has been computed. Use it when work written between a product's
    /// issue and its wait should run while the product does (a softmax beside P·V): the CUDA
    /// compiler otherwise schedules the wait as early as it can, ahead of that work, which then
    /// waits for the product. Pass the last values that work computes (e.g. the softmax's row
    /// sums); the work they depend on stays before the wait. Costs a compare and a branch.
    /// </summary>
    [RequiresArch("sm_90a"), Cuda("kittens::warpgroup::mma_async_wait_after<{0}>({1}, {2})"), ThreadsMultiple(128)]
    public static void MmaWait<N, V, L>(
        [ValueRange(0, 7, Reason = "wgmma.wait_group counts 0 to 7 pending groups")] int pending,
        RT<float, D16, N, Row> acc, RV<float, V, L> after)
        where N : struct, IDim where V : struct, IDim where L : struct, IVecLayout
        => throw Stub.OnlyInKernel();
}
