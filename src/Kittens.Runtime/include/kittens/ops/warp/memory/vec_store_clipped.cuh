// kittens/ops/warp/memory/vec_store_clipped.cuh
// Clipped vector store, whole warp:
//   store(gl, rv, coord, limit)   register -> global, dtype conversion allowed; only elements whose
//                                 absolute column idx.c*N + e is below `limit` are written
// The vector at coord (b, d, r, c) is elements c*N .. c*N+N-1 of global row r of (b, d), as for
// the unclipped store (vec_memory.cuh); elements at or past `limit` (e.g. the columns of a row
// that lie beyond the tensor's end, the ragged last vector of a sequence) are not touched. Each
// element is written once, by the lane rv_layout_traits::writer picks. No TMA is involved, so
// the row pitch needs no 16-byte alignment (a (B, H, 1, N) float tensor with any N works).
#pragma once
#include "kittens/common/util.cuh"
#include "kittens/types/register/rv.cuh"
#include "kittens/types/global/gl.cuh"
#include "kittens/types/global/coord.cuh"

namespace kittens {
namespace warp {

template<class U, class T, int N, class L>
__device__ inline void store(const gl<U>& dst, const rv<T, N, L>& src, coord idx, int limit) {
    static_assert(is_dtype<U>::value, "warp::store(gl, rv, coord, limit): global dtype must be float, bf16 or half");
    const int first = idx.c * N;
    U* base = dst.data + dst.offset(idx.b, idx.d, idx.r, first);
    if (rv_layout_traits<L>::writer()) {
        #pragma unroll
        for (int i = 0; i < N / 16; i++)
        #pragma unroll
        for (int s = 0; s < rv<T, N, L>::slots; s++) {
            const int e = 16 * i + rv_layout_traits<L>::elem(s);
            if (first + e < limit) base[e] = convert<U>(src.data[i][s]);
        }
    }
}

} // namespace warp
} // namespace kittens
