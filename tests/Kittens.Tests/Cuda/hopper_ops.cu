// hopper_ops.cu: instantiates every Hopper op of the Kittens CUDA tile headers (kittens/hopper.cuh,
// included by kittens/kittens.cuh) so that one NVRTC compile for sm_90a checks them all: TMA
// loads / stores of tiles and vectors, semaphores, named barriers, warp masks, warpgroup
// load / store, setmaxnreg, and wgmma in every form (A from registers or shared memory, AB / ABt,
// accumulate / overwrite, bf16 / half, N = 16..256, K = 16..128, every swizzle width).
// The sm_90a PTX must contain wgmma.mma_async, cp.async.bulk.tensor, setmaxnreg and mbarrier.
//
// Compile-only coverage: the kernels are well-formed but are not device tests (those are in
// hopper_check.cu). On targets without the features the bodies compile to nothing (TMA and
// semaphores need sm_90, wgmma and setmaxnreg sm_90a), so the file builds for every target
// (sm_80 .. sm_90a) with the same entry points.
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

// Dynamic shared memory of every kernel (carved with shared_allocator, 1024-byte aligned).
extern __shared__ __align__(1024) char smem[];

// Writes a warpgroup's 64 x N fp32 result (rt<float,16,N,row_l> per warp) row-major to out.
template<int N>
__device__ void store_acc(float* out, const rt<float, 16, N, row_l>& acc) {
    const int w = warpid() & 3, g = laneid() >> 2, t = laneid() & 3;
    #pragma unroll
    for (int j = 0; j < N / 16; j++)
    #pragma unroll
    for (int k = 0; k < 4; k++) {
        const int r = 16 * w + g + 8 * (k & 1), c = 16 * j + 2 * t + 8 * (k >> 1);
        out[r * N + c] = acc.tiles[0][j].data[k].x;
        out[r * N + c + 1] = acc.tiles[0][j].data[k].y;
    }
}

// ---- TMA: tiles and vectors --------------------------------------------------------------------
// Thread 0 loads object (0, 0, blockIdx.y, blockIdx.x) of src and stores it to the same place of dst.
template<class X, class G>
__device__ void tma_body(const G& src, const G& dst) {
#if KT_SM90
    shared_allocator al(smem);
    X& obj = al.allocate<X>();
    semaphore& sem = al.allocate<semaphore>();
    if (threadIdx.x == 0) init_semaphore(sem, 0, 1);
    __syncthreads();
    const coord idx(0, 0, blockIdx.y, blockIdx.x);
    if (threadIdx.x == 0) {
        tma::expect(sem, obj);
        tma::load_async(obj, src, idx, sem);
    }
    wait(sem, 0);
    if (threadIdx.x == 0) {
        tma::store_async(dst, obj, idx);
        tma::store_commit_group();
        tma::store_async_read_wait<0>();
        tma::store_async_wait<0>();
    }
#endif
}

using st_bf_64x64 = st<bf16, 64, 64>;
using st_bf_64x128 = st<bf16, 64, 128>;
using st_bf_128x64 = st<bf16, 128, 64>;
using st_fl_64x64 = st<float, 64, 64>;
using st_hf_64x32 = st<half, 64, 32>;
using st_bf_64x16 = st<bf16, 64, 16>;
using sv_fl_64 = sv<float, 64>;

