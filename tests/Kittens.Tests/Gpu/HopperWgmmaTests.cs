using Kittens.Runtime;
using Kittens.Tests.GpuKernels;
using static Kittens.Tests.GpuTests.GpuTestHelpers;
using static Kittens.Tests.GpuTests.HopperTestSupport;

namespace Kittens.Tests.GpuTests;

/// <summary>
/// Warpgroup wgmma (m64nNk16, fp32 accumulate) for bf16 and f16 inputs: A·B and A·Bᵀ, A from
/// shared memory and from registers, overwriting (Mm) and accumulating (Mma), at shapes that
/// cover N = 16 .. 256 and K = 16 .. 128 and every swizzle width of both K-major and N-major
/// operands. See <see cref="HopperWgmmaKernels"/> for the slots.
/// </summary>
[Collection(GpuCollection.Name)]
public class HopperWgmmaTests
{
    /// <summary>K-major swizzle 32 bytes, N-major swizzle 128 bytes.</summary>
    [Fact]
    public void Bf16_N64_K16() =>
        Run<bf16>(64, 16, Precision.Bf16, HostData.ToBf16, (a, b, bt, d) => HopperWgmmaKernels.Bf16N64K16Kernel.Launch(Grid(1), a, b, bt, d));

    /// <summary>K-major swizzle 64 bytes, N-major swizzle 128 bytes.</summary>
    [Fact]
    public void Bf16_N128_K32() =>
        Run<bf16>(128, 32, Precision.Bf16, HostData.ToBf16, (a, b, bt, d) => HopperWgmmaKernels.Bf16N128K32Kernel.Launch(Grid(1), a, b, bt, d));

    /// <summary>K-major swizzle 128 bytes, N-major swizzle 128 bytes.</summary>
    [Fact]
    public void Bf16_N256_K64() =>
        Run<bf16>(256, 64, Precision.Bf16, HostData.ToBf16, (a, b, bt, d) => HopperWgmmaKernels.Bf16N256K64Kernel.Launch(Grid(1), a, b, bt, d));

    /// <summary>K-major swizzle 128 bytes, N-major swizzle 128 bytes.</summary>
    [Fact]
    public void Bf16_N256_K128() =>
        Run<bf16>(256, 128, Precision.Bf16, HostData.ToBf16, (a, b, bt, d) => HopperWgmmaKernels.Bf16N256K128Kernel.Launch(Grid(1), a, b, bt, d));

    /// <summary>K-major swizzle 128 bytes, N-major swizzle 32 bytes.</summary>
    [Fact]
    public void Bf16_N48_K64() =>
        Run<bf16>(48, 64, Precision.Bf16, HostData.ToBf16, (a, b, bt, d) => HopperWgmmaKernels.Bf16N48K64Kernel.Launch(Grid(1), a, b, bt, d));

    /// <summary>K-major swizzle 64 bytes, N-major swizzle 64 bytes.</summary>
    [Fact]
    public void Bf16_N96_K32() =>
        Run<bf16>(96, 32, Precision.Bf16, HostData.ToBf16, (a, b, bt, d) => HopperWgmmaKernels.Bf16N96K32Kernel.Launch(Grid(1), a, b, bt, d));

    /// <summary>K-major swizzle 128 bytes, N-major swizzle 128 bytes.</summary>
    [Fact]
    public void Bf16_N128_K128() =>
        Run<bf16>(128, 128, Precision.Bf16, HostData.ToBf16, (a, b, bt, d) => HopperWgmmaKernels.Bf16N128K128Kernel.Launch(Grid(1), a, b, bt, d));

    /// <summary>K-major swizzle 32 bytes, N-major swizzle 32 bytes.</summary>
    [Fact]
    public void Bf16_N16_K48() =>
        Run<bf16>(16, 48, Precision.Bf16, HostData.ToBf16, (a, b, bt, d) => HopperWgmmaKernels.Bf16N16K48Kernel.Launch(Grid(1), a, b, bt, d));

