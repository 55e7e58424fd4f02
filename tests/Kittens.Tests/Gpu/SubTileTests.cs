using Kittens.Tests.GpuKernels;
using static Kittens.Tests.GpuTests.GpuTestHelpers;
using static Kittens.Tests.GpuTests.HopperTestSupport;

namespace Kittens.Tests.GpuTests;

/// <summary>
/// Bands of shared tiles through warp loads and stores and through wgmma, and arrays of shared
/// tiles, register tiles and semaphores passed to device functions. See <see cref="SubTileKernels"/>.
/// </summary>
[Collection(GpuCollection.Name)]
public class SubTileTests
{
    [Fact]
    public void WarpLoadsAndStores_ThroughRowBandsAndSubTiles()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        float[] a = HostData.Uniform(random, 64 * 128, -4, 4, Precision.Bf16);
        using var ad = Upload(HostData.ToBf16(a), 64, 128);
        using var rows = Output<float>(64, 128);
        using var cols = Output<float>(64, 64);
        using var stored = Output<bf16>(64, 128);

        SubTileKernels.WarpBandsKernel.Launch(Grid(1), ad, rows, cols, stored);

        Check.Equal(DownloadFloat(rows), a, $"rows: warp w loads row band w (seed {seed})", 64, 128);
        var right = new float[64 * 64];
        for (int r = 0; r < 64; r++)
            for (int c = 0; c < 64; c++) right[r * 64 + c] = a[r * 128 + 64 + c];
        Check.Equal(DownloadFloat(cols), right, $"cols: warp w loads sub-tile (w, 1) into a column-layout tile (seed {seed})", 64, 64);
        var reversed = new float[64 * 128];
        for (int r = 0; r < 64; r++)
            for (int c = 0; c < 128; c++) reversed[r * 128 + c] = 2 * a[(16 * (3 - r / 16) + r % 16) * 128 + c];
        Check.Equal(DownloadFloat(stored), reversed, $"stored: warp w stores 2x its band into band 3 - w (seed {seed})", 64, 128);
    }

    [Fact]
    public void Wgmma_TakesRowAndColumnBandsAsAAndB()
    {
        RequireGpu();
        RequireSm90a();
        var random = HostData.NewRandom(out int seed);
        float[] x = HostData.Uniform(random, 128 * 64, -1, 1, Precision.Bf16);
        float[] y = HostData.Uniform(random, 64 * 128, -1, 1, Precision.Bf16);
        using var xd = Upload(HostData.ToBf16(x), 128, 64);
        using var yd = Upload(HostData.ToBf16(y), 64, 128);
        using var d = Output<float>(1, 5, 64, 64);
        using var o = Output<float>(128, 64);

        SubTileKernels.WgmmaBandsKernel.Launch(Grid(1), xd, yd, d, o);

        // Views of the inputs as (row, col) -> value, in the orientation each product reads them.
        double X(int r, int c) => x[r * 64 + c];
        double Y(int r, int c) => y[r * 128 + c];
        var products = new (string What, Func<int, int, double> A, Func<int, int, double> B)[]
        {
            ("X[64:128, :] . Y[:, 64:128]", (i, k) => X(64 + i, k), (k, j) => Y(k, 64 + j)),
            ("Y[:, 0:64] . X[64:128, :]", (i, k) => Y(i, k), (k, j) => X(64 + k, j)),
            ("Y[:, 64:128] . X[0:64, :]^T", (i, k) => Y(i, 64 + k), (k, j) => X(j, k)),
            ("X[0:64, :] . Y[:, 64:128], A in registers", (i, k) => X(i, k), (k, j) => Y(k, 64 + j)),
            ("Y[:, 64:128] . X[64:128, :] by Sub", (i, k) => Y(i, 64 + k), (k, j) => X(64 + k, j)),
        };
        var expected = new double[5 * 64 * 64];
        var magnitude = new double[5 * 64 * 64];
        for (int s = 0; s < products.Length; s++)
            for (int i = 0; i < 64; i++)
                for (int j = 0; j < 64; j++)
                {
                    double sum = 0, abs = 0;
                    for (int k = 0; k < 64; k++)
                    {
                        double p = products[s].A(i, k) * products[s].B(k, j);
                        sum += p;
                        abs += Math.Abs(p);
                    }
                    expected[(s * 64 + i) * 64 + j] = sum;
                    magnitude[(s * 64 + i) * 64 + j] = abs;
                }
        Check.Close(DownloadFloat(d), expected, i => 1e-4 * magnitude[i] + 1e-6,
            "wgmma with bands; slots: " + string.Join("; ", products.Select((p, s) => s + " " + p.What)) + $" (seed {seed})", 64, 64);

        // o: zeros in rows 0..63, slot 4's product in rows 64..127 (warpgroup stores into row bands).
        var tile = new double[128 * 64];
        Array.Copy(expected, 4 * 64 * 64, tile, 64 * 64, 64 * 64);
        var tileMagnitude = new double[128 * 64];
        Array.Copy(magnitude, 4 * 64 * 64, tileMagnitude, 64 * 64, 64 * 64);
        Check.Close(DownloadFloat(o), tile, i => 1e-4 * tileMagnitude[i] + 1e-6,
            $"warpgroup stores into the row bands of a float tile (seed {seed})", 128, 64);
    }

    [Fact]
    public void DeviceFunctions_TakeArraysOfSharedTilesRegisterTilesAndSemaphores()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        float[] x = HostData.Uniform(random, 3 * 16 * 32, -8, 8);
        using var xd = Upload(x, 1, 3, 16, 32);
        using var y = Output<float>(16, 32);

        SubTileKernels.TileArraysKernel.Launch(Grid(1), xd, y);

        var sum = new double[16 * 32];
        for (int i = 0; i < sum.Length; i++) sum[i] = (double)x[i] + x[512 + i] + x[1024 + i];
        // fp32 adds in order (x0 + x1) + x2: within two roundings of the exact sum.
        Check.Close(DownloadFloat(y), sum, i => 2 * 6e-8 * (Math.Abs(x[i]) + Math.Abs(x[512 + i]) + Math.Abs(x[1024 + i])) + 1e-30,
            $"y = x0 + x1 + x2 through tile arrays (seed {seed})", 16, 32);
    }
}
