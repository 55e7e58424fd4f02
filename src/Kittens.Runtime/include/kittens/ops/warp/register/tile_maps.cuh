// kittens/ops/warp/register/tile_maps.cuh
// Element-wise maps on register tiles, whole warp, destination first. Every lane works only on
// its own fragment elements, so no communication is needed; dst may alias a source.
// Math runs in float (16-bit elements are widened, then rounded once into dst's dtype), so tiles
// of different dtypes may be mixed as long as shape and layout agree.
//   fills:      zero, one, neg_infty, pos_infty (dst)
//   unary:      copy (dtype conversion, bit-exact when dtypes match), exp, exp2, log, abs,
//               sqrt, rsqrt, tanh, sigmoid, gelu, gelu_tanh (dst, src; formulas in common/base_ops.cuh)
//   binary:     add, sub, mul, div, max, min (dst, a, b), b a tile or a float scalar
//   broadcast:  add_row, sub_row, mul_row, div_row (dst, src, col_vec): row r gets v[r]
//               add_col, sub_col, mul_col, div_col (dst, src, row_vec): col c gets v[c]
//   fused:      exp2_affine_row (dst, src, scale, col_vec): dst(r, c) = 2^(src(r, c) * scale - v[r]),
//               one FFMA and one ex2 per element (the online-softmax step with the scale folded in)
// A row_l tile's col_vec is ortho_l and its row_vec align_l; for col_l tiles they swap.
#pragma once
#include "kittens/common/util.cuh"
#include "kittens/common/base_types.cuh"
#include "kittens/common/base_ops.cuh"
#include "kittens/types/register/rt.cuh"
#include "kittens/types/register/rv.cuh"

