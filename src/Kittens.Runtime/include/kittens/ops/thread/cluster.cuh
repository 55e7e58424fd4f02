// kittens/ops/thread/cluster.cuh
// Thread-block clusters (sm_90): a kernel declared with __cluster_dims__ (C#:
// [Kernel(ClusterSize = n)]) runs its blocks in groups of n on neighbouring multiprocessors,
// which can reach each other's shared memory.
//   cluster_ctarank()          this block's rank in its cluster (0 without a cluster)
//   cluster_sync()             all threads of all blocks of the cluster meet (release / acquire);
//                              first publishes this block's mbarrier.init to the cluster, so call
//                              it after initializing semaphores and before any block reaches
//                              into another, and again before exiting (a block must not leave
//                              while another may still multicast into it or arrive on it)
//   arrive_cluster(sem, rank)  one arrival on the semaphore at sem's offset in block `rank`'s
//                              shared memory (release at CTA scope, the default: a cluster-scope
//                              release would make the arriving warp wait for all its earlier
//                              memory operations to become visible cluster-wide; what a freed ring
//                              slot needs, that this block's wgmma reads of it are done, its
//                              wgmma wait already guarantees)
// Multicast TMA loads are in tma.cuh (load_async_multicast).
#pragma once
#include "kittens/common/util.cuh"
#include "kittens/ops/thread/semaphore.cuh"

namespace kittens {

#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 900

__device__ __forceinline__ int cluster_ctarank() {
    unsigned rank;
    asm volatile("mov.u32 %0, %%cluster_ctarank;" : "=r"(rank));
    return (int)rank;
}

__device__ __forceinline__ void cluster_sync() {
    asm volatile("fence.mbarrier_init.release.cluster;" ::: "memory");
    asm volatile("barrier.cluster.arrive.release.aligned;" ::: "memory");
    asm volatile("barrier.cluster.wait.acquire.aligned;" ::: "memory");
}

__device__ __forceinline__ void arrive_cluster(semaphore& sem, int rank) {
    unsigned remote;
    asm volatile("mapa.shared::cluster.u32 %0, %1, %2;" : "=r"(remote) : "r"(smem_addr(&sem)), "r"(rank));
    asm volatile("mbarrier.arrive.shared::cluster.b64 _, [%0];" :: "r"(remote) : "memory");
}

#endif

} // namespace kittens
