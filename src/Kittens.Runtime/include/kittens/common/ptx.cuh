// kittens/common/ptx.cuh
// Thin inline-PTX wrappers for shared-memory accesses and warp matrix-movement instructions.
// Shared accesses take 32-bit shared-state-space addresses (see smem_addr) so the swizzled
// address computed by st::idx is used as is. All shared accesses carry a "memory" clobber so
// the compiler never moves ordinary C++ memory accesses across them.
#pragma once
#include "kittens/common/base_types.cuh"

namespace kittens {
namespace ptx {

// ---- shared loads --------------------------------------------------------------------------
__device__ __forceinline__ unsigned short ld_shared_b16(unsigned a) {
    unsigned short v; asm volatile("ld.shared.b16 %0, [%1];" : "=h"(v) : "r"(a) : "memory"); return v;
}
__device__ __forceinline__ unsigned ld_shared_b32(unsigned a) {
    unsigned v; asm volatile("ld.shared.b32 %0, [%1];" : "=r"(v) : "r"(a) : "memory"); return v;
}
__device__ __forceinline__ float ld_shared_f32(unsigned a) {
    float v; asm volatile("ld.shared.f32 %0, [%1];" : "=f"(v) : "r"(a) : "memory"); return v;
}
__device__ __forceinline__ float2 ld_shared_v2_f32(unsigned a) {
    float2 v; asm volatile("ld.shared.v2.f32 {%0, %1}, [%2];" : "=f"(v.x), "=f"(v.y) : "r"(a) : "memory"); return v;
}
__device__ __forceinline__ void ld_shared_v4_b32(unsigned a, unsigned& x, unsigned& y, unsigned& z, unsigned& w) {
    asm volatile("ld.shared.v4.b32 {%0, %1, %2, %3}, [%4];" : "=r"(x), "=r"(y), "=r"(z), "=r"(w) : "r"(a) : "memory");
}

// ---- shared stores -------------------------------------------------------------------------
__device__ __forceinline__ void st_shared_b16(unsigned a, unsigned short v) {
    asm volatile("st.shared.b16 [%0], %1;" :: "r"(a), "h"(v) : "memory");
}
__device__ __forceinline__ void st_shared_b32(unsigned a, unsigned v) {
    asm volatile("st.shared.b32 [%0], %1;" :: "r"(a), "r"(v) : "memory");
}
__device__ __forceinline__ void st_shared_f32(unsigned a, float v) {
    asm volatile("st.shared.f32 [%0], %1;" :: "r"(a), "f"(v) : "memory");
}
__device__ __forceinline__ void st_shared_v2_f32(unsigned a, float2 v) {
    asm volatile("st.shared.v2.f32 [%0], {%1, %2};" :: "r"(a), "f"(v.x), "f"(v.y) : "memory");
}
__device__ __forceinline__ void st_shared_v4_b32(unsigned a, unsigned x, unsigned y, unsigned z, unsigned w) {
    asm volatile("st.shared.v4.b32 [%0], {%1, %2, %3, %4};" :: "r"(a), "r"(x), "r"(y), "r"(z), "r"(w) : "memory");
}

// ---- typed element / pair access in shared memory -------------------------------------------
template<class T> __device__ __forceinline__ T ld_shared(unsigned a);
template<> __device__ __forceinline__ float ld_shared<float>(unsigned a) { return ld_shared_f32(a); }
template<> __device__ __forceinline__ bf16 ld_shared<bf16>(unsigned a) { bf16 r; r.x = ld_shared_b16(a); return r; }
template<> __device__ __forceinline__ half ld_shared<half>(unsigned a) { half r; r.x = ld_shared_b16(a); return r; }
template<> __device__ __forceinline__ float2 ld_shared<float2>(unsigned a) { return ld_shared_v2_f32(a); }
template<> __device__ __forceinline__ bf16_2 ld_shared<bf16_2>(unsigned a) { return unpack_u32<bf16_2>(ld_shared_b32(a)); }
template<> __device__ __forceinline__ half_2 ld_shared<half_2>(unsigned a) { return unpack_u32<half_2>(ld_shared_b32(a)); }

__device__ __forceinline__ void st_shared(unsigned a, float v) { st_shared_f32(a, v); }
__device__ __forceinline__ void st_shared(unsigned a, bf16 v) { st_shared_b16(a, v.x); }
__device__ __forceinline__ void st_shared(unsigned a, half v) { st_shared_b16(a, v.x); }
__device__ __forceinline__ void st_shared(unsigned a, float2 v) { st_shared_v2_f32(a, v); }
__device__ __forceinline__ void st_shared(unsigned a, bf16_2 v) { st_shared_b32(a, pack_u32(v)); }
__device__ __forceinline__ void st_shared(unsigned a, half_2 v) { st_shared_b32(a, pack_u32(v)); }

// ---- warp matrix movement (sm_75+) ---------------------------------------------------------
// ldmatrix.x4: lane l supplies the address of row (l % 8) of 8x8 matrix (l / 8); each row is 16
// contiguous bytes. Lane l receives, in register i, row (l/4) cols 2(l%4), 2(l%4)+1 of matrix i
// (with .trans: rows 2(l%4), 2(l%4)+1 of column l/4, i.e. the matrix transposed).
__device__ __forceinline__ void ldmatrix_x4(unsigned a, unsigned& r0, unsigned& r1, unsigned& r2, unsigned& r3) {
    asm volatile("ldmatrix.sync.aligned.m8n8.x4.shared.b16 {%0, %1, %2, %3}, [%4];"
                 : "=r"(r0), "=r"(r1), "=r"(r2), "=r"(r3) : "r"(a) : "memory");
}
__device__ __forceinline__ void ldmatrix_x4_trans(unsigned a, unsigned& r0, unsigned& r1, unsigned& r2, unsigned& r3) {
    asm volatile("ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16 {%0, %1, %2, %3}, [%4];"
                 : "=r"(r0), "=r"(r1), "=r"(r2), "=r"(r3) : "r"(a) : "memory");
}
// stmatrix (sm_90): the inverse of ldmatrix, four 8x8 b16 matrices from one instruction; lane l
// gives the address of row l%8 of matrix l/8 and register m of every lane goes to matrix m.
__device__ __forceinline__ void stmatrix_x4(unsigned a, unsigned r0, unsigned r1, unsigned r2, unsigned r3) {
    asm volatile("stmatrix.sync.aligned.m8n8.x4.shared.b16 [%0], {%1, %2, %3, %4};"
                 :: "r"(a), "r"(r0), "r"(r1), "r"(r2), "r"(r3) : "memory");
}
__device__ __forceinline__ void stmatrix_x4_trans(unsigned a, unsigned r0, unsigned r1, unsigned r2, unsigned r3) {
    asm volatile("stmatrix.sync.aligned.m8n8.x4.trans.shared.b16 [%0], {%1, %2, %3, %4};"
                 :: "r"(a), "r"(r0), "r"(r1), "r"(r2), "r"(r3) : "memory");
}
// The lane index read where it is used: asm volatile keeps the compiler from hoisting what is
// computed from it out of the caller's loops (threadIdx.x & 31 would be hoisted, and the values
// derived from it kept live, or spilled, across them).
__device__ __forceinline__ int laneid_here() {
    unsigned r;
    asm volatile("mov.u32 %0, %%laneid;" : "=r"(r));
    return (int)r;
}
// movmatrix: transposes an 8x8 b16 matrix held one row-pair per lane (lane l: row l/4,
// cols 2(l%4), 2(l%4)+1) into the same per-lane arrangement of the transposed matrix.
__device__ __forceinline__ unsigned movmatrix_trans(unsigned v) {
    unsigned r;
    asm volatile("movmatrix.sync.aligned.m8n8.trans.b16 %0, %1;" : "=r"(r) : "r"(v));
    return r;
}

} // namespace ptx
} // namespace kittens
