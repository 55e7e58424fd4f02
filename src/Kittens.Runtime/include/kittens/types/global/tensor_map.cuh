// kittens/types/global/tensor_map.cuh
// tensor_map: the 128-byte, 64-byte-aligned opaque TMA descriptor (the driver's CUtensorMap,
// declared here under our own name because NVRTC sees no toolkit header). The runtime fills it
// with cuTensorMapEncodeTiled on the host and packs it into the kernel parameter; device code
// only takes its address.
//
// tma_traits<X> describes, for a shared tile or vector type X, the map the runtime encodes for it
// (docs/design.md section 5) and the box origin of a tile coordinate:
//   st<T, R, C> (swizzle S = st::swizzle_bytes, W = S / sizeof(T) columns per chunk):
//     rank 5, dims {W, rows, ceil(cols / W), depth, batch}, box {W, R, C / W, 1, 1}, swizzle S;
//     tile (b, d, r, c) -> origin {0, r*R, c*C/W, d, b}.
//     One TMA instruction then writes the C/W chunks of R x W elements back to back, each chunk
//     row S bytes wide and XOR-swizzled by the hardware: exactly the st layout (types/shared/st.cuh).
//   sv<T, N>: rank 4, dims {cols, rows, depth, batch}, box {N, 1, 1, 1}, no swizzle;
//     vector (b, d, r, c) -> origin {c*N, r, d, b}.
// TMA limits checked here: every box extent <= 256, the inner box extent in bytes a multiple of
// 16 (st: W*sizeof(T) = S; sv: N*sizeof(T), N being a multiple of 16).
#pragma once
#include "kittens/common/traits.cuh"
#include "kittens/types/shared/st.cuh"
#include "kittens/types/shared/sv.cuh"

namespace kittens {

struct alignas(64) tensor_map {
    unsigned long long opaque[16];
};
static_assert(sizeof(tensor_map) == 128 && alignof(tensor_map) == 64, "kittens::tensor_map must match CUtensorMap (128 bytes, align 64)");

template<class X> struct tma_traits { enum : bool { valid = false }; };

// A sub-tile view (types/shared/subtile.cuh) is valid when its bytes are one block in the layout
// of a tile of its own (st::contiguous); its map is that tile's.
template<class T, int R, int C, int P, int S>
struct tma_traits<st<T, R, C, P, S>> {
    using dtype = T;
    using tile = st<T, R, C>;
    enum : bool { valid = (bool)st<T, R, C, P, S>::contiguous };
    enum : int {
        rank = 5,
        swizzle_bytes = (int)st<T, R, C>::swizzle_bytes,
        chunk_cols = (int)st<T, R, C>::chunk_cols,            // W
        box0 = (int)st<T, R, C>::chunk_cols, box1 = R, box2 = C / (int)st<T, R, C>::chunk_cols,
        bytes = (int)sizeof(st<T, R, C>)
    };
    static_assert(R <= 256, "kittens TMA: a shared tile moved by TMA may have at most 256 rows (TMA box extent limit)");
    static_assert(C / (int)st<T, R, C>::chunk_cols <= 256, "kittens TMA: too many column chunks for one TMA box");
    // Box origin of tile (b, d, r, c), innermost first.
    __device__ __forceinline__ static int c0(int r, int c) { return 0; }
    __device__ __forceinline__ static int c1(int r, int c) { return r * R; }
    __device__ __forceinline__ static int c2(int r, int c) { return c * (C / (int)st<T, R, C>::chunk_cols); }
};

template<class T, int N>
struct tma_traits<sv<T, N>> {
    using dtype = T;
    enum : bool { valid = true };
    enum : int { rank = 4, swizzle_bytes = 0, box0 = N, bytes = (int)sizeof(sv<T, N>) };
    static_assert(N <= 256, "kittens TMA: a shared vector moved by TMA may have at most 256 elements (TMA box extent limit)");
    static_assert((N * (int)sizeof(T)) % 16 == 0, "kittens TMA: a shared vector moved by TMA must be a multiple of 16 bytes");
};

// tma_map_index<X, TMA...>::value: position of X in TMA..., or -1 when X is not listed.
template<class X, class... TMA> struct tma_map_index { enum : int { value = -1 }; };
template<class X, class... Rest> struct tma_map_index<X, X, Rest...> { enum : int { value = 0 }; };
template<class X, class Y, class... Rest> struct tma_map_index<X, Y, Rest...> {
    enum : int { value = tma_map_index<X, Rest...>::value < 0 ? -1 : 1 + (int)tma_map_index<X, Rest...>::value };
};

} // namespace kittens
