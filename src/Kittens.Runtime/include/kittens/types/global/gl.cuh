// kittens/types/global/gl.cuh
// Global tensor gl<T>: a contiguous row-major 4-D tensor (batch, depth, rows, cols) passed to the
// kernel BY VALUE. The layout is a contract with the runtime's GlobalArg (24 bytes, align 8):
//     T* data; int batch, depth, rows, cols;
// Element (b, d, r, c) lives at data[((b*depth + d)*rows + r)*cols + c] (64-bit index math).
// No bounds checks are made by the memory ops.
#pragma once
#include "kittens/common/base_types.cuh"

namespace kittens {

// gl<T, TMA...>: TMA... lists the shared tile / vector types that carry a TMA tensor map in the
// parameter (see types/global/gl_tma.cuh, which defines the n >= 1 case). With no TMA types,
// gl<T> is the specialisation below: exactly the 24-byte layout above.
template<class T, class... TMA>
struct gl;

template<class T>
struct gl<T> {
    T* data;
    int batch, depth, rows, cols;

    __device__ __forceinline__ long long offset(int b, int d, int r, int c) const {
        return (((long long)b * depth + d) * (long long)rows + r) * (long long)cols + c;
    }
    __device__ __forceinline__ T* ptr(int b, int d, int r, int c) const { return data + offset(b, d, r, c); }
    __device__ __forceinline__ T& operator()(int b, int d, int r, int c) const { return data[offset(b, d, r, c)]; }
};

static_assert(sizeof(gl<float>) == 24 && alignof(gl<float>) == 8, "kittens::gl must be {T* data; int batch, depth, rows, cols;} (24 bytes, align 8)");
static_assert(sizeof(gl<bf16>) == 24 && sizeof(gl<half>) == 24, "kittens::gl must be 24 bytes for every dtype");

} // namespace kittens
