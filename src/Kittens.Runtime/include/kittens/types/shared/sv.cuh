// kittens/types/shared/sv.cuh
// Shared vector sv<T, N>: N contiguous elements, no swizzle, sizeof == N * sizeof(T).
#pragma once
#include "kittens/common/util.cuh"
#include "kittens/common/base_types.cuh"

namespace kittens {

template<class T, int N>
struct alignas(16) sv {
    static_assert(is_dtype<T>::value, "kittens::sv: dtype must be float, kittens::bf16 or kittens::half");
    static_assert(N > 0 && N % 16 == 0, "kittens::sv: length N must be a positive multiple of 16");

    using dtype = T;
    enum : int { length = N, bytes = N * (int)sizeof(T) };

    T data[N];

    __device__ __forceinline__ unsigned idx(int i) const { return smem_addr(&data[0]) + (unsigned)(i * (int)sizeof(T)); }
    __device__ __forceinline__ T& operator[](int i) { return data[i]; }
    __device__ __forceinline__ const T& operator[](int i) const { return data[i]; }
};

} // namespace kittens
