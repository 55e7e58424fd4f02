// all_ops.cu: instantiates every op of the Kittens CUDA tile headers (kittens/kittens.cuh) for
// several shapes, dtypes and layouts. It is compiled by NVRTC for every target arch
// (sm_80, sm_86, sm_89, sm_90, sm_90a) by the C# tests, and its kernels are written so that a
// device test can also check them against a CPU reference.
//
// Conventions (every kernel):
//  * launch ONE warp: grid (1,1,1), block (32,1,1).
//  * every gl is a single tensor at coord (b=0, d, r=0, c=0); "out[d]" below is depth slice d of
//    an output gl of shape (1, D, rows, cols); vectors are gl of shape (1, D, 1, N).
//  * kernels using shared memory (shared_*, vec_*) need KITTENS_TEST_SMEM bytes of dynamic
//    shared memory (allocations are 1024-aligned, see shared_allocator).
//  * T is the tile dtype named in the kernel: f32 = float, bf16, f16 = half; L = row_l / col_l.
//    Memory ops of layout L are used to load/store, so results in global memory are layout-free.
//  * exp/exp2/log are fast-math approximations (ex2/lg2.approx); all math is done in float and
//    rounded once to the destination dtype.
#include "kittens/kittens.cuh"

using namespace kittens;

#define KITTENS_TEST_SMEM (2 * 16384 + 2 * 1024 + 1024)

// ---------------------------------------------------------------------------------------------
// maps_T_RxC_L(a, b, out, s): out shape (1, 21, R, C).
//   out[0]=0 [1]=1 [2]=-inf [3]=+inf [4]=a [5]=exp(a) [6]=exp2(a) [7]=log(b) [8]=|a|
//   [9]=a+b [10]=a-b [11]=a*b [12]=a/b [13]=max(a,b) [14]=min(a,b)
//   [15]=a+s [16]=a-s [17]=a*s [18]=a/s [19]=max(a,s) [20]=min(a,s)
//   (b should be positive and non-zero for log/div.)
//   For f32 64x64 the tile-tile ops [9..14] are left out (two 64x64 fp32 tiles are 256
//   registers per lane, more than a thread has), so out[9..14] are not written.
template<class T, int R, int C, class L>
__device__ void maps_body(const gl<T>& a, const gl<T>& b, const gl<T>& out, float s) {
    rt<T, R, C, L> x;
    warp::zero(x);      warp::store(out, x, coord(0, 0, 0, 0));
    warp::one(x);       warp::store(out, x, coord(0, 1, 0, 0));
    warp::neg_infty(x); warp::store(out, x, coord(0, 2, 0, 0));
    warp::pos_infty(x); warp::store(out, x, coord(0, 3, 0, 0));
    { rt<T, R, C, L> y; warp::load(y, a, coord(0, 0)); warp::copy(x, y); warp::store(out, x, coord(0, 4, 0, 0)); }
    // Unary and scalar ops run in place (one tile live), tile-tile ops need two.
    warp::load(x, a, coord(0, 0)); warp::exp(x, x);  warp::store(out, x, coord(0, 5, 0, 0));
    warp::load(x, a, coord(0, 0)); warp::exp2(x, x); warp::store(out, x, coord(0, 6, 0, 0));
    warp::load(x, b, coord(0, 0)); warp::log(x, x);  warp::store(out, x, coord(0, 7, 0, 0));
    warp::load(x, a, coord(0, 0)); warp::abs(x, x);  warp::store(out, x, coord(0, 8, 0, 0));
    if constexpr (!(is_same<T, float>::value && R * C >= 64 * 64)) {
        rt<T, R, C, L> y;
        warp::load(y, b, coord(0, 0));
        warp::load(x, a, coord(0, 0)); warp::add(x, x, y); warp::store(out, x, coord(0, 9, 0, 0));
        warp::load(x, a, coord(0, 0)); warp::sub(x, x, y); warp::store(out, x, coord(0, 10, 0, 0));
        warp::load(x, a, coord(0, 0)); warp::mul(x, x, y); warp::store(out, x, coord(0, 11, 0, 0));
        warp::load(x, a, coord(0, 0)); warp::div(x, x, y); warp::store(out, x, coord(0, 12, 0, 0));
        warp::load(x, a, coord(0, 0)); warp::max(x, x, y); warp::store(out, x, coord(0, 13, 0, 0));
        warp::load(x, a, coord(0, 0)); warp::min(x, y, x); warp::store(out, x, coord(0, 14, 0, 0));  // min is symmetric
    }
    warp::load(x, a, coord(0, 0)); warp::add(x, x, s); warp::store(out, x, coord(0, 15, 0, 0));
    warp::load(x, a, coord(0, 0)); warp::sub(x, x, s); warp::store(out, x, coord(0, 16, 0, 0));
    warp::load(x, a, coord(0, 0)); warp::mul(x, x, s); warp::store(out, x, coord(0, 17, 0, 0));
    warp::load(x, a, coord(0, 0)); warp::div(x, x, s); warp::store(out, x, coord(0, 18, 0, 0));
    warp::load(x, a, coord(0, 0)); warp::max(x, x, s); warp::store(out, x, coord(0, 19, 0, 0));
    warp::load(x, a, coord(0, 0)); warp::min(x, x, s); warp::store(out, x, coord(0, 20, 0, 0));
}

