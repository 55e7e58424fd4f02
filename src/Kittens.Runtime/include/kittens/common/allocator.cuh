// kittens/common/allocator.cuh
// shared_allocator: carves tiles out of dynamic shared memory, each tile or vector allocation
// starting at a 1024-byte-aligned shared address (the SWIZZLE_128B repeat, required by TMA and
// wgmma). Types aligned to less than 16 bytes (semaphores: 8-byte mbarriers) are packed at their
// own alignment instead, so a dozen of them take 96 bytes, not 12 KB.
// Usage:
//     extern __shared__ __align__(1024) char kittens_smem[];
//     kittens::shared_allocator al(kittens_smem);
//     auto &a = al.allocate<kittens::st<kittens::bf16, 64, 64>>();
//     auto (&b)[2] = al.allocate<kittens::st<kittens::bf16, 64, 64>, 2>();
// Memory used <= 1024 (alignment of the base) + the allocations laid out in order at those
// alignments, which is what the generator reserves (SharedMemory.DynamicBytes). Array elements are contiguous (sizeof(st) is always a multiple
// of the swizzle repeat, so every element keeps the alignment).
#pragma once
#include "kittens/common/util.cuh"

namespace kittens {

struct shared_allocator {
    char* ptr;

    __device__ __forceinline__ explicit shared_allocator(char* base) : ptr(base) {}
    __device__ __forceinline__ explicit shared_allocator(void* base) : ptr(reinterpret_cast<char*>(base)) {}

    // Where an allocation of T starts: see the header comment.
    template<class T>
    static constexpr unsigned alignment = alignof(T) < 16 ? alignof(T) : 1024u;

    // Advance to the next multiple of A of the shared-state-space address (the swizzle is
    // defined on that address, not on the generic pointer).
    template<unsigned A>
    __device__ __forceinline__ void align() {
        unsigned a = smem_addr(ptr);
        ptr += (A - (a & (A - 1))) & (A - 1);
    }

    template<class T>
    __device__ __forceinline__ T& allocate() {
        align<alignment<T>>();
        T* p = reinterpret_cast<T*>(ptr);
        ptr += sizeof(T);
        return *p;
    }

    template<class T, int N>
    __device__ __forceinline__ T (&allocate())[N] {
        static_assert(N > 0, "kittens::shared_allocator: array length must be positive");
        align<alignment<T>>();
        using arr = T[N];
        arr* p = reinterpret_cast<arr*>(ptr);
        ptr += sizeof(T) * N;
        return *p;
    }
};

} // namespace kittens
