// kittens/common/util.cuh
// Thread-position helpers and library-wide constants.
#pragma once

namespace kittens {

// Enumerators rather than constexpr variables: NVRTC -default-device would emit those as globals.
enum : int {
    BASE_TILE_DIM = 16,       // every register/shared tile is built from 16x16 blocks
    WARP_THREADS = 32,
    WARPGROUP_THREADS = 128,
    WARPGROUP_WARPS = 4
};
enum : unsigned { FULL_MASK = 0xffffffffu };

// The library assumes 1-D thread blocks (threadIdx.x only), as the generator launches them.
__device__ __forceinline__ int laneid() { return (int)(threadIdx.x & 31u); }
__device__ __forceinline__ int warpid() { return (int)(threadIdx.x >> 5); }
// The warpgroup index, read through a shuffle from lane 0 so that ptxas knows it is the same in
// every lane: branches on it (producer/consumer roles, loop bounds from a warpgroup's rows) are
// then uniform, and wgmma inside them is not serialised (C7518, "WG.DP in divergent path").
// Call it from converged warps.
__device__ __forceinline__ int warpgroupid() { return __shfl_sync(FULL_MASK, (int)(threadIdx.x >> 7), 0); }

// 32-bit address in the shared state space, as ldmatrix/ld.shared/TMA/wgmma expect it.
// The swizzle of shared tiles is defined on this address (see types/shared/st.cuh).
__device__ __forceinline__ unsigned smem_addr(const void* p) {
    return (unsigned)__cvta_generic_to_shared(p);
}

// The length of an array (a C# tile array's .Length): a constant, also for a device function's
// array parameter, whose extent is deduced at the call.
template<class T, int N>
__device__ __forceinline__ constexpr int extent(const T (&)[N]) { return N; }

} // namespace kittens
