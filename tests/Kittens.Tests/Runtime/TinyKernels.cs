using Kittens.Runtime;

namespace Kittens.Tests.Runtime;

/// <summary>Hand-written CUDA that needs no tile headers, for compiler and launch tests.</summary>
internal static class TinyKernels
{
    public const string ScaleCuda = """
        #line 10 "Kernels/Scale.cs"
        extern "C" __global__ void __launch_bounds__(128, 1) scale(float* data, float factor, int n)
        {
            __shared__ float staging[128];
            int i = blockIdx.x * blockDim.x + threadIdx.x;
            staging[threadIdx.x] = i < n ? data[i] : 0.0f;
            __syncthreads();
            if (i < n) data[i] = staging[threadIdx.x] * factor;
        }
        """;

    public static KernelSource Scale => new("scale", ScaleCuda, "Kernels/Scale.cs", 128, 1, 0);

    public const string BadCuda = """
        #line 42 "Kernels/Bad.cs"
        extern "C" __global__ void bad(float* data) { data[0] = undefined_thing; }
        """;

    public static KernelSource Bad => new("bad", BadCuda, "Kernels/Bad.cs", 32, 1, 0);
}
