// kittens/ops/warp/memory/global_to_register.cuh
// warp::load(rt, gl, coord) / warp::store(gl, rt, coord): whole-warp copies between a gl tensor
// and a register tile, converting dtypes on the way (at most one rounding).
//
// Each lane touches exactly the elements its fragment owns (see rt.cuh):
//  * row_l: the two elements of a pair are adjacent columns, so they move as one 4-byte (16-bit)
//    or 8-byte (fp32) access.
//    REQUIREMENT: gl.cols must be even (with a pair-aligned base pointer, which cudaMalloc gives),
//    so that every pair is aligned; an odd row pitch faults with a misaligned address. (A scalar
//    fallback chosen at run time would double the code of every fully unrolled tile move; the
//    detail::load_tile/store_tile<false> element-by-element variants exist for callers that need
//    odd pitches.)
//  * col_l, 16-bit tile (load) / 16-bit global (store): a col_l pair spans two rows. Rather than
//    two 2-byte accesses per pair, the block is moved in the row_l arrangement (paired accesses
//    as above) and converted with swap_base (movmatrix): the same data with half the accesses,
//    and a packed pair stays one register throughout.
//  * col_l with a 32-bit side: element by element (a float is one register either way).
#pragma once
#include "kittens/common/util.cuh"
#include "kittens/common/base_types.cuh"
#include "kittens/types/register/rt.cuh"
#include "kittens/types/global/gl.cuh"
#include "kittens/types/global/coord.cuh"
#include "kittens/ops/warp/register/fragment_swap.cuh"

namespace kittens {
namespace warp {
namespace detail {

// Loads block (r0.., c0..) of a U matrix as the row_l fragment of a T tile.
template<bool Paired, class T, class U>
__device__ __forceinline__ void load_row_frag(rt_base<T, row_l>& f, const U* base, long long pitch, int r0, int c0) {
    using T2 = typename packing<T>::packed;
    using U2 = typename packing<U>::packed;
    #pragma unroll
    for (int k = 0; k < 4; k++) {
        const int r = r0 + frag<row_l>::row(k, 0), c = c0 + frag<row_l>::col(k, 0);
        const U* p = base + r * pitch + c;
        if constexpr (Paired) f.data[k] = convert<T2>(*reinterpret_cast<const U2*>(p));
        else f.data[k] = make_pair<T2>(convert<T>(p[0]), convert<T>(p[1]));
    }
}

// Stores the row_l fragment f (already in the global dtype U) to block (r0.., c0..).
template<bool Paired, class U>
__device__ __forceinline__ void store_row_frag(U* base, long long pitch, int r0, int c0, const rt_base<U, row_l>& f) {
    using U2 = typename packing<U>::packed;
    #pragma unroll
    for (int k = 0; k < 4; k++) {
        const int r = r0 + frag<row_l>::row(k, 0), c = c0 + frag<row_l>::col(k, 0);
        U* p = base + r * pitch + c;
        if constexpr (Paired) *reinterpret_cast<U2*>(p) = f.data[k];
        else { p[0] = pair_lo(f.data[k]); p[1] = pair_hi(f.data[k]); }
    }
}

template<bool Paired, class T, int R, int C, class L, class U>
__device__ __forceinline__ void load_tile(rt<T, R, C, L>& dst, const U* base, long long pitch) {
    using T2 = typename packing<T>::packed;
    #pragma unroll
    for (int i = 0; i < R / 16; i++)
    #pragma unroll
    for (int j = 0; j < C / 16; j++) {
        if constexpr (is_same<L, row_l>::value) {
            load_row_frag<Paired>(dst.tiles[i][j], base, pitch, 16 * i, 16 * j);
        } else if constexpr (is_16bit<T>::value) {
            rt_base<T, row_l> tmp;
            load_row_frag<Paired>(tmp, base, pitch, 16 * i, 16 * j);
            swap_base(dst.tiles[i][j], tmp);
        } else {
            #pragma unroll
            for (int k = 0; k < 4; k++) {
                const int r0 = 16 * i + frag<L>::row(k, 0), c0 = 16 * j + frag<L>::col(k, 0);
                const int r1 = 16 * i + frag<L>::row(k, 1), c1 = 16 * j + frag<L>::col(k, 1);
                dst.tiles[i][j].data[k] = make_pair<T2>(convert<T>(base[r0 * pitch + c0]), convert<T>(base[r1 * pitch + c1]));
            }
        }
    }
}

template<bool Paired, class U, class T, int R, int C, class L>
__device__ __forceinline__ void store_tile(U* base, long long pitch, const rt<T, R, C, L>& src) {
    using U2 = typename packing<U>::packed;
    #pragma unroll
    for (int i = 0; i < R / 16; i++)
    #pragma unroll
    for (int j = 0; j < C / 16; j++) {
        if constexpr (is_same<L, row_l>::value) {
            rt_base<U, row_l> tmp;
            #pragma unroll
            for (int k = 0; k < 4; k++) tmp.data[k] = convert<U2>(src.tiles[i][j].data[k]);
            store_row_frag<Paired>(base, pitch, 16 * i, 16 * j, tmp);
        } else if constexpr (is_16bit<U>::value) {
            rt_base<U, col_l> tmp;
            #pragma unroll
            for (int k = 0; k < 4; k++) tmp.data[k] = convert<U2>(src.tiles[i][j].data[k]);
            rt_base<U, row_l> rowf;
            swap_base(rowf, tmp);
            store_row_frag<Paired>(base, pitch, 16 * i, 16 * j, rowf);
        } else {
            #pragma unroll
            for (int k = 0; k < 4; k++) {
                const int r0 = 16 * i + frag<L>::row(k, 0), c0 = 16 * j + frag<L>::col(k, 0);
                const int r1 = 16 * i + frag<L>::row(k, 1), c1 = 16 * j + frag<L>::col(k, 1);
                base[r0 * pitch + c0] = convert<U>(pair_lo(src.tiles[i][j].data[k]));
                base[r1 * pitch + c1] = convert<U>(pair_hi(src.tiles[i][j].data[k]));
            }
        }
    }
}

} // namespace detail

template<class T, int R, int C, class L, class U>
__device__ inline void load(rt<T, R, C, L>& dst, const gl<U>& src, coord idx) {
    static_assert(is_dtype<U>::value, "warp::load(rt, gl): global dtype must be float, bf16 or half");
    const U* base = src.data + src.offset(idx.b, idx.d, idx.r * R, idx.c * C);
    detail::load_tile<true>(dst, base, (long long)src.cols);
}

template<class U, class T, int R, int C, class L>
__device__ inline void store(const gl<U>& dst, const rt<T, R, C, L>& src, coord idx) {
    static_assert(is_dtype<U>::value, "warp::store(gl, rt): global dtype must be float, bf16 or half");
    U* base = dst.data + dst.offset(idx.b, idx.d, idx.r * R, idx.c * C);
    detail::store_tile<true>(base, (long long)dst.cols, src);
}

} // namespace warp
} // namespace kittens