// ---------------------------------------------------------------------------------------------
// bcast_T_RxC_L(a, vr, vc, out, s): vr shape (1,1,1,R), vc shape (1,1,1,C), out shape (1, 9, R, C).
//   out[0](r,c) = a(r,c) + vr[r]   [1] -   [2] *   [3] /      (row broadcasts, col_vec)
//   out[4](r,c) = a(r,c) + vc[c]   [5] -   [6] *   [7] /      (column broadcasts, row_vec)
//   out[8](r,c) = 2^(a(r,c) * s - vr[r])                      (exp2_affine_row, col_vec)
template<class T, int R, int C, class L>
__device__ void bcast_body(const gl<T>& a, const gl<T>& vr, const gl<T>& vc, const gl<T>& out, float s) {
    using tile = rt<T, R, C, L>;
    tile x;
    {   // row broadcasts (col_vec); vectors are scoped so that only one is live with the tile
        typename tile::col_vec cv;
        warp::load(cv, vr, coord(0, 0));
        if constexpr (sizeof(tile) <= 8192) {   // out-of-place form (two f32 64x64 tiles would not fit in registers)
            tile y;
            warp::load(y, a, coord(0, 0)); warp::add_row(x, y, cv); warp::store(out, x, coord(0, 0, 0, 0));
        } else {
            warp::load(x, a, coord(0, 0)); warp::add_row(x, x, cv); warp::store(out, x, coord(0, 0, 0, 0));
        }
        warp::load(x, a, coord(0, 0)); warp::sub_row(x, x, cv); warp::store(out, x, coord(0, 1, 0, 0));
        warp::load(x, a, coord(0, 0)); warp::mul_row(x, x, cv); warp::store(out, x, coord(0, 2, 0, 0));
        warp::load(x, a, coord(0, 0)); warp::div_row(x, x, cv); warp::store(out, x, coord(0, 3, 0, 0));
        warp::load(x, a, coord(0, 0)); warp::exp2_affine_row(x, x, s, cv); warp::store(out, x, coord(0, 8, 0, 0));
    }
    {   // column broadcasts (row_vec)
        typename tile::row_vec rwv;
        warp::load(rwv, vc, coord(0, 0));
        warp::load(x, a, coord(0, 0)); warp::add_col(x, x, rwv); warp::store(out, x, coord(0, 4, 0, 0));
        warp::load(x, a, coord(0, 0)); warp::sub_col(x, x, rwv); warp::store(out, x, coord(0, 5, 0, 0));
        warp::load(x, a, coord(0, 0)); warp::mul_col(x, x, rwv); warp::store(out, x, coord(0, 6, 0, 0));
        warp::load(x, a, coord(0, 0)); warp::div_col(x, x, rwv); warp::store(out, x, coord(0, 7, 0, 0));
    }
}

