// kittens/ops/warp/memory/global_to_shared.cuh
// warp::load(st, gl, coord) / warp::store(gl, st, coord): the warp copies a whole shared tile in
// 16-byte units (8 x 16-bit or 4 x fp32 elements of one row). Consecutive lanes take consecutive
// units of a row, so global accesses coalesce. A 16-byte unit never straddles a swizzle chunk
// (W >= 16 elements) and the swizzle permutes whole 16-byte units, so each unit is one
// ld/st.shared.v4 at its swizzled address.
// 16-byte global accesses need a 16-byte aligned row pitch and base (cols*sizeof(T) % 16 == 0);
// this is checked at run time and an element-by-element path is used otherwise.
// Ends with __syncwarp() so the warp's own later reads of the tile see the data; other warps
// need a block-level barrier (__syncthreads) as usual.
#pragma once
#include "kittens/common/util.cuh"
#include "kittens/common/ptx.cuh"
#include "kittens/types/shared/st.cuh"
#include "kittens/types/global/gl.cuh"
#include "kittens/types/global/coord.cuh"

namespace kittens {
namespace warp {

template<class T, int R, int C, int P, int S, class U>
__device__ inline void load(st<T, R, C, P, S>& dst, const gl<U>& src, coord idx) {
    static_assert(is_same<T, U>::value, "warp::load(st, gl): global<->shared copies do not convert dtypes; shared and global dtypes must match");
    if constexpr (is_same<T, U>::value) {
        constexpr int E = 16 / (int)sizeof(T);          // elements per 16-byte unit
        constexpr int UNITS_PER_ROW = C / E;
        constexpr int UNITS = R * UNITS_PER_ROW;
        static_assert(UNITS % WARP_THREADS == 0, "internal: a shared tile is always a whole number of 512-byte warp rounds");
        const T* base = src.data + src.offset(idx.b, idx.d, idx.r * R, idx.c * C);
        const long long pitch = src.cols;
        const unsigned sbase = dst.base_addr();
        const int lane = laneid();
        if (((pitch * (long long)sizeof(T)) & 15) == 0 && (reinterpret_cast<unsigned long long>(base) & 15) == 0) {
            #pragma unroll
            for (int it = 0; it < UNITS / WARP_THREADS; it++) {
                const int u = it * WARP_THREADS + lane;
                const int r = u / UNITS_PER_ROW, c = (u % UNITS_PER_ROW) * E;
                const uint4 v = *reinterpret_cast<const uint4*>(base + r * pitch + c);
                ptx::st_shared_v4_b32(st<T, R, C, P, S>::idx(sbase, r, c), v.x, v.y, v.z, v.w);
            }
        } else {
            #pragma unroll 4
            for (int it = 0; it < R * C / WARP_THREADS; it++) {
                const int e = it * WARP_THREADS + lane;
                const int r = e / C, c = e % C;
                ptx::st_shared(st<T, R, C, P, S>::idx(sbase, r, c), base[r * pitch + c]);
            }
        }
        __syncwarp();
    }
}

template<class U, class T, int R, int C, int P, int S>
__device__ inline void store(const gl<U>& dst, const st<T, R, C, P, S>& src, coord idx) {
    static_assert(is_same<T, U>::value, "warp::store(gl, st): global<->shared copies do not convert dtypes; shared and global dtypes must match");
    if constexpr (is_same<T, U>::value) {
        constexpr int E = 16 / (int)sizeof(T);
        constexpr int UNITS_PER_ROW = C / E;
        constexpr int UNITS = R * UNITS_PER_ROW;
        static_assert(UNITS % WARP_THREADS == 0, "internal: a shared tile is always a whole number of 512-byte warp rounds");
        T* base = dst.data + dst.offset(idx.b, idx.d, idx.r * R, idx.c * C);
        const long long pitch = dst.cols;
        const unsigned sbase = src.base_addr();
        const int lane = laneid();
        if (((pitch * (long long)sizeof(T)) & 15) == 0 && (reinterpret_cast<unsigned long long>(base) & 15) == 0) {
            #pragma unroll
            for (int it = 0; it < UNITS / WARP_THREADS; it++) {
                const int u = it * WARP_THREADS + lane;
                const int r = u / UNITS_PER_ROW, c = (u % UNITS_PER_ROW) * E;
                uint4 v;
                ptx::ld_shared_v4_b32(st<T, R, C, P, S>::idx(sbase, r, c), v.x, v.y, v.z, v.w);
                *reinterpret_cast<uint4*>(base + r * pitch + c) = v;
            }
        } else {
            #pragma unroll 4
            for (int it = 0; it < R * C / WARP_THREADS; it++) {
                const int e = it * WARP_THREADS + lane;
                const int r = e / C, c = e % C;
                base[r * pitch + c] = ptx::ld_shared<T>(st<T, R, C, P, S>::idx(sbase, r, c));
            }
        }
    }
}

} // namespace warp
} // namespace kittens
