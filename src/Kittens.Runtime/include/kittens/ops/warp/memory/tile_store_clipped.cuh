// kittens/ops/warp/memory/tile_store_clipped.cuh
// Clipped tile store, whole warp:
//   store(gl, rt, coord, row_limit)   row_l register tile -> global, dtype conversion allowed; only
//                                     the rows whose absolute row idx.r*R + r is below row_limit
//                                     are written, the rest (e.g. the query rows of a ragged last
//                                     tile that lie past the sequence's end) are not touched
// Each lane writes its fragment's pairs of adjacent columns as one 4-byte (16-bit) or 8-byte
// (fp32) access, as the unclipped store does (global_to_register.cuh): gl.cols must be even.
// No TMA is involved: the tile needs no shared staging and the row pitch no 16-byte alignment.
#pragma once
#include "kittens/common/util.cuh"
#include "kittens/types/register/rt.cuh"
#include "kittens/types/global/gl.cuh"
#include "kittens/types/global/coord.cuh"

namespace kittens {
namespace warp {

template<class U, class T, int R, int C>
__device__ inline void store(const gl<U>& dst, const rt<T, R, C, row_l>& src, coord idx, int row_limit) {
    static_assert(is_dtype<U>::value, "warp::store(gl, rt, coord, row_limit): global dtype must be float, bf16 or half");
    using U2 = typename packing<U>::packed;
    const int first = idx.r * R;
    U* base = dst.data + dst.offset(idx.b, idx.d, first, idx.c * C);
    const long long pitch = dst.cols;
    const int rows = row_limit - first;
    #pragma unroll
    for (int i = 0; i < R / 16; i++)
    #pragma unroll
    for (int j = 0; j < C / 16; j++)
    #pragma unroll
    for (int k = 0; k < 4; k++) {
        const int r = 16 * i + frag<row_l>::row(k, 0), c = 16 * j + frag<row_l>::col(k, 0);
        if (r < rows) *reinterpret_cast<U2*>(base + r * pitch + c) = convert<U2>(src.tiles[i][j].data[k]);
    }
}

} // namespace warp
} // namespace kittens
