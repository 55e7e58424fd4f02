// kittens/kittens.cuh
// Master header of the Kittens CUDA tile library. Generated kernels do
//     #include "kittens/kittens.cuh"
// Compiled by NVRTC (12.4+) with -std=c++17 for sm_80 .. sm_90a; includes no CUDA toolkit or
// standard headers (everything it needs is defined under kittens/).
#pragma once

#include "kittens/common/traits.cuh"
#include "kittens/common/util.cuh"
#include "kittens/common/base_types.cuh"
#include "kittens/common/base_ops.cuh"
#include "kittens/common/ptx.cuh"
#include "kittens/common/allocator.cuh"

#include "kittens/types/register/layouts.cuh"
#include "kittens/types/register/rv.cuh"
#include "kittens/types/register/rt.cuh"
#include "kittens/types/shared/st.cuh"
#include "kittens/types/shared/subtile.cuh"
#include "kittens/types/shared/sv.cuh"
#include "kittens/types/global/gl.cuh"
#include "kittens/types/global/coord.cuh"

#include "kittens/ops/warp/register/fragment_swap.cuh"
#include "kittens/ops/warp/memory/global_to_register.cuh"
#include "kittens/ops/warp/memory/global_to_shared.cuh"
#include "kittens/ops/warp/memory/shared_to_register.cuh"
#include "kittens/ops/warp/memory/vec_memory.cuh"
#include "kittens/ops/warp/memory/vec_store_clipped.cuh"
#include "kittens/ops/warp/memory/tile_store_clipped.cuh"
#include "kittens/ops/warp/register/tile_maps.cuh"
#include "kittens/ops/warp/register/tile_reductions.cuh"
#include "kittens/ops/warp/register/tile_conversions.cuh"
#include "kittens/ops/warp/register/vec_maps.cuh"
#include "kittens/ops/warp/mma/mma.cuh"
#include "kittens/ops/thread/atomic.cuh"

#include "kittens/hopper.cuh"
