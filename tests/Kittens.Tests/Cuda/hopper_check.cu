// hopper_check.cu: device tests of the Hopper ops of the Kittens CUDA tile headers (TMA,
// semaphores, wgmma, warpgroup memory ops, setmaxnreg, masks). Compile with NVRTC for sm_90a
// (-std=c++17 -default-device --use_fast_math --gpu-architecture=sm_90a) and run on an H100.
// Every kernel is extern "C"; the host side (C# tests) encodes the TMA maps of each gl parameter
// from its type as docs/design.md section 5 says, so these kernels also check the runtime's map
// encoding. On other targets the bodies compile to nothing (same entry points).
//
// Notation: a gl<T, X> parameter is a 4-D tensor (batch, depth, rows, cols), row-major, with one
// TMA map for shared type X. "smem" is the dynamic shared memory to launch with (above 48 KiB set
// CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES first); it includes the 1024-byte slack that
// aligns the first tile. Semaphores are static shared memory. Dtype names: bf16, f16 (half), f32.
//
// (a) TMA, tiles X = st<T, R, C> for (T, R, C) in
//       (bf16, 64, 64), (bf16, 64, 128), (bf16, 128, 64), (f32, 64, 64), (f16, 64, 32), (bf16, 64, 16)
//     and the vector X = sv<f32, 64>:
//   tma_roundtrip_<T>_<R>x<C>(gl<T, X> src, gl<T, X> dst)
//     grid (ceil(cols / C), ceil(rows / R), batch * depth), block 128, smem 1024 + sizeof(X).
//     Block (x, y, z) TMA-loads tile (b = z / depth, d = z % depth, r = y, c = x) of src (one
//     thread; semaphore init (2 threads, 1 transaction), expect + arrive(sem, 2), all threads
//     wait), then TMA-stores it to the same tile of dst.
//     Expect: dst == src everywhere (also for rows / cols that are not multiples of R / C: the
//     load zero-fills outside the tensor and the store clips). dst and src have the same shape.
//   tma_load_<T>_<R>x<C>(gl<T, X> src, T* out)
//     same grid / block / smem. After the TMA load, the block writes the tile it sees through
//     the st layout (st::operator(), i.e. our swizzle) to out, tile after tile:
//         out[((z * gridDim.y + y) * gridDim.x + x) * R * C + i * C + j] = tile(i, j)
//     Expect: src(b, d, y*R + i, x*C + j) where in range, else 0 (this checks that TMA writes
//     exactly our swizzled st layout).
//   For X = sv<f32, 64>: tma_roundtrip_f32_v64 / tma_load_f32_v64, grid (ceil(cols / 64), rows,
//     batch * depth), block 128, smem 1024 + 256; vector (b, d, r = y, c = x) covers
//     cols 64x .. 64x+63 of row y; tma_load writes out[((z * gridDim.y + y) * gridDim.x + x) * 64 + j].
//
// (b) wgmma, one warpgroup: grid 1, block 128.
//   wgmma_<form>_<asrc>_<T>_m64n<N>k<K>(gl<T, st<T,64,K>> a, gl<T, Bt> b, float* d)
//     form AB:  b is K x N, Bt = st<T, K, N>;   form ABt: b is N x K, Bt = st<T, N, K>.
//     a has shape (1, 1, 64, K), b (1, 1, K, N) or (1, 1, N, K). d: 64 * N floats, row-major.
//     asrc smem: A is used from shared memory; reg: A is first moved to registers with
//     warpgroup::load (rt<T, 16, K, row_l> per warp).
//     Body: TMA-load a and b (one semaphore), acc = 1e30 everywhere, mm_<form>(acc, A, B)
//     (overwrite), wait, mma_<form>(acc, A, B) (accumulate), wait, write acc through the
//     fragment layout (warp w, lane l: rows 16w + l/4 (+8), cols 16j + 2(l%4) (+1, +8, +9)).
//     Expect: d[r * N + c] = 2 * sum_k a[r][k] * B[k][c], with B[k][c] = b[k][c] (AB) or b[c][k]
//     (ABt); fp32 accumulation of exact products, so |error| <~ 1e-5 * sum_k |a[r][k] B[k][c]|.
//     smem: 1024 + 64*K*2 rounded up to 1024 + K*N*2 (listed per kernel below).
//   Instances (swizzle widths: K-major A / B by K, N-major B by N: 128B for 64 | dim, 64B for
//   32 | dim, else 32B):
//     wgmma_AB_smem_bf16_m64n64k64     smem 17408    wgmma_AB_smem_bf16_m64n256k64   smem 41984
//     wgmma_AB_reg_bf16_m64n128k128    smem 50176    wgmma_AB_smem_bf16_m64n32k32    smem  7168
//     wgmma_AB_smem_bf16_m64n48k48     smem 11776    wgmma_AB_reg_bf16_m64n16k16     smem  3584
//     wgmma_ABt_smem_bf16_m64n128k64   smem 25600    wgmma_ABt_reg_bf16_m64n64k128   smem 33792
//     wgmma_ABt_smem_bf16_m64n256k128  smem 82944    wgmma_ABt_smem_bf16_m64n32k32   smem  7168
//     wgmma_ABt_reg_bf16_m64n48k48     smem 11776    wgmma_AB_smem_f16_m64n64k64     smem 17408
//     wgmma_ABt_reg_f16_m64n128k64     smem 25600
//
// (c) gemm_pipelined_bf16(gl<bf16, st<bf16,64,64>> a, gl<bf16, st<bf16,64,128>> b,
//                         gl<float, st<float,64,128>> c)
//     C = A * B with A (1, 1, M, K), B (1, 1, K, N), C (1, 1, M, N) fp32; M % 128 == 0,
//     N % 128 == 0, K % 64 == 0. grid (N / 128, M / 128), block 384, smem 164864.
//     3 warpgroups: WG 2 is the producer (decrease_registers<40>, one thread streams A/B tiles
//     with TMA through a 3-stage ring of "full"/"empty" semaphores, the phase-parity protocol);
//     WG 0 and 1 are consumers (increase_registers<232>) computing rows 64*wg.. of the CTA's
//     128 x 128 tile with wgmma (A and B from shared), then warpgroup::store the fp32 tile to
//     shared, warpgroup::sync, and TMA-store it.
//     Expect: c[m][n] = sum_k a[m][k] * b[k][n] (fp32 accumulation, tolerance as in (b)).
//
// (d) warpgroup memory round trips, one warpgroup (grid 1, block 128), smem 1024 + 2 * 8192:
//   wg_roundtrip_bf16_col(gl<bf16, st<bf16,64,64>> in, gl<bf16, st<bf16,64,64>> out)
//     TMA load -> warpgroup::load into rt<bf16, 16, 64, col_l> -> warpgroup::store into a second
//     tile -> warpgroup::sync -> TMA store. Expect out == in (bit exact), shape (1, 1, 64, 64).
//   wg_roundtrip_f32_row(gl<bf16, st<bf16,64,64>> in, gl<bf16, st<bf16,64,64>> out)
//     the same through rt<float, 16, 64, row_l> (bf16 -> f32 -> bf16 is exact). Expect out == in.
//
// (e) masks, one warp (grid 1, block 32), no smem:
//   mask_causal_<T>(gl<T> in, gl<T> out, int row_offset, int col_offset, float value)
//     in / out (1, 1, 32, 64): out(i, j) = value if col_offset + j > row_offset + i, else in(i, j).
//   mask_column_<T>(gl<T> in, gl<T> out, int col_offset, int limit, float value)
//     out(i, j) = value if col_offset + j >= limit, else in(i, j).
//   T in f32, bf16, f16 (value rounded to T; -inf stays -inf).
#include "kittens/kittens.cuh"

