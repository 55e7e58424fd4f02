// kittens/ops/warp/register/vec_maps.cuh
// Element-wise maps on register vectors, whole warp, destination first (dst may alias a source):
//   zero, one, neg_infty, pos_infty (dst); copy (dtype conversion), exp, exp2, log, abs,
//   sqrt, rsqrt, tanh, sigmoid, gelu, gelu_tanh (dst, src; formulas in common/base_ops.cuh);
//   add, sub, mul, div, max, min (dst, a, b) with b a vector or a float scalar.
// All vectors of one op must share length and layout (dtypes may differ); math runs in float.
#pragma once
#include "kittens/common/util.cuh"
#include "kittens/common/base_types.cuh"
#include "kittens/common/base_ops.cuh"
#include "kittens/types/register/rv.cuh"

namespace kittens {
namespace warp {

template<class T, int N, class L>
__device__ inline void fill(rv<T, N, L>& dst, float value) {
    const T v = from_float<T>(value);
    #pragma unroll
    for (int i = 0; i < N / 16; i++)
    #pragma unroll
    for (int s = 0; s < rv<T, N, L>::slots; s++) dst.data[i][s] = v;
}

template<class Op, class T, int N, class L, class U, int N2, class L2>
__device__ inline void unary_map(rv<T, N, L>& dst, const rv<U, N2, L2>& src) {
    static_assert(N == N2, "kittens::warp vector map: vectors must have the same length");
    static_assert(is_same<L, L2>::value, "kittens::warp vector map: vectors must have the same layout");
    #pragma unroll
    for (int i = 0; i < N / 16; i++)
    #pragma unroll
    for (int s = 0; s < rv<T, N, L>::slots; s++) dst.data[i][s] = from_float<T>(Op::op(to_float(src.data[i][s])));
}

template<class Op, class T, int N, class L, class U, int N2, class L2, class V, int N3, class L3>
__device__ inline void bin_map(rv<T, N, L>& dst, const rv<U, N2, L2>& a, const rv<V, N3, L3>& b) {
    static_assert(N == N2 && N == N3, "kittens::warp vector map: vectors must have the same length");
    static_assert(is_same<L, L2>::value && is_same<L, L3>::value, "kittens::warp vector map: vectors must have the same layout");
    #pragma unroll
    for (int i = 0; i < N / 16; i++)
    #pragma unroll
    for (int s = 0; s < rv<T, N, L>::slots; s++)
        dst.data[i][s] = from_float<T>(Op::op(to_float(a.data[i][s]), to_float(b.data[i][s])));
}

template<class Op, class T, int N, class L, class U, int N2, class L2>
__device__ inline void bin_map(rv<T, N, L>& dst, const rv<U, N2, L2>& a, float b) {
    static_assert(N == N2, "kittens::warp vector map: vectors must have the same length");
    static_assert(is_same<L, L2>::value, "kittens::warp vector map: vectors must have the same layout");
    #pragma unroll
    for (int i = 0; i < N / 16; i++)
    #pragma unroll
    for (int s = 0; s < rv<T, N, L>::slots; s++) dst.data[i][s] = from_float<T>(Op::op(to_float(a.data[i][s]), b));
}

template<class T, int N, class L> __device__ inline void zero(rv<T, N, L>& dst)      { fill(dst, 0.0f); }
template<class T, int N, class L> __device__ inline void one(rv<T, N, L>& dst)       { fill(dst, 1.0f); }
template<class T, int N, class L> __device__ inline void neg_infty(rv<T, N, L>& dst) { fill(dst, neg_infty_f()); }
template<class T, int N, class L> __device__ inline void pos_infty(rv<T, N, L>& dst) { fill(dst, pos_infty_f()); }

template<class T, int N, class L, class U, int N2, class L2>
__device__ inline void copy(rv<T, N, L>& dst, const rv<U, N2, L2>& src) {
    static_assert(N == N2, "warp::copy(rv, rv): vectors must have the same length");
    static_assert(is_same<L, L2>::value, "warp::copy(rv, rv): vectors must have the same layout");
    #pragma unroll
    for (int i = 0; i < N / 16; i++)
    #pragma unroll
    for (int s = 0; s < rv<T, N, L>::slots; s++) dst.data[i][s] = convert<T>(src.data[i][s]);
}
template<class T, int N, class L, class U, int N2, class L2>
__device__ inline void exp(rv<T, N, L>& dst, const rv<U, N2, L2>& src) { unary_map<base_ops::exp>(dst, src); }
template<class T, int N, class L, class U, int N2, class L2>
__device__ inline void exp2(rv<T, N, L>& dst, const rv<U, N2, L2>& src) { unary_map<base_ops::exp2>(dst, src); }
template<class T, int N, class L, class U, int N2, class L2>
__device__ inline void log(rv<T, N, L>& dst, const rv<U, N2, L2>& src) { unary_map<base_ops::log>(dst, src); }
template<class T, int N, class L, class U, int N2, class L2>
__device__ inline void abs(rv<T, N, L>& dst, const rv<U, N2, L2>& src) { unary_map<base_ops::abs>(dst, src); }
#define KITTENS_VEC_UNARY_OP(NAME)                                                                           \
template<class T, int N, class L, class U, int N2, class L2>                                                 \
__device__ inline void NAME(rv<T, N, L>& dst, const rv<U, N2, L2>& src) { unary_map<base_ops::NAME>(dst, src); }
KITTENS_VEC_UNARY_OP(sqrt)
KITTENS_VEC_UNARY_OP(rsqrt)
KITTENS_VEC_UNARY_OP(tanh)
KITTENS_VEC_UNARY_OP(sigmoid)
KITTENS_VEC_UNARY_OP(gelu)
KITTENS_VEC_UNARY_OP(gelu_tanh)
#undef KITTENS_VEC_UNARY_OP

#define KITTENS_VEC_BINARY_OP(NAME)                                                                          \
template<class T, int N, class L, class U, int N2, class L2, class V, int N3, class L3>                      \
__device__ inline void NAME(rv<T, N, L>& dst, const rv<U, N2, L2>& a, const rv<V, N3, L3>& b) {             \
    bin_map<base_ops::NAME>(dst, a, b);                                                                      \
}                                                                                                            \
template<class T, int N, class L, class U, int N2, class L2>                                                 \
__device__ inline void NAME(rv<T, N, L>& dst, const rv<U, N2, L2>& a, float b) {                            \
    bin_map<base_ops::NAME>(dst, a, b);                                                                      \
}
KITTENS_VEC_BINARY_OP(add)
KITTENS_VEC_BINARY_OP(sub)
KITTENS_VEC_BINARY_OP(mul)
KITTENS_VEC_BINARY_OP(div)
KITTENS_VEC_BINARY_OP(max)
KITTENS_VEC_BINARY_OP(min)
#undef KITTENS_VEC_BINARY_OP

} // namespace warp
} // namespace kittens
