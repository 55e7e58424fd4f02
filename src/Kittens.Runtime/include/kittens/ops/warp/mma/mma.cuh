// kittens/ops/warp/mma/mma.cuh
// Warp-scope matrix multiply-accumulate on register tiles with
// mma.sync.aligned.m16n8k16.row.col.f32.{bf16,f16}.{bf16,f16}.f32 (sm_80+):
//   mma_AB  (d, a, b, c): d = a   * b   + c   a: rt<T,M,K,row_l>  b: rt<T,K,N,col_l>
//   mma_ABt (d, a, b, c): d = a   * b^T + c   a: rt<T,M,K,row_l>  b: rt<T,N,K,row_l>
//   mma_AtB (d, a, b, c): d = a^T * b   + c   a: rt<T,K,M,col_l>  b: rt<T,K,N,col_l>
//   mma_AtBt(d, a, b, c): d = a^T * b^T + c   a: rt<T,K,M,col_l>  b: rt<T,N,K,row_l>
// d, c: rt<float,M,N,row_l> (d may alias c); T = bf16 or half (a and b the same).
//
// Fragment facts used (PTX ISA, mma.m16n8k16, .bf16/.f16 inputs, f32 accumulators; g = lane/4,
// t = lane%4; every .b32 operand register holds two elements, the lower index in the low half):
//   A (16x16, row): a0 = (g, 2t..2t+1) a1 = (g+8, 2t..) a2 = (g, 2t+8..) a3 = (g+8, 2t+8..)
//                   == row_l data[0..3] of an M x K block.
//   B (16x8,  col): b0 = (k 2t..2t+1, n g) b1 = (k 2t+8..2t+9, n g)
//                   == col_l data[0], data[2] of a K x N block for n = 0..7, data[1], data[3]
//                   for n = 8..15.
//   C/D (16x8, f32): {c0,c1} = (g, 2t..2t+1) {c2,c3} = (g+8, 2t..)
//                   == row_l fp32 data[0], data[1] for n = 0..7, data[2], data[3] for n = 8..15.
// Transposed operands need no data movement: a col_l K x M block has exactly the registers of
// the row_l M x K block of its transpose (rt.cuh), and a row_l N x K block those of the col_l
// K x N block of its transpose. So A^T uses a.tiles[k][m] of a col_l tile, B^T b.tiles[n][k] of a
// row_l tile, with the same register mapping.
#pragma once
#include "kittens/common/base_types.cuh"
#include "kittens/types/register/rt.cuh"

