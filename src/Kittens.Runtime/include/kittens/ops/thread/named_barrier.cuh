// kittens/ops/thread/named_barrier.cuh
// Named barriers (bar.sync / bar.arrive on one of the 16 hardware barriers of a CTA), for
// synchronising a subset of the block: e.g. the 128 threads of a warpgroup, or producer and
// consumer warps.
//   named_barrier_sync(id, threads):   wait until `threads` threads (counting this one) reached
//                                      barrier `id`; orders their shared-memory accesses.
//   named_barrier_arrive(id, threads): count this thread towards barrier `id` without waiting
//                                      (a producer signalling consumers that sync on the same id).
// id in 0..15 (0 is the one __syncthreads uses, so pick 1..15 for subsets); threads is a multiple
// of 32, the same value at every call site of that barrier, and whole warps take part.
// Works on every target (sm_70+).
#pragma once
#include "kittens/common/util.cuh"

namespace kittens {

__device__ __forceinline__ void named_barrier_sync(int id, int threads) {
    asm volatile("bar.sync %0, %1;" :: "r"(id), "r"(threads) : "memory");
}

__device__ __forceinline__ void named_barrier_arrive(int id, int threads) {
    asm volatile("bar.arrive %0, %1;" :: "r"(id), "r"(threads) : "memory");
}

} // namespace kittens
