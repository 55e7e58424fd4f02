// kittens/ops/warp/register/tile_reductions.cuh
// Row and column reductions of register tiles into register vectors, whole warp:
//   row_max, row_sum (dst_col_vec, src)  and  (dst_col_vec, src, accum_col_vec)
//   col_max, col_sum (dst_row_vec, src)  and  (dst_row_vec, src, accum_row_vec)
// The accumulating form computes dst = op(accum, reduce(src)) (dst may alias accum).
// Results come out replicated over every lane that owns them, as the vector layout requires.
//
// How: each lane first folds the elements it owns in every 16x16 block along the reduced
// dimension (in float), then the partial results are combined across the lanes that share the
// same row (or column) with xor-shuffles:
//   row_l tile: a row is spread over the 4 lanes of a quad (same g, t = 0..3)  -> xor 1, 2
//               a column is spread over the 8 lanes with the same t            -> xor 4, 8, 16
//   col_l tile: the transpose of that (rows: xor 4, 8, 16; columns: xor 1, 2).
// Vectors of any dtype are accepted; the reduction itself is always done in float.
#pragma once
#include "kittens/common/util.cuh"
#include "kittens/common/base_types.cuh"
#include "kittens/common/base_ops.cuh"
#include "kittens/types/register/rt.cuh"
#include "kittens/types/register/rv.cuh"

