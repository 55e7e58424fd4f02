// kittens/types/register/layouts.cuh
// Layout tags of register tiles (row_l, col_l) and register vectors (ortho_l, align_l).
#pragma once
#include "kittens/common/traits.cuh"

namespace kittens {

// Register tile layouts. row_l = the mma.sync A-operand / accumulator fragment; col_l = the same
// per-lane arrangement applied to the transposed matrix (the mma.sync B-operand fragment).
struct row_l {};
struct col_l {};

// Register vector layouts (named after how they relate to a row-layout tile).
//   ortho_l: a lane holds the elements whose index is a function of its group g = lane/4
//            (rows g, g+8 of a row_l tile => a row_l tile's column vector).
//   align_l: a lane holds the elements whose index is a function of t = lane%4
//            (cols 2t, 2t+1, 2t+8, 2t+9 of a row_l tile => a row_l tile's row vector).
struct ortho_l {};
struct align_l {};

template<class L> struct is_tile_layout : false_type {};
template<> struct is_tile_layout<row_l> : true_type {};
template<> struct is_tile_layout<col_l> : true_type {};

template<class L> struct is_vec_layout : false_type {};
template<> struct is_vec_layout<ortho_l> : true_type {};
template<> struct is_vec_layout<align_l> : true_type {};

template<class L> struct transpose_layout;
template<> struct transpose_layout<row_l> { using type = col_l; };
template<> struct transpose_layout<col_l> { using type = row_l; };

} // namespace kittens
