// kittens/ops/thread/atomic.cuh
// Per-thread atomic read-modify-writes of one global-memory element, through a reference to it
// (a gl's operator() yields one; C#: Atomic.Add(ref t[b, d, r, c], v)). The target must be in
// global memory: the PTX is the .global form. All are relaxed at GPU scope (the PTX default, as
// CUDA's atomicAdd), so they order nothing else. Those that return the old value compile to a
// reduction (red) when the result is unused.
//   atomic_add(float&, float)          atom.global.add.f32 (round to nearest, flushes denormals, as atomicAdd)
//   atomic_add(int& | unsigned&, v)    atom.global.add.{s32,u32}
//   atomic_max / atomic_min(int& | unsigned&, v)   atom.global.{max,min}.{s32,u32}
//   atomic_max / atomic_min(float&, float)  one integer atomic on the bits, IEEE order with -0 < +0:
//       a float with the sign bit clear orders like its bits as a signed int, and any such value is
//       above every float with the sign bit set (negative ints); floats with the sign bit set order
//       in reverse of their bits as an unsigned int, and any such value is below every float with
//       the sign bit clear (unsigned ints < 2^31). So max(v) = signed max if v's sign bit is clear,
//       else unsigned min; min mirrors it. A NaN acts as its bits (positive NaN above +inf).
//   atomic_add_pair(bf16& | half&, float lo, float hi)  adds the pair (lo, hi), rounded to the
//       16-bit type, to the element and the next one as one 32-bit atomic (the element must be
//       4-byte aligned). half: red.global.add.noftz.f16x2; bf16: red.global.add.noftz.bf16x2 on
//       sm_90+, a 32-bit compare-and-swap loop before (bf16x2 atomics need sm_90).
#pragma once
#include "kittens/common/base_types.cuh"

namespace kittens {
namespace detail {
__device__ __forceinline__ unsigned long long global_addr(const void* p) {
    return (unsigned long long)__cvta_generic_to_global(p);
}
} // namespace detail

__device__ __forceinline__ float atomic_add(float& target, float value) {
    float old;
    asm volatile("atom.global.add.f32 %0, [%1], %2;" : "=f"(old) : "l"(detail::global_addr(&target)), "f"(value) : "memory");
    return old;
}
__device__ __forceinline__ int atomic_add(int& target, int value) {
    int old;
    asm volatile("atom.global.add.s32 %0, [%1], %2;" : "=r"(old) : "l"(detail::global_addr(&target)), "r"(value) : "memory");
    return old;
}
__device__ __forceinline__ unsigned atomic_add(unsigned& target, unsigned value) {
    unsigned old;
    asm volatile("atom.global.add.u32 %0, [%1], %2;" : "=r"(old) : "l"(detail::global_addr(&target)), "r"(value) : "memory");
    return old;
}

#define KITTENS_ATOMIC_INT_OP(NAME, OP)                                                                     \
__device__ __forceinline__ int NAME(int& target, int value) {                                               \
    int old;                                                                                                \
    asm volatile("atom.global." OP ".s32 %0, [%1], %2;" : "=r"(old) : "l"(detail::global_addr(&target)), "r"(value) : "memory"); \
    return old;                                                                                             \
}                                                                                                           \
__device__ __forceinline__ unsigned NAME(unsigned& target, unsigned value) {                                \
    unsigned old;                                                                                           \
    asm volatile("atom.global." OP ".u32 %0, [%1], %2;" : "=r"(old) : "l"(detail::global_addr(&target)), "r"(value) : "memory"); \
    return old;                                                                                             \
}
KITTENS_ATOMIC_INT_OP(atomic_max, "max")
KITTENS_ATOMIC_INT_OP(atomic_min, "min")
#undef KITTENS_ATOMIC_INT_OP

// Float max/min through the integer forms above (see the header comment for why the order holds).
__device__ __forceinline__ float atomic_max(float& target, float value) {
    const int bits = __float_as_int(value);
    if (bits >= 0) return __int_as_float(atomic_max(reinterpret_cast<int&>(target), bits));
    return __uint_as_float(atomic_min(reinterpret_cast<unsigned&>(target), (unsigned)bits));
}
__device__ __forceinline__ float atomic_min(float& target, float value) {
    const int bits = __float_as_int(value);
    if (bits >= 0) return __int_as_float(atomic_min(reinterpret_cast<int&>(target), bits));
    return __uint_as_float(atomic_max(reinterpret_cast<unsigned&>(target), (unsigned)bits));
}

__device__ __forceinline__ void atomic_add_pair(half& target, float lo, float hi) {
    const unsigned pair = pack_u32(from_float2<half_2>(make_float2(lo, hi)));
    asm volatile("red.global.add.noftz.f16x2 [%0], %1;" :: "l"(detail::global_addr(&target)), "r"(pair) : "memory");
}
__device__ __forceinline__ void atomic_add_pair(bf16& target, float lo, float hi) {
    const bf16_2 pair = from_float2<bf16_2>(make_float2(lo, hi));
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 900
    asm volatile("red.global.add.noftz.bf16x2 [%0], %1;" :: "l"(detail::global_addr(&target)), "r"(pack_u32(pair)) : "memory");
#else
    // Each element's sum is rounded once from float, as the native bf16x2 add rounds the exact sum
    // (a sum of two bf16 values is exact in float unless their exponents are far apart).
    const unsigned long long address = detail::global_addr(&target);
    const float2 add = to_float2(pair);
    unsigned seen;
    asm volatile("ld.relaxed.gpu.global.b32 %0, [%1];" : "=r"(seen) : "l"(address) : "memory");
    for (;;) {
        const float2 now = to_float2(unpack_u32<bf16_2>(seen));
        const unsigned next = pack_u32(from_float2<bf16_2>(make_float2(now.x + add.x, now.y + add.y)));
        unsigned before;
        asm volatile("atom.global.cas.b32 %0, [%1], %2, %3;" : "=r"(before) : "l"(address), "r"(seen), "r"(next) : "memory");
        if (before == seen) break;
        seen = before;
    }
#endif
}

} // namespace kittens