namespace kittens {
namespace warp {

template<class T> struct mma_instr;
template<> struct mma_instr<bf16> {
    __device__ __forceinline__ static void run(float2& d0, float2& d1, unsigned a0, unsigned a1, unsigned a2, unsigned a3,
                                               unsigned b0, unsigned b1, const float2& c0, const float2& c1) {
        asm volatile("mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32 "
                     "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};"
                     : "=f"(d0.x), "=f"(d0.y), "=f"(d1.x), "=f"(d1.y)
                     : "r"(a0), "r"(a1), "r"(a2), "r"(a3), "r"(b0), "r"(b1),
                       "f"(c0.x), "f"(c0.y), "f"(c1.x), "f"(c1.y));
    }
};
template<> struct mma_instr<half> {
    __device__ __forceinline__ static void run(float2& d0, float2& d1, unsigned a0, unsigned a1, unsigned a2, unsigned a3,
                                               unsigned b0, unsigned b1, const float2& c0, const float2& c1) {
        asm volatile("mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32 "
                     "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};"
                     : "=f"(d0.x), "=f"(d0.y), "=f"(d1.x), "=f"(d1.y)
                     : "r"(a0), "r"(a1), "r"(a2), "r"(a3), "r"(b0), "r"(b1),
                       "f"(c0.x), "f"(c0.y), "f"(c1.x), "f"(c1.y));
    }
};

// One 16x16x16 step: d = a * b + c, with a an A fragment (row_l registers of an M x K block)
// and b a B fragment (col_l registers of a K x N block). c is read before d is written, so d
// may alias c.
template<class T, class LA, class LB>
__device__ __forceinline__ void mma_base(rt_base<float, row_l>& d, const rt_base<T, LA>& a, const rt_base<T, LB>& b,
                                         const rt_base<float, row_l>& c) {
    const unsigned a0 = pack_u32(a.data[0]), a1 = pack_u32(a.data[1]), a2 = pack_u32(a.data[2]), a3 = pack_u32(a.data[3]);
    const float2 c0 = c.data[0], c1 = c.data[1], c2 = c.data[2], c3 = c.data[3];
    // columns 0..7 of the block
    mma_instr<T>::run(d.data[0], d.data[1], a0, a1, a2, a3, pack_u32(b.data[0]), pack_u32(b.data[2]), c0, c1);
    // columns 8..15
    mma_instr<T>::run(d.data[2], d.data[3], a0, a1, a2, a3, pack_u32(b.data[1]), pack_u32(b.data[3]), c2, c3);
}

// Block (i, j) of a tile, or block (j, i) when the operand is stored transposed.
template<bool Transposed, class T, int R, int C, class L>
__device__ __forceinline__ const rt_base<T, L>& block_at(const rt<T, R, C, L>& t, int i, int j) {
    if constexpr (Transposed) return t.tiles[j][i];
    else return t.tiles[i][j];
}

// Shared driver. TA / TB: whether a / b are stored transposed (a^T: col_l K x M, b^T: row_l N x K).
template<bool TA, bool TB, class TD, int DM, int DN, class LD, class T, int AR, int AC, class LA,
         class TB_, int BR, int BC, class LB, class TC, int CM, int CN, class LC>
__device__ inline void mma_impl(rt<TD, DM, DN, LD>& d, const rt<T, AR, AC, LA>& a, const rt<TB_, BR, BC, LB>& b,
                                const rt<TC, CM, CN, LC>& c) {
    static_assert(is_16bit<T>::value, "kittens::warp::mma: A and B must be bf16 or half tiles");
    static_assert(is_same<T, TB_>::value, "kittens::warp::mma: A and B must have the same dtype");
    static_assert(is_same<TD, float>::value && is_same<TC, float>::value, "kittens::warp::mma: C and D must be float tiles (f32 accumulate)");
    static_assert(is_same<LD, row_l>::value && is_same<LC, row_l>::value, "kittens::warp::mma: C and D must be row_l tiles");
    static_assert(is_same<LA, conditional_t<TA, col_l, row_l>>::value,
                  "kittens::warp::mma: A must be row_l for mma_AB/mma_ABt and col_l for mma_AtB/mma_AtBt");
    static_assert(is_same<LB, conditional_t<TB, row_l, col_l>>::value,
                  "kittens::warp::mma: B must be col_l for mma_AB/mma_AtB and row_l for mma_ABt/mma_AtBt");
    constexpr int M = TA ? AC : AR;
    constexpr int K = TA ? AR : AC;
    constexpr int KB = TB ? BC : BR;
    constexpr int N = TB ? BR : BC;
    static_assert(K == KB, "kittens::warp::mma: inner dimensions of A and B differ");
    static_assert(DM == M && DN == N && CM == M && CN == N, "kittens::warp::mma: D and C must be M x N (rows of A(^T) x cols of B(^T))");
    // Only emit the body for valid operands, so a failed static_assert is the only error shown.
    constexpr bool valid = is_16bit<T>::value && is_same<T, TB_>::value && is_same<TD, float>::value && is_same<TC, float>::value &&
                           is_same<LD, row_l>::value && is_same<LC, row_l>::value && K == KB && DM == M && DN == N && CM == M && CN == N &&
                           is_same<LA, conditional_t<TA, col_l, row_l>>::value && is_same<LB, conditional_t<TB, row_l, col_l>>::value;
    if constexpr (valid) {
        #pragma unroll
        for (int m = 0; m < M / 16; m++)
        #pragma unroll
        for (int n = 0; n < N / 16; n++) {
            // A block (m, k) and B block (k, n); B^T stores block (n, k), A^T block (k, m).
            mma_base(d.tiles[m][n], block_at<TA>(a, m, 0), block_at<TB>(b, 0, n), c.tiles[m][n]);
            #pragma unroll
            for (int k = 1; k < K / 16; k++)
                mma_base(d.tiles[m][n], block_at<TA>(a, m, k), block_at<TB>(b, k, n), d.tiles[m][n]);
        }
    }
}

template<class TD, int DM, int DN, class LD, class T, int AR, int AC, class LA, class TB, int BR, int BC, class LB, class TC, int CM, int CN, class LC>
__device__ inline void mma_AB(rt<TD, DM, DN, LD>& d, const rt<T, AR, AC, LA>& a, const rt<TB, BR, BC, LB>& b, const rt<TC, CM, CN, LC>& c) {
    mma_impl<false, false>(d, a, b, c);
}
template<class TD, int DM, int DN, class LD, class T, int AR, int AC, class LA, class TB, int BR, int BC, class LB, class TC, int CM, int CN, class LC>
__device__ inline void mma_ABt(rt<TD, DM, DN, LD>& d, const rt<T, AR, AC, LA>& a, const rt<TB, BR, BC, LB>& b, const rt<TC, CM, CN, LC>& c) {
    mma_impl<false, true>(d, a, b, c);
}
template<class TD, int DM, int DN, class LD, class T, int AR, int AC, class LA, class TB, int BR, int BC, class LB, class TC, int CM, int CN, class LC>
__device__ inline void mma_AtB(rt<TD, DM, DN, LD>& d, const rt<T, AR, AC, LA>& a, const rt<TB, BR, BC, LB>& b, const rt<TC, CM, CN, LC>& c) {
    mma_impl<true, false>(d, a, b, c);
}
template<class TD, int DM, int DN, class LD, class T, int AR, int AC, class LA, class TB, int BR, int BC, class LB, class TC, int CM, int CN, class LC>
__device__ inline void mma_AtBt(rt<TD, DM, DN, LD>& d, const rt<T, AR, AC, LA>& a, const rt<TB, BR, BC, LB>& b, const rt<TC, CM, CN, LC>& c) {
    mma_impl<true, true>(d, a, b, c);
}

} // namespace warp
} // namespace kittens
