namespace Kittens;

/// <summary>Warp-scope element-wise ops on register vectors.</summary>
public static partial class Warp
{
    /// <summary>Sets every element to 0.</summary>
    [Cuda("kittens::warp::zero")]
    public static void Zero<T, N, VL>(RV<T, N, VL> dst)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Sets every element to 1.</summary>
    [Cuda("kittens::warp::one")]
    public static void One<T, N, VL>(RV<T, N, VL> dst)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Sets every element to negative infinity.</summary>
    [Cuda("kittens::warp::neg_infty")]
    public static void NegInfty<T, N, VL>(RV<T, N, VL> dst)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Sets every element to positive infinity.</summary>
    [Cuda("kittens::warp::pos_infty")]
    public static void PosInfty<T, N, VL>(RV<T, N, VL> dst)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Copies a vector, converting its dtype.</summary>
    [Cuda("kittens::warp::copy")]
    public static void Copy<T, U, N, VL>(RV<T, N, VL> dst, RV<U, N, VL> src)
        where T : unmanaged where U : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>e^x per element.</summary>
    [Cuda("kittens::warp::exp")]
    public static void Exp<T, N, VL>(RV<T, N, VL> dst, RV<T, N, VL> src)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>2^x per element.</summary>
    [Cuda("kittens::warp::exp2")]
    public static void Exp2<T, N, VL>(RV<T, N, VL> dst, RV<T, N, VL> src)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Natural logarithm per element.</summary>
    [Cuda("kittens::warp::log")]
    public static void Log<T, N, VL>(RV<T, N, VL> dst, RV<T, N, VL> src)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Absolute value per element.</summary>
    [Cuda("kittens::warp::abs")]
    public static void Abs<T, N, VL>(RV<T, N, VL> dst, RV<T, N, VL> src)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = add(a, b) per element.</summary>
    [Cuda("kittens::warp::add")]
    public static void Add<T, N, VL>(RV<T, N, VL> dst, RV<T, N, VL> a, RV<T, N, VL> b)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = add(a, scalar) per element.</summary>
    [Cuda("kittens::warp::add")]
    public static void Add<T, N, VL>(RV<T, N, VL> dst, RV<T, N, VL> a, float b)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = sub(a, b) per element.</summary>
    [Cuda("kittens::warp::sub")]
    public static void Sub<T, N, VL>(RV<T, N, VL> dst, RV<T, N, VL> a, RV<T, N, VL> b)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = sub(a, scalar) per element.</summary>
    [Cuda("kittens::warp::sub")]
    public static void Sub<T, N, VL>(RV<T, N, VL> dst, RV<T, N, VL> a, float b)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = mul(a, b) per element.</summary>
    [Cuda("kittens::warp::mul")]
    public static void Mul<T, N, VL>(RV<T, N, VL> dst, RV<T, N, VL> a, RV<T, N, VL> b)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = mul(a, scalar) per element.</summary>
    [Cuda("kittens::warp::mul")]
    public static void Mul<T, N, VL>(RV<T, N, VL> dst, RV<T, N, VL> a, float b)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = div(a, b) per element.</summary>
    [Cuda("kittens::warp::div")]
    public static void Div<T, N, VL>(RV<T, N, VL> dst, RV<T, N, VL> a, RV<T, N, VL> b)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = div(a, scalar) per element.</summary>
    [Cuda("kittens::warp::div")]
    public static void Div<T, N, VL>(RV<T, N, VL> dst, RV<T, N, VL> a, float b)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = max(a, b) per element.</summary>
    [Cuda("kittens::warp::max")]
    public static void Max<T, N, VL>(RV<T, N, VL> dst, RV<T, N, VL> a, RV<T, N, VL> b)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = max(a, scalar) per element.</summary>
    [Cuda("kittens::warp::max")]
    public static void Max<T, N, VL>(RV<T, N, VL> dst, RV<T, N, VL> a, float b)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = min(a, b) per element.</summary>
    [Cuda("kittens::warp::min")]
    public static void Min<T, N, VL>(RV<T, N, VL> dst, RV<T, N, VL> a, RV<T, N, VL> b)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = min(a, scalar) per element.</summary>
    [Cuda("kittens::warp::min")]
    public static void Min<T, N, VL>(RV<T, N, VL> dst, RV<T, N, VL> a, float b)
        where T : unmanaged where N : struct, IDim where VL : struct, IVecLayout
        => throw Stub.OnlyInKernel();
}
