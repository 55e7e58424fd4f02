// kittens/ops/warpgroup/wgmma.cuh
// Warpgroup matrix multiply-accumulate with wgmma.mma_async (sm_90a). A warpgroup is 4
// consecutive warps starting at a warp index divisible by 4; all 128 threads make every call.
//
//   mma_AB (d, a, b): d += a * b      mm_AB (d, a, b): d = a * b
//   mma_ABt(d, a, b): d += a * b^T    mm_ABt(d, a, b): d = a * b^T
//     d: rt<float, 16, N, row_l>  per warp: warp w = warpid() % 4 holds rows 16w..16w+15 of the
//                                 64 x N result (the layout of every row_l fp32 tile, rt.cuh)
//     a: rt<T, 16, K, row_l>      per warp (rows 16w..16w+15 of the 64 x K matrix A), or
//        st<T, 64, K>             shared, the whole 64 x K matrix
//     b: st<T, K, N> (AB: B stored K x N) or st<T, N, K> (ABt: B^T stored N x K), shared
//   T = bf16 or half (a and b alike), K a multiple of 16, N = 16 .. 256 in steps of 16.
// Each call: a compiler register fence on d (and on the A registers), wgmma.fence, a
// fence.proxy.async.shared::cta (so shared data written by ordinary stores is visible to the
// tensor cores; writers of such data should still fence before their barrier, warpgroup::store
// does), one wgmma m64nNk16 per 16-wide K step (mm_*: the first with scale-d = 0), then
// wgmma.commit_group. The products run asynchronously: call mma_async_wait<n>() before reading
// or writing d (or overwriting the shared operands), e.g.
//     warpgroup::mm_AB(acc, a_smem, b_smem);
//     warpgroup::mma_async_wait<0>();          // or mma_async_wait<0>(acc): also fences acc
// Keep the wgmma that write one accumulator on a single control-flow path: `if (k == 0) mm_AB
// else mma_AB` inside a loop makes ptxas serialise every wgmma of the kernel (warning C7515);
// peel the first iteration instead (or zero the accumulator and always use mma_AB).
//
// Register fragments (PTX ISA, wgmma .m64nNk16, f32 accumulator D / 16-bit register A):
//   D: thread (warp w, lane l) holds d[4i + {0,1}] = (row 16w + l/4,     cols 8i + 2(l%4) + {0,1})
//                                   d[4i + {2,3}] = (row 16w + l/4 + 8, same cols),  i = 0..N/8-1.
//      Per 16-column base tile j (i = 2j, 2j+1) that is, in our row_l fragment (g = l/4, t = l%4):
//        d[8j+0,1] = data[0] (g, 2t..)   d[8j+2,3] = data[1] (g+8, 2t..)
//        d[8j+4,5] = data[2] (g, 2t+8..) d[8j+6,7] = data[3] (g+8, 2t+8..)
//      so the operand list is tiles[0][j].data[0].x, .y, data[1].x, .y, data[2].x, ... for j = 0..
//   A: a0..a3 = (g, 2t..) (g+8, 2t..) (g, 2t+8..) (g+8, 2t+8..) of the warp's 16 rows of the K
//      step, = data[0..3] of the row_l base tile tiles[0][k] (the mma.m16n8k16 A fragment).
// Shared operands: descriptors of wgmma_descriptor.cuh; A and the B of ABt are K-major (no
// transpose), the B of AB (K x N, N contiguous) is N-major: imm-trans-b = 1.
#pragma once
#include "kittens/common/util.cuh"
#include "kittens/common/base_types.cuh"
#include "kittens/types/register/rt.cuh"
#include "kittens/types/shared/st.cuh"
#include "kittens/ops/warpgroup/wgmma_descriptor.cuh"

