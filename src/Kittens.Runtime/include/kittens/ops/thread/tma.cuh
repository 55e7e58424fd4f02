// kittens/ops/thread/tma.cuh
// kittens::tma: bulk tensor copies (TMA) between a gl's tensor maps and shared tiles / vectors.
// Thread scope: ONE thread issues each call (e.g. `if (threadIdx.x == 0)` or lane 0 of a producer
// warp); the copy engine then moves the whole tile.
//
// Loads complete on a semaphore (mbarrier): the issuing thread first announces the bytes,
//     tma::expect(sem, tile_a, tile_b);          // = expect_bytes(sem, sizeof a + sizeof b): one arrival
//     tma::load_async(tile_a, gl_a, {b, d, r, c}, sem);
//     tma::load_async(tile_b, gl_b, {...}, sem);
// and every consumer thread does kittens::wait(sem, phase) before reading the tiles. Elements
// outside the tensor read as zeros (the runtime encodes the maps with OOB fill NONE) and still
// count towards the transaction bytes.
// Stores: the tile must be complete in shared memory (writers: warpgroup::store / warp::store,
// then a barrier). store_async issues fence.proxy.async.shared::cta (making the generic-proxy
// writes visible to the copy engine), then the copy; afterwards
//     tma::store_commit_group();                 // close the group of stores issued so far
//     tma::store_async_read_wait<0>();           // shared source may be overwritten / block may exit
//     tma::store_async_wait<0>();                // or: writes visible in global memory
// A block must not exit (or reuse the tile) before store_async_read_wait<0>() on its stores.
// Elements outside the tensor are not written.
//
// Coordinates (coord{b, d, r, c}, r and c in units of the tile / vector), box origins per
// docs/design.md section 5 (see types/global/tensor_map.cuh):
//     st<T, R, C>:  5-D {0, r*R, c*C/W, d, b}       sv<T, N>:  4-D {c*N, r, d, b}
// The gl must be a `const __grid_constant__` kernel parameter (or a reference to one): the
// instruction reads the map through the parameter's generic address (&src.maps[i]).
// sm_90+ only.
#pragma once
#include "kittens/common/util.cuh"
#include "kittens/types/shared/st.cuh"
#include "kittens/types/shared/sv.cuh"
#include "kittens/types/global/coord.cuh"
#include "kittens/types/global/gl_tma.cuh"
#include "kittens/ops/thread/semaphore.cuh"