// ---------------------------------------------------------------------------------------------
// reduce_T_RxC_L(a, accr, accc, outr, outc, outr16, outc16):
//   accr (1,1,1,R) float, accc (1,1,1,C) float; outr (1,4,1,R) float, outc (1,4,1,C) float;
//   outr16 (1,2,1,R) T, outc16 (1,2,1,C) T.
//   outr[0][r] = max_c a(r,c)   [1] = sum_c a(r,c)   [2] = max(accr[r], [0])   [3] = accr[r] + [1]
//   outc[0][c] = max_r a(r,c)   [1] = sum_r a(r,c)   [2] = max(accc[c], [0])   [3] = accc[c] + [1]
//   outr16/outc16: the same with T-typed vectors: [0] = sum, [1] = max(T(acc), max) (rounded to T)
template<class T, int R, int C, class L>
__device__ void reduce_body(const gl<T>& a, const gl<float>& accr, const gl<float>& accc,
                            const gl<float>& outr, const gl<float>& outc, const gl<T>& outr16, const gl<T>& outc16) {
    using tile = rt<T, R, C, L>;
    tile x;
    rv<float, R, typename tile::col_vec_layout> cv, cacc;
    rv<float, C, typename tile::row_vec_layout> rwv, racc;
    warp::load(x, a, coord(0, 0));
    warp::load(cacc, accr, coord(0, 0));
    warp::load(racc, accc, coord(0, 0));
    warp::row_max(cv, x);       warp::store(outr, cv, coord(0, 0, 0, 0));
    warp::row_sum(cv, x);       warp::store(outr, cv, coord(0, 1, 0, 0));
    warp::row_max(cv, x, cacc); warp::store(outr, cv, coord(0, 2, 0, 0));
    warp::row_sum(cacc, x, cacc); warp::store(outr, cacc, coord(0, 3, 0, 0));   // dst aliases accum
    warp::col_max(rwv, x);       warp::store(outc, rwv, coord(0, 0, 0, 0));
    warp::col_sum(rwv, x);       warp::store(outc, rwv, coord(0, 1, 0, 0));
    warp::col_max(rwv, x, racc); warp::store(outc, rwv, coord(0, 2, 0, 0));
    warp::col_sum(racc, x, racc); warp::store(outc, racc, coord(0, 3, 0, 0));

    typename tile::col_vec cv16, cacc16;
    typename tile::row_vec rv16, racc16;
    warp::load(cacc16, accr, coord(0, 0));
    warp::load(racc16, accc, coord(0, 0));
    warp::row_sum(cv16, x);         warp::store(outr16, cv16, coord(0, 0, 0, 0));
    warp::row_max(cv16, x, cacc16); warp::store(outr16, cv16, coord(0, 1, 0, 0));
    warp::col_sum(rv16, x);         warp::store(outc16, rv16, coord(0, 0, 0, 0));
    warp::col_max(rv16, x, racc16); warp::store(outc16, rv16, coord(0, 1, 0, 0));
}

// ---------------------------------------------------------------------------------------------
// shared_T_RxC_L(a, out, outf): out shape (1, 4, R, C) T, outf shape (1, 1, R, C) float.
//   out[0] = a   via global -> shared -> global
//   out[1] = a   via shared -> register (ldmatrix for 16-bit) -> global
//   out[2] = a   via register -> shared -> global
//   outf[0] = float(a) via shared(T) -> register(float) (converting path)
//   out[3] = a   via register(float) -> shared(T) (converting store) -> global
template<class T, int R, int C, class L>
__device__ void shared_body(const gl<T>& a, const gl<T>& out, const gl<float>& outf) {
    extern __shared__ __align__(1024) char kittens_smem[];
    shared_allocator al(kittens_smem);
    st<T, R, C>& s1 = al.allocate<st<T, R, C>>();
    st<T, R, C> (&s2)[1] = al.allocate<st<T, R, C>, 1>();
    warp::load(s1, a, coord(0, 0));
    warp::store(out, s1, coord(0, 0, 0, 0));
    {
        rt<T, R, C, L> x;
        warp::load(x, s1);
        warp::store(out, x, coord(0, 1, 0, 0));
        warp::store(s2[0], x);
        warp::store(out, s2[0], coord(0, 2, 0, 0));
    }
    {
        rt<float, R, C, L> y;
        warp::load(y, s1);
        warp::store(outf, y, coord(0, 0, 0, 0));
        warp::store(s2[0], y);
        warp::store(out, s2[0], coord(0, 3, 0, 0));
    }
}

