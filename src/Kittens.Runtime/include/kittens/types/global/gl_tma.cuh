// kittens/types/global/gl_tma.cuh
// gl<T, TMA...> with n = sizeof...(TMA) >= 1: a global tensor parameter that also carries one TMA
// tensor map per listed shared tile / vector type (st<T, R, C> or sv<T, N>, same dtype T).
//
// Layout (a contract with the runtime, which packs it byte for byte; docs/design.md section 5):
//     offset  0: T* data          \  the gl<T> base: the same 24 bytes as a plain gl<T>
//     offset  8: int batch, depth, rows, cols   /
//     offset 64: tensor_map maps[n]   (128 bytes each, 64-byte aligned)
//     sizeof = 64 + 128 n, alignof = 64.
// (The size assertions below pin the offset: the 24-byte base comes first and maps[] must start
// at a multiple of 64 at or after it, so sizeof == 64 + 128 n leaves 64 as its only place.)
//
// gl<T, TMA...> derives from gl<T>, so every op written for gl<T> (warp::load/store, ...) accepts
// it unchanged. The maps are only usable when the gl is a `const __grid_constant__` kernel
// parameter (TMA reads the map through the parameter's generic address); a copy in local memory
// makes the TMA instruction fault.
#pragma once
#include "kittens/types/global/gl.cuh"
#include "kittens/types/global/tensor_map.cuh"

namespace kittens {

template<class T, class... TMA>
struct gl : gl<T> {
    static_assert(sizeof...(TMA) >= 1, "kittens::gl: internal error, the TMA-less gl<T> is the specialisation in gl.cuh");
    static_assert((... && tma_traits<TMA>::valid),
                  "kittens::gl<T, TMA...>: every TMA type must be a shared tile kittens::st<T, R, C> or a shared vector kittens::sv<T, N>");
    static_assert((... && is_same<typename tma_traits<TMA>::dtype, T>::value),
                  "kittens::gl<T, TMA...>: every TMA tile / vector type must have the gl's dtype T");

    enum : int { num_maps = (int)sizeof...(TMA) };
    tensor_map maps[sizeof...(TMA)];

    // The tensor map of tile / vector type X (a compile error when X is not among TMA...).
    template<class X>
    __device__ __forceinline__ const tensor_map* map() const {
        static_assert(tma_map_index<X, TMA...>::value >= 0,
                      "kittens TMA: this shared tile / vector type has no tensor map in the gl; list it in the gl's TMA types (C#: [Tma(typeof(...))] on the GL parameter)");
        return &maps[tma_map_index<X, TMA...>::value < 0 ? 0 : (int)tma_map_index<X, TMA...>::value];
    }
};

// The layout contract, for the shapes the tests and examples use.
static_assert(sizeof(gl<bf16, st<bf16, 64, 64>>) == 192 && alignof(gl<bf16, st<bf16, 64, 64>>) == 64,
              "kittens::gl<T, one TMA type> must be 192 bytes, align 64 (maps at offset 64)");
static_assert(sizeof(gl<bf16, st<bf16, 64, 64>, st<bf16, 64, 128>>) == 320, "kittens::gl<T, two TMA types> must be 320 bytes");
static_assert(sizeof(gl<float, st<float, 64, 64>, sv<float, 64>, st<float, 16, 32>>) == 448, "kittens::gl<T, three TMA types> must be 448 bytes");
static_assert(sizeof(gl<half, sv<half, 128>>) == 192, "kittens::gl<T, one TMA vector type> must be 192 bytes");

} // namespace kittens
