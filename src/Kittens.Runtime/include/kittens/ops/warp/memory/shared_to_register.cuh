// kittens/ops/warp/memory/shared_to_register.cuh
// warp::load(rt, st) / warp::store(st, rt): whole-warp copies between a shared tile and a register
// tile of the same shape.
//
// Same 16-bit dtype on both sides -> ldmatrix.x4 per 16x16 block. Lane l addresses row l%8 of the
// 8x8 matrix m = l/8, and register m lands in data[m]:
//   row_l: matrix m = rows 8*(m&1).., cols 8*(m>>1)..  (data[1] = rows 8-15, data[2] = cols 8-15),
//          non-transposed: lane gets (row g, cols 2t, 2t+1) of each matrix = the row_l fragment.
//   col_l: matrix m = rows 8*(m>>1).., cols 8*(m&1).. with .trans: lane gets (rows 2t, 2t+1,
//          col g) of each matrix = the col_l fragment (data[1] = cols 8-15, data[2] = rows 8-15).
//   Each ldmatrix row is 8 elements at a column multiple of 8: 16 contiguous bytes inside one
//   swizzle unit, so the swizzled address of its first element is all it needs.
// fp32 or dtype-converting copies use ordinary shared accesses: a row_l pair is two adjacent
// columns (4 or 8 contiguous bytes inside one 16-byte unit) and moves as one access; a col_l pair
// spans two rows and moves element by element.
// store() to a 16-bit tile on sm_90 is the mirror image of load(): stmatrix.x4 (.trans for col_l)
// per 16x16 block, the same lane addresses, one address a block (an O epilogue keeps a quarter of
// the address registers live that single stores would need). Otherwise ordinary accesses: pairs
// of adjacent columns as one 4/8-byte store; a col_l tile going to a 16-bit tile is first
// converted to the row_l arrangement of each block with movmatrix (swap_base) so it also stores
// in pairs; only col_l -> fp32 stores go element by element. Ends with __syncwarp() so the warp's
// own later reads see the data.
#pragma once
#include "kittens/common/util.cuh"
#include "kittens/common/ptx.cuh"
#include "kittens/types/register/rt.cuh"
#include "kittens/types/shared/st.cuh"
#include "kittens/ops/warp/register/fragment_swap.cuh"

namespace kittens {
namespace warp {

namespace detail {
// The swizzle key of lane `lane`'s ldmatrix/stmatrix .x4 address in a 16x16 block of shared tile
// type ST (see the header comment): matrix m = lane/8, row lane%8. Add it with ST::block_idx.
template<class ST, class L>
__device__ __forceinline__ unsigned matrix_lane_key(int lane) {
    const int m = lane >> 3, rr = lane & 7;
    const int roff = is_same<L, row_l>::value ? 8 * (m & 1) + rr : 8 * (m >> 1) + rr;
    const int coff = is_same<L, row_l>::value ? 8 * (m >> 1) : 8 * (m & 1);
    return ST::lane_key(roff, coff);
}
} // namespace detail

template<class T, int R, int C, class L, class U, int R2, int C2, int P2, int S2>
__device__ inline void load(rt<T, R, C, L>& dst, const st<U, R2, C2, P2, S2>& src) {
    static_assert(R == R2 && C == C2, "warp::load(rt, st): register and shared tiles must have the same shape");
    using T2 = typename packing<T>::packed;
    using U2 = typename packing<U>::packed;
    using ST = st<U, R2, C2, P2, S2>;
    const unsigned sbase = src.base_addr();
    if constexpr (is_16bit<T>::value && is_same<T, U>::value) {
        const unsigned key = detail::matrix_lane_key<ST, L>(laneid());
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

namespace detail {
// The body of warp::store and warpgroup::store: the register tile's 16x16 blocks into shared tile
// type ST starting at sbase (a warpgroup's warp passes the address of its own band of rows).
template<class ST, class T, int R, int C, class L>
__device__ inline void store_blocks(unsigned sbase, const rt<T, R, C, L>& src) {
    using U = typename ST::dtype;
    using U2 = typename packing<U>::packed;
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 900
    constexpr bool by_stmatrix = is_16bit<U>::value;
#else
    constexpr bool by_stmatrix = false;
#endif
    if constexpr (by_stmatrix) {
        // The four lane addresses are formed here from the lane id (laneid_here) rather than
        // hoisted: an O epilogue runs once per tile, after loops that need every register.
        const unsigned key = detail::matrix_lane_key<ST, L>(ptx::laneid_here());
        #pragma unroll
        for (int i = 0; i < R / 16; i++)
        #pragma unroll
        for (int j = 0; j < C / 16; j++) {
            unsigned r[4];
            #pragma unroll
            for (int k = 0; k < 4; k++) r[k] = pack_u32(convert<U2>(src.tiles[i][j].data[k]));
            const unsigned a = ST::block_idx(sbase, i, j, key);
            if constexpr (is_same<L, row_l>::value) ptx::stmatrix_x4(a, r[0], r[1], r[2], r[3]);
            else ptx::stmatrix_x4_trans(a, r[0], r[1], r[2], r[3]);
        }
    } else {
        #pragma unroll
        for (int i = 0; i < R / 16; i++)
        #pragma unroll
        for (int j = 0; j < C / 16; j++) {
            if constexpr (is_same<L, row_l>::value || is_16bit<U>::value) {
                // Pairs of adjacent columns: one 4/8-byte store each. A col_l tile with a 16-bit
                // destination is first turned into the row_l arrangement of the same block (movmatrix).
                rt_base<U, L> conv;
                #pragma unroll
                for (int k = 0; k < 4; k++) conv.data[k] = convert<U2>(src.tiles[i][j].data[k]);
                rt_base<U, row_l> rowf;
                if constexpr (is_same<L, row_l>::value) rowf = conv;
                else swap_base(rowf, conv);
                #pragma unroll
                for (int k = 0; k < 4; k++)
                    ptx::st_shared(ST::block_idx(sbase, i, j, ST::lane_key(frag<row_l>::row(k, 0), frag<row_l>::col(k, 0))), rowf.data[k]);
            } else {
                #pragma unroll
                for (int k = 0; k < 4; k++) {
                    const unsigned a0 = ST::block_idx(sbase, i, j, ST::lane_key(frag<L>::row(k, 0), frag<L>::col(k, 0)));
                    const unsigned a1 = ST::block_idx(sbase, i, j, ST::lane_key(frag<L>::row(k, 1), frag<L>::col(k, 1)));
                    ptx::st_shared(a0, convert<U>(pair_lo(src.tiles[i][j].data[k])));
                    ptx::st_shared(a1, convert<U>(pair_hi(src.tiles[i][j].data[k])));
                }
            }
        }
    }
}
} // namespace detail

template<class U, int R2, int C2, int P2, int S2, class T, int R, int C, class L>
__device__ inline void store(st<U, R2, C2, P2, S2>& dst, const rt<T, R, C, L>& src) {
    static_assert(R == R2 && C == C2, "warp::store(st, rt): register and shared tiles must have the same shape");
    detail::store_blocks<st<U, R2, C2, P2, S2>>(dst.base_addr(), src);
    __syncwarp();
}

} // namespace warp
} // namespace kittens