// ---------------------------------------------------------------------------------------------
// conv_T_RxC(a, out, outt): a (1,1,R,C); out (1, 2, R, C); outt (1, 2, C, R).
//   out[0] = a   (load row_l, swap_layout -> col_l, store col_l)
//   out[1] = a   (load col_l, swap_layout -> row_l, store row_l)
//   outt[0] = a^T (transpose_sep of a row_l tile)   outt[1] = a^T (transpose_sep of a col_l tile)
template<class T, int R, int C>
__device__ void conv_body(const gl<T>& a, const gl<T>& out, const gl<T>& outt) {
    {
        rt<T, R, C, row_l> x; rt<T, R, C, col_l> y;
        warp::load(x, a, coord(0, 0));
        warp::swap_layout(y, x);
        warp::store(out, y, coord(0, 0, 0, 0));
    }
    {
        rt<T, R, C, col_l> x; rt<T, R, C, row_l> y;
        warp::load(x, a, coord(0, 0));
        warp::swap_layout(y, x);
        warp::store(out, y, coord(0, 1, 0, 0));
    }
    {
        rt<T, R, C, row_l> x; rt<T, C, R, row_l> y;
        warp::load(x, a, coord(0, 0));
        warp::transpose_sep(y, x);
        warp::store(outt, y, coord(0, 0, 0, 0));
    }
    {
        rt<T, R, C, col_l> x; rt<T, C, R, col_l> y;
        warp::load(x, a, coord(0, 0));
        warp::transpose_sep(y, x);
        warp::store(outt, y, coord(0, 1, 0, 0));
    }
}

// ---------------------------------------------------------------------------------------------
// convert_RxC_L(af, ab, ah, of, ob, oh): inputs (1,1,R,C) of float / bf16 / half; outputs
// (1, 3, R, C) of float / bf16 / half.
//   of[0] = float(ab)  of[1] = float(ah)     (register copy with conversion)
//   ob[0] = bf16(af)   ob[1] = bf16(ah)
//   oh[0] = half(af)   oh[1] = half(ab)
//   of[2] = float(ab)  (load rt<float> straight from gl<bf16>)
//   ob[2] = bf16(af)   (load rt<float> from gl<float>, store it into gl<bf16>)
//   oh[2] = half(ab)   (load rt<half> from gl<bf16>)
template<int R, int C, class L>
__device__ void convert_body(const gl<float>& af, const gl<bf16>& ab, const gl<half>& ah,
                             const gl<float>& of, const gl<bf16>& ob, const gl<half>& oh) {
    rt<float, R, C, L> f; rt<bf16, R, C, L> b; rt<half, R, C, L> h;
    warp::load(b, ab, coord(0, 0)); warp::copy(f, b); warp::store(of, f, coord(0, 0, 0, 0));
    warp::load(h, ah, coord(0, 0)); warp::copy(f, h); warp::store(of, f, coord(0, 1, 0, 0));
    warp::load(f, af, coord(0, 0)); warp::copy(b, f); warp::store(ob, b, coord(0, 0, 0, 0));
    warp::load(h, ah, coord(0, 0)); warp::copy(b, h); warp::store(ob, b, coord(0, 1, 0, 0));
    warp::load(f, af, coord(0, 0)); warp::copy(h, f); warp::store(oh, h, coord(0, 0, 0, 0));
    warp::load(b, ab, coord(0, 0)); warp::copy(h, b); warp::store(oh, h, coord(0, 1, 0, 0));
    warp::load(f, ab, coord(0, 0)); warp::store(of, f, coord(0, 2, 0, 0));
    warp::load(f, af, coord(0, 0)); warp::store(ob, f, coord(0, 2, 0, 0));
    warp::load(h, ab, coord(0, 0)); warp::store(oh, h, coord(0, 2, 0, 0));
}