namespace kittens {
namespace warpgroup {

#if defined(__CUDA_ARCH__) && defined(__CUDA_ARCH_FEAT_SM90_ALL)

namespace detail {

// ---- compiler register fences ------------------------------------------------------------
// An empty asm that "modifies" a register: the compiler must materialise the value before it and
// may not move reads of it above it. Used around wgmma, whose register operands the hardware
// reads and writes asynchronously.
__device__ __forceinline__ void reg_fence(float& x) { asm volatile("" : "+f"(x) :: "memory"); }
__device__ __forceinline__ void reg_fence(unsigned& x) { asm volatile("" : "+r"(x) :: "memory"); }
__device__ __forceinline__ void reg_fence(float2& p) { reg_fence(p.x); reg_fence(p.y); }
__device__ __forceinline__ void reg_fence(bf16_2& p) { reg_fence(p.bits); }
__device__ __forceinline__ void reg_fence(half_2& p) { reg_fence(p.bits); }

template<class T, int R, int C, class L>
__device__ __forceinline__ void fence_tile(rt<T, R, C, L>& t) {
    #pragma unroll
    for (int i = 0; i < R / 16; i++)
    #pragma unroll
    for (int j = 0; j < C / 16; j++)
    #pragma unroll
    for (int k = 0; k < 4; k++) reg_fence(t.tiles[i][j].data[k]);
}

// ---- one wgmma instruction per N -----------------------------------------------------------
// wgmma_instr<N>::ss<T, TransB>(d, desc_a, desc_b, scale_d)       A and B from shared memory
// wgmma_instr<N>::rs<T, TransB>(d, a0, a1, a2, a3, desc_b, scale_d) A from registers
// scale_d = 0: d = A*B; otherwise d = A*B + d. Inline-asm operand lists cannot be computed by
// templates, so the N/2 accumulator operands are spelled by the macro tables below:
//   KITTENS_WG_DS_G: "%0, ..., %(8G-1)" (the D vector of N = 16G), KITTENS_WG_DO_G: its "+f"
//   operands, KITTENS_WG_IN_G(F): F applied to the numbers of the 7 operands after them.
#define KITTENS_WG_D8(j)                                                                                 \
    "+f"(d.tiles[0][j].data[0].x), "+f"(d.tiles[0][j].data[0].y), "+f"(d.tiles[0][j].data[1].x), "+f"(d.tiles[0][j].data[1].y), \
    "+f"(d.tiles[0][j].data[2].x), "+f"(d.tiles[0][j].data[2].y), "+f"(d.tiles[0][j].data[3].x), "+f"(d.tiles[0][j].data[3].y)

#define KITTENS_WG_DS_1 "%0, %1, %2, %3, %4, %5, %6, %7"
#define KITTENS_WG_DS_2 KITTENS_WG_DS_1 ", %8, %9, %10, %11, %12, %13, %14, %15"
#define KITTENS_WG_DS_3 KITTENS_WG_DS_2 ", %16, %17, %18, %19, %20, %21, %22, %23"
#define KITTENS_WG_DS_4 KITTENS_WG_DS_3 ", %24, %25, %26, %27, %28, %29, %30, %31"
#define KITTENS_WG_DS_5 KITTENS_WG_DS_4 ", %32, %33, %34, %35, %36, %37, %38, %39"
#define KITTENS_WG_DS_6 KITTENS_WG_DS_5 ", %40, %41, %42, %43, %44, %45, %46, %47"
#define KITTENS_WG_DS_7 KITTENS_WG_DS_6 ", %48, %49, %50, %51, %52, %53, %54, %55"
#define KITTENS_WG_DS_8 KITTENS_WG_DS_7 ", %56, %57, %58, %59, %60, %61, %62, %63"
#define KITTENS_WG_DS_9 KITTENS_WG_DS_8 ", %64, %65, %66, %67, %68, %69, %70, %71"
#define KITTENS_WG_DS_10 KITTENS_WG_DS_9 ", %72, %73, %74, %75, %76, %77, %78, %79"
#define KITTENS_WG_DS_11 KITTENS_WG_DS_10 ", %80, %81, %82, %83, %84, %85, %86, %87"
#define KITTENS_WG_DS_12 KITTENS_WG_DS_11 ", %88, %89, %90, %91, %92, %93, %94, %95"
#define KITTENS_WG_DS_13 KITTENS_WG_DS_12 ", %96, %97, %98, %99, %100, %101, %102, %103"
#define KITTENS_WG_DS_14 KITTENS_WG_DS_13 ", %104, %105, %106, %107, %108, %109, %110, %111"
#define KITTENS_WG_DS_15 KITTENS_WG_DS_14 ", %112, %113, %114, %115, %116, %117, %118, %119"
#define KITTENS_WG_DS_16 KITTENS_WG_DS_15 ", %120, %121, %122, %123, %124, %125, %126, %127"

#define KITTENS_WG_DO_1 KITTENS_WG_D8(0)
#define KITTENS_WG_DO_2 KITTENS_WG_DO_1, KITTENS_WG_D8(1)
#define KITTENS_WG_DO_3 KITTENS_WG_DO_2, KITTENS_WG_D8(2)
#define KITTENS_WG_DO_4 KITTENS_WG_DO_3, KITTENS_WG_D8(3)
#define KITTENS_WG_DO_5 KITTENS_WG_DO_4, KITTENS_WG_D8(4)
#define KITTENS_WG_DO_6 KITTENS_WG_DO_5, KITTENS_WG_D8(5)
#define KITTENS_WG_DO_7 KITTENS_WG_DO_6, KITTENS_WG_D8(6)
#define KITTENS_WG_DO_8 KITTENS_WG_DO_7, KITTENS_WG_D8(7)
#define KITTENS_WG_DO_9 KITTENS_WG_DO_8, KITTENS_WG_D8(8)
#define KITTENS_WG_DO_10 KITTENS_WG_DO_9, KITTENS_WG_D8(9)
#define KITTENS_WG_DO_11 KITTENS_WG_DO_10, KITTENS_WG_D8(10)
#define KITTENS_WG_DO_12 KITTENS_WG_DO_11, KITTENS_WG_D8(11)
#define KITTENS_WG_DO_13 KITTENS_WG_DO_12, KITTENS_WG_D8(12)
#define KITTENS_WG_DO_14 KITTENS_WG_DO_13, KITTENS_WG_D8(13)
#define KITTENS_WG_DO_15 KITTENS_WG_DO_14, KITTENS_WG_D8(14)
#define KITTENS_WG_DO_16 KITTENS_WG_DO_15, KITTENS_WG_D8(15)

#define KITTENS_WG_IN_1(F) F(8, 9, 10, 11, 12, 13, 14)
#define KITTENS_WG_IN_2(F) F(16, 17, 18, 19, 20, 21, 22)
#define KITTENS_WG_IN_3(F) F(24, 25, 26, 27, 28, 29, 30)
#define KITTENS_WG_IN_4(F) F(32, 33, 34, 35, 36, 37, 38)
#define KITTENS_WG_IN_5(F) F(40, 41, 42, 43, 44, 45, 46)
#define KITTENS_WG_IN_6(F) F(48, 49, 50, 51, 52, 53, 54)
#define KITTENS_WG_IN_7(F) F(56, 57, 58, 59, 60, 61, 62)
#define KITTENS_WG_IN_8(F) F(64, 65, 66, 67, 68, 69, 70)
#define KITTENS_WG_IN_9(F) F(72, 73, 74, 75, 76, 77, 78)
#define KITTENS_WG_IN_10(F) F(80, 81, 82, 83, 84, 85, 86)
#define KITTENS_WG_IN_11(F) F(88, 89, 90, 91, 92, 93, 94)
#define KITTENS_WG_IN_12(F) F(96, 97, 98, 99, 100, 101, 102)
#define KITTENS_WG_IN_13(F) F(104, 105, 106, 107, 108, 109, 110)
#define KITTENS_WG_IN_14(F) F(112, 113, 114, 115, 116, 117, 118)
#define KITTENS_WG_IN_15(F) F(120, 121, 122, 123, 124, 125, 126)
#define KITTENS_WG_IN_16(F) F(128, 129, 130, 131, 132, 133, 134)

// ss operands after D: desc_a, desc_b, scale_d, imm-trans-b.  rs: a0..a3, desc_b, scale_d, imm-trans-b.
#define KITTENS_WG_SS_SCALE(a, b, c, d, e, f, g) #c
#define KITTENS_WG_SS_TAIL(a, b, c, d, e, f, g) "%" #a ", %" #b ", p, 1, 1, 0, %" #d
#define KITTENS_WG_RS_SCALE(a, b, c, d, e, f, g) #f
#define KITTENS_WG_RS_TAIL(a, b, c, d, e, f, g) "{%" #a ", %" #b ", %" #c ", %" #d "}, %" #e ", p, 1, 1, %" #g

#define KITTENS_WG_SS_ASM(N, G, DT)                                                                      \
    asm volatile("{\n\t.reg .pred p;\n\tsetp.ne.b32 p, %" KITTENS_WG_IN_##G(KITTENS_WG_SS_SCALE) ", 0;\n\t" \
                 "wgmma.mma_async.sync.aligned.m64n" #N "k16.f32" DT " {" KITTENS_WG_DS_##G "}, "        \
                 KITTENS_WG_IN_##G(KITTENS_WG_SS_TAIL) ";\n\t}"                                          \
                 : KITTENS_WG_DO_##G                                                                     \
                 : "l"(desc_a), "l"(desc_b), "r"(scale_d), "n"(TransB)                                   \
                 : "memory")

#define KITTENS_WG_RS_ASM(N, G, DT)                                                                      \
    asm volatile("{\n\t.reg .pred p;\n\tsetp.ne.b32 p, %" KITTENS_WG_IN_##G(KITTENS_WG_RS_SCALE) ", 0;\n\t" \
                 "wgmma.mma_async.sync.aligned.m64n" #N "k16.f32" DT " {" KITTENS_WG_DS_##G "}, "        \
                 KITTENS_WG_IN_##G(KITTENS_WG_RS_TAIL) ";\n\t}"                                          \
                 : KITTENS_WG_DO_##G                                                                     \
                 : "r"(a0), "r"(a1), "r"(a2), "r"(a3), "l"(desc_b), "r"(scale_d), "n"(TransB)            \
                 : "memory")

#define KITTENS_WG_DEFINE(N, G)                                                                          \
template<> struct wgmma_instr<N> {                                                                       \
    template<class T, int TransB>                                                                        \
    __device__ __forceinline__ static void ss(rt<float, 16, N, row_l>& d, unsigned long long desc_a,     \
                                              unsigned long long desc_b, int scale_d) {                  \
        if constexpr (is_same<T, bf16>::value) KITTENS_WG_SS_ASM(N, G, ".bf16.bf16");                    \
        else KITTENS_WG_SS_ASM(N, G, ".f16.f16");                                                        \
    }                                                                                                    \
    template<class T, int TransB>                                                                        \
    __device__ __forceinline__ static void rs(rt<float, 16, N, row_l>& d, unsigned a0, unsigned a1,      \
                                              unsigned a2, unsigned a3, unsigned long long desc_b,       \
                                              int scale_d) {                                             \
        if constexpr (is_same<T, bf16>::value) KITTENS_WG_RS_ASM(N, G, ".bf16.bf16");                    \
        else KITTENS_WG_RS_ASM(N, G, ".f16.f16");                                                        \
    }                                                                                                    \
};

template<int N> struct wgmma_instr;   // N = 16 .. 256, step 16

KITTENS_WG_DEFINE(16, 1)
KITTENS_WG_DEFINE(32, 2)
KITTENS_WG_DEFINE(48, 3)
KITTENS_WG_DEFINE(64, 4)
KITTENS_WG_DEFINE(80, 5)
KITTENS_WG_DEFINE(96, 6)
KITTENS_WG_DEFINE(112, 7)
KITTENS_WG_DEFINE(128, 8)
KITTENS_WG_DEFINE(144, 9)
KITTENS_WG_DEFINE(160, 10)
KITTENS_WG_DEFINE(176, 11)
KITTENS_WG_DEFINE(192, 12)
KITTENS_WG_DEFINE(208, 13)
KITTENS_WG_DEFINE(224, 14)
KITTENS_WG_DEFINE(240, 15)
KITTENS_WG_DEFINE(256, 16)

#undef KITTENS_WG_DEFINE
#undef KITTENS_WG_RS_ASM
#undef KITTENS_WG_SS_ASM
#undef KITTENS_WG_RS_TAIL
#undef KITTENS_WG_RS_SCALE
#undef KITTENS_WG_SS_TAIL
#undef KITTENS_WG_SS_SCALE
#undef KITTENS_WG_D8
// (the KITTENS_WG_DS_/DO_/IN_ tables stay defined; they are prefixed and used nowhere else)

// ---- operand checks ------------------------------------------------------------------------
// Trans = false: mma_AB (b is K x N), true: mma_ABt (b is N x K). ARows: 16 (register A, per
// warp) or 64 (shared A).
template<bool Trans, int ARows, class TD, int DR, int DN, class LD, class TA, int AR, int AK, class TB, int BR, int BC>
struct wgmma_check {
    enum : int { K = AK, KB = Trans ? BC : BR, N = Trans ? BR : BC };
    enum : bool {
        dtype_ok = is_16bit<TA>::value && is_same<TA, TB>::value,
        d_ok = is_same<TD, float>::value && is_same<LD, row_l>::value && DR == 16,
        a_ok = AR == ARows,
        k_ok = AK == (Trans ? BC : BR),
        n_ok = DN == (Trans ? BR : BC) && DN >= 16 && DN <= 256,
        valid = dtype_ok && d_ok && a_ok && k_ok && n_ok
    };
    static_assert(dtype_ok, "kittens::warpgroup::mma: A and B must both be bf16 or both be half");
    static_assert(d_ok, "kittens::warpgroup::mma: D must be rt<float, 16, N, row_l> (each warp holds 16 of the 64 result rows)");
    static_assert(a_ok, "kittens::warpgroup::mma: A must be rt<T, 16, K, row_l> per warp or a shared st<T, 64, K>");
    static_assert(k_ok, "kittens::warpgroup::mma: inner dimensions differ (mma_AB: A is 64 x K, B is K x N; mma_ABt: B is N x K)");
    static_assert(n_ok, "kittens::warpgroup::mma: D's columns must equal B's N, and 16 <= N <= 256");
};

// The whole call for shared B; A from shared memory (tile) or registers (rt, row_l).
template<bool Accumulate, bool Trans, class T, int N, int K, int AP, int AS, int BR, int BC, int BP, int BS>
__device__ __forceinline__ void mma_ss(rt<float, 16, N, row_l>& d, const st<T, 64, K, AP, AS>& a, const st<T, BR, BC, BP, BS>& b) {
    using DA = wgmma_descriptor<st<T, 64, K, AP, AS>, false>;
    using DB = wgmma_descriptor<st<T, BR, BC, BP, BS>, !Trans>;   // AB: B is N-major (transposed)
    fence_tile(d);
    asm volatile("wgmma.fence.sync.aligned;" ::: "memory");
    asm volatile("fence.proxy.async.shared::cta;" ::: "memory");
    const unsigned long long da = DA::make(a), db = DB::make(b);
    #pragma unroll
    for (int k = 0; k < K / 16; k++)
        wgmma_instr<N>::template ss<T, Trans ? 0 : 1>(d, DA::at(da, k), DB::at(db, k), (Accumulate || k > 0) ? 1 : 0);
    asm volatile("wgmma.commit_group.sync.aligned;" ::: "memory");
}

template<bool Accumulate, bool Trans, class T, int N, int K, int BR, int BC, int BP, int BS>
__device__ __forceinline__ void mma_rs(rt<float, 16, N, row_l>& d, const rt<T, 16, K, row_l>& a, const st<T, BR, BC, BP, BS>& b) {
    using DB = wgmma_descriptor<st<T, BR, BC, BP, BS>, !Trans>;
    unsigned ar[K / 16][4];
    #pragma unroll
    for (int k = 0; k < K / 16; k++)
    #pragma unroll
    for (int r = 0; r < 4; r++) { ar[k][r] = pack_u32(a.tiles[0][k].data[r]); reg_fence(ar[k][r]); }
    fence_tile(d);
    asm volatile("wgmma.fence.sync.aligned;" ::: "memory");
    asm volatile("fence.proxy.async.shared::cta;" ::: "memory");
    const unsigned long long db = DB::make(b);
    #pragma unroll
    for (int k = 0; k < K / 16; k++)
        wgmma_instr<N>::template rs<T, Trans ? 0 : 1>(d, ar[k][0], ar[k][1], ar[k][2], ar[k][3], DB::at(db, k),
                                                      (Accumulate || k > 0) ? 1 : 0);
    asm volatile("wgmma.commit_group.sync.aligned;" ::: "memory");
}

template<bool Accumulate, bool Trans, class TD, int DR, int DN, class LD, class TA, int AR, int AK, class LA, class TB, int BR, int BC, int BP, int BS>
__device__ __forceinline__ void mma_reg_a(rt<TD, DR, DN, LD>& d, const rt<TA, AR, AK, LA>& a, const st<TB, BR, BC, BP, BS>& b) {
    static_assert(is_same<LA, row_l>::value, "kittens::warpgroup::mma: a register A must be a row_l tile");
    using C = wgmma_check<Trans, 16, TD, DR, DN, LD, TA, AR, AK, TB, BR, BC>;
    if constexpr ((bool)C::valid && is_same<LA, row_l>::value) mma_rs<Accumulate, Trans>(d, a, b);
}

template<bool Accumulate, bool Trans, class TD, int DR, int DN, class LD, class TA, int AR, int AK, int AP, int AS, class TB, int BR, int BC, int BP, int BS>
__device__ __forceinline__ void mma_smem_a(rt<TD, DR, DN, LD>& d, const st<TA, AR, AK, AP, AS>& a, const st<TB, BR, BC, BP, BS>& b) {
    using C = wgmma_check<Trans, 64, TD, DR, DN, LD, TA, AR, AK, TB, BR, BC>;
    if constexpr ((bool)C::valid) mma_ss<Accumulate, Trans>(d, a, b);
}

} // namespace detail

// ---- synchronisation -------------------------------------------------------------------------

// Compiler fence on d + wgmma.fence: orders earlier register writes (to d, to A fragments)
// before the next wgmma. Every mma_* call does this itself.
template<class T, int R, int C, class L>
__device__ __forceinline__ void mma_fence(rt<T, R, C, L>& d) {
    detail::fence_tile(d);
    asm volatile("wgmma.fence.sync.aligned;" ::: "memory");
}

// Closes the group of wgmma issued since the last commit (every mma_* call commits its own).
__device__ __forceinline__ void mma_commit_group() {
    asm volatile("wgmma.commit_group.sync.aligned;" ::: "memory");
}

// Waits until at most N committed wgmma groups of this warpgroup are pending.
template<int N = 0>
__device__ __forceinline__ void mma_async_wait() {
    static_assert(N >= 0, "kittens::warpgroup::mma_async_wait<N>: N must be >= 0");
    asm volatile("wgmma.wait_group.sync.aligned %0;" :: "n"(N) : "memory");
}
// Same, then a compiler fence on the accumulator so that no read of it moves above the wait.
template<int N = 0, class T, int R, int C, class L>
__device__ __forceinline__ void mma_async_wait(rt<T, R, C, L>& d) {
    mma_async_wait<N>();
    detail::fence_tile(d);
}
// Same, but not before `after` has been computed. ptxas schedules a wgmma wait as early as its
// basic block allows, ahead of independent work written before it: a softmax meant to overlap
// the product still running ends up behind the wait (and behind the product). The wait is
// therefore the head of a loop whose back edge tests `after` (the last values of that work) and
// is never taken (no float, NaN included, compares below -inf): the wait cannot move above a
// block boundary, nor the branch above `after`. Costs one min per extra slot, a compare and a
// branch.
template<int N = 0, class T, int R, int C, class L, int VN, class VL>
__device__ __forceinline__ void mma_async_wait_after(rt<T, R, C, L>& d, const rv<float, VN, VL>& after) {
    static_assert(N >= 0, "kittens::warpgroup::mma_async_wait_after<N>: N must be >= 0");
    float last = after.data[0][0];
    #pragma unroll
    for (int i = 0; i < rv<float, VN, VL>::chunks; i++)
    #pragma unroll
    for (int j = 0; j < rv<float, VN, VL>::slots; j++)
        if (i + j > 0) last = fminf(last, after.data[i][j]);
    asm volatile("{\n"
                 ".reg .pred p;\n"
                 "setp.lt.f32 p, %0, 0fFF800000;\n"
                 "KITTENS_WAIT_AFTER_%=:\n"
                 "wgmma.wait_group.sync.aligned %1;\n"
                 "@p bra.uni KITTENS_WAIT_AFTER_%=;\n"
                 "}" :: "f"(last), "n"(N) : "memory");
    detail::fence_tile(d);
}

// ---- products ------------------------------------------------------------------------------

// d += a * b   (a: rt<T,16,K,row_l> per warp, b: st<T,K,N>)
template<class TD, int DR, int DN, class LD, class TA, int AR, int AK, class LA, class TB, int BR, int BC, int BP, int BS>
__device__ inline void mma_AB(rt<TD, DR, DN, LD>& d, const rt<TA, AR, AK, LA>& a, const st<TB, BR, BC, BP, BS>& b) {
    detail::mma_reg_a<true, false>(d, a, b);
}
// d += a * b   (a: st<T,64,K>, b: st<T,K,N>)
template<class TD, int DR, int DN, class LD, class TA, int AR, int AK, int AP, int AS, class TB, int BR, int BC, int BP, int BS>
__device__ inline void mma_AB(rt<TD, DR, DN, LD>& d, const st<TA, AR, AK, AP, AS>& a, const st<TB, BR, BC, BP, BS>& b) {
    detail::mma_smem_a<true, false>(d, a, b);
}
// d += a * b^T (a: rt<T,16,K,row_l> per warp, b: st<T,N,K>)
template<class TD, int DR, int DN, class LD, class TA, int AR, int AK, class LA, class TB, int BR, int BC, int BP, int BS>
__device__ inline void mma_ABt(rt<TD, DR, DN, LD>& d, const rt<TA, AR, AK, LA>& a, const st<TB, BR, BC, BP, BS>& b) {
    detail::mma_reg_a<true, true>(d, a, b);
}
// d += a * b^T (a: st<T,64,K>, b: st<T,N,K>)
template<class TD, int DR, int DN, class LD, class TA, int AR, int AK, int AP, int AS, class TB, int BR, int BC, int BP, int BS>
__device__ inline void mma_ABt(rt<TD, DR, DN, LD>& d, const st<TA, AR, AK, AP, AS>& a, const st<TB, BR, BC, BP, BS>& b) {
    detail::mma_smem_a<true, true>(d, a, b);
}

// d = a * b, d = a * b^T: the same with d overwritten (scale-d = 0 on the first K step).
template<class TD, int DR, int DN, class LD, class TA, int AR, int AK, class LA, class TB, int BR, int BC, int BP, int BS>
__device__ inline void mm_AB(rt<TD, DR, DN, LD>& d, const rt<TA, AR, AK, LA>& a, const st<TB, BR, BC, BP, BS>& b) {
    detail::mma_reg_a<false, false>(d, a, b);
}
template<class TD, int DR, int DN, class LD, class TA, int AR, int AK, int AP, int AS, class TB, int BR, int BC, int BP, int BS>
__device__ inline void mm_AB(rt<TD, DR, DN, LD>& d, const st<TA, AR, AK, AP, AS>& a, const st<TB, BR, BC, BP, BS>& b) {
    detail::mma_smem_a<false, false>(d, a, b);
}
template<class TD, int DR, int DN, class LD, class TA, int AR, int AK, class LA, class TB, int BR, int BC, int BP, int BS>
__device__ inline void mm_ABt(rt<TD, DR, DN, LD>& d, const rt<TA, AR, AK, LA>& a, const st<TB, BR, BC, BP, BS>& b) {
    detail::mma_reg_a<false, true>(d, a, b);
}
template<class TD, int DR, int DN, class LD, class TA, int AR, int AK, int AP, int AS, class TB, int BR, int BC, int BP, int BS>
__device__ inline void mm_ABt(rt<TD, DR, DN, LD>& d, const st<TA, AR, AK, AP, AS>& a, const st<TB, BR, BC, BP, BS>& b) {
    detail::mma_smem_a<false, true>(d, a, b);
}

#endif // sm_90a

} // namespace warpgroup
} // namespace kittens