using namespace kittens;

#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 900
#define KT_SM90 1
#else
#define KT_SM90 0
#endif
#if defined(__CUDA_ARCH__) && defined(__CUDA_ARCH_FEAT_SM90_ALL)
#define KT_SM90A 1
#else
#define KT_SM90A 0
#endif

extern __shared__ __align__(1024) char smem[];

// Writes a warpgroup's 64 x N fp32 result (rt<float,16,N,row_l> per warp) row-major, row pitch ld.
template<int N>
__device__ void store_acc(float* out, int ld, const rt<float, 16, N, row_l>& acc) {
    const int w = warpid() & 3, g = laneid() >> 2, t = laneid() & 3;
    #pragma unroll
    for (int j = 0; j < N / 16; j++)
    #pragma unroll
    for (int k = 0; k < 4; k++) {
        const int r = 16 * w + g + 8 * (k & 1), c = 16 * j + 2 * t + 8 * (k >> 1);
        out[r * ld + c] = acc.tiles[0][j].data[k].x;
        out[r * ld + c + 1] = acc.tiles[0][j].data[k].y;
    }
}

// ---- (a) TMA ----------------------------------------------------------------------------------

template<class X> struct obj_traits;
template<class T, int R, int C> struct obj_traits<st<T, R, C>> {
    enum : int { elems = R * C };
    __device__ static T at(const st<T, R, C>& t, int e) { return t(e / C, e % C); }
};
template<class T, int N> struct obj_traits<sv<T, N>> {
    enum : int { elems = N };
    __device__ static T at(const sv<T, N>& v, int e) { return v[e]; }
};

