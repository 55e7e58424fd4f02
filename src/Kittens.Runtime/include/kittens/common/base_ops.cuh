// kittens/common/base_ops.cuh
// Scalar float functors used by the tile and vector maps and reductions. All element math runs
// in float; 16-bit tiles are widened before and rounded once after each op.
//
// exp/exp2/log are the FAST-MATH paths on purpose (kernels are compiled with --use_fast_math and
// attention-style kernels want the MUFU unit): ex2.approx.ftz.f32 and lg2.approx.ftz.f32, with
// exp(x) = 2^(x*log2 e) and log(x) = log2(x)*ln 2. Expect ~2 ulp relative error (plus the absolute
// error from the log2(e) scaling of large |x|) and flush of denormal inputs/outputs to zero.
#pragma once
#include "kittens/common/base_types.cuh"

namespace kittens {

__device__ __forceinline__ float fast_exp2(float x) {
    float y;
    asm("ex2.approx.ftz.f32 %0, %1;" : "=f"(y) : "f"(x));
    return y;
}
__device__ __forceinline__ float fast_log2(float x) {
    float y;
    asm("lg2.approx.ftz.f32 %0, %1;" : "=f"(y) : "f"(x));
    return y;
}
__device__ __forceinline__ float fast_exp(float x) { return fast_exp2(x * 1.4426950408889634f); }  // log2(e)
__device__ __forceinline__ float fast_log(float x) { return fast_log2(x) * 0.6931471805599453f; }  // ln(2)

namespace base_ops {

// Unary ops: op(x).
struct copy { __device__ __forceinline__ static float op(float x) { return x; } };
struct exp  { __device__ __forceinline__ static float op(float x) { return fast_exp(x); } };
struct exp2 { __device__ __forceinline__ static float op(float x) { return fast_exp2(x); } };
struct log  { __device__ __forceinline__ static float op(float x) { return fast_log(x); } };
struct abs  { __device__ __forceinline__ static float op(float x) { return fabsf(x); } };

// Binary ops: op(a, b). `identity()` is the neutral start value for reductions.
struct add { __device__ __forceinline__ static float op(float a, float b) { return a + b; }
             __device__ __forceinline__ static float identity() { return 0.0f; } };
struct sub { __device__ __forceinline__ static float op(float a, float b) { return a - b; } };
struct mul { __device__ __forceinline__ static float op(float a, float b) { return a * b; } };
struct div { __device__ __forceinline__ static float op(float a, float b) { return a / b; } };
struct max { __device__ __forceinline__ static float op(float a, float b) { return fmaxf(a, b); }
             __device__ __forceinline__ static float identity() { return neg_infty_f(); } };
struct min { __device__ __forceinline__ static float op(float a, float b) { return fminf(a, b); }
             __device__ __forceinline__ static float identity() { return pos_infty_f(); } };

} // namespace base_ops
} // namespace kittens
