// kittens/ops/thread/semaphore.cuh
// semaphore: an mbarrier in shared memory (8 bytes), the completion signal of TMA loads and the
// hand-off between producer and consumer warps. Thread scope: every call acts for the calling
// thread only.
//
// Protocol (PTX ISA, mbarrier, sm_90):
//  * init_semaphore(s, threads, transactions): mbarrier.init with expected arrival count
//    threads + transactions. A TMA producer that calls tma::expect_bytes once per phase counts as
//    ONE arrival (expect_bytes is arrive + expect_tx), hence the usual init (0, 1) for a "data
//    arrived" semaphore and (consumers, 0) for a "slot free" one. Call from one thread, then make
//    the other threads wait on a barrier (__syncthreads) before they use the semaphore.
//  * A phase completes when all expected arrivals have happened AND all expected transaction
//    bytes have landed; the count then re-arms for the next phase.
//  * wait(s, phase) blocks until the phase with parity `phase` (0 or 1) has completed. A fresh
//    semaphore is in phase 0, so wait(s, 0) blocks until the first completion and wait(s, 1)
//    returns at once (handy for "slot free" semaphores that start free). A ring slot used for
//    the k-th time waits on parity k % 2.
//  * arrive(s[, count]): mbarrier.arrive.release.cta (orders the caller's prior memory accesses
//    before the arrival for the threads that then wait, which acquire).
// sm_90+ only (the .release/.expect_tx/.try_wait forms and the TMA pairing): on older targets
// the type exists (so layouts and sizes agree) but the operations are not declared.
#pragma once
#include "kittens/common/util.cuh"

namespace kittens {

struct alignas(8) semaphore {
    unsigned long long value;
};
static_assert(sizeof(semaphore) == 8 && alignof(semaphore) == 8, "kittens::semaphore must be one 8-byte mbarrier");

#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 900

__device__ __forceinline__ void init_semaphore(semaphore& s, int thread_count, int transaction_count = 0) {
    asm volatile("mbarrier.init.shared::cta.b64 [%0], %1;"
                 :: "r"(smem_addr(&s)), "r"(thread_count + transaction_count) : "memory");
    // Make the initialised barrier visible to the other threads and to the async (TMA) proxy.
    asm volatile("fence.mbarrier_init.release.cluster;" ::: "memory");
    asm volatile("fence.proxy.async.shared::cta;" ::: "memory");
}

__device__ __forceinline__ void arrive(semaphore& s) {
    asm volatile("mbarrier.arrive.release.cta.shared::cta.b64 _, [%0];" :: "r"(smem_addr(&s)) : "memory");
}

__device__ __forceinline__ void arrive(semaphore& s, int count) {
    asm volatile("mbarrier.arrive.release.cta.shared::cta.b64 _, [%0], %1;" :: "r"(smem_addr(&s)), "r"(count) : "memory");
}

// Non-blocking probe: true when the phase with parity `phase` has completed.
__device__ __forceinline__ bool test_wait(semaphore& s, int phase) {
    unsigned done;
    asm volatile("{\n\t.reg .pred p;\n\t"
                 "mbarrier.test_wait.parity.shared::cta.b64 p, [%1], %2;\n\t"
                 "selp.u32 %0, 1, 0, p;\n\t}"
                 : "=r"(done) : "r"(smem_addr(&s)), "r"((unsigned)phase & 1u) : "memory");
    return done != 0;
}

__device__ __forceinline__ void wait(semaphore& s, int phase) {
    const unsigned a = smem_addr(&s), p = (unsigned)phase & 1u;
    unsigned done;
    do {
        // try_wait suspends the thread for a hardware-chosen time before reporting "not yet".
        asm volatile("{\n\t.reg .pred p;\n\t"
                     "mbarrier.try_wait.parity.shared::cta.b64 p, [%1], %2;\n\t"
                     "selp.u32 %0, 1, 0, p;\n\t}"
                     : "=r"(done) : "r"(a), "r"(p) : "memory");
    } while (!done);
}

#endif // __CUDA_ARCH__ >= 900

} // namespace kittens
