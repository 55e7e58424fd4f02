// kittens/ops/warp/register/tile_conversions.cuh
// Layout conversions of register tiles, whole warp:
//   swap_layout(rt<T,R,C,col_l>& dst, const rt<T,R,C,row_l>& src)   same matrix, other layout
//   swap_layout(rt<T,R,C,row_l>& dst, const rt<T,R,C,col_l>& src)
//   transpose_sep(rt<T,C,R,L>& dst, const rt<T,R,C,L>& src)          dst = src^T, same layout
//                                                                     (dst must not alias src)
// (dtype conversion is warp::copy in tile_maps.cuh.)
//
// How: see fragment_swap.cuh (per 16x16 block: exchange data[1]/data[2] and transpose each 8x8).
#pragma once
#include "kittens/common/util.cuh"
#include "kittens/common/ptx.cuh"
#include "kittens/types/register/rt.cuh"
#include "kittens/ops/warp/register/fragment_swap.cuh"

namespace kittens {
namespace warp {

template<class T, int R, int C, class LD, class T2, int R2, int C2, class LS>
__device__ inline void swap_layout(rt<T, R, C, LD>& dst, const rt<T2, R2, C2, LS>& src) {
    static_assert(is_same<T, T2>::value, "warp::swap_layout: source and destination must have the same dtype (convert with warp::copy)");
    static_assert(R == R2 && C == C2, "warp::swap_layout: source and destination must have the same shape (use transpose_sep to transpose)");
    static_assert(!is_same<LD, LS>::value, "warp::swap_layout: destination layout must differ from the source layout (row_l <-> col_l)");
    #pragma unroll
    for (int i = 0; i < R / 16; i++)
    #pragma unroll
    for (int j = 0; j < C / 16; j++) swap_base(dst.tiles[i][j], src.tiles[i][j]);
}

template<class T, int C, int R, class L, class T2, int R2, int C2, class L2>
__device__ inline void transpose_sep(rt<T, C, R, L>& dst, const rt<T2, R2, C2, L2>& src) {
    static_assert(is_same<T, T2>::value, "warp::transpose_sep: source and destination must have the same dtype (convert with warp::copy)");
    static_assert(R == R2 && C == C2, "warp::transpose_sep: destination must be C x R for an R x C source");
    static_assert(is_same<L, L2>::value, "warp::transpose_sep: source and destination must have the same layout");
    #pragma unroll
    for (int i = 0; i < R / 16; i++)
    #pragma unroll
    for (int j = 0; j < C / 16; j++) swap_base(dst.tiles[j][i], src.tiles[i][j]);
}

} // namespace warp
} // namespace kittens