// Loads object (b, d, r, c) = (z / depth, z % depth, y, x) of src into shared memory.
template<class X, class G>
__device__ X& tma_fetch(const G& src, semaphore& sem) {
    shared_allocator al(smem);
    X& obj = al.allocate<X>();
#if KT_SM90
    if (threadIdx.x == 0) init_semaphore(sem, 2, 1);
    __syncthreads();
    if (threadIdx.x == 0) {
        const coord idx(blockIdx.z / src.depth, blockIdx.z % src.depth, blockIdx.y, blockIdx.x);
        tma::expect(sem, obj);           // 1 arrival + the bytes
        tma::load_async(obj, src, idx, sem);
        arrive(sem, 2);                  // the 2 thread arrivals
    }
    wait(sem, 0);
#endif
    return obj;
}

template<class X, class G>
__device__ void tma_roundtrip_body(const G& src, const G& dst) {
#if KT_SM90
    __shared__ semaphore sem;
    X& obj = tma_fetch<X>(src, sem);
    if (threadIdx.x == 0) {
        tma::store_async(dst, obj, coord(blockIdx.z / dst.depth, blockIdx.z % dst.depth, blockIdx.y, blockIdx.x));
        tma::store_commit_group();
        tma::store_async_read_wait<0>();
    }
#endif
}

template<class X, class G, class T>
__device__ void tma_load_body(const G& src, T* out) {
#if KT_SM90
    __shared__ semaphore sem;
    X& obj = tma_fetch<X>(src, sem);
    const long long tile = ((long long)blockIdx.z * gridDim.y + blockIdx.y) * gridDim.x + blockIdx.x;
    T* o = out + tile * obj_traits<X>::elems;
    for (int e = threadIdx.x; e < obj_traits<X>::elems; e += blockDim.x) o[e] = obj_traits<X>::at(obj, e);
#endif
}

#define KT_TMA_TESTS(NAME, T, X)                                                                               \
    extern "C" __global__ void tma_roundtrip_##NAME(const __grid_constant__ gl<T, X> src,                      \
                                                    const __grid_constant__ gl<T, X> dst) {                    \
        tma_roundtrip_body<X>(src, dst);                                                                       \
    }                                                                                                          \
    extern "C" __global__ void tma_load_##NAME(const __grid_constant__ gl<T, X> src, T* out) {                 \
        tma_load_body<X>(src, out);                                                                            \
    }

