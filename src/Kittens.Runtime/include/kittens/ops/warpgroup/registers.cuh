// kittens/ops/warpgroup/registers.cuh
// Register reallocation between warpgroups (setmaxnreg, sm_90a): a producer warpgroup that only
// issues TMA gives registers back, consumer warpgroups that hold big accumulators take them.
//   warpgroup::decrease_registers<24>();   // producer
//   warpgroup::increase_registers<240>();  // consumers
// All 4 warps of the warpgroup execute the call (.sync.aligned). N is the new per-thread
// maximum: a multiple of 8 in 24..256. Takes effect only when the kernel has a register cap at
// entry (__launch_bounds__(threads, 1) or -maxrregcount; the pool is that cap times the block's
// threads), and each warpgroup's role should be one branch of a single if/else. An increase
// waits until enough registers were released, so the budgets must add up:
// sum over warpgroups of 128 * N <= the pool (e.g. 384 threads, cap 168: 40 + 2 x 232).
#pragma once
#include "kittens/common/util.cuh"

namespace kittens {
namespace warpgroup {

#if defined(__CUDA_ARCH__) && defined(__CUDA_ARCH_FEAT_SM90_ALL)

template<int N>
__device__ __forceinline__ void increase_registers() {
    static_assert(N % 8 == 0 && N >= 24 && N <= 256, "kittens::warpgroup::increase_registers<N>: N must be a multiple of 8 in 24..256");
    asm volatile("setmaxnreg.inc.sync.aligned.u32 %0;" :: "n"(N));
}

template<int N>
__device__ __forceinline__ void decrease_registers() {
    static_assert(N % 8 == 0 && N >= 24 && N <= 256, "kittens::warpgroup::decrease_registers<N>: N must be a multiple of 8 in 24..256");
    asm volatile("setmaxnreg.dec.sync.aligned.u32 %0;" :: "n"(N));
}

#endif // sm_90a

} // namespace warpgroup
} // namespace kittens
