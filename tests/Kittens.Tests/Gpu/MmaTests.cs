using Kittens.Runtime;
using Kittens.Tests.GpuKernels;
using static Kittens.Tests.GpuTests.GpuTestHelpers;

namespace Kittens.Tests.GpuTests;

/// <summary>
/// The four mma forms (A·B, A·Bᵀ, Aᵀ·B, Aᵀ·Bᵀ) for bf16 and f16 inputs at several shapes, plus B
/// through SwapLayout and A, B through shared memory. See <see cref="MmaKernels"/> for the slots.
/// </summary>
[Collection(GpuCollection.Name)]
public class MmaTests
{
    [Fact]
    public void Bf16_M16_N16_K16() =>
        Run<bf16>(16, 16, 16, Precision.Bf16, HostData.ToBf16,
            (a, at, b, bt, c, d) => MmaKernels.Bf16M16N16K16Kernel.Launch(Grid(1), a, at, b, bt, c, d));

    [Fact]
    public void Bf16_M32_N64_K32() =>
        Run<bf16>(32, 64, 32, Precision.Bf16, HostData.ToBf16,
            (a, at, b, bt, c, d) => MmaKernels.Bf16M32N64K32Kernel.Launch(Grid(1), a, at, b, bt, c, d));

    [Fact]
    public void Bf16_M64_N32_K48() =>
        Run<bf16>(64, 32, 48, Precision.Bf16, HostData.ToBf16,
            (a, at, b, bt, c, d) => MmaKernels.Bf16M64N32K48Kernel.Launch(Grid(1), a, at, b, bt, c, d));

    [Fact]
    public void F16_M16_N16_K16() =>
        Run<f16>(16, 16, 16, Precision.F16, HostData.ToF16,
            (a, at, b, bt, c, d) => MmaKernels.F16M16N16K16Kernel.Launch(Grid(1), a, at, b, bt, c, d));

    [Fact]
    public void F16_M32_N64_K32() =>
        Run<f16>(32, 64, 32, Precision.F16, HostData.ToF16,
            (a, at, b, bt, c, d) => MmaKernels.F16M32N64K32Kernel.Launch(Grid(1), a, at, b, bt, c, d));

    private delegate void MmaLaunch<T>(DeviceTensor<T> a, DeviceTensor<T> at, DeviceTensor<T> b, DeviceTensor<T> bt,
        DeviceTensor<float> c, DeviceTensor<float> d) where T : unmanaged;

    private static void Run<T>(int m, int n, int k, Precision precision, Func<float[], T[]> narrow, MmaLaunch<T> launch)
        where T : unmanaged
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        float[] a = HostData.Uniform(random, m * k, -1, 1, precision);
        float[] b = HostData.Uniform(random, k * n, -1, 1, precision);
        float[] c = HostData.Uniform(random, m * n, -1, 1);

        using var ad = Upload(narrow(a), m, k);
        using var atd = Upload(narrow(HostData.Transpose(a, m, k)), k, m);
        using var bd = Upload(narrow(b), k, n);
        using var btd = Upload(narrow(HostData.Transpose(b, k, n)), n, k);
        using var cd = Upload(c, m, n);
        using var dd = Output<float>(1, 6, m, n);
        launch(ad, atd, bd, btd, cd, dd);
        float[] got = DownloadFloat(dd);

        // Reference in double; the inputs are exact in the tensor cores, so the only error is the
        // fp32 accumulation, bounded relative to Σ|a·b| + |c|.
        var product = new double[m * n];
        var magnitude = new double[m * n];
        for (int i = 0; i < m; i++)
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
                magnitude[i * n + j] = abs + Math.Abs(c[i * n + j]);
            }

        int size = m * n;
        var expected = new double[6 * size];
        for (int slot = 0; slot < 6; slot++)
            for (int i = 0; i < size; i++)
                expected[slot * size + i] = product[i] + (slot == 4 ? 0 : c[i]);

        Check.Close(got, expected, i => 1e-4 * magnitude[i % size] + 1e-6,
            $"mma {precision} M={m} N={n} K={k}; slots 0 AB, 1 ABt, 2 AtB, 3 AtBt, 4 AB via SwapLayout, 5 AB from shared (seed {seed})",
            m, n);
    }
}
