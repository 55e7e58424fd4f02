// kittens/common/base_ops.cuh
// Scalar float functors used by the tile and vector maps and reductions. All element math runs
// in float; 16-bit tiles are widened before and rounded once after each op.
//
// exp/exp2/log are the FAST-MATH paths on purpose (kernels are compiled with --use_fast_math and
// attention-style kernels want the MUFU unit): ex2.approx.ftz.f32 and lg2.approx.ftz.f32, with
// exp(x) = 2^(x*log2 e) and log(x) = log2(x)*ln 2. Expect ~2 ulp relative error (plus the absolute
// error from the log2(e) scaling of large |x|) and flush of denormal inputs/outputs to zero.
//
// The activations (sigmoid, gelu, gelu_tanh) are scalar functions here, used both by the maps'
// functors and directly by kernels (C# DeviceMath), so each formula exists once. They are written
// to avoid cancellation where the naive formula has it:
//   sigmoid(x)   = 1 / (1 + e^-x)                                   (fast exp; -> 0 and 1 exactly at the ends)
//   gelu(x)      = x * Phi(x) = x/2 * (1 + erf(x/sqrt 2)) = x/2 * erfc(-x/sqrt 2)
//                  (PyTorch's default, exact erf form; erfc keeps full relative precision for x << 0,
//                  where 1 + erf(...) would cancel)
//   gelu_tanh(x) = x/2 * (1 + tanh(u)), u = sqrt(2/pi) * (x + 0.044715 x^3)   (PyTorch approximate='tanh')
//                = x * sigmoid(2u), the same identity without the cancellation of 1 + tanh(u) for x << 0
// sqrt/rsqrt compile to sqrt.approx / rsqrt.approx under --use_fast_math; tanhf and erfcf are the
// CUDA math library's (a few ulp).
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

__device__ __forceinline__ float sigmoid(float x) { return 1.0f / (1.0f + fast_exp(-x)); }
__device__ __forceinline__ float gelu(float x) { return 0.5f * x * erfcf(x * -0.7071067811865476f); }  // -1/sqrt(2)
__device__ __forceinline__ float gelu_tanh(float x) {
    const float u = 0.7978845608028654f * fmaf(0.044715f * x, x * x, x);  // sqrt(2/pi) * (x + 0.044715 x^3)
    return x * sigmoid(2.0f * u);
}

namespace base_ops {

// Unary ops: op(x).
struct copy { __device__ __forceinline__ static float op(float x) { return x; } };
struct exp  { __device__ __forceinline__ static float op(float x) { return fast_exp(x); } };
struct exp2 { __device__ __forceinline__ static float op(float x) { return fast_exp2(x); } };
struct log  { __device__ __forceinline__ static float op(float x) { return fast_log(x); } };
struct abs  { __device__ __forceinline__ static float op(float x) { return fabsf(x); } };
struct sqrt  { __device__ __forceinline__ static float op(float x) { return sqrtf(x); } };
struct rsqrt { __device__ __forceinline__ static float op(float x) { return rsqrtf(x); } };
struct tanh  { __device__ __forceinline__ static float op(float x) { return tanhf(x); } };
// Qualified: the functor names hide the scalar functions of the same name inside base_ops.
struct sigmoid   { __device__ __forceinline__ static float op(float x) { return ::kittens::sigmoid(x); } };
struct gelu      { __device__ __forceinline__ static float op(float x) { return ::kittens::gelu(x); } };
struct gelu_tanh { __device__ __forceinline__ static float op(float x) { return ::kittens::gelu_tanh(x); } };

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