extern "C" __global__ void ops_tma_bf16_64x64(const __grid_constant__ gl<bf16, st_bf_64x64> s, const __grid_constant__ gl<bf16, st_bf_64x64> d) { tma_body<st_bf_64x64>(s, d); }
extern "C" __global__ void ops_tma_bf16_64x128(const __grid_constant__ gl<bf16, st_bf_64x128> s, const __grid_constant__ gl<bf16, st_bf_64x128> d) { tma_body<st_bf_64x128>(s, d); }
extern "C" __global__ void ops_tma_bf16_128x64(const __grid_constant__ gl<bf16, st_bf_128x64> s, const __grid_constant__ gl<bf16, st_bf_128x64> d) { tma_body<st_bf_128x64>(s, d); }
extern "C" __global__ void ops_tma_f32_64x64(const __grid_constant__ gl<float, st_fl_64x64> s, const __grid_constant__ gl<float, st_fl_64x64> d) { tma_body<st_fl_64x64>(s, d); }
extern "C" __global__ void ops_tma_f16_64x32(const __grid_constant__ gl<half, st_hf_64x32> s, const __grid_constant__ gl<half, st_hf_64x32> d) { tma_body<st_hf_64x32>(s, d); }
extern "C" __global__ void ops_tma_bf16_64x16(const __grid_constant__ gl<bf16, st_bf_64x16> s, const __grid_constant__ gl<bf16, st_bf_64x16> d) { tma_body<st_bf_64x16>(s, d); }
extern "C" __global__ void ops_tma_vec_f32_64(const __grid_constant__ gl<float, sv_fl_64> s, const __grid_constant__ gl<float, sv_fl_64> d) { tma_body<sv_fl_64>(s, d); }

// A gl with several maps: the lookup picks each type's own map.
extern "C" __global__ void ops_tma_multi(const __grid_constant__ gl<float, st_fl_64x64, sv_fl_64> s,
                                         const __grid_constant__ gl<float, st_fl_64x64, sv_fl_64> d) {
#if KT_SM90
    shared_allocator al(smem);
    st_fl_64x64& t = al.allocate<st_fl_64x64>();
    sv_fl_64& v = al.allocate<sv_fl_64>();
    semaphore (&sems)[2] = al.allocate<semaphore, 2>();
    if (threadIdx.x == 0) { init_semaphore(sems[0], 0, 1); init_semaphore(sems[1], 1, 1); }
    __syncthreads();
    if (threadIdx.x == 0) {
        tma::expect(sems[0], t, v);
        tma::load_async(t, s, coord(0, 0, 0, 0), sems[0]);
        tma::load_async(v, s, coord(0, 0, 1, 0), sems[0]);
        tma::expect_bytes(sems[1], (int)sizeof(v));
        tma::load_async(v, s, coord(0, 0, 2, 0), sems[1]);
        arrive(sems[1]);
        (void)test_wait(sems[1], 0);
    }
    wait(sems[0], 0);
    wait(sems[1], 0);
    if (threadIdx.x == 0) {
        tma::store_async(d, t, coord(0, 0, 0, 0));
        tma::store_async(d, v, coord(0, 0, 1, 0));
        tma::store_commit_group();
        tma::store_async_wait<0>();
    }
#endif
}

// ---- semaphores and named barriers -------------------------------------------------------------
// 2 warps: warp 0 signals warp 1 through a semaphore (arrive with a count) and a named barrier.
extern "C" __global__ void ops_sync(int* out) {
#if KT_SM90
    __shared__ semaphore sem;
    __shared__ int value;
    if (threadIdx.x == 0) init_semaphore(sem, 2, 0);
    __syncthreads();
    if (warpid() == 0) {
        if (laneid() == 0) { value = 42; arrive(sem, 2); }
        named_barrier_arrive(1, 64);
    } else {
        wait(sem, 0);
        named_barrier_sync(1, 64);
        if (laneid() == 0) out[0] = value;
    }
#else
    named_barrier_sync(1, 64);
    if (threadIdx.x == 0) out[0] = 42;
#endif
}

// ---- warp masks ---------------------------------------------------------------------------------
template<class T>
__device__ void mask_body(const gl<T>& in, const gl<T>& out, int ro, int co, int limit) {
    rt<T, 32, 64, row_l> x;
    warp::load(x, in, coord(0, 0));
    warp::causal_mask(x, ro, co, neg_infty_f());
    warp::column_mask(x, co, limit, 0.0f);
    warp::store(out, x, coord(0, 0));
}
extern "C" __global__ void ops_mask_f32(const gl<float> in, const gl<float> out, int ro, int co, int limit) { mask_body(in, out, ro, co, limit); }
extern "C" __global__ void ops_mask_bf16(const gl<bf16> in, const gl<bf16> out, int ro, int co, int limit) { mask_body(in, out, ro, co, limit); }
extern "C" __global__ void ops_mask_f16(const gl<half> in, const gl<half> out, int ro, int co, int limit) { mask_body(in, out, ro, co, limit); }