namespace kittens {
namespace warp {

// ---- generic maps --------------------------------------------------------------------------

template<class T, int R, int C, class L>
__device__ inline void fill(rt<T, R, C, L>& dst, float value) {
    const typename packing<T>::packed p = from_float2<typename packing<T>::packed>(make_float2(value, value));
    #pragma unroll
    for (int i = 0; i < R / 16; i++)
    #pragma unroll
    for (int j = 0; j < C / 16; j++)
    #pragma unroll
    for (int k = 0; k < 4; k++) dst.tiles[i][j].data[k] = p;
}

template<class Op, class T, int R, int C, class L, class U, int R2, int C2, class L2>
__device__ inline void unary_map(rt<T, R, C, L>& dst, const rt<U, R2, C2, L2>& src) {
    static_assert(R == R2 && C == C2, "kittens::warp tile map: source and destination tiles must have the same shape");
    static_assert(is_same<L, L2>::value, "kittens::warp tile map: source and destination tiles must have the same layout (use swap_layout to change layouts)");
    using T2 = typename packing<T>::packed;
    #pragma unroll
    for (int i = 0; i < R / 16; i++)
    #pragma unroll
    for (int j = 0; j < C / 16; j++)
    #pragma unroll
    for (int k = 0; k < 4; k++) {
        const float2 x = to_float2(src.tiles[i][j].data[k]);
        dst.tiles[i][j].data[k] = from_float2<T2>(make_float2(Op::op(x.x), Op::op(x.y)));
    }
}

template<class Op, class T, int R, int C, class L, class U, int R2, int C2, class L2, class V, int R3, int C3, class L3>
__device__ inline void bin_map(rt<T, R, C, L>& dst, const rt<U, R2, C2, L2>& a, const rt<V, R3, C3, L3>& b) {
    static_assert(R == R2 && C == C2 && R == R3 && C == C3, "kittens::warp tile map: all tiles must have the same shape");
    static_assert(is_same<L, L2>::value && is_same<L, L3>::value, "kittens::warp tile map: all tiles must have the same layout (use swap_layout to change layouts)");
    using T2 = typename packing<T>::packed;
    #pragma unroll
    for (int i = 0; i < R / 16; i++)
    #pragma unroll
    for (int j = 0; j < C / 16; j++)
    #pragma unroll
    for (int k = 0; k < 4; k++) {
        const float2 x = to_float2(a.tiles[i][j].data[k]);
        const float2 y = to_float2(b.tiles[i][j].data[k]);
        dst.tiles[i][j].data[k] = from_float2<T2>(make_float2(Op::op(x.x, y.x), Op::op(x.y, y.y)));
    }
}

template<class Op, class T, int R, int C, class L, class U, int R2, int C2, class L2>
__device__ inline void bin_map(rt<T, R, C, L>& dst, const rt<U, R2, C2, L2>& a, float b) {
    static_assert(R == R2 && C == C2, "kittens::warp tile map: source and destination tiles must have the same shape");
    static_assert(is_same<L, L2>::value, "kittens::warp tile map: source and destination tiles must have the same layout (use swap_layout to change layouts)");
    using T2 = typename packing<T>::packed;
    #pragma unroll
    for (int i = 0; i < R / 16; i++)
    #pragma unroll
    for (int j = 0; j < C / 16; j++)
    #pragma unroll
    for (int k = 0; k < 4; k++) {
        const float2 x = to_float2(a.tiles[i][j].data[k]);
        dst.tiles[i][j].data[k] = from_float2<T2>(make_float2(Op::op(x.x, b), Op::op(x.y, b)));
    }
}

// dst(r, c) = Op(src(r, c), v[r]); v is the tile's col_vec (length R).
template<class Op, class T, int R, int C, class L, class U, int R2, int C2, class L2, class V, int N, class VL>
__device__ inline void row_map(rt<T, R, C, L>& dst, const rt<U, R2, C2, L2>& src, const rv<V, N, VL>& v) {
    static_assert(R == R2 && C == C2, "kittens::warp row broadcast: source and destination tiles must have the same shape");
    static_assert(is_same<L, L2>::value, "kittens::warp row broadcast: source and destination tiles must have the same layout");
    static_assert(N == R, "kittens::warp row broadcast (*_row): the vector must be the tile's column vector, length = tile rows R");
    static_assert(is_same<VL, typename rt<T, R, C, L>::col_vec_layout>::value,
                  "kittens::warp row broadcast (*_row): vector layout must be the tile's col_vec layout (ortho_l for row_l tiles, align_l for col_l tiles)");
    using T2 = typename packing<T>::packed;
    #pragma unroll
    for (int i = 0; i < R / 16; i++)
    #pragma unroll
    for (int j = 0; j < C / 16; j++)
    #pragma unroll
    for (int k = 0; k < 4; k++) {
        const float2 x = to_float2(src.tiles[i][j].data[k]);
        const float v0 = to_float(v.data[i][frag<L>::colvec_slot(k, 0)]);
        const float v1 = to_float(v.data[i][frag<L>::colvec_slot(k, 1)]);
        dst.tiles[i][j].data[k] = from_float2<T2>(make_float2(Op::op(x.x, v0), Op::op(x.y, v1)));
    }
}

// dst(r, c) = Op(src(r, c), v[c]); v is the tile's row_vec (length C).
template<class Op, class T, int R, int C, class L, class U, int R2, int C2, class L2, class V, int N, class VL>
__device__ inline void col_map(rt<T, R, C, L>& dst, const rt<U, R2, C2, L2>& src, const rv<V, N, VL>& v) {
    static_assert(R == R2 && C == C2, "kittens::warp column broadcast: source and destination tiles must have the same shape");
    static_assert(is_same<L, L2>::value, "kittens::warp column broadcast: source and destination tiles must have the same layout");
    static_assert(N == C, "kittens::warp column broadcast (*_col): the vector must be the tile's row vector, length = tile cols C");
    static_assert(is_same<VL, typename rt<T, R, C, L>::row_vec_layout>::value,
                  "kittens::warp column broadcast (*_col): vector layout must be the tile's row_vec layout (align_l for row_l tiles, ortho_l for col_l tiles)");
    using T2 = typename packing<T>::packed;
    #pragma unroll
    for (int i = 0; i < R / 16; i++)
    #pragma unroll
    for (int j = 0; j < C / 16; j++)
    #pragma unroll
    for (int k = 0; k < 4; k++) {
        const float2 x = to_float2(src.tiles[i][j].data[k]);
        const float v0 = to_float(v.data[j][frag<L>::rowvec_slot(k, 0)]);
        const float v1 = to_float(v.data[j][frag<L>::rowvec_slot(k, 1)]);
        dst.tiles[i][j].data[k] = from_float2<T2>(make_float2(Op::op(x.x, v0), Op::op(x.y, v1)));
    }
}

// ---- fills ---------------------------------------------------------------------------------
template<class T, int R, int C, class L> __device__ inline void zero(rt<T, R, C, L>& dst)      { fill(dst, 0.0f); }
template<class T, int R, int C, class L> __device__ inline void one(rt<T, R, C, L>& dst)       { fill(dst, 1.0f); }
template<class T, int R, int C, class L> __device__ inline void neg_infty(rt<T, R, C, L>& dst) { fill(dst, neg_infty_f()); }
template<class T, int R, int C, class L> __device__ inline void pos_infty(rt<T, R, C, L>& dst) { fill(dst, pos_infty_f()); }

// ---- unary ---------------------------------------------------------------------------------
template<class T, int R, int C, class L, class U, int R2, int C2, class L2>
__device__ inline void copy(rt<T, R, C, L>& dst, const rt<U, R2, C2, L2>& src) {
    static_assert(R == R2 && C == C2, "warp::copy(rt, rt): source and destination tiles must have the same shape");
    static_assert(is_same<L, L2>::value, "warp::copy(rt, rt): source and destination tiles must have the same layout (use swap_layout to change layouts)");
    using T2 = typename packing<T>::packed;
    #pragma unroll
    for (int i = 0; i < R / 16; i++)
    #pragma unroll
    for (int j = 0; j < C / 16; j++)
    #pragma unroll
    for (int k = 0; k < 4; k++) dst.tiles[i][j].data[k] = convert<T2>(src.tiles[i][j].data[k]);
}
template<class T, int R, int C, class L, class U, int R2, int C2, class L2>
__device__ inline void exp(rt<T, R, C, L>& dst, const rt<U, R2, C2, L2>& src) { unary_map<base_ops::exp>(dst, src); }
template<class T, int R, int C, class L, class U, int R2, int C2, class L2>
__device__ inline void exp2(rt<T, R, C, L>& dst, const rt<U, R2, C2, L2>& src) { unary_map<base_ops::exp2>(dst, src); }
template<class T, int R, int C, class L, class U, int R2, int C2, class L2>
__device__ inline void log(rt<T, R, C, L>& dst, const rt<U, R2, C2, L2>& src) { unary_map<base_ops::log>(dst, src); }
template<class T, int R, int C, class L, class U, int R2, int C2, class L2>
__device__ inline void abs(rt<T, R, C, L>& dst, const rt<U, R2, C2, L2>& src) { unary_map<base_ops::abs>(dst, src); }
#define KITTENS_TILE_UNARY_OP(NAME)                                                                          \
template<class T, int R, int C, class L, class U, int R2, int C2, class L2>                                  \
__device__ inline void NAME(rt<T, R, C, L>& dst, const rt<U, R2, C2, L2>& src) { unary_map<base_ops::NAME>(dst, src); }
KITTENS_TILE_UNARY_OP(sqrt)
KITTENS_TILE_UNARY_OP(rsqrt)
KITTENS_TILE_UNARY_OP(tanh)
KITTENS_TILE_UNARY_OP(sigmoid)
KITTENS_TILE_UNARY_OP(gelu)
KITTENS_TILE_UNARY_OP(gelu_tanh)
#undef KITTENS_TILE_UNARY_OP

// ---- binary: tile (op) tile, tile (op) scalar ----------------------------------------------
#define KITTENS_TILE_BINARY_OP(NAME)                                                                         \
template<class T, int R, int C, class L, class U, int R2, int C2, class L2, class V, int R3, int C3, class L3> \
__device__ inline void NAME(rt<T, R, C, L>& dst, const rt<U, R2, C2, L2>& a, const rt<V, R3, C3, L3>& b) {  \
    bin_map<base_ops::NAME>(dst, a, b);                                                                      \
}                                                                                                            \
template<class T, int R, int C, class L, class U, int R2, int C2, class L2>                                  \
__device__ inline void NAME(rt<T, R, C, L>& dst, const rt<U, R2, C2, L2>& a, float b) {                     \
    bin_map<base_ops::NAME>(dst, a, b);                                                                      \
}
KITTENS_TILE_BINARY_OP(add)
KITTENS_TILE_BINARY_OP(sub)
KITTENS_TILE_BINARY_OP(mul)
KITTENS_TILE_BINARY_OP(div)
KITTENS_TILE_BINARY_OP(max)
KITTENS_TILE_BINARY_OP(min)
#undef KITTENS_TILE_BINARY_OP

// ---- row / column broadcasts ---------------------------------------------------------------
#define KITTENS_TILE_BROADCAST_OP(NAME, OP, MAP)                                                              \
template<class T, int R, int C, class L, class U, int R2, int C2, class L2, class V, int N, class VL>          \
__device__ inline void NAME(rt<T, R, C, L>& dst, const rt<U, R2, C2, L2>& src, const rv<V, N, VL>& v) {       \
    MAP<base_ops::OP>(dst, src, v);                                                                           \
}
KITTENS_TILE_BROADCAST_OP(add_row, add, row_map)
KITTENS_TILE_BROADCAST_OP(sub_row, sub, row_map)
KITTENS_TILE_BROADCAST_OP(mul_row, mul, row_map)
KITTENS_TILE_BROADCAST_OP(div_row, div, row_map)
KITTENS_TILE_BROADCAST_OP(add_col, add, col_map)
KITTENS_TILE_BROADCAST_OP(sub_col, sub, col_map)
KITTENS_TILE_BROADCAST_OP(mul_col, mul, col_map)
KITTENS_TILE_BROADCAST_OP(div_col, div, col_map)
#undef KITTENS_TILE_BROADCAST_OP

// ---- fused ---------------------------------------------------------------------------------
// dst(r, c) = 2^(src(r, c) * scale - v[r]). The online softmax needs exp2((s - max) * scale); with
// v = max * scale precomputed per row, that is a single FFMA feeding ex2 instead of a multiply, a
// subtract and the ex2 (at small head dims the softmax's instruction count, not the tensor cores,
// bounds attention).
struct affine_exp2 {
    __device__ __forceinline__ static float op(float x, float scale, float shift) { return fast_exp2(fmaf(x, scale, -shift)); }
};
template<class T, int R, int C, class L, class U, int R2, int C2, class L2, class V, int N, class VL>
__device__ inline void exp2_affine_row(rt<T, R, C, L>& dst, const rt<U, R2, C2, L2>& src, float scale, const rv<V, N, VL>& v) {
    static_assert(R == R2 && C == C2, "kittens::warp::exp2_affine_row: source and destination tiles must have the same shape");
    static_assert(is_same<L, L2>::value, "kittens::warp::exp2_affine_row: source and destination tiles must have the same layout");
    static_assert(N == R, "kittens::warp::exp2_affine_row: the vector must be the tile's column vector, length = tile rows R");
    static_assert(is_same<VL, typename rt<T, R, C, L>::col_vec_layout>::value,
                  "kittens::warp::exp2_affine_row: vector layout must be the tile's col_vec layout (ortho_l for row_l tiles, align_l for col_l tiles)");
    using T2 = typename packing<T>::packed;
    #pragma unroll
    for (int i = 0; i < R / 16; i++)
    #pragma unroll
    for (int j = 0; j < C / 16; j++)
    #pragma unroll
    for (int k = 0; k < 4; k++) {
        const float2 x = to_float2(src.tiles[i][j].data[k]);
        const float v0 = to_float(v.data[i][frag<L>::colvec_slot(k, 0)]);
        const float v1 = to_float(v.data[i][frag<L>::colvec_slot(k, 1)]);
        dst.tiles[i][j].data[k] = from_float2<T2>(make_float2(affine_exp2::op(x.x, scale, v0), affine_exp2::op(x.y, scale, v1)));
    }
}

} // namespace warp
} // namespace kittens
