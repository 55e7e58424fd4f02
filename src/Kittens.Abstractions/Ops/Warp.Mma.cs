namespace Kittens;

/// <summary>Warp-scope matrix multiply-accumulate on register tiles.</summary>
public static partial class Warp
{
    /// <summary>D = A·B + C on tensor cores (mma.sync m16n8k16, fp32 accumulate). B must be in column layout.</summary>
    [Cuda("kittens::warp::mma_AB")]
    public static void MmaAB<TM, M, N, K>(RT<float, M, N, Row> d, RT<TM, M, K, Row> a, RT<TM, K, N, Col> b, RT<float, M, N, Row> c)
        where TM : unmanaged, IMmaInput where M : struct, IDim where N : struct, IDim where K : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>D = A·Bᵀ + C, with B given as an N x K row-layout tile.</summary>
    [Cuda("kittens::warp::mma_ABt")]
    public static void MmaABt<TM, M, N, K>(RT<float, M, N, Row> d, RT<TM, M, K, Row> a, RT<TM, N, K, Row> b, RT<float, M, N, Row> c)
        where TM : unmanaged, IMmaInput where M : struct, IDim where N : struct, IDim where K : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>D = Aᵀ·B + C, with A given as a K x M column-layout tile.</summary>
    [Cuda("kittens::warp::mma_AtB")]
    public static void MmaAtB<TM, M, N, K>(RT<float, M, N, Row> d, RT<TM, K, M, Col> a, RT<TM, K, N, Col> b, RT<float, M, N, Row> c)
        where TM : unmanaged, IMmaInput where M : struct, IDim where N : struct, IDim where K : struct, IDim
        => throw Stub.OnlyInKernel();

    /// <summary>D = Aᵀ·Bᵀ + C.</summary>
    [Cuda("kittens::warp::mma_AtBt")]
    public static void MmaAtBt<TM, M, N, K>(RT<float, M, N, Row> d, RT<TM, K, M, Col> a, RT<TM, N, K, Row> b, RT<float, M, N, Row> c)
        where TM : unmanaged, IMmaInput where M : struct, IDim where N : struct, IDim where K : struct, IDim
        => throw Stub.OnlyInKernel();
}