// ---- warpgroup load / store ---------------------------------------------------------------------
// One warpgroup: tile -> registers (both layouts, with and without dtype conversion) -> tile.
template<class T, class U, class L, int C>
__device__ void wg_mem_body(const gl<U>& in, const gl<U>& out) {
    shared_allocator al(smem);
    st<U, 64, C>& a = al.allocate<st<U, 64, C>>();
    st<U, 64, C>& b = al.allocate<st<U, 64, C>>();
    warp::load(a, in, coord(0, 0));     // (whole-warp global -> shared copy, one warp enough)
    __syncthreads();
    rt<T, 16, C, L> r;
    warpgroup::load(r, a);
    warpgroup::store(b, r);
    warpgroup::sync(1);
    warp::store(out, b, coord(0, 0));
}
extern "C" __global__ void ops_wg_mem_bf16_row(const gl<bf16> in, const gl<bf16> out) { wg_mem_body<bf16, bf16, row_l, 64>(in, out); }
extern "C" __global__ void ops_wg_mem_bf16_col(const gl<bf16> in, const gl<bf16> out) { wg_mem_body<bf16, bf16, col_l, 128>(in, out); }
extern "C" __global__ void ops_wg_mem_f32_row_from_bf16(const gl<bf16> in, const gl<bf16> out) { wg_mem_body<float, bf16, row_l, 32>(in, out); }
extern "C" __global__ void ops_wg_mem_f16_col_from_f32(const gl<float> in, const gl<float> out) { wg_mem_body<half, float, col_l, 64>(in, out); }
extern "C" __global__ void ops_wg_mem_f32_col(const gl<float> in, const gl<float> out) { wg_mem_body<float, float, col_l, 16>(in, out); }

// ---- register reallocation -----------------------------------------------------------------------
extern "C" __global__ void __launch_bounds__(384, 1) ops_registers(float* out) {
#if KT_SM90A
    if (warpgroupid() == 0) {
        warpgroup::decrease_registers<40>();
        if (threadIdx.x == 0) out[0] = 1.0f;
    } else {
        warpgroup::increase_registers<232>();
        out[threadIdx.x] = 2.0f;
    }
#endif
}

// ---- wgmma ---------------------------------------------------------------------------------------
// One warpgroup. A: st<T,64,K>, B: st<T,K,N> (AB) and st<T,N,K> (ABt), all loaded from global.
// out[0..7] (each 64 x N): mm_AB / mma_AB / mm_ABt / mma_ABt with A from shared memory, then the
// same four with A from registers (warpgroup::load of A).
template<class T, int N, int K>
__device__ void wgmma_body(const gl<T>& a, const gl<T>& b, const gl<T>& bt, float* out) {
#if KT_SM90A
    shared_allocator al(smem);
    st<T, 64, K>& as = al.allocate<st<T, 64, K>>();
    st<T, K, N>& bs = al.allocate<st<T, K, N>>();
    st<T, N, K>& bts = al.allocate<st<T, N, K>>();
    if (warpid() == 0) { warp::load(as, a, coord(0, 0)); warp::load(bs, b, coord(0, 0)); warp::load(bts, bt, coord(0, 0)); }
    __syncthreads();
    rt<float, 16, N, row_l> acc;
    warpgroup::mm_AB(acc, as, bs);    warpgroup::mma_async_wait<0>(acc); store_acc(out + 0 * 64 * N, acc);
    warpgroup::mma_AB(acc, as, bs);   warpgroup::mma_async_wait<0>(acc); store_acc(out + 1 * 64 * N, acc);
    warpgroup::mm_ABt(acc, as, bts);  warpgroup::mma_async_wait<0>(acc); store_acc(out + 2 * 64 * N, acc);
    warpgroup::mma_ABt(acc, as, bts); warpgroup::mma_async_wait<0>();    store_acc(out + 3 * 64 * N, acc);
    rt<T, 16, K, row_l> ar;
    warpgroup::load(ar, as);
    warpgroup::mm_AB(acc, ar, bs);    warpgroup::mma_async_wait<0>(acc); store_acc(out + 4 * 64 * N, acc);
    warpgroup::mma_AB(acc, ar, bs);   warpgroup::mma_async_wait<0>(acc); store_acc(out + 5 * 64 * N, acc);
    warpgroup::mm_ABt(acc, ar, bts);  warpgroup::mma_async_wait<0>(acc); store_acc(out + 6 * 64 * N, acc);
    warpgroup::mma_fence(acc);
    warpgroup::mma_ABt(acc, ar, bts); warpgroup::mma_commit_group(); warpgroup::mma_async_wait<0>(acc);
    store_acc(out + 7 * 64 * N, acc);
#endif
}

