// kittens/types/global/coord.cuh
// coord: position of a tile (or vector) inside a gl. r and c count in units of the tile being
// moved (tile row r covers global rows r*R .. r*R+R-1); for vectors c counts vector lengths and r
// is a plain row index. b and d are plain indices.
// The constructors take any integer type so that brace-initialisation from blockIdx/threadIdx
// (unsigned) is not a narrowing error under NVRTC.
#pragma once
#include "kittens/common/traits.cuh"

namespace kittens {

struct coord {
    int b, d, r, c;

    __device__ __forceinline__ constexpr coord() : b(0), d(0), r(0), c(0) {}
    template<class B, class D, class R, class C>
    __device__ __forceinline__ constexpr coord(B b_, D d_, R r_, C c_) : b((int)b_), d((int)d_), r((int)r_), c((int)c_) {
        static_assert(is_integral<B>::value && is_integral<D>::value && is_integral<R>::value && is_integral<C>::value,
                      "kittens::coord: coordinates must be integers");
    }
    template<class R, class C>
    __device__ __forceinline__ constexpr coord(R r_, C c_) : b(0), d(0), r((int)r_), c((int)c_) {
        static_assert(is_integral<R>::value && is_integral<C>::value, "kittens::coord: coordinates must be integers");
    }
};

} // namespace kittens
