using Kittens.Runtime;
using Kittens.Tests.GpuKernels;
using static Kittens.Tests.GpuTests.GpuTestHelpers;
using static Kittens.Tests.GpuTests.HopperTestSupport;

namespace Kittens.Tests.GpuTests;

/// <summary>
/// TMA loads and stores of every shared tile swizzle width (and of a shared vector): the tile TMA
/// writes into shared memory must read back through our swizzled layout as the tensor's tile
/// (zeros past the end of the tensor), and a TMA store must put it at another coordinate of a
/// second tensor, clipped at its end, leaving everything else untouched. See <see cref="HopperTmaKernels"/>.
/// </summary>
[Collection(GpuCollection.Name)]
public class HopperTmaTests
{
    [Fact]
    public void Bf16_64x64_Swizzle128() =>
        Run<bf16>(64, 64, Precision.Bf16, HostData.ToBf16, HostData.ToFloat,
            (s, o, t, b, d, r, c, b2, d2, r2, c2) => HopperTmaKernels.Bf16Tile64x64Kernel.Launch(Grid(1), s, o, t, b, d, r, c, b2, d2, r2, c2));

    [Fact]
    public void Bf16_64x32_Swizzle64() =>
        Run<bf16>(64, 32, Precision.Bf16, HostData.ToBf16, HostData.ToFloat,
            (s, o, t, b, d, r, c, b2, d2, r2, c2) => HopperTmaKernels.Bf16Tile64x32Kernel.Launch(Grid(1), s, o, t, b, d, r, c, b2, d2, r2, c2));

    [Fact]
    public void Bf16_64x16_Swizzle32() =>
        Run<bf16>(64, 16, Precision.Bf16, HostData.ToBf16, HostData.ToFloat,
            (s, o, t, b, d, r, c, b2, d2, r2, c2) => HopperTmaKernels.Bf16Tile64x16Kernel.Launch(Grid(1), s, o, t, b, d, r, c, b2, d2, r2, c2));

    [Fact]
    public void F16_64x32_Swizzle64() =>
        Run<f16>(64, 32, Precision.F16, HostData.ToF16, HostData.ToFloat,
            (s, o, t, b, d, r, c, b2, d2, r2, c2) => HopperTmaKernels.F16Tile64x32Kernel.Launch(Grid(1), s, o, t, b, d, r, c, b2, d2, r2, c2));

    [Fact]
    public void Float_64x32_Swizzle128() =>
        Run<float>(64, 32, Precision.F32, x => x, x => x,
            (s, o, t, b, d, r, c, b2, d2, r2, c2) => HopperTmaKernels.FloatTile64x32Kernel.Launch(Grid(1), s, o, t, b, d, r, c, b2, d2, r2, c2));

    [Fact]
    public void Float_64x16_Swizzle64() =>
        Run<float>(64, 16, Precision.F32, x => x, x => x,
            (s, o, t, b, d, r, c, b2, d2, r2, c2) => HopperTmaKernels.FloatTile64x16Kernel.Launch(Grid(1), s, o, t, b, d, r, c, b2, d2, r2, c2));

    [Fact]
    public void Bf16_128x64_Swizzle128() =>
        Run<bf16>(128, 64, Precision.Bf16, HostData.ToBf16, HostData.ToFloat,
            (s, o, t, b, d, r, c, b2, d2, r2, c2) => HopperTmaKernels.Bf16Tile128x64Kernel.Launch(Grid(1), s, o, t, b, d, r, c, b2, d2, r2, c2));

    /// <summary>A vector is a 1 x 64 "tile": r counts rows, c counts 64-column vectors.</summary>
    [Fact]
    public void FloatVector64() =>
        Run<float>(1, 64, Precision.F32, x => x, x => x,
            (s, o, t, b, d, r, c, b2, d2, r2, c2) => HopperTmaKernels.FloatVector64Kernel.Launch(Grid(1), s, o, t, b, d, r, c, b2, d2, r2, c2));

