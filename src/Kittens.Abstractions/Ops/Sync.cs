namespace Kittens;

/// <summary>
/// Block-level synchronisation beyond <see cref="Gpu.SyncThreads"/>: mbarrier semaphores (the
/// phase-bit protocol TMA and producer/consumer warpgroups use) and named hardware barriers.
/// </summary>
public static class Sync
{
    /// <summary>
    /// Initializes <paramref name="sem"/> (one thread, once, before any use; then a block-wide
    /// sync): a phase completes after <paramref name="threads"/> arrivals plus
    /// <paramref name="transactions"/> more (a <see cref="Tma.ExpectBytes"/> counts as one
    /// arrival) and, when TMA bytes are expected, once those bytes have landed.
    /// </summary>
    [RequiresArch("sm_90"), Cuda("kittens::init_semaphore")]
    public static void Init(Semaphore sem, int threads, int transactions) => throw Stub.OnlyInKernel();

    /// <summary>Arrives once on <paramref name="sem"/> (each calling thread counts as one arrival).</summary>
    [RequiresArch("sm_90"), Cuda("kittens::arrive")]
    public static void Arrive(Semaphore sem) => throw Stub.OnlyInKernel();

    /// <summary>Arrives <paramref name="count"/> times on <paramref name="sem"/> from each calling thread.</summary>
    [RequiresArch("sm_90"), Cuda("kittens::arrive")]
    public static void Arrive(Semaphore sem, int count) => throw Stub.OnlyInKernel();

    /// <summary>
    /// Waits until the phase of <paramref name="sem"/> with parity <paramref name="phase"/> (0 or
    /// 1) has completed. Use k of a ring slot of S stages waits on parity (k / S) % 2.
    /// </summary>
    [RequiresArch("sm_90"), Cuda("kittens::wait")]
    public static void Wait(Semaphore sem, int phase) => throw Stub.OnlyInKernel();

    /// <summary>
    /// Waits at named barrier <paramref name="id"/> (bar.sync; 1 to 15, 0 is <see cref="Gpu.SyncThreads"/>'s)
    /// until <paramref name="threads"/> threads (a multiple of 32) have arrived or synced there.
    /// </summary>
    [Cuda("kittens::named_barrier_sync")]
    public static void BarrierSync(
        [ValueRange(0, 15, Reason = "bar.sync has barriers 0 to 15")] int id,
        [ValueRange(32, 1024, Step = 32, AtMostBlockThreads = true, Reason = "a barrier counts whole warps of the block")] int threads) => throw Stub.OnlyInKernel();

    /// <summary>
    /// Arrives at named barrier <paramref name="id"/> without waiting (bar.arrive: the producer side of a
    /// <see cref="BarrierSync"/> with the same id and thread count).
    /// </summary>
    [Cuda("kittens::named_barrier_arrive")]
    public static void BarrierArrive(
        [ValueRange(0, 15, Reason = "bar.sync has barriers 0 to 15")] int id,
        [ValueRange(32, 1024, Step = 32, AtMostBlockThreads = true, Reason = "a barrier counts whole warps of the block")] int threads) => throw Stub.OnlyInKernel();

    /// <summary>
    /// Arrives once on the semaphore at <paramref name="sem"/>'s place in the shared memory of
    /// block <paramref name="rank"/> of this cluster (release at cluster scope): how a consumer
    /// tells another block's producer that a slot it multicasts into is free.
    /// </summary>
    [RequiresArch("sm_90"), Cuda("kittens::arrive_cluster")]
    public static void ArriveCluster(Semaphore sem, int rank) => throw Stub.OnlyInKernel();

    /// <summary>
    /// Waits until every thread of every block of the cluster arrives (barrier.cluster, release /
    /// acquire), after making this block's semaphore initializations visible to the cluster. Call
    /// it after <see cref="Init"/> and before any block reaches into another (multicast loads,
    /// <see cref="ArriveCluster"/>), and again before exiting, so no block leaves while another
    /// may still write into its shared memory. All threads of the block call it.
    /// </summary>
    [RequiresArch("sm_90"), Cuda("kittens::cluster_sync")]
    public static void ClusterSync() => throw Stub.OnlyInKernel();
}
