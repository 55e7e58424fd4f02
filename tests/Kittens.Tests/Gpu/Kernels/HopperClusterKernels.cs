using Kittens;

namespace Kittens.Tests.GpuKernels;

/// <summary>
/// Thread-block clusters: two blocks stream the tiles of one source through a one-slot shared
/// tile, each block loading one 64-column chunk of every tile and multicasting it to both.
/// </summary>
public static partial class HopperClusterKernels
{
    /// <summary>
    /// Cluster c (blocks 2c and 2c + 1) copies tiles (c, 0, t, 0), t = 0..tiles − 1, of src
    /// (64×128 bf16 tiles) to tile (block, 0, t, 0) of dst, so dst[2c] and dst[2c + 1] both equal
    /// src[c]. Per tile, the block of rank r loads chunk r (columns 64r..64r + 63) into both
    /// blocks' shared tile; each block expects the whole tile's bytes, TMA-stores it once it has
    /// landed, and then frees the slot in both blocks (one arrival here, one by
    /// <see cref="Sync.ArriveCluster"/> there): a block reloads its chunk only once both blocks
    /// are done with the tile. A wrong <see cref="Gpu.ClusterRank"/> would load one chunk twice and
    /// leave the other stale (the byte count still matches, so the test fails rather than hangs).
    /// </summary>
    [Kernel(Threads = 32, ClusterSize = 2)]
    public static void StreamTilesAcrossCluster(
        [Tma(typeof(ST<bf16, D64, D64>))] GL<bf16> src,
        [Tma(typeof(ST<bf16, D64, D128>))] GL<bf16> dst,
        int tiles)
    {
        var tile = Shared.Alloc<ST<bf16, D64, D128>>();
        var arrived = Shared.Alloc<Semaphore>();
        var free = Shared.Alloc<Semaphore>();
        int rank = Gpu.ClusterRank;
        int cluster = BlockIdx.X / 2;
        if (ThreadIdx.X == 0)
        {
            Sync.Init(arrived, 0, 1);
            Sync.Init(free, 2, 0);
        }
        Sync.ClusterSync();

        if (ThreadIdx.X == 0)
        {
            for (int t = 0; t < tiles; t++)
            {
                if (t > 0)
                {
                    Sync.Wait(free, (t - 1) % 2);
                }
                Tma.Expect(arrived, tile);
                Tma.LoadMulticast(tile, rank, src, new Coord(cluster, 0, t, 0), arrived, 3);
                Sync.Wait(arrived, t % 2);
                Tma.Store(dst, tile, new Coord(BlockIdx.X, 0, t, 0));
                Tma.StoreCommit();
                Tma.StoreReadWait(0);
                Sync.Arrive(free);
                Sync.ArriveCluster(free, 1 - rank);
            }
            Tma.StoreWait(0);
        }
        Sync.ClusterSync();
    }
}
