// kittens/common/allocator.cuh
// shared_allocator: carves tiles out of dynamic shared memory, each allocation starting at a
// 1024-byte-aligned shared address (the SWIZZLE_128B repeat, required by TMA and wgmma).
// Usage:
//     extern __shared__ __align__(1024) char kittens_smem[];
//     kittens::shared_allocator al(kittens_smem);
//     auto &a = al.allocate<kittens::st<kittens::bf16, 64, 64>>();
//     auto (&b)[2] = al.allocate<kittens::st<kittens::bf16, 64, 64>, 2>();
// Memory used <= 1024 (alignment of the base) + sum over allocations of align1024(sizeof), which
// is what the generator reserves. Array elements are contiguous (sizeof(st) is always a multiple
// of the swizzle repeat, so every element keeps the alignment).
#pragma once
#include "kittens/common/util.cuh"

namespace kittens {

struct shared_allocator {
    char* ptr;

    __device__ __forceinline__ explicit shared_allocator(char* base) : ptr(base) {}
    __device__ __forceinline__ explicit shared_allocator(void* base) : ptr(reinterpret_cast<char*>(base)) {}

    // Advance to the next 1024-byte boundary of the shared-state-space address (the swizzle is
    // defined on that address, not on the generic pointer).
    __device__ __forceinline__ void align1024() {
        unsigned a = smem_addr(ptr);
        ptr += (1024u - (a & 1023u)) & 1023u;
    }

    template<class T>
    __device__ __forceinline__ T& allocate() {
        align1024();
        T* p = reinterpret_cast<T*>(ptr);
        ptr += sizeof(T);
        return *p;
    }

    template<class T, int N>
    __device__ __forceinline__ T (&allocate())[N] {
        static_assert(N > 0, "kittens::shared_allocator: array length must be positive");
        align1024();
        using arr = T[N];
        arr* p = reinterpret_cast<arr*>(ptr);
        ptr += sizeof(T) * N;
        return *p;
    }
};

} // namespace kittens
