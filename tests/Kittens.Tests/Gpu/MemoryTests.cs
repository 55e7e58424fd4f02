using Kittens.Tests.GpuKernels;
using static Kittens.Tests.GpuTests.GpuTestHelpers;

namespace Kittens.Tests.GpuTests;

/// <summary>Data movement between global, shared and register memory: every copy must be exact.</summary>
[Collection(GpuCollection.Name)]
public class MemoryTests
{
    [Fact]
    public void RegisterTilesOfBf16RoundTripInBothLayoutsAndWiden()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int B = 2, D = 3, R = 64, C = 128;
        float[] x = HostData.Uniform(random, B * D * R * C, -4, 4, Precision.Bf16);

        using var xd = Upload(HostData.ToBf16(x), B, D, R, C);
        using var viaRow = Output<bf16>(B, D, R, C);
        using var viaCol = Output<bf16>(B, D, R, C);
        using var widenedRow = Output<float>(B, D, R, C);
        using var widenedCol = Output<float>(B, D, R, C);
        MemoryKernels.RegisterBf16Kernel.Launch(Grid(1), xd, viaRow, viaCol, widenedRow, widenedCol);

        string what = $"RegisterBf16 (seed {seed})";
        Check.Equal(DownloadFloat(viaRow), x, what + " via row tile", R, C);
        Check.Equal(DownloadFloat(viaCol), x, what + " via column tile", R, C);
        Check.Equal(DownloadFloat(widenedRow), x, what + " loaded into float", R, C);
        Check.Equal(DownloadFloat(widenedCol), x, what + " stored as float", R, C);
    }

    [Fact]
    public void RegisterTilesOfF16RoundTripWidenAndNarrowToBf16()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int R = 64, C = 64;
        float[] x = HostData.Uniform(random, R * C, -4, 4, Precision.F16);

        using var xd = Upload(HostData.ToF16(x), R, C);
        using var output = Output<f16>(1, 2, R, C);
        using var widened = Output<float>(R, C);
        using var toBf16 = Output<bf16>(R, C);
        MemoryKernels.RegisterF16Kernel.Launch(Grid(1), xd, output, widened, toBf16);

        string what = $"RegisterF16 (seed {seed})";
        Check.Equal(DownloadFloat(output), HostData.Repeat(x, 2), what + " via row / column tile", R, C);
        Check.Equal(DownloadFloat(widened), x, what + " loaded into float", R, C);
        Check.Equal(DownloadFloat(toBf16), HostData.Round(x, Precision.Bf16), what + " stored as bf16", R, C);
    }

    [Fact]
    public void RegisterTilesOfFloatRoundTripAndNarrowOnLoadAndStore()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int B = 2, R = 32, C = 96;
        float[] x = HostData.Uniform(random, B * R * C, -4, 4);

        using var xd = Upload(x, B, 1, R, C);
        using var same = Output<float>(B, 2, R, C);
        using var narrowBf16 = Output<bf16>(B, 2, R, C);
        using var narrowF16 = Output<f16>(B, 2, R, C);
        MemoryKernels.RegisterFloatKernel.Launch(Grid(1), xd, same, narrowBf16, narrowF16);

        // Output (b, d, r, c) holds x (b, 0, r, c) for both d.
        float[] Twice(float[] v)
        {
            var result = new float[2 * v.Length];
            for (int b = 0; b < B; b++)
                for (int d = 0; d < 2; d++)
                    Array.Copy(v, b * R * C, result, (b * 2 + d) * R * C, R * C);
            return result;
        }
        string what = $"RegisterFloat (seed {seed})";
        Check.Equal(DownloadFloat(same), Twice(x), what + " via row / column tile", R, C);
        Check.Equal(DownloadFloat(narrowBf16), Twice(HostData.Round(x, Precision.Bf16)), what + " narrowed to bf16", R, C);
        Check.Equal(DownloadFloat(narrowF16), Twice(HostData.Round(x, Precision.F16)), what + " narrowed to f16", R, C);
    }

    [Fact]
    public void SharedTilesOfBf16AtEverySwizzleWidthKeepEveryPathExact()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int R = 96, C = 128;
        float[] x = HostData.Uniform(random, R * C, -4, 4, Precision.Bf16);

        using var xd = Upload(HostData.ToBf16(x), R, C);
        using var wide = Output<bf16>(1, 5, R, C);
        using var middle = Output<bf16>(1, 5, R, C);
        using var narrow = Output<bf16>(1, 5, R, C);
        MemoryKernels.SharedBf16Kernel.Launch(Grid(1), xd, wide, middle, narrow);

        // Slots: 0 g→s→g, 1 g→s→row reg (ldmatrix), 2 g→s→col reg (ldmatrix.trans), 3 g→row reg→s→g, 4 g→col reg→s→g.
        string what = $"SharedBf16 (seed {seed})";
        Check.Equal(DownloadFloat(wide), HostData.Repeat(x, 5), what + " 32x128 tiles (128-byte swizzle)", R, C);
        Check.Equal(DownloadFloat(middle), HostData.Repeat(x, 5), what + " 48x32 tiles (64-byte swizzle)", R, C);
        Check.Equal(DownloadFloat(narrow), HostData.Repeat(x, 5), what + " 16x16 tiles (32-byte swizzle)", R, C);
    }

    [Fact]
    public void SharedTilesOfF16WithSeveralSwizzleChunksKeepEveryPathExact()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int R = 64, C = 96;
        float[] x = HostData.Uniform(random, R * C, -4, 4, Precision.F16);

        using var xd = Upload(HostData.ToF16(x), R, C);
        using var chunks32 = Output<f16>(1, 5, R, C);
        using var chunks64 = Output<f16>(1, 5, R, C);
        MemoryKernels.SharedF16Kernel.Launch(Grid(1), xd, chunks32, chunks64);

        string what = $"SharedF16 (seed {seed})";
        Check.Equal(DownloadFloat(chunks32), HostData.Repeat(x, 5), what + " 64x48 tiles (32-byte swizzle, 3 chunks)", R, C);
        Check.Equal(DownloadFloat(chunks64), HostData.Repeat(x, 5), what + " 32x96 tiles (64-byte swizzle, 3 chunks)", R, C);
    }

    [Fact]
    public void SharedTilesOfFloatKeepEveryPathExact()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int R = 64, C = 96;
        float[] x = HostData.Uniform(random, R * C, -4, 4);

        using var xd = Upload(x, R, C);
        using var square = Output<float>(1, 5, R, C);
        using var flat = Output<float>(1, 5, R, C);
        using var tall = Output<float>(1, 5, R, C);
        MemoryKernels.SharedFloatKernel.Launch(Grid(1), xd, square, flat, tall);

        string what = $"SharedFloat (seed {seed})";
        Check.Equal(DownloadFloat(square), HostData.Repeat(x, 5), what + " 32x32 tiles (128-byte swizzle)", R, C);
        Check.Equal(DownloadFloat(flat), HostData.Repeat(x, 5), what + " 16x96 tiles (128-byte swizzle, 3 chunks)", R, C);
        Check.Equal(DownloadFloat(tall), HostData.Repeat(x, 5), what + " 64x16 tiles (64-byte swizzle)", R, C);
    }

    [Fact]
    public void SharedAndRegisterTilesConvertDtypesBothWays()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int R = 32, C = 64;
        float[] xb = HostData.Uniform(random, R * C, -4, 4, Precision.Bf16);
        float[] xf = HostData.Uniform(random, R * C, -4, 4);

        using var xbd = Upload(HostData.ToBf16(xb), R, C);
        using var xfd = Upload(xf, R, C);
        using var widened = Output<float>(1, 4, R, C);
        using var narrowed = Output<bf16>(1, 4, R, C);
        MemoryKernels.SharedConvertKernel.Launch(Grid(1), xbd, xfd, widened, narrowed);

        string what = $"SharedConvert (seed {seed})";
        Check.Equal(DownloadFloat(widened), HostData.Repeat(xb, 4), what + " bf16 → float", R, C);
        Check.Equal(DownloadFloat(narrowed), HostData.Repeat(HostData.Round(xf, Precision.Bf16), 4), what + " float → bf16", R, C);
    }

    [Fact]
    public void FloatVectorsMoveExactlyThroughRegistersAndShared()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int R = 3, C = 128;
        float[] x = HostData.Uniform(random, R * C, -4, 4);

        using var xd = Upload(x, R, C);
        using var output = Output<float>(1, 7, R, C);
        MemoryKernels.VectorFloatKernel.Launch(Grid(1), xd, output);

        // Slots: 0 ortho reg, 1 align reg, 2 shared, 3 shared→ortho, 4 shared→align, 5 ortho→shared, 6 align→shared.
        Check.Equal(DownloadFloat(output), HostData.Repeat(x, 7), $"VectorFloat (seed {seed})", R, C);
    }

    [Fact]
    public void Bf16VectorsMoveExactlyAndConvert()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int R = 2, C = 96;
        float[] x = HostData.Uniform(random, R * C, -4, 4, Precision.Bf16);
        float[] xf = HostData.Uniform(random, R * C, -4, 4);

        using var xd = Upload(HostData.ToBf16(x), R, C);
        using var xfd = Upload(xf, R, C);
        using var output = Output<bf16>(1, 7, R, C);
        using var widened = Output<float>(1, 3, R, C);
        using var narrowed = Output<bf16>(1, 2, R, C);
        MemoryKernels.VectorBf16Kernel.Launch(Grid(1), xd, xfd, output, widened, narrowed);

        string what = $"VectorBf16 (seed {seed})";
        Check.Equal(DownloadFloat(output), HostData.Repeat(x, 7), what + " paths", R, C);
        Check.Equal(DownloadFloat(widened), HostData.Repeat(x, 3), what + " widened to float", R, C);
        Check.Equal(DownloadFloat(narrowed), HostData.Repeat(HostData.Round(xf, Precision.Bf16), 2), what + " narrowed from float", R, C);
    }

    [Fact]
    public void WarpsOfABlockExchangeTilesThroughSharedMemory()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int B = 2, D = 3, R = 128, C = 192;
        int sourceDepth = random.Next(D);
        float scale = new[] { 0.5f, 2f, -1f, 4f }[random.Next(4)];
        float[] x = HostData.Uniform(random, B * D * R * C, -4, 4, Precision.Bf16);

        using var xd = Upload(HostData.ToBf16(x), B, D, R, C);
        using var y = Output<bf16>(B, 1, R, C);
        MemoryKernels.BlockExchangeKernel.Launch(Grid(C / 64, R / 64, B), xd, y, sourceDepth, scale);

        var expected = new float[B * R * C];
        for (int b = 0; b < B; b++)
            for (int i = 0; i < R * C; i++)
                expected[b * R * C + i] = x[(b * D + sourceDepth) * R * C + i] * scale; // power of two: exact in bf16
        Check.Equal(DownloadFloat(y), expected, $"BlockExchange depth {sourceDepth} scale {scale} (seed {seed})", R, C);
    }
}
