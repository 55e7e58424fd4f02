// kittens/ops/warpgroup/wgmma_descriptor.cuh
// wgmma shared-memory matrix descriptors for our st layout.
//
// Descriptor (64 bits, PTX ISA "Matrix Descriptor Format" for wgmma):
//   bits  0-13  start address >> 4 (shared-state-space address, 18 bits of byte address)
//   bits 16-29  leading-dimension byte offset (LBO) >> 4
//   bits 32-45  stride-dimension byte offset (SBO) >> 4
//   bits 49-51  matrix base offset: 0 (tiles sit on an 8*S-byte boundary, the swizzle repeat)
//   bits 62-63  swizzle mode: 1 = 128B, 2 = 64B, 3 = 32B
//
// Our st<T, R, C> (types/shared/st.cuh): C/W column chunks of R rows, each row S bytes wide
// (S = swizzle bytes, W = S / sizeof(T) elements), XOR-swizzled like the hardware's SWIZZLE_S.
// Those are the canonical swizzled layouts of the PTX ISA ("Shared Memory Matrix Layout",
// "Canonical Layouts", in elements, with T = elements per 16 bytes and n = S / 16):
//     K-major:  ((8, m), (T, 2k)) : ((n*T, SBO), (1, T))
//     MN-major: ((T, n, m), (8, k)) : ((1, T, LBO), (n*T, SBO))
// (LBO: "offset from the first S/16 rows to the next" = from one MN swizzle atom to the next;
// SBO: from one group of 8 rows / 8 K-columns to the next), with these strides:
//
//   K-major operand (the matrix is M x K or N x K, K along the tile's columns):
//     A of every form (st<T, 64, K>) and B of ABt (st<T, N, K>).
//     SBO = 8 * S   (8-row core-matrix groups along M/N follow each other S bytes per row)
//     LBO = 16      (unused for swizzled K-major layouts: "assumed 1")
//     K16 step k (16 elements = 32 bytes of a row): start + (16k / W) * R * S + (16k % W) * sizeof(T)
//       i.e. +32 B inside a chunk, then on to the next chunk (R * S bytes further).
//   MN-major operand (B of AB, stored K x N row-major as st<T, K, N>), transpose bit imm-trans-b = 1:
//     LBO = R * S   (R = K rows: from one W-wide column chunk (an MN "swizzle atom") to the next)
//     SBO = 8 * S   (from 8 K rows to the next 8)
//     K16 step k (16 rows): start + 16 * k * S
// Per (swizzle, major) for 16-bit types (R = the tile's rows):
//     K-major  128B: mode 1, LBO 16, SBO 1024, step +32 B (4 per chunk), chunk jump R*128
//     K-major   64B: mode 2, LBO 16, SBO  512, step +32 B (2 per chunk), chunk jump R*64
//     K-major   32B: mode 3, LBO 16, SBO  256, step = chunk jump R*32
//     MN-major 128B: mode 1, LBO R*128, SBO 1024, step +2048 B
//     MN-major  64B: mode 2, LBO R*64,  SBO  512, step +1024 B
//     MN-major  32B: mode 3, LBO R*32,  SBO  256, step +512 B
// The start address of a K step inside a chunk is not swizzle-aligned: the hardware applies the
// XOR to the absolute address bits, like TMA does, so the step offset is added unswizzled.
// Only 16-bit types (bf16 / half) are wgmma operands here.
#pragma once
#include "kittens/common/util.cuh"
#include "kittens/types/shared/st.cuh"

namespace kittens {
namespace warpgroup {

template<class ST, bool MNMajor> struct wgmma_descriptor;

// P: the rows per column chunk (R, or a sub-tile's parent's rows: types/shared/subtile.cuh), so
// the chunk strides below are those of the bytes the view lies in.
template<class T, int R, int C, int P, int SW, bool MNMajor>
struct wgmma_descriptor<st<T, R, C, P, SW>, MNMajor> {
    using ST = st<T, R, C, P, SW>;
    static_assert(is_16bit<T>::value, "kittens::warpgroup wgmma: shared operands must be bf16 or half tiles");
    enum : int {
        S = (int)ST::swizzle_bytes,
        W = (int)ST::chunk_cols,
        mode = S == 128 ? 1 : S == 64 ? 2 : 3,
        lbo = MNMajor ? P * S : 16,
        sbo = 8 * S,
        k_steps = MNMajor ? R / 16 : C / 16      // K extent of the operand in 16-element steps
    };
    static_assert(((int)lbo >> 4) < (1 << 14) && ((int)sbo >> 4) < (1 << 14), "kittens wgmma descriptor: stride does not fit its 14-bit field");

    __device__ __forceinline__ static constexpr unsigned long long constant_bits() {
        return ((unsigned long long)((int)lbo >> 4) << 16) | ((unsigned long long)((int)sbo >> 4) << 32) |
               ((unsigned long long)(int)mode << 62);
    }
    // Byte offset of K16 step k from the tile base.
    __device__ __forceinline__ static constexpr unsigned k_offset(int k) {
        return MNMajor ? (unsigned)(16 * k * S)
                       : (unsigned)(((16 * k) / W) * P * S + ((16 * k) % W) * (int)sizeof(T));
    }
    // Descriptor of the whole tile (K step 0).
    __device__ __forceinline__ static unsigned long long make(const ST& tile) {
        return (unsigned long long)((tile.base_addr() & 0x3FFFFu) >> 4) | constant_bits();
    }
    // Descriptor of K step k given make(tile): the address field is 14 bits of a < 256 KiB shared
    // address, so adding the offset never carries into the LBO field.
    __device__ __forceinline__ static unsigned long long at(unsigned long long base_desc, int k) {
        return base_desc + (unsigned long long)(k_offset(k) >> 4);
    }
};

} // namespace warpgroup
} // namespace kittens