    private delegate void TmaLaunch<T>(DeviceTensor<T> src, DeviceTensor<T> seen, DeviceTensor<T> dst,
        int b, int d, int r, int c, int outB, int outD, int outR, int outC) where T : unmanaged;

    private readonly record struct Shape4(int Batch, int Depth, int Rows, int Cols)
    {
        public int Count => Batch * Depth * Rows * Cols;

        public override string ToString() => $"({Batch}, {Depth}, {Rows}, {Cols})";
    }

    private static void Run<T>(int tileRows, int tileCols, Precision precision, Func<float[], T[]> narrow, Func<T[], float[]> widen,
        TmaLaunch<T> launch) where T : unmanaged
    {
        RequireGpu();
        RequireSm90a();
        var random = HostData.NewRandom(out int seed);
        string what = $"TMA {typeof(T).Name} {tileRows}x{tileCols} (seed {seed})";
        int R = tileRows, C = tileCols;

        // Several tiles per dimension, non-zero batch / depth coordinates on both sides.
        RunCase(random, R, C, precision, narrow, widen, launch,
            new Shape4(2, 3, 3 * R, 3 * C), (1, 2, 1, 2), new Shape4(2, 2, 2 * R, 2 * C), (1, 0, 1, 1), what + ", in range");

        // The last tile sticks out of the tensor: its rows (a vector: its columns) past the end
        // load as zeros, and the store of it to a tensor of the same shape is clipped there.
        Shape4 ragged = R > 1
            ? new Shape4(1, 2, 2 * R + random.Next(1, R), 2 * C)
            : new Shape4(1, 2, 3, C + 4 * random.Next(1, C / 4));
        var storeAt = R > 1 ? (0, 0, 2, 0) : (0, 0, 1, 1);
        RunCase(random, R, C, precision, narrow, widen, launch,
            ragged, (0, 1, 2, 1), ragged, storeAt, what + $", partial last tile of {ragged}");
    }

    private static void RunCase<T>(Random random, int R, int C, Precision precision, Func<float[], T[]> narrow, Func<T[], float[]> widen,
        TmaLaunch<T> launch, Shape4 srcShape, (int B, int D, int R, int C) load, Shape4 dstShape, (int B, int D, int R, int C) store,
        string what) where T : unmanaged
    {
        float[] x = HostData.Uniform(random, srcShape.Count, -4, 4, precision);
        using var src = Upload(narrow(x), srcShape.Batch, srcShape.Depth, srcShape.Rows, srcShape.Cols);
        using var seen = Output<T>(R, C);
        using var dst = Output<T>(dstShape.Batch, dstShape.Depth, dstShape.Rows, dstShape.Cols);
        launch(src, seen, dst, load.B, load.D, load.R, load.C, store.B, store.D, store.R, store.C);

        // The tile TMA loaded: src where inside the tensor, zero past its end.
        var tile = new float[R * C];
        for (int i = 0; i < R; i++)
            for (int j = 0; j < C; j++)
            {
                int row = load.R * R + i, col = load.C * C + j;
                tile[i * C + j] = row < srcShape.Rows && col < srcShape.Cols
                    ? x[Offset(srcShape.Depth, srcShape.Rows, srcShape.Cols, load.B, load.D, row, col)]
                    : 0f;
            }
        Check.Equal(widen(Download(seen)), tile, $"{what}: tile {load} read from shared memory", R, C);

        // dst: the tile at its store coordinate (clipped at the end of dst), poison elsewhere.
        var expected = HostData.Constant(dstShape.Count, double.NaN);
        for (int i = 0; i < R; i++)
            for (int j = 0; j < C; j++)
            {
                int row = store.R * R + i, col = store.C * C + j;
                if (row < dstShape.Rows && col < dstShape.Cols)
                    expected[Offset(dstShape.Depth, dstShape.Rows, dstShape.Cols, store.B, store.D, row, col)] = tile[i * C + j];
            }
        T[] raw = Download(dst);
        ExactOrUntouched(raw, widen(raw), expected, $"{what}: TMA store of the tile to {store} of dst {dstShape}", dstShape.Rows, dstShape.Cols);
    }
}
