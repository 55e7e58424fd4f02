// kittens/types/shared/st.cuh
// Shared tile st<T, R, C>: R x C elements in the TMA / wgmma SWIZZLE_{32,64,128}B layout.
//
// Layout (must stay bit-exact: TMA and wgmma descriptors will address the same bytes):
//  * swizzle_bytes S is the widest of 128/64/32 that divides a row: 16-bit types C%64==0 -> 128,
//    C%32==0 -> 64, else 32; float C%32==0 -> 128, else 64. W = S / sizeof(T) columns per chunk.
//  * The tile is C/W column chunks stored one after another; chunk q is an R x W row-major block
//    with a row pitch of S bytes. Unswizzled byte offset of (r, c):
//        (c / W) * R * S  +  r * S  +  (c % W) * sizeof(T)
//    (a sub-tile view strides by its parent's rows P instead of R: subtile.cuh)
//  * The 16-byte unit index inside each 128-byte line is XORed with the line index modulo
//    8*S/128, computed on the ABSOLUTE shared-state-space address:
//        addr ^ (((addr % (8*S)) >> 7) << 4)
//    (bits 4-6 ^= bits 7-9 for 128B, bits 4-5 ^= 7-8 for 64B, bit 4 ^= bit 7 for 32B), which is
//    the hardware swizzle pattern. The XOR only touches bits 4-6, so 16-byte vectors and ldmatrix
//    rows (8 x 16-bit at a column multiple of 8) stay contiguous.
//  * st is declared alignas(8*S) (the swizzle repeat: 256/512/1024 bytes), so the absolute
//    address bits 7-9 come from the offset alone and swizzle(base + off) == base + swizzle(off).
//    idx() uses the right-hand side: the lane-dependent part of the XOR is then visible to the
//    compiler (for a register fragment it reduces to one key per lane), instead of a full
//    64-instruction-long address computation per element that the compiler would keep live.
//    shared_allocator hands out 1024-aligned addresses (what TMA and wgmma require for 128B).
//  * sizeof(st) == R*C*sizeof(T) exactly: R*C*sizeof(T) is always a multiple of 8*S (16 rows of
//    a chunk width or more), so the alignment adds no padding.
#pragma once
#include "kittens/common/util.cuh"
#include "kittens/common/base_types.cuh"

namespace kittens {

template<class T, int C> struct st_swizzle_bytes {
    enum : int { value = (sizeof(T) == 2) ? ((C % 64 == 0) ? 128 : (C % 32 == 0) ? 64 : 32)
                                                  : ((C % 32 == 0) ? 128 : 64) };
};

// P and S are the layout of the tile this one is a view of (types/shared/subtile.cuh): P rows per
// column chunk and S swizzle bytes. A tile of its own has P = R and S from its columns; a row or
// column band of a larger tile keeps the parent's P and S, so its offset() below addresses the
// parent's bytes.
template<class T, int R, int C, int P = R, int S = st_swizzle_bytes<T, C>::value>
struct alignas(8 * S) st {
    static_assert(is_dtype<T>::value, "kittens::st: dtype must be float, kittens::bf16 or kittens::half");
    static_assert(R > 0 && R % 16 == 0, "kittens::st: rows R must be a positive multiple of 16");
    static_assert(C > 0 && C % 16 == 0, "kittens::st: cols C must be a positive multiple of 16");
    static_assert(P >= R && P % 16 == 0, "kittens::st: a view's parent has at least its rows");
    static_assert(S == 128 || S == 64 || S == 32, "kittens::st: swizzle is 32, 64 or 128 bytes");

    using dtype = T;
    enum : int {
        rows = R, cols = C, height = R / 16, width = C / 16,
        parent_rows = P,
        elem_bytes = (int)sizeof(T),
        swizzle_bytes = S,
        chunk_cols = S / (int)sizeof(T),      // W
        num_chunks = C / (S / (int)sizeof(T)),
        bytes = R * C * (int)sizeof(T),
        // Whether the R x C elements are one block of memory in the layout a tile of their own
        // would have (what a TMA copy of the whole tile needs).
        contiguous = (P == R || C == S / (int)sizeof(T)) && S == (int)st_swizzle_bytes<T, C>::value
    };
    static_assert(C % chunk_cols == 0, "kittens::st: the swizzle width must divide the columns");

    T data[R * C];

    // Unswizzled byte offset of element (r, c) from the tile base.
    __device__ __forceinline__ static constexpr unsigned offset(int r, int c) {
        return (unsigned)((c / chunk_cols) * P * swizzle_bytes + r * swizzle_bytes + (c % chunk_cols) * elem_bytes);
    }
    // Hardware swizzle of an absolute shared address (or of an offset from an 8*S-aligned base).
    __device__ __forceinline__ static constexpr unsigned swizzle(unsigned addr) {
        return addr ^ (((addr % (unsigned)(8 * swizzle_bytes)) >> 7) << 4);
    }
    // Swizzled shared-state-space address of element (r, c), given the tile's base address
    // (which alignas(8*S) makes a multiple of the swizzle repeat, see above).
    __device__ __forceinline__ static constexpr unsigned idx(unsigned base, int r, int c) {
        return base + swizzle(offset(r, c));
    }
    // Fragment addressing. Register-tile code visits element (16*bi + rl, 16*bj + cl) where the
    // block (bi, bj) is a compile-time constant and (rl, cl) < 16 depends on the lane. Because
    // offset(16bi, 16bj), offset(rl, cl) occupy disjoint bits, the block part adds nothing to
    // the swizzle key (it is a multiple of 16*S above bit 7, plus bits 4-6 from the column
    // inside the chunk), so
    //     swizzle(offset(16bi+rl, 16bj+cl)) == block_high + (block_low ^ swizzle(offset(rl, cl)))
    // with block_high/low = offset(16bi, 16bj) without/with only bits 4-6 (checked exhaustively
    // for every tile shape). The lane key is computed once per lane and element slot; block_high
    // becomes an immediate offset, so no per-element address has to stay live in a register.
    __device__ __forceinline__ static constexpr unsigned lane_key(int rl, int cl) { return swizzle(offset(rl, cl)); }
    __device__ __forceinline__ static constexpr unsigned block_idx(unsigned base, int bi, int bj, unsigned key) {
        return base + (offset(16 * bi, 16 * bj) & ~0x70u) + ((offset(16 * bi, 16 * bj) & 0x70u) ^ key);
    }

    __device__ __forceinline__ unsigned base_addr() const { return smem_addr(&data[0]); }
    __device__ __forceinline__ unsigned idx(int r, int c) const { return idx(base_addr(), r, c); }
    // Generic pointer to element (r, c) (for ordinary C++ access).
    __device__ __forceinline__ T* ptr(int r, int c) {
        unsigned b = base_addr();
        return reinterpret_cast<T*>(reinterpret_cast<char*>(&data[0]) + (idx(b, r, c) - b));
    }
    __device__ __forceinline__ const T* ptr(int r, int c) const {
        unsigned b = base_addr();
        return reinterpret_cast<const T*>(reinterpret_cast<const char*>(&data[0]) + (idx(b, r, c) - b));
    }
    __device__ __forceinline__ T& operator()(int r, int c) { return *ptr(r, c); }
    __device__ __forceinline__ const T& operator()(int r, int c) const { return *ptr(r, c); }
};

} // namespace kittens
