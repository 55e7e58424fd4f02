// kittens/types/register/rv.cuh
// Register vector rv<T, N, L>: a length-N vector spread over a warp so that each lane holds
// exactly the elements it needs to combine with the register-tile elements it owns.
//
// Storage: data[N/16][slots], one 16-element chunk per 16 rows/cols of the matching tile.
//   ortho_l (slots = 2): slot p of chunk i = element 16i + g + 8p          (g = lane/4)
//            -> each value is replicated over the 4 lanes of a quad (same g, t = 0..3).
//   align_l (slots = 4): slot q of chunk i = element 16i + 2t + (q&1) + 8(q>>1)   (t = lane%4)
//            -> each value is replicated over the 8 lanes with the same t (g = 0..7).
// Why these: a row_l tile lane owns rows {g, g+8} and cols {2t, 2t+1, 2t+8, 2t+9} of every 16x16
// block, so ortho_l serves row-indexed data and align_l column-indexed data with no shuffles;
// for col_l tiles the roles swap. Elements are stored unpacked as T (one register each).
#pragma once
#include "kittens/common/util.cuh"
#include "kittens/common/base_types.cuh"
#include "kittens/types/register/layouts.cuh"

namespace kittens {

template<class L> struct rv_layout_traits;
template<> struct rv_layout_traits<ortho_l> {
    enum : int { slots = 2 };
    // Index inside a 16-element chunk held in slot s by this lane.
    __device__ __forceinline__ static int elem(int s) { return (laneid() >> 2) + 8 * s; }
    // One lane per distinct value (lanes 0,4,...,28) writes it back to memory.
    __device__ __forceinline__ static bool writer() { return (laneid() & 3) == 0; }
};
template<> struct rv_layout_traits<align_l> {
    enum : int { slots = 4 };
    __device__ __forceinline__ static int elem(int s) { return 2 * (laneid() & 3) + (s & 1) + 8 * (s >> 1); }
    __device__ __forceinline__ static bool writer() { return laneid() < 4; }
};

template<class T, int N, class L = ortho_l>
struct rv {
    static_assert(is_dtype<T>::value, "kittens::rv: dtype must be float, kittens::bf16 or kittens::half");
    static_assert(N > 0 && N % 16 == 0, "kittens::rv: length N must be a positive multiple of 16");
    static_assert(is_vec_layout<L>::value, "kittens::rv: layout must be kittens::ortho_l or kittens::align_l");

    using dtype = T;
    using layout = L;
    enum : int { length = N, chunks = N / 16, slots = (int)rv_layout_traits<L>::slots };

    T data[chunks][slots];
};

} // namespace kittens
