// kittens/ops/warp/register/fragment_swap.cuh
// swap_base: converts one 16x16 base fragment between row_l and col_l (same matrix), the
// building block of swap_layout, transpose_sep and of col_l memory moves of 16-bit tiles.
//
// Why it works (see rt.cuh): view the 16x16 block as 2x2 blocks of 8x8. A row_l lane holds, for
// 8x8 block (bi, bj) in data[bi + 2*bj], the element pair (g, 2t..2t+1) of that block; a col_l lane
// holds, in data[bj + 2*bi] (i.e. data[1] and data[2] trade places), the pair (2t..2t+1, g) of the
// same block, which is the row_l pair of the block's transpose. So a layout swap is: exchange
// data[1] <-> data[2] and transpose each 8x8 block in the "row pair per lane" arrangement.
//   16-bit: movmatrix.m8n8.trans.b16 does that 8x8 transpose in one instruction.
//   fp32:   lane (g, t) needs M(2t, g) and M(2t+1, g); M(r, c) lives in lane 4r + c/2, component
//           c&1, so it reads x and y from lanes 4*(2t)+g/2 and 4*(2t+1)+g/2 and keeps component g&1.
// The swap is symmetric (row->col and col->row use the same per-block operation).
// Because a row_l R x C tile holds the same registers as the col_l C x R tile of its transpose,
// transpose_sep is the same per-block operation with block indices (i, j) -> (j, i).
#pragma once
#include "kittens/common/util.cuh"
#include "kittens/common/ptx.cuh"
#include "kittens/types/register/rt.cuh"

namespace kittens {
namespace warp {

__device__ __forceinline__ float2 transpose8x8(float2 v) {
    const int lane = laneid();
    const int g = lane >> 2, t = lane & 3;
    const int src0 = 4 * (2 * t) + (g >> 1);       // holds M(2t,   g&~1 .. g|1)
    const int src1 = 4 * (2 * t + 1) + (g >> 1);   // holds M(2t+1, g&~1 .. g|1)
    const float a0 = __shfl_sync(FULL_MASK, v.x, src0);
    const float b0 = __shfl_sync(FULL_MASK, v.y, src0);
    const float a1 = __shfl_sync(FULL_MASK, v.x, src1);
    const float b1 = __shfl_sync(FULL_MASK, v.y, src1);
    const bool odd = (g & 1) != 0;
    return make_float2(odd ? b0 : a0, odd ? b1 : a1);
}
__device__ __forceinline__ bf16_2 transpose8x8(bf16_2 v) { return unpack_u32<bf16_2>(ptx::movmatrix_trans(pack_u32(v))); }
__device__ __forceinline__ half_2 transpose8x8(half_2 v) { return unpack_u32<half_2>(ptx::movmatrix_trans(pack_u32(v))); }

// Base-fragment swap: the same 16x16 matrix in the other layout (or, reading the result as the
// source's layout, the transposed matrix).
template<class T, class LD, class LS>
__device__ __forceinline__ void swap_base(rt_base<T, LD>& dst, const rt_base<T, LS>& src) {
    dst.data[0] = transpose8x8(src.data[0]);
    dst.data[1] = transpose8x8(src.data[2]);
    dst.data[2] = transpose8x8(src.data[1]);
    dst.data[3] = transpose8x8(src.data[3]);
}

} // namespace warp
} // namespace kittens
