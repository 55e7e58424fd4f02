namespace Kittens;

/// <summary>Warp-scope element-wise and broadcast ops on register tiles.</summary>
public static partial class Warp
{
    /// <summary>Sets every element to 0.</summary>
    [Cuda("kittens::warp::zero")]
    public static void Zero<T, R, C, L>(RT<T, R, C, L> dst)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Sets every element to 1.</summary>
    [Cuda("kittens::warp::one")]
    public static void One<T, R, C, L>(RT<T, R, C, L> dst)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Sets every element to negative infinity.</summary>
    [Cuda("kittens::warp::neg_infty")]
    public static void NegInfty<T, R, C, L>(RT<T, R, C, L> dst)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Sets every element to positive infinity.</summary>
    [Cuda("kittens::warp::pos_infty")]
    public static void PosInfty<T, R, C, L>(RT<T, R, C, L> dst)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Copies a tile, converting its dtype.</summary>
    [Cuda("kittens::warp::copy")]
    public static void Copy<T, U, R, C, L>(RT<T, R, C, L> dst, RT<U, R, C, L> src)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>e^x per element.</summary>
    [Cuda("kittens::warp::exp")]
    public static void Exp<T, R, C, L>(RT<T, R, C, L> dst, RT<T, R, C, L> src)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>2^x per element.</summary>
    [Cuda("kittens::warp::exp2")]
    public static void Exp2<T, R, C, L>(RT<T, R, C, L> dst, RT<T, R, C, L> src)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Natural logarithm per element.</summary>
    [Cuda("kittens::warp::log")]
    public static void Log<T, R, C, L>(RT<T, R, C, L> dst, RT<T, R, C, L> src)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Absolute value per element.</summary>
    [Cuda("kittens::warp::abs")]
    public static void Abs<T, R, C, L>(RT<T, R, C, L> dst, RT<T, R, C, L> src)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = add(a, b) per element.</summary>
    [Cuda("kittens::warp::add")]
    public static void Add<T, R, C, L>(RT<T, R, C, L> dst, RT<T, R, C, L> a, RT<T, R, C, L> b)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = add(a, scalar) per element.</summary>
    [Cuda("kittens::warp::add")]
    public static void Add<T, R, C, L>(RT<T, R, C, L> dst, RT<T, R, C, L> a, float b)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = sub(a, b) per element.</summary>
    [Cuda("kittens::warp::sub")]
    public static void Sub<T, R, C, L>(RT<T, R, C, L> dst, RT<T, R, C, L> a, RT<T, R, C, L> b)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = sub(a, scalar) per element.</summary>
    [Cuda("kittens::warp::sub")]
    public static void Sub<T, R, C, L>(RT<T, R, C, L> dst, RT<T, R, C, L> a, float b)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = mul(a, b) per element.</summary>
    [Cuda("kittens::warp::mul")]
    public static void Mul<T, R, C, L>(RT<T, R, C, L> dst, RT<T, R, C, L> a, RT<T, R, C, L> b)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = mul(a, scalar) per element.</summary>
    [Cuda("kittens::warp::mul")]
    public static void Mul<T, R, C, L>(RT<T, R, C, L> dst, RT<T, R, C, L> a, float b)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = div(a, b) per element.</summary>
    [Cuda("kittens::warp::div")]
    public static void Div<T, R, C, L>(RT<T, R, C, L> dst, RT<T, R, C, L> a, RT<T, R, C, L> b)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = div(a, scalar) per element.</summary>
    [Cuda("kittens::warp::div")]
    public static void Div<T, R, C, L>(RT<T, R, C, L> dst, RT<T, R, C, L> a, float b)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = max(a, b) per element.</summary>
    [Cuda("kittens::warp::max")]
    public static void Max<T, R, C, L>(RT<T, R, C, L> dst, RT<T, R, C, L> a, RT<T, R, C, L> b)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = max(a, scalar) per element.</summary>
    [Cuda("kittens::warp::max")]
    public static void Max<T, R, C, L>(RT<T, R, C, L> dst, RT<T, R, C, L> a, float b)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = min(a, b) per element.</summary>
    [Cuda("kittens::warp::min")]
    public static void Min<T, R, C, L>(RT<T, R, C, L> dst, RT<T, R, C, L> a, RT<T, R, C, L> b)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>dst = min(a, scalar) per element.</summary>
    [Cuda("kittens::warp::min")]
    public static void Min<T, R, C, L>(RT<T, R, C, L> dst, RT<T, R, C, L> a, float b)
        where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Row r of dst = add(row r of src, v[r]); v is the tile's column vector (layout V, which L names: <see cref="IColVecLayout{V}"/>).</summary>
    [Cuda("kittens::warp::add_row")]
    public static void AddRow<T, U, R, C, L, V>(RT<T, R, C, L> dst, RT<T, R, C, L> src, RV<U, R, V> v)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        where L : struct, IColVecLayout<V> where V : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Row r of dst = sub(row r of src, v[r]); v is the tile's column vector.</summary>
    [Cuda("kittens::warp::sub_row")]
    public static void SubRow<T, U, R, C, L, V>(RT<T, R, C, L> dst, RT<T, R, C, L> src, RV<U, R, V> v)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        where L : struct, IColVecLayout<V> where V : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Row r of dst = mul(row r of src, v[r]); v is the tile's column vector.</summary>
    [Cuda("kittens::warp::mul_row")]
    public static void MulRow<T, U, R, C, L, V>(RT<T, R, C, L> dst, RT<T, R, C, L> src, RV<U, R, V> v)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        where L : struct, IColVecLayout<V> where V : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Row r of dst = div(row r of src, v[r]); v is the tile's column vector.</summary>
    [Cuda("kittens::warp::div_row")]
    public static void DivRow<T, U, R, C, L, V>(RT<T, R, C, L> dst, RT<T, R, C, L> src, RV<U, R, V> v)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        where L : struct, IColVecLayout<V> where V : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Column c of dst = add(column c of src, v[c]); v is the tile's row vector (layout V, which L names: <see cref="IRowVecLayout{V}"/>).</summary>
    [Cuda("kittens::warp::add_col")]
    public static void AddCol<T, U, R, C, L, V>(RT<T, R, C, L> dst, RT<T, R, C, L> src, RV<U, C, V> v)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        where L : struct, IRowVecLayout<V> where V : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Column c of dst = sub(column c of src, v[c]); v is the tile's row vector.</summary>
    [Cuda("kittens::warp::sub_col")]
    public static void SubCol<T, U, R, C, L, V>(RT<T, R, C, L> dst, RT<T, R, C, L> src, RV<U, C, V> v)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        where L : struct, IRowVecLayout<V> where V : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Column c of dst = mul(column c of src, v[c]); v is the tile's row vector.</summary>
    [Cuda("kittens::warp::mul_col")]
    public static void MulCol<T, U, R, C, L, V>(RT<T, R, C, L> dst, RT<T, R, C, L> src, RV<U, C, V> v)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        where L : struct, IRowVecLayout<V> where V : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>Column c of dst = div(column c of src, v[c]); v is the tile's row vector.</summary>
    [Cuda("kittens::warp::div_col")]
    public static void DivCol<T, U, R, C, L, V>(RT<T, R, C, L> dst, RT<T, R, C, L> src, RV<U, C, V> v)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        where L : struct, IRowVecLayout<V> where V : struct, IVecLayout
        => throw Stub.OnlyInKernel();

    /// <summary>
    /// dst(r, c) = 2^(src(r, c) · scale − v[r]): one fused multiply-add and one exp2 per element.
    /// The online-softmax step: with v = rowMax · scale it computes exp2((s − max) · scale)
    /// without separate scale and subtract passes. v is the tile's column vector (layout V, which
    /// L names: <see cref="IColVecLayout{V}"/>).
    /// </summary>
    [Cuda("kittens::warp::exp2_affine_row")]
    public static void Exp2AffineRow<T, U, R, C, L, V>(RT<T, R, C, L> dst, RT<T, R, C, L> src, float scale, RV<U, R, V> v)
        where T : unmanaged where U : unmanaged where R : struct, IDim where C : struct, IDim
        where L : struct, IColVecLayout<V> where V : struct, IVecLayout
        => throw Stub.OnlyInKernel();
}
