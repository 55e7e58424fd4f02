// kittens/ops/warp/memory/vec_memory.cuh
// Vector copies, whole warp:
//   load(rv, gl, coord) / store(gl, rv, coord)   global <-> register, dtype conversion allowed
//   load(sv, gl, coord) / store(gl, sv, coord)   global <-> shared, same dtype
//   load(rv, sv)        / store(sv, rv)          shared <-> register, dtype conversion allowed
// A vector at coord (b, d, r, c) is elements c*N .. c*N+N-1 of global row r of (b, d).
// Register vectors hold each element replicated over several lanes (see rv.cuh); loads fill every
// replica, stores write each element once (from the lane that rv_layout_traits::writer picks).
// Ops that write shared memory end with __syncwarp().
#pragma once
#include "kittens/common/util.cuh"
#include "kittens/common/ptx.cuh"
#include "kittens/types/register/rv.cuh"
#include "kittens/types/shared/sv.cuh"
#include "kittens/types/global/gl.cuh"
#include "kittens/types/global/coord.cuh"

namespace kittens {
namespace warp {

template<class T, int N, class L, class U>
__device__ inline void load(rv<T, N, L>& dst, const gl<U>& src, coord idx) {
    static_assert(is_dtype<U>::value, "warp::load(rv, gl): global dtype must be float, bf16 or half");
    const U* base = src.data + src.offset(idx.b, idx.d, idx.r, idx.c * N);
    #pragma unroll
    for (int i = 0; i < N / 16; i++)
    #pragma unroll
    for (int s = 0; s < rv<T, N, L>::slots; s++)
        dst.data[i][s] = convert<T>(base[16 * i + rv_layout_traits<L>::elem(s)]);
}

template<class U, class T, int N, class L>
__device__ inline void store(const gl<U>& dst, const rv<T, N, L>& src, coord idx) {
    static_assert(is_dtype<U>::value, "warp::store(gl, rv): global dtype must be float, bf16 or half");
    U* base = dst.data + dst.offset(idx.b, idx.d, idx.r, idx.c * N);
    if (rv_layout_traits<L>::writer()) {
        #pragma unroll
        for (int i = 0; i < N / 16; i++)
        #pragma unroll
        for (int s = 0; s < rv<T, N, L>::slots; s++)
            base[16 * i + rv_layout_traits<L>::elem(s)] = convert<U>(src.data[i][s]);
    }
}

template<class T, int N, class U>
__device__ inline void load(sv<T, N>& dst, const gl<U>& src, coord idx) {
    static_assert(is_same<T, U>::value, "warp::load(sv, gl): global<->shared copies do not convert dtypes; shared and global dtypes must match");
    const T* base = src.data + src.offset(idx.b, idx.d, idx.r, idx.c * N);
    const unsigned sbase = smem_addr(&dst.data[0]);
    const int lane = laneid();
    constexpr int E = 16 / (int)sizeof(T);
    constexpr int UNITS = N / E;    // N % 16 == 0, so whole 16-byte units
    if ((reinterpret_cast<unsigned long long>(base) & 15) == 0) {
        #pragma unroll
        for (int it = 0; it < (UNITS + WARP_THREADS - 1) / WARP_THREADS; it++) {
            const int u = it * WARP_THREADS + lane;
            if (u < UNITS) {
                const uint4 v = *reinterpret_cast<const uint4*>(base + u * E);
                ptx::st_shared_v4_b32(sbase + 16u * u, v.x, v.y, v.z, v.w);
            }
        }
    } else {
        #pragma unroll
        for (int it = 0; it < (N + WARP_THREADS - 1) / WARP_THREADS; it++) {
            const int e = it * WARP_THREADS + lane;
            if (e < N) ptx::st_shared(sbase + (unsigned)(e * (int)sizeof(T)), base[e]);
        }
    }
    __syncwarp();
}

template<class U, class T, int N>
__device__ inline void store(const gl<U>& dst, const sv<T, N>& src, coord idx) {
    static_assert(is_same<T, U>::value, "warp::store(gl, sv): global<->shared copies do not convert dtypes; shared and global dtypes must match");
    T* base = dst.data + dst.offset(idx.b, idx.d, idx.r, idx.c * N);
    const unsigned sbase = smem_addr(&src.data[0]);
    const int lane = laneid();
    constexpr int E = 16 / (int)sizeof(T);
    constexpr int UNITS = N / E;
    if ((reinterpret_cast<unsigned long long>(base) & 15) == 0) {
        #pragma unroll
        for (int it = 0; it < (UNITS + WARP_THREADS - 1) / WARP_THREADS; it++) {
            const int u = it * WARP_THREADS + lane;
            if (u < UNITS) {
                uint4 v;
                ptx::ld_shared_v4_b32(sbase + 16u * u, v.x, v.y, v.z, v.w);
                *reinterpret_cast<uint4*>(base + u * E) = v;
            }
        }
    } else {
        #pragma unroll
        for (int it = 0; it < (N + WARP_THREADS - 1) / WARP_THREADS; it++) {
            const int e = it * WARP_THREADS + lane;
            if (e < N) base[e] = ptx::ld_shared<T>(sbase + (unsigned)(e * (int)sizeof(T)));
        }
    }
}

template<class T, int N, class L, class U, int N2>
__device__ inline void load(rv<T, N, L>& dst, const sv<U, N2>& src) {
    static_assert(N == N2, "warp::load(rv, sv): register and shared vectors must have the same length");
    const unsigned sbase = smem_addr(&src.data[0]);
    #pragma unroll
    for (int i = 0; i < N / 16; i++)
    #pragma unroll
    for (int s = 0; s < rv<T, N, L>::slots; s++)
        dst.data[i][s] = convert<T>(ptx::ld_shared<U>(sbase + (unsigned)((16 * i + rv_layout_traits<L>::elem(s)) * (int)sizeof(U))));
}

template<class U, int N2, class T, int N, class L>
__device__ inline void store(sv<U, N2>& dst, const rv<T, N, L>& src) {
    static_assert(N == N2, "warp::store(sv, rv): register and shared vectors must have the same length");
    const unsigned sbase = smem_addr(&dst.data[0]);
    if (rv_layout_traits<L>::writer()) {
        #pragma unroll
        for (int i = 0; i < N / 16; i++)
        #pragma unroll
        for (int s = 0; s < rv<T, N, L>::slots; s++)
            ptx::st_shared(sbase + (unsigned)((16 * i + rv_layout_traits<L>::elem(s)) * (int)sizeof(U)), convert<U>(src.data[i][s]));
    }
    __syncwarp();
}

} // namespace warp
} // namespace kittens