// ---------------------------------------------------------------------------------------------
// mma_T_MxNxK(A, At, B, Bt, Cm, out): A (1,1,M,K), At (1,1,K,M), B (1,1,K,N), Bt (1,1,N,K) of T;
// Cm (1,1,M,N) float; out (1, 5, M, N) float. (At/Bt are independent inputs, not A^T/B^T.)
//   out[0] = A*B + Cm      (mma_AB)      out[1] = A*Bt^T + Cm   (mma_ABt)
//   out[2] = At^T*B + Cm   (mma_AtB)     out[3] = At^T*Bt^T + Cm (mma_AtBt)
//   out[4] = A*B           (mma_AB into a separate zeroed accumulator)
template<class T, int M, int N, int K>
__device__ void mma_body(const gl<T>& A, const gl<T>& At, const gl<T>& B, const gl<T>& Bt,
                         const gl<float>& Cm, const gl<float>& out) {
    rt<float, M, N, row_l> d;
    {
        rt<T, M, K, row_l> a; rt<T, K, N, col_l> b;
        warp::load(a, A, coord(0, 0)); warp::load(b, B, coord(0, 0)); warp::load(d, Cm, coord(0, 0));
        warp::mma_AB(d, a, b, d);
        warp::store(out, d, coord(0, 0, 0, 0));
    }
    {
        rt<T, M, K, row_l> a; rt<T, N, K, row_l> b;
        warp::load(a, A, coord(0, 0)); warp::load(b, Bt, coord(0, 0)); warp::load(d, Cm, coord(0, 0));
        warp::mma_ABt(d, a, b, d);
        warp::store(out, d, coord(0, 1, 0, 0));
    }
    {
        rt<T, K, M, col_l> a; rt<T, K, N, col_l> b;
        warp::load(a, At, coord(0, 0)); warp::load(b, B, coord(0, 0)); warp::load(d, Cm, coord(0, 0));
        warp::mma_AtB(d, a, b, d);
        warp::store(out, d, coord(0, 2, 0, 0));
    }
    {
        rt<T, K, M, col_l> a; rt<T, N, K, row_l> b;
        warp::load(a, At, coord(0, 0)); warp::load(b, Bt, coord(0, 0)); warp::load(d, Cm, coord(0, 0));
        warp::mma_AtBt(d, a, b, d);
        warp::store(out, d, coord(0, 3, 0, 0));
    }
    {
        rt<T, M, K, row_l> a; rt<T, K, N, col_l> b;
        warp::load(a, A, coord(0, 0)); warp::load(b, B, coord(0, 0));
        rt<float, M, N, row_l> z; warp::zero(z);
        warp::mma_AB(d, a, b, z);
        warp::store(out, d, coord(0, 4, 0, 0));
    }
}

// ---------------------------------------------------------------------------------------------
// vec_T_N_L(a, b, out, s): a, b (1,1,1,N) T; out (1, 25, 1, N) T. L = ortho_l / align_l.
//   [0..3] fills 0, 1, -inf, +inf   [4] = a   [5] = exp(a) [6] = exp2(a) [7] = log(b) [8] = |a|
//   [9..14] = a (+ - * / max min) b   [15..20] = a (+ - * / max min) s
//   [21] = a via global -> sv -> global       [22] = a via sv -> rv -> global
//   [23] = a via rv -> sv -> global           [24] = a via rv<T> -> copy -> rv<float> -> gl<T>
template<class T, int N, class L>
__device__ void vec_body(const gl<T>& a, const gl<T>& b, const gl<T>& out, float s) {
    rv<T, N, L> x, y, z;
    warp::zero(x);      warp::store(out, x, coord(0, 0, 0, 0));
    warp::one(x);       warp::store(out, x, coord(0, 1, 0, 0));
    warp::neg_infty(x); warp::store(out, x, coord(0, 2, 0, 0));
    warp::pos_infty(x); warp::store(out, x, coord(0, 3, 0, 0));
    warp::load(x, a, coord(0, 0));
    warp::load(y, b, coord(0, 0));
    warp::copy(z, x); warp::store(out, z, coord(0, 4, 0, 0));
    warp::exp(z, x);  warp::store(out, z, coord(0, 5, 0, 0));
    warp::exp2(z, x); warp::store(out, z, coord(0, 6, 0, 0));
    warp::log(z, y);  warp::store(out, z, coord(0, 7, 0, 0));
    warp::abs(z, x);  warp::store(out, z, coord(0, 8, 0, 0));
    warp::add(z, x, y); warp::store(out, z, coord(0, 9, 0, 0));
    warp::sub(z, x, y); warp::store(out, z, coord(0, 10, 0, 0));
    warp::mul(z, x, y); warp::store(out, z, coord(0, 11, 0, 0));
    warp::div(z, x, y); warp::store(out, z, coord(0, 12, 0, 0));
    warp::max(z, x, y); warp::store(out, z, coord(0, 13, 0, 0));
    warp::min(z, x, y); warp::store(out, z, coord(0, 14, 0, 0));
    warp::add(z, x, s); warp::store(out, z, coord(0, 15, 0, 0));
    warp::sub(z, x, s); warp::store(out, z, coord(0, 16, 0, 0));
    warp::mul(z, x, s); warp::store(out, z, coord(0, 17, 0, 0));
    warp::div(z, x, s); warp::store(out, z, coord(0, 18, 0, 0));
    warp::max(z, x, s); warp::store(out, z, coord(0, 19, 0, 0));
    warp::min(z, x, s); warp::store(out, z, coord(0, 20, 0, 0));

    extern __shared__ __align__(1024) char kittens_smem[];
    shared_allocator al(kittens_smem);
    sv<T, N>& s1 = al.allocate<sv<T, N>>();
    sv<T, N>& s2 = al.allocate<sv<T, N>>();
    warp::load(s1, a, coord(0, 0));
    warp::store(out, s1, coord(0, 21, 0, 0));
    warp::load(z, s1);
    warp::store(out, z, coord(0, 22, 0, 0));
    warp::store(s2, z);
    warp::store(out, s2, coord(0, 23, 0, 0));
    rv<float, N, L> f;
    warp::copy(f, x);
    warp::store(out, f, coord(0, 24, 0, 0));
}

