// kittens/ops/warpgroup/memory.cuh
// warpgroup::load(rt, st) / warpgroup::store(st, rt): the 4 warps of a warpgroup move a shared
// tile of 4R rows to / from their register tiles of R rows: warp w = warpid() % 4 owns rows
// R*w .. R*w + R-1 (with R = 16: the rows of the wgmma accumulator it holds, so
//     warpgroup::store(o_smem, acc)   // st<bf16, 64, N>  <-  rt<float, 16, N, row_l> per warp
// writes a 64 x N result tile, converting dtypes on the way).
//
// Same fragment / swizzle scheme as warp::load / warp::store (ops/warp/memory/shared_to_register.cuh):
//  * loads from a 16-bit tile into the same dtype: ldmatrix.x4 per 16x16 block (.trans for col_l).
//  * stores into a 16-bit tile on sm_90: stmatrix.x4 per 16x16 block (.trans for col_l), the body
//    shared with warp::store (warp::detail::store_blocks).
//  * otherwise ordinary shared accesses: a row_l pair (two adjacent columns) moves as one 4/8-byte
//    access; col_l pairs element by element on loads. Stores of col_l tiles into 16-bit tiles go
//    through movmatrix (swap_base) first so they also store in pairs.
// The warp's band starts R*w rows into every column chunk, i.e. at base + R*w*S bytes, still a
// multiple of the swizzle repeat 8*S (R is a multiple of 16), so st::block_idx applies unchanged.
// store() ends with fence.proxy.async.shared::cta (sm_90+: the data may next be read by wgmma or
// a TMA store, which go through the async proxy) and __syncwarp(); the warpgroup must still
// synchronise (warpgroup::sync) before another warp, wgmma or TMA reads the tile.
// Works on every target (the proxy fence is sm_90+ only).
#pragma once
#include "kittens/common/util.cuh"
#include "kittens/common/ptx.cuh"
#include "kittens/types/register/rt.cuh"
#include "kittens/types/shared/st.cuh"
#include "kittens/ops/warp/register/fragment_swap.cuh"
#include "kittens/ops/warp/memory/shared_to_register.cuh"

namespace kittens {
namespace warpgroup {

template<class T, int R, int C, class L, class U, int R2, int C2, int P2, int S2>
__device__ inline void load(rt<T, R, C, L>& dst, const st<U, R2, C2, P2, S2>& src) {
    static_assert(R2 == 4 * R && C == C2, "warpgroup::load(rt, st): the shared tile must have 4x the register tile's rows and the same columns (rt<T, 16, C> <- st<U, 64, C>)");
    using T2 = typename packing<T>::packed;
    using U2 = typename packing<U>::packed;
    using ST = st<U, R2, C2, P2, S2>;
    const unsigned sbase = src.base_addr() + (unsigned)((warpid() & 3) * R * (int)ST::swizzle_bytes);
    if constexpr (is_16bit<T>::value && is_same<T, U>::value) {
        const unsigned key = warp::detail::matrix_lane_key<ST, L>(laneid());
        #pragma unroll
        for (int i = 0; i < R / 16; i++)
        #pragma unroll
        for (int j = 0; j < C / 16; j++) {
            const unsigned a = ST::block_idx(sbase, i, j, key);
            unsigned r0, r1, r2, r3;
            if constexpr (is_same<L, row_l>::value) ptx::ldmatrix_x4(a, r0, r1, r2, r3);
            else ptx::ldmatrix_x4_trans(a, r0, r1, r2, r3);
            dst.tiles[i][j].data[0] = unpack_u32<T2>(r0);
            dst.tiles[i][j].data[1] = unpack_u32<T2>(r1);
            dst.tiles[i][j].data[2] = unpack_u32<T2>(r2);
            dst.tiles[i][j].data[3] = unpack_u32<T2>(r3);
        }
    } else {
        #pragma unroll
        for (int i = 0; i < R / 16; i++)
        #pragma unroll
        for (int j = 0; j < C / 16; j++)
        #pragma unroll
        for (int k = 0; k < 4; k++) {
            const unsigned a0 = ST::block_idx(sbase, i, j, ST::lane_key(frag<L>::row(k, 0), frag<L>::col(k, 0)));
            if constexpr (is_same<L, row_l>::value) {
                dst.tiles[i][j].data[k] = convert<T2>(ptx::ld_shared<U2>(a0));
            } else {
                const unsigned a1 = ST::block_idx(sbase, i, j, ST::lane_key(frag<L>::row(k, 1), frag<L>::col(k, 1)));
                dst.tiles[i][j].data[k] = make_pair<T2>(convert<T>(ptx::ld_shared<U>(a0)), convert<T>(ptx::ld_shared<U>(a1)));
            }
        }
    }
}

template<class U, int R2, int C2, int P2, int S2, class T, int R, int C, class L>
__device__ inline void store(st<U, R2, C2, P2, S2>& dst, const rt<T, R, C, L>& src) {
    static_assert(R2 == 4 * R && C == C2, "warpgroup::store(st, rt): the shared tile must have 4x the register tile's rows and the same columns (st<U, 64, C> <- rt<T, 16, C>)");
    using ST = st<U, R2, C2, P2, S2>;
    warp::detail::store_blocks<ST>(dst.base_addr() + (unsigned)((warpid() & 3) * R * (int)ST::swizzle_bytes), src);
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 900
    asm volatile("fence.proxy.async.shared::cta;" ::: "memory");
#endif
    __syncwarp();
}

} // namespace warpgroup
} // namespace kittens
