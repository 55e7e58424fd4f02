// kittens/ops/warpgroup/sync.cuh
// warpgroup::sync(id): named barrier `id` over the 128 threads of the calling warpgroup
// (bar.sync id, 128). Give each warpgroup its own id (e.g. 1 + warpgroupid()) and keep 0 for
// __syncthreads. warpgroup::arrive(id): count the warpgroup's threads without waiting.
// Works on every target.
#pragma once
#include "kittens/common/util.cuh"
#include "kittens/ops/thread/named_barrier.cuh"

namespace kittens {
namespace warpgroup {

__device__ __forceinline__ void sync(int id) { named_barrier_sync(id, WARPGROUP_THREADS); }
__device__ __forceinline__ void arrive(int id) { named_barrier_arrive(id, WARPGROUP_THREADS); }

} // namespace warpgroup
} // namespace kittens
