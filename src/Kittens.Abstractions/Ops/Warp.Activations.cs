namespace Kittens;

/// <summary>
/// Warp-scope activation and root maps on register tiles (both layouts) and register vectors.
/// Math runs in float: 16-bit elements are widened, and the result is rounded once into dst's
/// dtype; dst may be src. The scalar forms are <see cref="DeviceMath"/>'s members of the same names.
/// </summary>
public static partial class Warp
{
    /// <summary>√x per element (<c>sqrt.approx</c> under the kernels' fast math, about 1 ulp).</summary>
    [Cuda("kittens::warp::sqrt")]
    public static void Sqrt<T, R, C, L>(RT<T, R, C, L> dst, RT<T, R, C, L> src)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>√x per element (<c>sqrt.approx</c> under the kernels' fast math, about 1 ulp).</summary>
    [Cuda("kittens::warp::sqrt")]
    public static void Sqrt<T, N, VL>(RV<T, N, VL> dst, RV<T, N, VL> src)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>1/√x per element (<c>rsqrt.approx</c>, about 2 ulp).</summary>
    [Cuda("kittens::warp::rsqrt")]
    public static void Rsqrt<T, R, C, L>(RT<T, R, C, L> dst, RT<T, R, C, L> src)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>1/√x per element (<c>rsqrt.approx</c>, about 2 ulp).</summary>
    [Cuda("kittens::warp::rsqrt")]
    public static void Rsqrt<T, N, VL>(RV<T, N, VL> dst, RV<T, N, VL> src)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>tanh(x) per element (the CUDA math library's <c>tanhf</c>).</summary>
    [Cuda("kittens::warp::tanh")]
    public static void Tanh<T, R, C, L>(RT<T, R, C, L> dst, RT<T, R, C, L> src)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>tanh(x) per element (the CUDA math library's <c>tanhf</c>).</summary>
    [Cuda("kittens::warp::tanh")]
    public static void Tanh<T, N, VL>(RV<T, N, VL> dst, RV<T, N, VL> src)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>The logistic sigmoid 1 / (1 + e^−x) per element (fast exp; exactly 0 and 1 far out).</summary>
    [Cuda("kittens::warp::sigmoid")]
    public static void Sigmoid<T, R, C, L>(RT<T, R, C, L> dst, RT<T, R, C, L> src)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>The logistic sigmoid 1 / (1 + e^−x) per element (fast exp; exactly 0 and 1 far out).</summary>
    [Cuda("kittens::warp::sigmoid")]
    public static void Sigmoid<T, N, VL>(RV<T, N, VL> dst, RV<T, N, VL> src)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>GELU, exact form (PyTorch's default), per element: x·½·(1 + erf(x/√2)), computed as x·½·erfc(−x/√2), which keeps its relative precision for x ≪ 0.</summary>
    [Cuda("kittens::warp::gelu")]
    public static void Gelu<T, R, C, L>(RT<T, R, C, L> dst, RT<T, R, C, L> src)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>GELU, exact form (PyTorch's default), per element: x·½·(1 + erf(x/√2)), computed as x·½·erfc(−x/√2), which keeps its relative precision for x ≪ 0.</summary>
    [Cuda("kittens::warp::gelu")]
    public static void Gelu<T, N, VL>(RV<T, N, VL> dst, RV<T, N, VL> src)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>GELU, tanh approximation (PyTorch's <c>approximate='tanh'</c>), per element: x·½·(1 + tanh(√(2/π)·(x + 0.044715·x³))), computed as x·sigmoid(2·√(2/π)·(x + 0.044715·x³)), the same value without the cancellation of 1 + tanh for x ≪ 0.</summary>
    [Cuda("kittens::warp::gelu_tanh")]
    public static void GeluTanh<T, R, C, L>(RT<T, R, C, L> dst, RT<T, R, C, L> src)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>GELU, tanh approximation (PyTorch's <c>approximate='tanh'</c>), per element: x·½·(1 + tanh(√(2/π)·(x + 0.044715·x³))), computed as x·sigmoid(2·√(2/π)·(x + 0.044715·x³)), the same value without the cancellation of 1 + tanh for x ≪ 0.</summary>
    [Cuda("kittens::warp::gelu_tanh")]
    public static void GeluTanh<T, N, VL>(RV<T, N, VL> dst, RV<T, N, VL> src)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();
}