// ---------------------------------------------------------------------------------------------
// extern "C" entry points

#define TILE_KERNELS(TN, T, R, C, LN, L)                                                                        \
extern "C" __global__ void maps_##TN##_##R##x##C##_##LN(gl<T> a, gl<T> b, gl<T> out, float s) {                 \
    maps_body<T, R, C, L>(a, b, out, s);                                                                        \
}                                                                                                               \
extern "C" __global__ void bcast_##TN##_##R##x##C##_##LN(gl<T> a, gl<T> vr, gl<T> vc, gl<T> out, float s) {     \
    bcast_body<T, R, C, L>(a, vr, vc, out, s);                                                                  \
}                                                                                                               \
extern "C" __global__ void reduce_##TN##_##R##x##C##_##LN(gl<T> a, gl<float> accr, gl<float> accc,             \
        gl<float> outr, gl<float> outc, gl<T> outr16, gl<T> outc16) {                                           \
    reduce_body<T, R, C, L>(a, accr, accc, outr, outc, outr16, outc16);                                         \
}                                                                                                               \
extern "C" __global__ void shared_##TN##_##R##x##C##_##LN(gl<T> a, gl<T> out, gl<float> outf) {                 \
    shared_body<T, R, C, L>(a, out, outf);                                                                      \
}

#define TILE_KERNELS_ALL_LAYOUTS(TN, T, R, C)                                                                   \
    TILE_KERNELS(TN, T, R, C, row, row_l)                                                                       \
    TILE_KERNELS(TN, T, R, C, col, col_l)                                                                       \
extern "C" __global__ void conv_##TN##_##R##x##C(gl<T> a, gl<T> out, gl<T> outt) {                              \
    conv_body<T, R, C>(a, out, outt);                                                                           \
}

// Define ALL_OPS_QUICK (-DALL_OPS_QUICK) to instantiate only 16x16 and 32x64 tiles: about a third
// of the compile time, same op coverage.
#ifdef ALL_OPS_QUICK
#define TILE_KERNELS_ALL_SHAPES(TN, T)                                                                          \
    TILE_KERNELS_ALL_LAYOUTS(TN, T, 16, 16)                                                                     \
    TILE_KERNELS_ALL_LAYOUTS(TN, T, 32, 64)
#else
#define TILE_KERNELS_ALL_SHAPES(TN, T)                                                                          \
    TILE_KERNELS_ALL_LAYOUTS(TN, T, 16, 16)                                                                     \
    TILE_KERNELS_ALL_LAYOUTS(TN, T, 16, 64)                                                                     \
    TILE_KERNELS_ALL_LAYOUTS(TN, T, 32, 64)                                                                     \
    TILE_KERNELS_ALL_LAYOUTS(TN, T, 64, 64)
#endif

TILE_KERNELS_ALL_SHAPES(f32, float)
TILE_KERNELS_ALL_SHAPES(bf16, bf16)
TILE_KERNELS_ALL_SHAPES(f16, half)