using st_bf16_64x64 = st<bf16, 64, 64>;
using st_bf16_64x128 = st<bf16, 64, 128>;
using st_bf16_128x64 = st<bf16, 128, 64>;
using st_f32_64x64 = st<float, 64, 64>;
using st_f16_64x32 = st<half, 64, 32>;
using st_bf16_64x16 = st<bf16, 64, 16>;
using sv_f32_64 = sv<float, 64>;

KT_TMA_TESTS(bf16_64x64, bf16, st_bf16_64x64)
KT_TMA_TESTS(bf16_64x128, bf16, st_bf16_64x128)
KT_TMA_TESTS(bf16_128x64, bf16, st_bf16_128x64)
KT_TMA_TESTS(f32_64x64, float, st_f32_64x64)
KT_TMA_TESTS(f16_64x32, half, st_f16_64x32)
KT_TMA_TESTS(bf16_64x16, bf16, st_bf16_64x16)
KT_TMA_TESTS(f32_v64, float, sv_f32_64)
#undef KT_TMA_TESTS

// ---- (b) wgmma --------------------------------------------------------------------------------

// Trans: ABt (b is N x K) instead of AB (b is K x N). RegA: A through registers.
template<bool Trans, bool RegA, class T, int N, int K, class BT>
__device__ void wgmma_body(const gl<T, st<T, 64, K>>& a, const gl<T, BT>& b, float* d) {
#if KT_SM90A
    __shared__ semaphore sem;
    shared_allocator al(smem);
    st<T, 64, K>& as = al.allocate<st<T, 64, K>>();
    BT& bs = al.allocate<BT>();
    if (threadIdx.x == 0) init_semaphore(sem, 0, 1);
    __syncthreads();
    if (threadIdx.x == 0) {
        tma::expect(sem, as, bs);
        tma::load_async(as, a, coord(0, 0, 0, 0), sem);
        tma::load_async(bs, b, coord(0, 0, 0, 0), sem);
    }
    wait(sem, 0);
    rt<float, 16, N, row_l> acc;
    warp::fill(acc, 1e30f);
    if constexpr (RegA) {
        rt<T, 16, K, row_l> ar;
        warpgroup::load(ar, as);
        if constexpr (Trans) warpgroup::mm_ABt(acc, ar, bs); else warpgroup::mm_AB(acc, ar, bs);
        warpgroup::mma_async_wait<0>(acc);
        if constexpr (Trans) warpgroup::mma_ABt(acc, ar, bs); else warpgroup::mma_AB(acc, ar, bs);
        warpgroup::mma_async_wait<0>(acc);
    } else {
        if constexpr (Trans) warpgroup::mm_ABt(acc, as, bs); else warpgroup::mm_AB(acc, as, bs);
        warpgroup::mma_async_wait<0>(acc);
        if constexpr (Trans) warpgroup::mma_ABt(acc, as, bs); else warpgroup::mma_AB(acc, as, bs);
        warpgroup::mma_async_wait<0>(acc);
    }
    store_acc(d, N, acc);
#endif
}

#define KT_WGMMA_AB(ASRC, REGA, TN, T, N, K)                                                                   \
    extern "C" __global__ void wgmma_AB_##ASRC##_##TN##_m64n##N##k##K(const __grid_constant__ gl<T, st<T, 64, K>> a, \
                                                                       const __grid_constant__ gl<T, st<T, K, N>> b,  \
                                                                       float* d) {                             \
        wgmma_body<false, REGA, T, N, K>(a, b, d);                                                            \
    }
#define KT_WGMMA_ABT(ASRC, REGA, TN, T, N, K)                                                                  \
    extern "C" __global__ void wgmma_ABt_##ASRC##_##TN##_m64n##N##k##K(const __grid_constant__ gl<T, st<T, 64, K>> a, \
                                                                        const __grid_constant__ gl<T, st<T, N, K>> b, \
                                                                        float* d) {                            \
        wgmma_body<true, REGA, T, N, K>(a, b, d);                                                             \
    }

