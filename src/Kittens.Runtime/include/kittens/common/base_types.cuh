// kittens/common/base_types.cuh
// Element types of tiles and vectors: float, bf16, half, their packed pairs, and conversions.
//
// No CUDA toolkit header is included (NVRTC gets only our headers), so bf16/half are plain
// 2-byte storage structs; all arithmetic on them goes through float. Conversions are inline PTX:
//   float -> bf16 / half : cvt.rn.{bf16,f16}[x2].f32 (round to nearest even, like __float2bfloat16)
//   bf16  -> float       : the bf16 bits are the high half of the float bits (exact)
//   half  -> float       : cvt.f32.f16 (exact)
// bf16 conversions need sm_80+, which is the library's minimum target anyway.
#pragma once
#include "kittens/common/traits.cuh"

namespace kittens {

// The explicit conversions from and to float are what kernel code writes for C#'s (bf16)f and
// (float)b (scalar element reads and writes); they round like from_float/to_float below, where
// they are defined. The default constructor stays trivial, so tiles, vectors and shared memory of
// these types need no construction.
struct bf16 {
    unsigned short x;
    bf16() = default;
    __device__ explicit bf16(float f);
    __device__ explicit operator float() const;
};
struct half {
    unsigned short x;
    half() = default;
    __device__ explicit half(float f);
    __device__ explicit operator float() const;
};

// Packed pairs, held as ONE 32-bit value: the element with the lower column (or row) index sits
// in the LOW 16 bits, which is the order mma.sync/ldmatrix/movmatrix use for .b16 pairs.
// (A struct of two 16-bit members would make the compiler keep each half in its own 32-bit
// register, doubling the register cost of 16-bit tiles.) Use pair_lo/pair_hi/make_pair below.
struct alignas(4) bf16_2 { unsigned bits; };
struct alignas(4) half_2 { unsigned bits; };
// float pairs use the built-in float2 (8-byte aligned), which NVRTC provides without headers.

static_assert(sizeof(bf16) == 2 && sizeof(half) == 2, "kittens: 16-bit types must be 2 bytes");
static_assert(sizeof(bf16_2) == 4 && sizeof(half_2) == 4, "kittens: packed 16-bit pairs must be 4 bytes");

template<class T> struct is_16bit : false_type {};
template<> struct is_16bit<bf16> : true_type {};
template<> struct is_16bit<half> : true_type {};

template<class T> struct is_dtype : false_type {};
template<> struct is_dtype<float> : true_type {};
template<> struct is_dtype<bf16> : true_type {};
template<> struct is_dtype<half> : true_type {};

// packing<T>::packed is the pair type one register-tile slot holds; packing<P>::unpacked reverses it.
template<class T> struct packing;
template<> struct packing<float>  { using unpacked = float; using packed = float2; };
template<> struct packing<bf16>   { using unpacked = bf16;  using packed = bf16_2; };
template<> struct packing<half>   { using unpacked = half;  using packed = half_2; };
template<> struct packing<float2> { using unpacked = float; using packed = float2; };
template<> struct packing<bf16_2> { using unpacked = bf16;  using packed = bf16_2; };
template<> struct packing<half_2> { using unpacked = half;  using packed = half_2; };

// ---- scalar conversions ------------------------------------------------------------------
__device__ __forceinline__ float to_float(float v) { return v; }
__device__ __forceinline__ float to_float(bf16 v) { return __uint_as_float(((unsigned)v.x) << 16); }
__device__ __forceinline__ float to_float(half v) {
    float f;
    asm("cvt.f32.f16 %0, %1;" : "=f"(f) : "h"(v.x));
    return f;
}

template<class T> __device__ __forceinline__ T from_float(float f);
template<> __device__ __forceinline__ float from_float<float>(float f) { return f; }
template<> __device__ __forceinline__ bf16 from_float<bf16>(float f) {
    bf16 r;
    asm("cvt.rn.bf16.f32 %0, %1;" : "=h"(r.x) : "f"(f));
    return r;
}
template<> __device__ __forceinline__ half from_float<half>(float f) {
    half r;
    asm("cvt.rn.f16.f32 %0, %1;" : "=h"(r.x) : "f"(f));
    return r;
}

__device__ __forceinline__ bf16::bf16(float f) : x(from_float<bf16>(f).x) {}
__device__ __forceinline__ bf16::operator float() const { return to_float(*this); }
__device__ __forceinline__ half::half(float f) : x(from_float<half>(f).x) {}
__device__ __forceinline__ half::operator float() const { return to_float(*this); }

// ---- 32-bit views of 16-bit pairs (for PTX operands and 4-byte memory accesses) -------------
__device__ __forceinline__ unsigned pack_u32(bf16_2 v) { return v.bits; }
__device__ __forceinline__ unsigned pack_u32(half_2 v) { return v.bits; }
template<class P> __device__ __forceinline__ P unpack_u32(unsigned u) { P r; r.bits = u; return r; }

// ---- element access of any pair type (float2, bf16_2, half_2) --------------------------------
__device__ __forceinline__ float pair_lo(float2 p) { return p.x; }
__device__ __forceinline__ float pair_hi(float2 p) { return p.y; }
__device__ __forceinline__ bf16 pair_lo(bf16_2 p) { bf16 r; r.x = (unsigned short)(p.bits & 0xffffu); return r; }
__device__ __forceinline__ bf16 pair_hi(bf16_2 p) { bf16 r; r.x = (unsigned short)(p.bits >> 16); return r; }
__device__ __forceinline__ half pair_lo(half_2 p) { half r; r.x = (unsigned short)(p.bits & 0xffffu); return r; }
__device__ __forceinline__ half pair_hi(half_2 p) { half r; r.x = (unsigned short)(p.bits >> 16); return r; }
template<class P> __device__ __forceinline__ P make_pair(typename packing<P>::unpacked lo, typename packing<P>::unpacked hi);
template<> __device__ __forceinline__ float2 make_pair<float2>(float lo, float hi) { return make_float2(lo, hi); }
template<> __device__ __forceinline__ bf16_2 make_pair<bf16_2>(bf16 lo, bf16 hi) {
    bf16_2 r; r.bits = (unsigned)lo.x | ((unsigned)hi.x << 16); return r;
}
template<> __device__ __forceinline__ half_2 make_pair<half_2>(half lo, half hi) {
    half_2 r; r.bits = (unsigned)lo.x | ((unsigned)hi.x << 16); return r;
}

// ---- pair conversions ----------------------------------------------------------------------
__device__ __forceinline__ float2 to_float2(float2 v) { return v; }
__device__ __forceinline__ float2 to_float2(bf16_2 v) {
    unsigned u = pack_u32(v);
    return make_float2(__uint_as_float(u << 16), __uint_as_float(u & 0xffff0000u));
}
__device__ __forceinline__ float2 to_float2(half_2 v) {
    float2 r;
    asm("{ .reg .b16 lo, hi;\n\t mov.b32 {lo, hi}, %2;\n\t cvt.f32.f16 %0, lo;\n\t cvt.f32.f16 %1, hi; }"
        : "=f"(r.x), "=f"(r.y) : "r"(v.bits));
    return r;
}

template<class P> __device__ __forceinline__ P from_float2(float2 v);
template<> __device__ __forceinline__ float2 from_float2<float2>(float2 v) { return v; }
// cvt.rn.{bf16x2,f16x2}.f32 d, a, b puts a in the UPPER half and b in the LOWER half,
// hence (y, x) to get x in the low half.
template<> __device__ __forceinline__ bf16_2 from_float2<bf16_2>(float2 v) {
    unsigned u;
    asm("cvt.rn.bf16x2.f32 %0, %1, %2;" : "=r"(u) : "f"(v.y), "f"(v.x));
    return unpack_u32<bf16_2>(u);
}
template<> __device__ __forceinline__ half_2 from_float2<half_2>(float2 v) {
    unsigned u;
    asm("cvt.rn.f16x2.f32 %0, %1, %2;" : "=r"(u) : "f"(v.y), "f"(v.x));
    return unpack_u32<half_2>(u);
}

// convert<To>(from): scalar or pair conversion between any two dtypes; identity is a plain copy
// (no round trip through float, so bf16 -> bf16 and NaN payloads are preserved bit for bit).
template<class To, class From> struct convertor {
    __device__ __forceinline__ static To run(const From& v) {
        if constexpr (is_same<To, From>::value) return v;
        else if constexpr (is_same<typename packing<From>::packed, From>::value) return from_float2<To>(to_float2(v));
        else return from_float<To>(to_float(v));
    }
};
template<class To, class From> __device__ __forceinline__ To convert(const From& v) { return convertor<To, From>::run(v); }

// Special values, as float (every op computes in float and rounds once into the destination type;
// +-inf converts exactly to bf16/half infinities).
__device__ __forceinline__ float pos_infty_f() { return __uint_as_float(0x7f800000u); }
__device__ __forceinline__ float neg_infty_f() { return __uint_as_float(0xff800000u); }

} // namespace kittens
