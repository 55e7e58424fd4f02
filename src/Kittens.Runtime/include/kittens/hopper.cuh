// kittens/hopper.cuh
// Hopper (sm_90 / sm_90a) additions to the tile library, included by kittens/kittens.cuh
// (docs/design.md section 5):
//   types:   tensor_map (CUtensorMap), gl<T, TMA...> (a gl carrying TMA maps), semaphore (mbarrier)
//   thread:  init_semaphore / arrive / wait, named_barrier_sync / named_barrier_arrive,
//            tma::expect(_bytes) / load_async / load_async_multicast / store_async / store_commit_group /
//            store_async(_read)_wait, cluster_ctarank / cluster_sync / arrive_cluster
//   warp:    warp::causal_mask / column_mask
//   group:   warpgroup::mma_AB / mma_ABt / mm_AB / mm_ABt (wgmma), mma_fence / mma_commit_group /
//            mma_async_wait, warpgroup::load / store, increase / decrease_registers, sync / arrive
// Availability by target (the headers compile for every target; what a target lacks is simply
// not declared there, so using it is a compile error naming the missing function):
//   all (sm_80+):   the types, named barriers, masks, warpgroup::load / store / sync
//   sm_90 and up:   semaphores, TMA, clusters   (__CUDA_ARCH__ >= 900)
//   sm_90a only:    wgmma and setmaxnreg        (__CUDA_ARCH_FEAT_SM90_ALL)
#pragma once

#include "kittens/types/global/tensor_map.cuh"
#include "kittens/types/global/gl_tma.cuh"

#include "kittens/ops/thread/semaphore.cuh"
#include "kittens/ops/thread/named_barrier.cuh"
#include "kittens/ops/thread/tma.cuh"
#include "kittens/ops/thread/cluster.cuh"

#include "kittens/ops/warp/mask.cuh"

#include "kittens/ops/warpgroup/sync.cuh"
#include "kittens/ops/warpgroup/memory.cuh"
#include "kittens/ops/warpgroup/registers.cuh"
#include "kittens/ops/warpgroup/wgmma_descriptor.cuh"
#include "kittens/ops/warpgroup/wgmma.cuh"