KT_WGMMA_AB(smem, false, bf16, bf16, 64, 64)
KT_WGMMA_AB(smem, false, bf16, bf16, 256, 64)
KT_WGMMA_AB(reg, true, bf16, bf16, 128, 128)
KT_WGMMA_AB(smem, false, bf16, bf16, 32, 32)
KT_WGMMA_AB(smem, false, bf16, bf16, 48, 48)
KT_WGMMA_AB(reg, true, bf16, bf16, 16, 16)
KT_WGMMA_ABT(smem, false, bf16, bf16, 128, 64)
KT_WGMMA_ABT(reg, true, bf16, bf16, 64, 128)
KT_WGMMA_ABT(smem, false, bf16, bf16, 256, 128)
KT_WGMMA_ABT(smem, false, bf16, bf16, 32, 32)
KT_WGMMA_ABT(reg, true, bf16, bf16, 48, 48)
KT_WGMMA_AB(smem, false, f16, half, 64, 64)
KT_WGMMA_ABT(reg, true, f16, half, 128, 64)
#undef KT_WGMMA_AB
#undef KT_WGMMA_ABT

// ---- (c) pipelined GEMM: producer / consumer warpgroups ------------------------------------------

enum : int { GEMM_STAGES = 3 };
using gemm_a_tile = st<bf16, 64, 64>;
using gemm_b_tile = st<bf16, 64, 128>;
using gemm_c_tile = st<float, 64, 128>;

extern "C" __global__ void __launch_bounds__(384, 1)
gemm_pipelined_bf16(const __grid_constant__ gl<bf16, gemm_a_tile> a, const __grid_constant__ gl<bf16, gemm_b_tile> b,
                    const __grid_constant__ gl<float, gemm_c_tile> c) {
#if KT_SM90A
    __shared__ semaphore full[GEMM_STAGES], empty[GEMM_STAGES];
    shared_allocator al(smem);
    gemm_a_tile (&as)[2 * GEMM_STAGES] = al.allocate<gemm_a_tile, 2 * GEMM_STAGES>();   // [stage][consumer]
    gemm_b_tile (&bs)[GEMM_STAGES] = al.allocate<gemm_b_tile, GEMM_STAGES>();
    gemm_c_tile (&cs)[2] = al.allocate<gemm_c_tile, 2>();
    if (threadIdx.x == 0) {
        for (int s = 0; s < GEMM_STAGES; s++) {
            init_semaphore(full[s], 0, 1);    // the producer's expect is the one arrival, then the bytes
            init_semaphore(empty[s], 8, 0);   // lane 0 of each of the 8 consumer warps
        }
    }
    __syncthreads();
    const int k_tiles = a.cols / 64;
    const int wg = warpgroupid();
    if (wg == 2) {
        warpgroup::decrease_registers<40>();
        if (threadIdx.x == 256) {
            for (int kt = 0; kt < k_tiles; kt++) {
                const int s = kt % GEMM_STAGES;
                // Use u of slot s (u = kt / STAGES) waits for the consumers' release of use u - 1:
                // parity (u - 1) & 1 = (u & 1) ^ 1; for u = 0 that is parity 1 of a fresh
                // semaphore, which passes at once.
                wait(empty[s], ((kt / GEMM_STAGES) & 1) ^ 1);
                tma::expect(full[s], as[2 * s], as[2 * s + 1], bs[s]);
                tma::load_async(as[2 * s], a, coord(0, 0, 2 * blockIdx.y, kt), full[s]);
                tma::load_async(as[2 * s + 1], a, coord(0, 0, 2 * blockIdx.y + 1, kt), full[s]);
                tma::load_async(bs[s], b, coord(0, 0, kt, blockIdx.x), full[s]);
            }
        }
    } else {
        warpgroup::increase_registers<232>();
        rt<float, 16, 128, row_l> acc;
        // k tile 0 overwrites the accumulator (mm_AB), the others accumulate (mma_AB). The first
        // iteration is peeled rather than chosen by an `if` inside the loop: wgmma writing the
        // same accumulator on two control-flow paths makes ptxas serialise them (C7515).
        wait(full[0], 0);
        warpgroup::mm_AB(acc, as[wg], bs[0]);
        warpgroup::mma_async_wait<0>(acc);
        if (laneid() == 0) arrive(empty[0]);
        for (int kt = 1; kt < k_tiles; kt++) {
            const int s = kt % GEMM_STAGES;
            wait(full[s], (kt / GEMM_STAGES) & 1);
            warpgroup::mma_AB(acc, as[2 * s + wg], bs[s]);
            warpgroup::mma_async_wait<0>(acc);
            if (laneid() == 0) arrive(empty[s]);
        }
        warpgroup::store(cs[wg], acc);
        warpgroup::sync(1 + wg);
        if ((threadIdx.x & 127) == 0) {
            tma::store_async(c, cs[wg], coord(0, 0, 2 * blockIdx.y + wg, blockIdx.x));
            tma::store_commit_group();
            tma::store_async_read_wait<0>();
        }
    }
#endif
}