#define KT_WGMMA(T, TN, N, K) \
    extern "C" __global__ void ops_wgmma_##TN##_n##N##_k##K(const gl<T> a, const gl<T> b, const gl<T> bt, float* out) { wgmma_body<T, N, K>(a, b, bt, out); }
KT_WGMMA(bf16, bf16, 64, 64)
KT_WGMMA(bf16, bf16, 64, 128)
KT_WGMMA(bf16, bf16, 128, 64)
KT_WGMMA(bf16, bf16, 128, 128)
KT_WGMMA(bf16, bf16, 256, 64)
KT_WGMMA(bf16, bf16, 256, 128)
KT_WGMMA(half, f16, 64, 64)
KT_WGMMA(half, f16, 128, 128)
KT_WGMMA(half, f16, 256, 64)
// Narrow operands: 64B and 32B swizzles in both majors (K = 32: A/Bt 64B; K = 16 / 48: 32B;
// N = 32: B 64B; N = 16 / 48: B 32B).
KT_WGMMA(bf16, bf16, 32, 32)
KT_WGMMA(bf16, bf16, 16, 16)
KT_WGMMA(half, f16, 48, 48)
KT_WGMMA(bf16, bf16, 96, 80)
#undef KT_WGMMA

// Every instruction width N = 16..256 (each specialisation of the instruction table), bf16 and
// half, shared and register A.
template<class T, int N>
__device__ void wgmma_width(const st<T, 64, 16>& as, const rt<T, 16, 16, row_l>& ar, const st<T, N, 16>& bts, float* out) {
#if KT_SM90A
    rt<float, 16, N, row_l> acc;
    warpgroup::mm_ABt(acc, as, bts);
    warpgroup::mma_ABt(acc, ar, bts);
    warpgroup::mma_async_wait<0>(acc);
    store_acc(out, acc);
#endif
}
template<class T>
__device__ void wgmma_widths_body(float* out) {
#if KT_SM90A
    shared_allocator al(smem);
    st<T, 64, 16>& as = al.allocate<st<T, 64, 16>>();
    st<T, 256, 16>& big = al.allocate<st<T, 256, 16>>();
    rt<T, 16, 16, row_l> ar;
    warpgroup::load(ar, as);
    // st<T, N, 16> for N <= 256 is a prefix of the 256-row tile's storage (one 32B-swizzle chunk).
#define KT_W(N) wgmma_width<T, N>(as, ar, reinterpret_cast<const st<T, N, 16>&>(big), out + 64 * 256 * (N / 16 - 1));
    KT_W(16) KT_W(32) KT_W(48) KT_W(64) KT_W(80) KT_W(96) KT_W(112) KT_W(128)
    KT_W(144) KT_W(160) KT_W(176) KT_W(192) KT_W(208) KT_W(224) KT_W(240) KT_W(256)
#undef KT_W
#endif
}
extern "C" __global__ void ops_wgmma_widths_bf16(float* out) { wgmma_widths_body<bf16>(out); }
extern "C" __global__ void ops_wgmma_widths_f16(float* out) { wgmma_widths_body<half>(out); }
