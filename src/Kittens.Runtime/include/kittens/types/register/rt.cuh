// kittens/types/register/rt.cuh
// Register tile rt<T, R, C, L>: an R x C matrix spread over the 32 lanes of a warp as
// tiles[R/16][C/16] 16x16 base fragments.
//
// Base fragment (8 elements per lane, 4 packed pairs data[0..3]); g = lane/4, t = lane%4:
//   row_l: data[k] = (row g + 8*(k&1), cols 2t + 8*(k>>1) + {0,1})
//          data[0]=(g, 2t..2t+1) data[1]=(g+8, 2t..) data[2]=(g, 2t+8..) data[3]=(g+8, 2t+8..)
//          This is exactly the PTX mma.m16n8k16 A fragment (a0..a7 in pairs) and, split into two
//          8-column halves ({data[0],data[1]} and {data[2],data[3]}), the m16n8 C/D fragment, so an
//          fp32 accumulator converted to bf16/half is directly a valid A operand.
//   col_l: data[k] = (rows 2t + 8*(k>>1) + {0,1}, col g + 8*(k&1))
//          data[0]=(2t..2t+1, g) data[1]=(2t.., g+8) data[2]=(2t+8.., g) data[3]=(2t+8.., g+8)
//          i.e. the row_l arrangement of the TRANSPOSED matrix. Hence a col_l K x N tile has the
//          same registers as the row_l N x K tile of its transpose, and {data[0], data[2]}
//          (k = 2t.., 2t+8.. at n = g) is the mma.m16n8k16 B fragment of columns 0..7,
//          {data[1], data[3]} that of columns 8..15.
// Pair element e = 0 (float2 .x, or the low 16 bits of a bf16_2/half_2, see pair_lo) is the lower
// column (row_l) or the lower row (col_l). fp32 tiles hold float2 pairs, 16-bit tiles bf16_2 /
// half_2 (one 32-bit register per pair).
#pragma once
#include "kittens/common/util.cuh"
#include "kittens/common/base_types.cuh"
#include "kittens/types/register/layouts.cuh"
#include "kittens/types/register/rv.cuh"

namespace kittens {

// Per-lane geometry of a base fragment in layout L.
template<class L> struct frag;
template<> struct frag<row_l> {
    // Position (within the 16x16 block) of element e of data[k] held by this lane.
    __device__ __forceinline__ static int row(int k, int e) { return (laneid() >> 2) + 8 * (k & 1); }
    __device__ __forceinline__ static int col(int k, int e) { return 2 * (laneid() & 3) + e + 8 * (k >> 1); }
    // Slot of the tile's column vector (ortho_l) that holds this element's row value, and slot of
    // the tile's row vector (align_l) that holds its column value (see rv.cuh for slot meaning).
    __device__ __forceinline__ static constexpr int colvec_slot(int k, int e) { return k & 1; }
    __device__ __forceinline__ static constexpr int rowvec_slot(int k, int e) { return e + 2 * (k >> 1); }
    // Lanes sharing a row differ in t (lane bits 0-1); lanes sharing a column differ in g (bits 2-4).
    enum : bool { row_lanes_are_quad = true };
};
template<> struct frag<col_l> {
    __device__ __forceinline__ static int row(int k, int e) { return 2 * (laneid() & 3) + e + 8 * (k >> 1); }
    __device__ __forceinline__ static int col(int k, int e) { return (laneid() >> 2) + 8 * (k & 1); }
    __device__ __forceinline__ static constexpr int colvec_slot(int k, int e) { return e + 2 * (k >> 1); }  // align_l
    __device__ __forceinline__ static constexpr int rowvec_slot(int k, int e) { return k & 1; }             // ortho_l
    enum : bool { row_lanes_are_quad = false };
};

template<class T, class L>
struct rt_base {
    using dtype = T;
    using packed = typename packing<T>::packed;
    using layout = L;
    packed data[4];
};

template<class T, int R, int C, class L = row_l>
struct rt {
    static_assert(is_dtype<T>::value, "kittens::rt: dtype must be float, kittens::bf16 or kittens::half");
    static_assert(R > 0 && R % 16 == 0, "kittens::rt: rows R must be a positive multiple of 16");
    static_assert(C > 0 && C % 16 == 0, "kittens::rt: cols C must be a positive multiple of 16");
    static_assert(is_tile_layout<L>::value, "kittens::rt: layout must be kittens::row_l or kittens::col_l");

    using dtype = T;
    using packed = typename packing<T>::packed;
    using layout = L;
    enum : int { rows = R, cols = C, height = R / 16, width = C / 16 };

    // col_vec: one value per row (length R); row_vec: one value per column (length C).
    using col_vec_layout = conditional_t<is_same<L, row_l>::value, ortho_l, align_l>;
    using row_vec_layout = conditional_t<is_same<L, row_l>::value, align_l, ortho_l>;
    using col_vec = rv<T, R, col_vec_layout>;
    using row_vec = rv<T, C, row_vec_layout>;

    rt_base<T, L> tiles[height][width];
};

} // namespace kittens