    /// <summary>K-major swizzle 128 bytes, N-major swizzle 128 bytes.</summary>
    [Fact]
    public void F16_N64_K64() =>
        Run<f16>(64, 64, Precision.F16, HostData.ToF16, (a, b, bt, d) => HopperWgmmaKernels.F16N64K64Kernel.Launch(Grid(1), a, b, bt, d));

    /// <summary>K-major swizzle 32 bytes, N-major swizzle 128 bytes.</summary>
    [Fact]
    public void F16_N128_K16() =>
        Run<f16>(128, 16, Precision.F16, HostData.ToF16, (a, b, bt, d) => HopperWgmmaKernels.F16N128K16Kernel.Launch(Grid(1), a, b, bt, d));

    /// <summary>K-major swizzle 64 bytes, N-major swizzle 128 bytes.</summary>
    [Fact]
    public void F16_N256_K32() =>
        Run<f16>(256, 32, Precision.F16, HostData.ToF16, (a, b, bt, d) => HopperWgmmaKernels.F16N256K32Kernel.Launch(Grid(1), a, b, bt, d));

    /// <summary>K-major swizzle 64 bytes, N-major swizzle 32 bytes.</summary>
    [Fact]
    public void F16_N80_K96() =>
        Run<f16>(80, 96, Precision.F16, HostData.ToF16, (a, b, bt, d) => HopperWgmmaKernels.F16N80K96Kernel.Launch(Grid(1), a, b, bt, d));

    private const int M = 64, Slots = 8;

    private delegate void WgmmaLaunch<T>(DeviceTensor<T> a, DeviceTensor<T> b, DeviceTensor<T> bt, DeviceTensor<float> d)
        where T : unmanaged;

    private static void Run<T>(int n, int k, Precision precision, Func<float[], T[]> narrow, WgmmaLaunch<T> launch)
        where T : unmanaged
    {
        RequireGpu();
        RequireSm90a();
        var random = HostData.NewRandom(out int seed);
        float[] a = HostData.Uniform(random, M * k, -1, 1, precision);
        float[] b = HostData.Uniform(random, k * n, -1, 1, precision);

        using var ad = Upload(narrow(a), M, k);
        using var bd = Upload(narrow(b), k, n);
        using var btd = Upload(narrow(HostData.Transpose(b, k, n)), n, k);
        using var dd = Output<float>(1, Slots, M, n);
        launch(ad, bd, btd, dd);
        float[] got = DownloadFloat(dd);

        // Reference in double. The inputs are exact in the tensor cores, so the only error is the
        // fp32 accumulation, bounded relative to Σ|a·b| (twice that for the accumulated slots).
        var product = new double[M * n];
        var magnitude = new double[M * n];
        for (int i = 0; i < M; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0, abs = 0;
                for (int x = 0; x < k; x++)
                {
                    double p = (double)a[i * k + x] * b[x * n + j];
                    sum += p;
                    abs += Math.Abs(p);
                }
                product[i * n + j] = sum;
                magnitude[i * n + j] = abs;
            }

        // Odd slots accumulate onto the even slot's product: 2·A·B.
        int size = M * n;
        var expected = new double[Slots * size];
        for (int slot = 0; slot < Slots; slot++)
            for (int i = 0; i < size; i++)
                expected[slot * size + i] = (slot % 2 + 1) * product[i];

        Check.Close(got, expected, i => (i / size % 2 + 1) * 1e-4 * magnitude[i % size] + 1e-6,
            $"wgmma {precision} M={M} N={n} K={k}; slots 0 MmAB, 1 +MmaAB (A shared), 2 MmAB, 3 +MmaAB (A registers), " +
            $"4 MmABt, 5 +MmaABt (A shared), 6 MmABt, 7 +MmaABt (A registers) (seed {seed})",
            M, n);
    }
}