// ---- (d) warpgroup memory round trips ----------------------------------------------------------

template<class RT>
__device__ void wg_roundtrip_body(const gl<bf16, st_bf16_64x64>& in, const gl<bf16, st_bf16_64x64>& out) {
#if KT_SM90
    __shared__ semaphore sem;
    shared_allocator al(smem);
    st_bf16_64x64& x = al.allocate<st_bf16_64x64>();
    st_bf16_64x64& y = al.allocate<st_bf16_64x64>();
    if (threadIdx.x == 0) init_semaphore(sem, 0, 1);
    __syncthreads();
    if (threadIdx.x == 0) {
        tma::expect(sem, x);
        tma::load_async(x, in, coord(0, 0, 0, 0), sem);
    }
    wait(sem, 0);
    RT r;
    warpgroup::load(r, x);
    warpgroup::store(y, r);
    warpgroup::sync(1);
    if (threadIdx.x == 0) {
        tma::store_async(out, y, coord(0, 0, 0, 0));
        tma::store_commit_group();
        tma::store_async_read_wait<0>();
    }
#endif
}
extern "C" __global__ void wg_roundtrip_bf16_col(const __grid_constant__ gl<bf16, st_bf16_64x64> in,
                                                 const __grid_constant__ gl<bf16, st_bf16_64x64> out) {
    wg_roundtrip_body<rt<bf16, 16, 64, col_l>>(in, out);
}
extern "C" __global__ void wg_roundtrip_f32_row(const __grid_constant__ gl<bf16, st_bf16_64x64> in,
                                                const __grid_constant__ gl<bf16, st_bf16_64x64> out) {
    wg_roundtrip_body<rt<float, 16, 64, row_l>>(in, out);
}

// ---- (e) masks -------------------------------------------------------------------------------------

template<class T>
__device__ void mask_causal_body(const gl<T>& in, const gl<T>& out, int row_offset, int col_offset, float value) {
    rt<T, 32, 64, row_l> x;
    warp::load(x, in, coord(0, 0));
    warp::causal_mask(x, row_offset, col_offset, value);
    warp::store(out, x, coord(0, 0));
}
template<class T>
__device__ void mask_column_body(const gl<T>& in, const gl<T>& out, int col_offset, int limit, float value) {
    rt<T, 32, 64, row_l> x;
    warp::load(x, in, coord(0, 0));
    warp::column_mask(x, col_offset, limit, value);
    warp::store(out, x, coord(0, 0));
}
#define KT_MASKS(TN, T)                                                                                        \
    extern "C" __global__ void mask_causal_##TN(const gl<T> in, const gl<T> out, int row_offset, int col_offset, float value) { \
        mask_causal_body(in, out, row_offset, col_offset, value);                                              \
    }                                                                                                          \
    extern "C" __global__ void mask_column_##TN(const gl<T> in, const gl<T> out, int col_offset, int limit, float value) { \
        mask_column_body(in, out, col_offset, limit, value);                                                   \
    }
KT_MASKS(f32, float)
KT_MASKS(bf16, bf16)
KT_MASKS(f16, half)
#undef KT_MASKS
