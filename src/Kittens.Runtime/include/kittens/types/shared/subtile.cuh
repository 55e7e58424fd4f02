// kittens/types/shared/subtile.cuh
// Sub-tiles: a band of rows and/or columns of a shared tile, as a reference to an st view whose
// offset() addresses the parent's bytes (st<T, R2, C2, P, S>: the parent's P rows per column chunk
// and S swizzle bytes, st.cuh).
//
//   row_band<R2>(t, i)        rows i*R2 .. i*R2+R2-1, all columns
//   col_band<C2>(t, j)        all rows, columns j*C2 .. j*C2+C2-1
//   subtile<R2, C2>(t, i, j)  both
//
// Why these are exact views: a row band starts i*R2*S bytes into every column chunk (R2 is a
// multiple of 16, so the start is a multiple of the swizzle repeat 8*S and the hardware XOR
// pattern of the parent applies unchanged), and a column band of whole chunks (C2 a multiple of
// the chunk width W = S / sizeof(T)) starts j*(C2/W) chunks in, P*S bytes a chunk. A column band
// inside a chunk would need the swizzle of a narrower tile, which the bytes do not have, so
// columns come in whole chunks only.
// Every op that takes a shared tile takes a view (the warp and warpgroup loads and stores and
// wgmma, whose descriptors stride by P: ops/warpgroup/wgmma_descriptor.cuh). TMA copies a view
// only where it is one block of memory in a tile's own layout (st::contiguous: a row band of a
// one-chunk tile, or a one-chunk column band).
#pragma once
#include "kittens/types/shared/st.cuh"

namespace kittens {

namespace detail {
template<int R2, int C2, class T, int R, int C, int P, int S>
__device__ __forceinline__ constexpr unsigned subtile_offset(int i, int j) {
    static_assert(R2 > 0 && R2 % 16 == 0 && R % R2 == 0, "kittens::subtile: the band's rows must be a multiple of 16 that divides the tile's rows");
    static_assert(C2 > 0 && C % C2 == 0, "kittens::subtile: the band's columns must divide the tile's columns");
    static_assert(C2 == C || C2 % (S / (int)sizeof(T)) == 0,
                  "kittens::subtile: a column band must be whole swizzle chunks (128 bytes of a row for 16-bit tiles of 64+ columns)");
    return (unsigned)(i * R2 * S) + (unsigned)(j * (C2 / (S / (int)sizeof(T))) * P * S);
}
} // namespace detail

template<int R2, int C2, class T, int R, int C, int P, int S>
__device__ __forceinline__ st<T, R2, C2, P, S>& subtile(st<T, R, C, P, S>& t, int i, int j) {
    return *reinterpret_cast<st<T, R2, C2, P, S>*>(reinterpret_cast<char*>(&t) + detail::subtile_offset<R2, C2, T, R, C, P, S>(i, j));
}
template<int R2, int C2, class T, int R, int C, int P, int S>
__device__ __forceinline__ const st<T, R2, C2, P, S>& subtile(const st<T, R, C, P, S>& t, int i, int j) {
    return *reinterpret_cast<const st<T, R2, C2, P, S>*>(reinterpret_cast<const char*>(&t) + detail::subtile_offset<R2, C2, T, R, C, P, S>(i, j));
}

template<int R2, class T, int R, int C, int P, int S>
__device__ __forceinline__ st<T, R2, C, P, S>& row_band(st<T, R, C, P, S>& t, int i) { return subtile<R2, C>(t, i, 0); }
template<int R2, class T, int R, int C, int P, int S>
__device__ __forceinline__ const st<T, R2, C, P, S>& row_band(const st<T, R, C, P, S>& t, int i) { return subtile<R2, C>(t, i, 0); }

template<int C2, class T, int R, int C, int P, int S>
__device__ __forceinline__ st<T, R, C2, P, S>& col_band(st<T, R, C, P, S>& t, int j) { return subtile<R, C2>(t, 0, j); }
template<int C2, class T, int R, int C, int P, int S>
__device__ __forceinline__ const st<T, R, C2, P, S>& col_band(const st<T, R, C, P, S>& t, int j) { return subtile<R, C2>(t, 0, j); }

} // namespace kittens
