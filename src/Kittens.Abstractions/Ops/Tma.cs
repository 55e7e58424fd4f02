namespace Kittens;

/// <summary>
/// The Tensor Memory Accelerator (sm_90): one thread issues a bulk copy of a whole shared tile or
/// vector between shared memory and a global tensor, using the tensor map that the tensor's
/// <see cref="TmaAttribute"/> declares. Loads complete on a <see cref="Semaphore"/>; stores are
/// tracked in commit groups.
/// </summary>
public static class Tma
{
    /// <summary>
    /// Arrives on <paramref name="sem"/> and tells it to expect <paramref name="bytes"/> more
    /// bytes of TMA loads in the current phase.
    /// </summary>
    [RequiresArch("sm_90"), Cuda("kittens::tma::expect_bytes")]
    public static void ExpectBytes(Semaphore sem, int bytes) => throw Stub.OnlyInKernel();

    /// <summary>Like <see cref="ExpectBytes"/>, with the byte size of <paramref name="tile"/>'s type.</summary>
    [RequiresArch("sm_90"), Cuda("kittens::tma::expect")]
    public static void Expect<T, R, C>(Semaphore sem, ST<T, R, C> tile)
        where T : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>Like <see cref="ExpectBytes"/>, with the byte size of <paramref name="vector"/>'s type.</summary>
    [RequiresArch("sm_90"), Cuda("kittens::tma::expect")]
    public static void Expect<T, N>(Semaphore sem, SV<T, N> vector)
        where T : unmanaged where N : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>
    /// Starts loading the tile at <paramref name="idx"/> (in tile units) of <paramref name="src"/>
    /// into <paramref name="dst"/>; its bytes complete on <paramref name="sem"/>. One thread calls it.
    /// Out-of-range parts of the tile read as zeros.
    /// </summary>
    [RequiresArch("sm_90"), Cuda("kittens::tma::load_async"), TensorMapTransfer]
    public static void Load<T, R, C>(ST<T, R, C> dst, GL<T> src, Coord idx, Semaphore sem)
        where T : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>
    /// Starts loading column chunk <paramref name="chunk"/> of the tile at <paramref name="idx"/>
    /// of <paramref name="src"/> into the same chunk of <paramref name="dst"/> in every block of
    /// the cluster named by the bit mask <paramref name="blocks"/> (bit i: rank i), at the same
    /// shared-memory offset; the bytes complete on each of those blocks' semaphore at
    /// <paramref name="sem"/>'s offset. A chunk is the tile's columns of one 128-byte swizzle span
    /// (64 for 16-bit types, 32 for float), so the tensor's <see cref="TmaAttribute"/> must list
    /// the chunk's tile type (<c>ST&lt;T, R, D64&gt;</c> for bf16). Blocks of a cluster that each
    /// load a different chunk with every block in the mask fill the whole tile everywhere while
    /// reading it from L2 once. Each receiving block expects the whole tile's bytes.
    /// </summary>
    [RequiresArch("sm_90"), Cuda("kittens::tma::load_async_multicast"), TensorMapTransfer(ColumnChunk = true)]
    public static void LoadMulticast<T, R, C>(ST<T, R, C> dst, int chunk, GL<T> src, Coord idx, Semaphore sem, int blocks)
        where T : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>Starts loading the vector at <paramref name="idx"/> (col counts vectors, row counts rows) into <paramref name="dst"/>.</summary>
    [RequiresArch("sm_90"), Cuda("kittens::tma::load_async"), TensorMapTransfer]
    public static void Load<T, N>(SV<T, N> dst, GL<T> src, Coord idx, Semaphore sem)
        where T : unmanaged where N : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>
    /// Starts storing <paramref name="src"/> to the tile at <paramref name="idx"/> of
    /// <paramref name="dst"/> (one thread calls it; out-of-range parts are not written). Follow
    /// with <see cref="StoreCommit"/> and wait with <see cref="StoreReadWait"/> before reusing the tile.
    /// </summary>
    [RequiresArch("sm_90"), Cuda("kittens::tma::store_async"), TensorMapTransfer]
    public static void Store<T, R, C>(GL<T> dst, ST<T, R, C> src, Coord idx)
        where T : unmanaged where R : struct, IDim where C : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>Starts storing the vector <paramref name="src"/> at <paramref name="idx"/> of <paramref name="dst"/>.</summary>
    [RequiresArch("sm_90"), Cuda("kittens::tma::store_async"), TensorMapTransfer]
    public static void Store<T, N>(GL<T> dst, SV<T, N> src, Coord idx)
        where T : unmanaged where N : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>Closes the group of TMA stores this thread issued since the last commit.</summary>
    [RequiresArch("sm_90"), Cuda("kittens::tma::store_commit_group")]
    public static void StoreCommit() => throw Stub.OnlyInKernel();

    /// <summary>
    /// Waits until at most <paramref name="pending"/> committed store groups are still writing
    /// global memory. <paramref name="pending"/> must be a constant.
    /// </summary>
    [RequiresArch("sm_90"), Cuda("kittens::tma::store_async_wait<{0}>()")]
    public static void StoreWait(
        [ValueRange(0, int.MaxValue, Reason = "a count of pending groups is not negative")] int pending) => throw Stub.OnlyInKernel();

    /// <summary>
    /// Waits until at most <paramref name="pending"/> committed store groups are still reading
    /// their shared source (so those tiles may be overwritten). <paramref name="pending"/> must be a constant.
    /// </summary>
    [RequiresArch("sm_90"), Cuda("kittens::tma::store_async_read_wait<{0}>()")]
    public static void StoreReadWait(
        [ValueRange(0, int.MaxValue, Reason = "a count of pending groups is not negative")] int pending) => throw Stub.OnlyInKernel();
}
