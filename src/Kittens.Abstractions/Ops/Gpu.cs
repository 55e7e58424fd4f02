namespace Kittens;

/// <summary>Thread identity and block-wide synchronisation inside a kernel.</summary>
public static class Gpu
{
    /// <summary>This thread's lane within its warp (0..31).</summary>
    [Cuda("kittens::laneid()")] public static int LaneId => throw Stub.OnlyInKernel();

    /// <summary>This thread's warp within its block.</summary>
    [Cuda("kittens::warpid()")] public static int WarpId => throw Stub.OnlyInKernel();

    /// <summary>
    /// This thread's warpgroup (4 consecutive warps) within its block. Read it where the whole
    /// warp is active (it is shuffled from lane 0, so that the compiler treats branches on it as
    /// uniform and does not serialise wgmma inside them); keep it in a local for later use.
    /// </summary>
    [Cuda("kittens::warpgroupid()")] public static int WarpgroupId => throw Stub.OnlyInKernel();

    /// <summary>
    /// This block's rank in its thread-block cluster (0 to <see cref="KernelAttribute.ClusterSize"/>
    /// − 1; always 0 without a cluster).
    /// </summary>
    [RequiresArch("sm_90"), Cuda("kittens::cluster_ctarank()")] public static int ClusterRank => throw Stub.OnlyInKernel();

    /// <summary>Waits until every thread of the block arrives; orders shared-memory accesses.</summary>
    [Cuda("__syncthreads")] public static void SyncThreads() => throw Stub.OnlyInKernel();
}

/// <summary>The thread index within the block (CUDA threadIdx).</summary>
public static class ThreadIdx
{
    /// <summary>threadIdx.x</summary>
    [Cuda("(int)threadIdx.x")] public static int X => throw Stub.OnlyInKernel();
    /// <summary>threadIdx.y</summary>
    [Cuda("(int)threadIdx.y")] public static int Y => throw Stub.OnlyInKernel();
    /// <summary>threadIdx.z</summary>
    [Cuda("(int)threadIdx.z")] public static int Z => throw Stub.OnlyInKernel();
}

/// <summary>The block index within the grid (CUDA blockIdx).</summary>
public static class BlockIdx
{
    /// <summary>blockIdx.x</summary>
    [Cuda("(int)blockIdx.x")] public static int X => throw Stub.OnlyInKernel();
    /// <summary>blockIdx.y</summary>
    [Cuda("(int)blockIdx.y")] public static int Y => throw Stub.OnlyInKernel();
    /// <summary>blockIdx.z</summary>
    [Cuda("(int)blockIdx.z")] public static int Z => throw Stub.OnlyInKernel();
}

/// <summary>The block size (CUDA blockDim).</summary>
public static class BlockDim
{
    /// <summary>blockDim.x</summary>
    [Cuda("(int)blockDim.x")] public static int X => throw Stub.OnlyInKernel();
    /// <summary>blockDim.y</summary>
    [Cuda("(int)blockDim.y")] public static int Y => throw Stub.OnlyInKernel();
    /// <summary>blockDim.z</summary>
    [Cuda("(int)blockDim.z")] public static int Z => throw Stub.OnlyInKernel();
}

/// <summary>The grid size in blocks (CUDA gridDim).</summary>
public static class GridDim
{
    /// <summary>gridDim.x</summary>
    [Cuda("(int)gridDim.x")] public static int X => throw Stub.OnlyInKernel();
    /// <summary>gridDim.y</summary>
    [Cuda("(int)gridDim.y")] public static int Y => throw Stub.OnlyInKernel();
    /// <summary>gridDim.z</summary>
    [Cuda("(int)gridDim.z")] public static int Z => throw Stub.OnlyInKernel();
}

/// <summary>Scalar math on the device (fast hardware approximations where CUDA has them).</summary>
public static class DeviceMath
{
    /// <summary>Square root.</summary>
    [Cuda("sqrtf")] public static float Sqrt(float x) => throw Stub.OnlyInKernel();
    /// <summary>Reciprocal square root.</summary>
    [Cuda("rsqrtf")] public static float Rsqrt(float x) => throw Stub.OnlyInKernel();
    /// <summary>e^x (fast approximation).</summary>
    [Cuda("__expf")] public static float Exp(float x) => throw Stub.OnlyInKernel();
    /// <summary>2^x.</summary>
    [Cuda("exp2f")] public static float Exp2(float x) => throw Stub.OnlyInKernel();
    /// <summary>Natural logarithm (fast approximation).</summary>
    [Cuda("__logf")] public static float Log(float x) => throw Stub.OnlyInKernel();
    /// <summary>Absolute value.</summary>
    [Cuda("fabsf")] public static float Abs(float x) => throw Stub.OnlyInKernel();
    /// <summary>Larger of two values.</summary>
    [Cuda("fmaxf")] public static float Max(float a, float b) => throw Stub.OnlyInKernel();
    /// <summary>Smaller of two values.</summary>
    [Cuda("fminf")] public static float Min(float a, float b) => throw Stub.OnlyInKernel();
    /// <summary>Larger of two ints.</summary>
    [Cuda("max")] public static int Max(int a, int b) => throw Stub.OnlyInKernel();
    /// <summary>Smaller of two ints.</summary>
    [Cuda("min")] public static int Min(int a, int b) => throw Stub.OnlyInKernel();
    /// <summary>Hyperbolic tangent (the CUDA math library's, a few ulp).</summary>
    [Cuda("tanhf")] public static float Tanh(float x) => throw Stub.OnlyInKernel();
    /// <summary>Error function (the CUDA math library's, a few ulp).</summary>
    [Cuda("erff")] public static float Erf(float x) => throw Stub.OnlyInKernel();
    /// <summary>Logistic sigmoid 1 / (1 + e^−x), on the fast exp; the formula <see cref="Warp.Sigmoid{T, R, C, L}"/> uses.</summary>
    [Cuda("kittens::sigmoid")] public static float Sigmoid(float x) => throw Stub.OnlyInKernel();
    /// <summary>
    /// GELU, exact form (PyTorch's default): x·½·(1 + erf(x/√2)), computed as x·½·erfc(−x/√2) so
    /// that it keeps its relative precision for x ≪ 0; the formula <see cref="Warp.Gelu{T, R, C, L}"/> uses.
    /// </summary>
    [Cuda("kittens::gelu")] public static float Gelu(float x) => throw Stub.OnlyInKernel();
    /// <summary>
    /// GELU, tanh approximation (PyTorch's <c>approximate='tanh'</c>): x·½·(1 + tanh(√(2/π)·(x + 0.044715·x³))),
    /// computed as x·sigmoid(2u) (the same value, without the cancellation of 1 + tanh for x ≪ 0);
    /// the formula <see cref="Warp.GeluTanh{T, R, C, L}"/> uses.
    /// </summary>
    [Cuda("kittens::gelu_tanh")] public static float GeluTanh(float x) => throw Stub.OnlyInKernel();
}

/// <summary>Shared-memory allocation inside a kernel.</summary>
public static class Shared
{
    /// <summary>Allocates one shared tile or vector (1024-byte aligned) for the block.</summary>
    [SharedAllocation] public static T Alloc<T>() where T : struct, ISharedMemory => throw Stub.OnlyInKernel();

    /// <summary>Allocates an array of <paramref name="count"/> shared tiles or vectors; count must be a constant.</summary>
    [SharedAllocation] public static T[] Alloc<T>(int count) where T : struct, ISharedMemory => throw Stub.OnlyInKernel();
}