namespace kittens {
namespace tma {

#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 900

namespace detail {

// The map of shared type X inside a gl<GT, TMA...>, with the checks spelled out.
template<class X, class GT, class... TMA>
__device__ __forceinline__ unsigned long long map_address(const gl<GT, TMA...>& g) {
    static_assert(sizeof...(TMA) > 0,
                  "kittens TMA: this gl carries no tensor map; declare the tile / vector type on it (kittens::gl<T, st<...>>, C#: [Tma(typeof(...))])");
    static_assert(is_same<typename tma_traits<X>::dtype, GT>::value, "kittens TMA: the shared tile / vector dtype must equal the gl's dtype");
    if constexpr (sizeof...(TMA) > 0) return reinterpret_cast<unsigned long long>(g.template map<X>());
    else return 0ull;
}

} // namespace detail

// ---- transaction bytes -----------------------------------------------------------------------

// Arrive once on `sem` and add `bytes` to the bytes its current phase waits for.
__device__ __forceinline__ void expect_bytes(semaphore& sem, int bytes) {
    asm volatile("mbarrier.arrive.expect_tx.release.cta.shared::cta.b64 _, [%0], %1;"
                 :: "r"(smem_addr(&sem)), "r"(bytes) : "memory");
}

// expect_bytes with the byte size of the given tiles / vectors (one arrival in total).
template<class... X>
__device__ __forceinline__ void expect(semaphore& sem, const X&... objs) {
    static_assert(sizeof...(X) >= 1, "kittens::tma::expect: name at least one shared tile or vector");
    static_assert((... && tma_traits<X>::valid), "kittens::tma::expect: arguments must be shared tiles (st) or shared vectors (sv)");
    expect_bytes(sem, (int)(0 + ... + sizeof(X)));
}

// ---- loads -----------------------------------------------------------------------------------

template<class T, int R, int C, int P, int S, class GT, class... TMA>
__device__ __forceinline__ void load_async(st<T, R, C, P, S>& dst, const gl<GT, TMA...>& src, const coord& idx, semaphore& sem) {
    static_assert(st<T, R, C, P, S>::contiguous, "kittens::tma::load_async: this sub-tile is not one block of memory (a row band of a tile wider than one swizzle chunk); load the whole tile, or a band of one chunk");
    using TR = tma_traits<st<T, R, C>>;
    const unsigned long long map = detail::map_address<st<T, R, C>>(src);
    asm volatile("cp.async.bulk.tensor.5d.shared::cluster.global.tile.mbarrier::complete_tx::bytes"
                 " [%0], [%1, {%2, %3, %4, %5, %6}], [%7];"
                 :: "r"(smem_addr(&dst)), "l"(map),
                    "r"(TR::c0(idx.r, idx.c)), "r"(TR::c1(idx.r, idx.c)), "r"(TR::c2(idx.r, idx.c)), "r"(idx.d), "r"(idx.b),
                    "r"(smem_addr(&sem))
                 : "memory");
}

// Column chunk `chunk` (the tile's columns of one 128-byte swizzle span: st<T, R, W>, W = 128 /
// sizeof(T), which the gl must carry a map for) of the tile at idx, into the same chunk of dst in
// every block of the cluster whose bit is set in `blocks`, at dst's offset; the bytes complete on
// the semaphore at sem's offset in each of them (so each expects the bytes of every chunk it
// receives). The chunk is contiguous in shared memory (st.cuh), so it is one copy.
template<class T, int R, int C, int P, int S, class GT, class... TMA>
__device__ __forceinline__ void load_async_multicast(st<T, R, C, P, S>& dst, int chunk, const gl<GT, TMA...>& src, const coord& idx,
                                                     semaphore& sem, int blocks) {
    static_assert(is_same<st<T, R, C, P, S>, st<T, R, C>>::value, "kittens::tma::load_async_multicast: takes a whole tile, not a sub-tile");
    constexpr int W = 128 / (int)sizeof(T);
    static_assert(C % W == 0, "kittens::tma::load_async_multicast: the tile's rows must be whole 128-byte chunks");
    using Part = st<T, R, W>;
    static_assert(sizeof(Part) * (C / W) == sizeof(st<T, R, C>), "kittens::tma::load_async_multicast: chunk layout mismatch");
    using TR = tma_traits<Part>;
    const unsigned long long map = detail::map_address<Part>(src);
    const int pc = idx.c * (C / W) + chunk;
    asm volatile("cp.async.bulk.tensor.5d.shared::cluster.global.tile.mbarrier::complete_tx::bytes.multicast::cluster"
                 " [%0], [%1, {%2, %3, %4, %5, %6}], [%7], %8;"
                 :: "r"(smem_addr(&dst) + (unsigned)(chunk * (int)sizeof(Part))), "l"(map),
                    "r"(TR::c0(idx.r, pc)), "r"(TR::c1(idx.r, pc)), "r"(TR::c2(idx.r, pc)), "r"(idx.d), "r"(idx.b),
                    "r"(smem_addr(&sem)), "h"((unsigned short)blocks)
                 : "memory");
}

template<class T, int N, class GT, class... TMA>
__device__ __forceinline__ void load_async(sv<T, N>& dst, const gl<GT, TMA...>& src, const coord& idx, semaphore& sem) {
    (void)tma_traits<sv<T, N>>::rank;
    const unsigned long long map = detail::map_address<sv<T, N>>(src);
    asm volatile("cp.async.bulk.tensor.4d.shared::cluster.global.tile.mbarrier::complete_tx::bytes"
                 " [%0], [%1, {%2, %3, %4, %5}], [%6];"
                 :: "r"(smem_addr(&dst)), "l"(map), "r"(idx.c * N), "r"(idx.r), "r"(idx.d), "r"(idx.b), "r"(smem_addr(&sem))
                 : "memory");
}

// ---- stores ----------------------------------------------------------------------------------

template<class GT, class... TMA, class T, int R, int C, int P, int S>
__device__ __forceinline__ void store_async(const gl<GT, TMA...>& dst, const st<T, R, C, P, S>& src, const coord& idx) {
    static_assert(st<T, R, C, P, S>::contiguous, "kittens::tma::store_async: this sub-tile is not one block of memory (a row band of a tile wider than one swizzle chunk); store the whole tile, or a band of one chunk");
    using TR = tma_traits<st<T, R, C>>;
    const unsigned long long map = detail::map_address<st<T, R, C>>(dst);
    asm volatile("fence.proxy.async.shared::cta;" ::: "memory");
    asm volatile("cp.async.bulk.tensor.5d.global.shared::cta.tile.bulk_group"
                 " [%0, {%1, %2, %3, %4, %5}], [%6];"
                 :: "l"(map), "r"(TR::c0(idx.r, idx.c)), "r"(TR::c1(idx.r, idx.c)), "r"(TR::c2(idx.r, idx.c)), "r"(idx.d), "r"(idx.b),
                    "r"(smem_addr(&src))
                 : "memory");
}

template<class GT, class... TMA, class T, int N>
__device__ __forceinline__ void store_async(const gl<GT, TMA...>& dst, const sv<T, N>& src, const coord& idx) {
    (void)tma_traits<sv<T, N>>::rank;
    const unsigned long long map = detail::map_address<sv<T, N>>(dst);
    asm volatile("fence.proxy.async.shared::cta;" ::: "memory");
    asm volatile("cp.async.bulk.tensor.4d.global.shared::cta.tile.bulk_group"
                 " [%0, {%1, %2, %3, %4}], [%5];"
                 :: "l"(map), "r"(idx.c * N), "r"(idx.r), "r"(idx.d), "r"(idx.b), "r"(smem_addr(&src))
                 : "memory");
}

// Closes the bulk async-group of the stores this thread issued since the last commit.
__device__ __forceinline__ void store_commit_group() {
    asm volatile("cp.async.bulk.commit_group;" ::: "memory");
}

// Waits until at most N of this thread's most recent committed store groups are pending: the
// older ones have fully completed (their writes are visible in global memory).
template<int N = 0>
__device__ __forceinline__ void store_async_wait() {
    static_assert(N >= 0, "kittens::tma::store_async_wait<N>: N must be >= 0");
    asm volatile("cp.async.bulk.wait_group %0;" :: "n"(N) : "memory");
}

// Like store_async_wait, but only until the older groups have finished READING shared memory
// (the source tiles may then be overwritten); their global writes may still be in flight.
template<int N = 0>
__device__ __forceinline__ void store_async_read_wait() {
    static_assert(N >= 0, "kittens::tma::store_async_read_wait<N>: N must be >= 0");
    asm volatile("cp.async.bulk.wait_group.read %0;" :: "n"(N) : "memory");
}

#endif // __CUDA_ARCH__ >= 900

} // namespace tma
} // namespace kittens
