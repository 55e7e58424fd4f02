// kittens/ops/warp/mask.cuh
// Masks on row-layout register tiles, whole warp, in ABSOLUTE coordinates: element (row, col) of
// the tile stands for position (row_offset + row, col_offset + col) of a larger matrix (e.g. the
// query / key indices of an attention score tile).
//   causal_mask(tile, row_offset, col_offset, value): (col_offset + col) >  (row_offset + row) -> value
//   column_mask(tile, col_offset, limit, value):      (col_offset + col) >= limit             -> value
// Other elements keep their bits. `value` is rounded once into the tile's dtype (-inf and +inf
// are exact in every dtype).
// Each lane works on the elements its fragment owns (rt.cuh, row_l): g = lane/4, t = lane%4 hold
// rows g, g+8 and columns 2t, 2t+1, 2t+8, 2t+9 of every 16x16 block; no communication.
#pragma once
#include "kittens/common/util.cuh"
#include "kittens/common/base_types.cuh"
#include "kittens/types/register/rt.cuh"

namespace kittens {
namespace warp {

namespace detail {
// Applies `value` to element e of pair p when masked[e].
template<class P>
__device__ __forceinline__ P mask_pair(P p, bool m0, bool m1, typename packing<P>::unpacked v) {
    const auto lo = pair_lo(p), hi = pair_hi(p);
    return make_pair<P>(m0 ? v : lo, m1 ? v : hi);
}
} // namespace detail

template<class T, int R, int C, class L>
__device__ inline void causal_mask(rt<T, R, C, L>& tile, int row_offset, int col_offset, float value) {
    static_assert(is_same<L, row_l>::value, "kittens::warp::causal_mask: the tile must be row_l (use swap_layout first)");
    using T2 = typename packing<T>::packed;
    const T v = from_float<T>(value);
    // Masked when col - row > row_offset - col_offset, with (row, col) inside the tile. Each
    // element's col - row is the lane's 2t - g plus a constant, so the test is constant > lim
    // with one lim per call: an immediate compare per element. (Comparing 2t - g + constant
    // against the offsets instead lets the compiler hoist the 16 or more per-constant sums out
    // of the caller's loop, registers a wgmma loop cannot spare.)
    const int lim = (row_offset - col_offset) - (frag<row_l>::col(0, 0) - frag<row_l>::row(0, 0));
    #pragma unroll
    for (int i = 0; i < R / 16; i++)
    #pragma unroll
    for (int j = 0; j < C / 16; j++)
    #pragma unroll
    for (int k = 0; k < 4; k++) {
        // data[k]: row 16i + g + 8(k&1), cols 16j + 2t + 8(k>>1) + {0, 1}
        const int dc = 16 * (j - i) + 8 * (k >> 1) - 8 * (k & 1);
        tile.tiles[i][j].data[k] = detail::mask_pair<T2>(tile.tiles[i][j].data[k], dc > lim, dc + 1 > lim, v);
    }
}

template<class T, int R, int C, class L>
__device__ inline void column_mask(rt<T, R, C, L>& tile, int col_offset, int limit, float value) {
    static_assert(is_same<L, row_l>::value, "kittens::warp::column_mask: the tile must be row_l (use swap_layout first)");
    using T2 = typename packing<T>::packed;
    const T v = from_float<T>(value);
    // Masked when col >= limit - col_offset, col = 2t + a constant: constant >= lim (see causal_mask).
    const int lim = (limit - col_offset) - frag<row_l>::col(0, 0);
    #pragma unroll
    for (int i = 0; i < R / 16; i++)
    #pragma unroll
    for (int j = 0; j < C / 16; j++)
    #pragma unroll
    for (int k = 0; k < 4; k++) {
        const int c = 16 * j + 8 * (k >> 1);
        tile.tiles[i][j].data[k] = detail::mask_pair<T2>(tile.tiles[i][j].data[k], c >= lim, c + 1 >= lim, v);
    }
}

} // namespace warp
} // namespace kittens