namespace kittens {
namespace warp {

template<class Op> __device__ __forceinline__ float allreduce_quad(float v) {
    v = Op::op(v, __shfl_xor_sync(FULL_MASK, v, 1));
    v = Op::op(v, __shfl_xor_sync(FULL_MASK, v, 2));
    return v;
}
template<class Op> __device__ __forceinline__ float allreduce_octet(float v) {
    v = Op::op(v, __shfl_xor_sync(FULL_MASK, v, 4));
    v = Op::op(v, __shfl_xor_sync(FULL_MASK, v, 8));
    v = Op::op(v, __shfl_xor_sync(FULL_MASK, v, 16));
    return v;
}

// Reduce every row of src into the col_vec dst (length R).
template<class Op, bool Accum, class V, int N, class VL, class T, int R, int C, class L, class V2, int N2, class VL2>
__device__ inline void row_reduce(rv<V, N, VL>& dst, const rt<T, R, C, L>& src, const rv<V2, N2, VL2>& accum) {
    static_assert(N == R, "kittens::warp row reduction: destination must be the tile's column vector, length = tile rows R");
    static_assert(is_same<VL, typename rt<T, R, C, L>::col_vec_layout>::value,
                  "kittens::warp row reduction: destination layout must be the tile's col_vec layout (ortho_l for row_l tiles, align_l for col_l tiles)");
    static_assert(N2 == N && is_same<VL2, VL>::value, "kittens::warp row reduction: accumulator must have the destination's length and layout");
    constexpr int S = rv<V, N, VL>::slots;
    #pragma unroll
    for (int i = 0; i < R / 16; i++) {
        float acc[S];
        #pragma unroll
        for (int s = 0; s < S; s++) acc[s] = Op::identity();
        #pragma unroll
        for (int j = 0; j < C / 16; j++)
        #pragma unroll
        for (int k = 0; k < 4; k++) {
            const float2 x = to_float2(src.tiles[i][j].data[k]);
            acc[frag<L>::colvec_slot(k, 0)] = Op::op(acc[frag<L>::colvec_slot(k, 0)], x.x);
            acc[frag<L>::colvec_slot(k, 1)] = Op::op(acc[frag<L>::colvec_slot(k, 1)], x.y);
        }
        #pragma unroll
        for (int s = 0; s < S; s++) {
            float r = frag<L>::row_lanes_are_quad ? allreduce_quad<Op>(acc[s]) : allreduce_octet<Op>(acc[s]);
            if constexpr (Accum) r = Op::op(to_float(accum.data[i][s]), r);
            dst.data[i][s] = from_float<V>(r);
        }
    }
}

// Reduce every column of src into the row_vec dst (length C).
template<class Op, bool Accum, class V, int N, class VL, class T, int R, int C, class L, class V2, int N2, class VL2>
__device__ inline void col_reduce(rv<V, N, VL>& dst, const rt<T, R, C, L>& src, const rv<V2, N2, VL2>& accum) {
    static_assert(N == C, "kittens::warp column reduction: destination must be the tile's row vector, length = tile cols C");
    static_assert(is_same<VL, typename rt<T, R, C, L>::row_vec_layout>::value,
                  "kittens::warp column reduction: destination layout must be the tile's row_vec layout (align_l for row_l tiles, ortho_l for col_l tiles)");
    static_assert(N2 == N && is_same<VL2, VL>::value, "kittens::warp column reduction: accumulator must have the destination's length and layout");
    constexpr int S = rv<V, N, VL>::slots;
    #pragma unroll
    for (int j = 0; j < C / 16; j++) {
        float acc[S];
        #pragma unroll
        for (int s = 0; s < S; s++) acc[s] = Op::identity();
        #pragma unroll
        for (int i = 0; i < R / 16; i++)
        #pragma unroll
        for (int k = 0; k < 4; k++) {
            const float2 x = to_float2(src.tiles[i][j].data[k]);
            acc[frag<L>::rowvec_slot(k, 0)] = Op::op(acc[frag<L>::rowvec_slot(k, 0)], x.x);
            acc[frag<L>::rowvec_slot(k, 1)] = Op::op(acc[frag<L>::rowvec_slot(k, 1)], x.y);
        }
        #pragma unroll
        for (int s = 0; s < S; s++) {
            // Lanes sharing a column are the transpose of lanes sharing a row.
            float r = frag<L>::row_lanes_are_quad ? allreduce_octet<Op>(acc[s]) : allreduce_quad<Op>(acc[s]);
            if constexpr (Accum) r = Op::op(to_float(accum.data[j][s]), r);
            dst.data[j][s] = from_float<V>(r);
        }
    }
}

template<class V, int N, class VL, class T, int R, int C, class L>
__device__ inline void row_max(rv<V, N, VL>& dst, const rt<T, R, C, L>& src) { row_reduce<base_ops::max, false>(dst, src, dst); }
template<class V, int N, class VL, class T, int R, int C, class L>
__device__ inline void row_sum(rv<V, N, VL>& dst, const rt<T, R, C, L>& src) { row_reduce<base_ops::add, false>(dst, src, dst); }
template<class V, int N, class VL, class T, int R, int C, class L, class V2, int N2, class VL2>
__device__ inline void row_max(rv<V, N, VL>& dst, const rt<T, R, C, L>& src, const rv<V2, N2, VL2>& accum) { row_reduce<base_ops::max, true>(dst, src, accum); }
template<class V, int N, class VL, class T, int R, int C, class L, class V2, int N2, class VL2>
__device__ inline void row_sum(rv<V, N, VL>& dst, const rt<T, R, C, L>& src, const rv<V2, N2, VL2>& accum) { row_reduce<base_ops::add, true>(dst, src, accum); }

template<class V, int N, class VL, class T, int R, int C, class L>
__device__ inline void col_max(rv<V, N, VL>& dst, const rt<T, R, C, L>& src) { col_reduce<base_ops::max, false>(dst, src, dst); }
template<class V, int N, class VL, class T, int R, int C, class L>
__device__ inline void col_sum(rv<V, N, VL>& dst, const rt<T, R, C, L>& src) { col_reduce<base_ops::add, false>(dst, src, dst); }
template<class V, int N, class VL, class T, int R, int C, class L, class V2, int N2, class VL2>
__device__ inline void col_max(rv<V, N, VL>& dst, const rt<T, R, C, L>& src, const rv<V2, N2, VL2>& accum) { col_reduce<base_ops::max, true>(dst, src, accum); }
template<class V, int N, class VL, class T, int R, int C, class L, class V2, int N2, class VL2>
__device__ inline void col_sum(rv<V, N, VL>& dst, const rt<T, R, C, L>& src, const rv<V2, N2, VL2>& accum) { col_reduce<base_ops::add, true>(dst, src, accum); }

} // namespace warp
} // namespace kittens