#define CONVERT_KERNEL(R, C, LN, L)                                                                             \
extern "C" __global__ void convert_##R##x##C##_##LN(gl<float> af, gl<bf16> ab, gl<half> ah,                     \
        gl<float> of, gl<bf16> ob, gl<half> oh) {                                                               \
    convert_body<R, C, L>(af, ab, ah, of, ob, oh);                                                              \
}
CONVERT_KERNEL(16, 16, row, row_l)
CONVERT_KERNEL(16, 16, col, col_l)
CONVERT_KERNEL(32, 64, row, row_l)
CONVERT_KERNEL(32, 64, col, col_l)
#ifndef ALL_OPS_QUICK
CONVERT_KERNEL(16, 64, row, row_l)
CONVERT_KERNEL(16, 64, col, col_l)
CONVERT_KERNEL(64, 64, row, row_l)
CONVERT_KERNEL(64, 64, col, col_l)
#endif

#define MMA_KERNEL(TN, T, M, N, K)                                                                              \
extern "C" __global__ void mma_##TN##_##M##x##N##x##K(gl<T> A, gl<T> At, gl<T> B, gl<T> Bt,                     \
        gl<float> Cm, gl<float> out) {                                                                          \
    mma_body<T, M, N, K>(A, At, B, Bt, Cm, out);                                                                \
}
#define MMA_KERNELS(TN, T)                                                                                      \
    MMA_KERNEL(TN, T, 16, 16, 16)                                                                               \
    MMA_KERNEL(TN, T, 16, 64, 16)                                                                               \
    MMA_KERNEL(TN, T, 16, 64, 64)                                                                               \
    MMA_KERNEL(TN, T, 32, 64, 64)                                                                               \
    MMA_KERNEL(TN, T, 64, 16, 64)                                                                               \
    MMA_KERNEL(TN, T, 64, 64, 16)                                                                               \
    MMA_KERNEL(TN, T, 32, 32, 32)
MMA_KERNELS(bf16, bf16)
MMA_KERNELS(f16, half)

#define VEC_KERNEL(TN, T, N, LN, L)                                                                             \
extern "C" __global__ void vec_##TN##_##N##_##LN(gl<T> a, gl<T> b, gl<T> out, float s) {                        \
    vec_body<T, N, L>(a, b, out, s);                                                                            \
}
#define VEC_KERNELS(TN, T)                                                                                      \
    VEC_KERNEL(TN, T, 16, ortho, ortho_l)                                                                       \
    VEC_KERNEL(TN, T, 16, align, align_l)                                                                       \
    VEC_KERNEL(TN, T, 64, ortho, ortho_l)                                                                       \
    VEC_KERNEL(TN, T, 64, align, align_l)
VEC_KERNELS(f32, float)
VEC_KERNELS(bf16, bf16)
VEC_KERNELS(f16, half)

// ---------------------------------------------------------------------------------------------
// vec_clipped_T_N_L(a, out, limit): a (1,1,1,2N) T, out (1,1,1,2N) U (float and the kernel's T):
//   both vectors of a loaded whole and stored clipped (vec_store_clipped.cuh): out[c] = a[c] for
//   c < limit; columns c >= limit keep their bytes.
#define VEC_CLIPPED_KERNEL(TN, T, N, LN, L)                                                                     \
extern "C" __global__ void vec_clipped_##TN##_##N##_##LN(gl<T> a, gl<T> out, gl<float> outf, int limit) {       \
    rv<T, N, L> x;                                                                                              \
    for (int c = 0; c < 2; c++) {                                                                               \
        warp::load(x, a, coord(0, c));                                                                          \
        warp::store(out, x, coord(0, 0, 0, c), limit);                                                          \
        warp::store(outf, x, coord(0, 0, 0, c), limit);                                                         \
    }                                                                                                           \
}
#define VEC_CLIPPED_KERNELS(TN, T)                                                                              \
    VEC_CLIPPED_KERNEL(TN, T, 16, ortho, ortho_l)                                                               \
    VEC_CLIPPED_KERNEL(TN, T, 16, align, align_l)                                                               \
    VEC_CLIPPED_KERNEL(TN, T, 64, ortho, ortho_l)                                                               \
    VEC_CLIPPED_KERNEL(TN, T, 64, align, align_l)
VEC_CLIPPED_KERNELS(f32, float)
VEC_CLIPPED_KERNELS(bf16, bf16)
VEC_CLIPPED_KERNELS(f16, half)

// ---------------------------------------------------------------------------------------------
// act_T_RxC_L(a, b, out): out (1, 12, R, C) T: [0] sqrt(b) [1] rsqrt(b) [2] tanh(a) [3] sigmoid(a)
//   [4] gelu(a) [5] gelu_tanh(a) of a tile; [6..11] the same of the tile's column vector (loaded
//   from row 0 of a / b, stored to row 0 of the slot) (b > 0). Formulas: common/base_ops.cuh.
template<class T, int R, int C, class L>
__device__ void act_body(const gl<T>& a, const gl<T>& b, const gl<T>& out) {
    rt<T, R, C, L> x;
    typename rt<T, R, C, L>::col_vec v;
    warp::load(x, b, coord(0, 0)); warp::sqrt(x, x);      warp::store(out, x, coord(0, 0, 0, 0));
    warp::load(x, b, coord(0, 0)); warp::rsqrt(x, x);     warp::store(out, x, coord(0, 1, 0, 0));
    warp::load(x, a, coord(0, 0)); warp::tanh(x, x);      warp::store(out, x, coord(0, 2, 0, 0));
    warp::load(x, a, coord(0, 0)); warp::sigmoid(x, x);   warp::store(out, x, coord(0, 3, 0, 0));
    warp::load(x, a, coord(0, 0)); warp::gelu(x, x);      warp::store(out, x, coord(0, 4, 0, 0));
    warp::load(x, a, coord(0, 0)); warp::gelu_tanh(x, x); warp::store(out, x, coord(0, 5, 0, 0));
    warp::load(v, b, coord(0, 0)); warp::sqrt(v, v);      warp::store(out, v, coord(0, 6, 0, 0));
    warp::load(v, b, coord(0, 0)); warp::rsqrt(v, v);     warp::store(out, v, coord(0, 7, 0, 0));
    warp::load(v, a, coord(0, 0)); warp::tanh(v, v);      warp::store(out, v, coord(0, 8, 0, 0));
    warp::load(v, a, coord(0, 0)); warp::sigmoid(v, v);   warp::store(out, v, coord(0, 9, 0, 0));
    warp::load(v, a, coord(0, 0)); warp::gelu(v, v);      warp::store(out, v, coord(0, 10, 0, 0));
    warp::load(v, a, coord(0, 0)); warp::gelu_tanh(v, v); warp::store(out, v, coord(0, 11, 0, 0));
}
#define ACT_KERNEL(TN, T, R, C, LN, L)                                                                          \
extern "C" __global__ void act_##TN##_##R##x##C##_##LN(gl<T> a, gl<T> b, gl<T> out) { act_body<T, R, C, L>(a, b, out); }
#define ACT_KERNELS(TN, T) ACT_KERNEL(TN, T, 16, 64, row, row_l) ACT_KERNEL(TN, T, 16, 64, col, col_l)
ACT_KERNELS(f32, float)
ACT_KERNELS(bf16, bf16)
ACT_KERNELS(f16, half)

// ---------------------------------------------------------------------------------------------
// atomics(f, i, u, b, h, x): every thread t folds x + t into f(0,0,0,0..2) (add, max, min),
//   t - 64 into i(0,0,0,0..2) and t into u(0,0,0,0..2) likewise, and the pair (x, -x) into
//   b(0,0,0,0..1) and h(0,0,0,0..1); f(0,0,1,t) = (float)(bf16)(x * t) through the scalar
//   conversions. sm_80..sm_89 take the bf16x2 compare-and-swap path, sm_90+ red.bf16x2.
extern "C" __global__ void atomics(gl<float> f, gl<int> i, gl<unsigned> u, gl<bf16> b, gl<half> h, float x) {
    const int t = (int)threadIdx.x;
    atomic_add(f(0, 0, 0, 0), x + t); atomic_max(f(0, 0, 0, 1), x + t); atomic_min(f(0, 0, 0, 2), x + t);
    atomic_add(i(0, 0, 0, 0), t - 64); atomic_max(i(0, 0, 0, 1), t - 64); atomic_min(i(0, 0, 0, 2), t - 64);
    atomic_add(u(0, 0, 0, 0), (unsigned)t); atomic_max(u(0, 0, 0, 1), (unsigned)t); atomic_min(u(0, 0, 0, 2), (unsigned)t);
    atomic_add_pair(b(0, 0, 0, 0), x, -x);
    atomic_add_pair(h(0, 0, 0, 0), x, -x);
    f(0, 0, 1, t) = (float)(bf16)(x * t);
}
