using Kittens;

namespace Kittens.Tests.GpuKernels;

/// <summary>
/// Test kernels for data movement: global ↔ register (both layouts, all dtypes, with conversion),
/// global ↔ shared ↔ register (every swizzle width, ldmatrix for 16-bit types), vectors, and a
/// multi-warp block that exchanges tiles through shared memory. Unless a comment says otherwise,
/// every output must equal its input (after the stated dtype rounding).
/// Outputs with several "slots" keep one result per depth index: slot s is output[0, s, :, :].
/// </summary>
public static partial class MemoryKernels
{
    /// <summary>
    /// x: (B, D, 64, 128) bf16, moved in 32x64 tiles over every (b, d, r, c) tile coordinate.
    /// viaRow / viaCol: x through a row / column-layout bf16 tile (bit-exact).
    /// widenedRow / widenedCol: (B, D, 64, 128) float = float(x); widenedRow loads bf16 into a float
    /// row tile (conversion on load), widenedCol stores the bf16 column tile into float (conversion on store).
    /// </summary>
    [Kernel(Threads = 32)]
    public static void RegisterBf16(GL<bf16> x, GL<bf16> viaRow, GL<bf16> viaCol, GL<float> widenedRow, GL<float> widenedCol)
    {
        var row = new RT<bf16, D32, D64, Row>();
        var col = new RT<bf16, D32, D64, Col>();
        var rowF = new RT<float, D32, D64, Row>();
        int tileRows = x.Rows / 32;
        int tileCols = x.Cols / 64;
        for (int b = 0; b < x.Batch; b++)
        {
            for (int d = 0; d < x.Depth; d++)
            {
                for (int r = 0; r < tileRows; r++)
                {
                    for (int c = 0; c < tileCols; c++)
                    {
                        var at = new Coord(b, d, r, c);
                        Warp.Load(row, x, at);
                        Warp.Store(viaRow, row, at);
                        Warp.Load(col, x, at);
                        Warp.Store(viaCol, col, at);
                        Warp.Load(rowF, x, at);
                        Warp.Store(widenedRow, rowF, at);
                        Warp.Store(widenedCol, col, at);
                    }
                }
            }
        }
    }

    /// <summary>
    /// x: (1, 1, 64, 64) f16 in 64x16 tiles (four fragments high, one wide).
    /// out: (1, 2, 64, 64) f16: slot 0 via a row tile, slot 1 via a column tile.
    /// widened: (1, 1, 64, 64) float = float(x). toBf16: (1, 1, 64, 64) bf16 = bf16(x) (half column tile stored as bf16).
    /// </summary>
    [Kernel(Threads = 32)]
    public static void RegisterF16(GL<f16> x, GL<f16> output, GL<float> widened, GL<bf16> toBf16)
    {
        var row = new RT<f16, D64, D16, Row>();
        var col = new RT<f16, D64, D16, Col>();
        var rowF = new RT<float, D64, D16, Row>();
        for (int c = 0; c < 4; c++)
        {
            Warp.Load(row, x, new Coord(0, c));
            Warp.Store(output, row, new Coord(0, 0, 0, c));
            Warp.Load(col, x, new Coord(0, c));
            Warp.Store(output, col, new Coord(0, 1, 0, c));
            Warp.Load(rowF, x, new Coord(0, c));
            Warp.Store(widened, rowF, new Coord(0, c));
            Warp.Store(toBf16, col, new Coord(0, c));
        }
    }

    /// <summary>
    /// x: (2, 1, 32, 96) float in 16x32 tiles.
    /// same: (2, 2, 32, 96) float: depth 0 via a row tile, depth 1 via a column tile (bit-exact).
    /// narrowBf16: (2, 2, 32, 96) bf16 = bf16(x): depth 0 float row tile stored to bf16, depth 1 loaded into a bf16 row tile.
    /// narrowF16: (2, 2, 32, 96) f16 = f16(x): depth 0 float column tile stored to f16, depth 1 loaded into an f16 column tile.
    /// </summary>
    [Kernel(Threads = 32)]
    public static void RegisterFloat(GL<float> x, GL<float> same, GL<bf16> narrowBf16, GL<f16> narrowF16)
    {
        var row = new RT<float, D16, D32, Row>();
        var col = new RT<float, D16, D32, Col>();
        var rowB = new RT<bf16, D16, D32, Row>();
        var colH = new RT<f16, D16, D32, Col>();
        for (int b = 0; b < 2; b++)
        {
            for (int r = 0; r < 2; r++)
            {
                for (int c = 0; c < 3; c++)
                {
                    Warp.Load(row, x, new Coord(b, 0, r, c));
                    Warp.Store(same, row, new Coord(b, 0, r, c));
                    Warp.Store(narrowBf16, row, new Coord(b, 0, r, c));
                    Warp.Load(col, x, new Coord(b, 0, r, c));
                    Warp.Store(same, col, new Coord(b, 1, r, c));
                    Warp.Store(narrowF16, col, new Coord(b, 0, r, c));
                    Warp.Load(rowB, x, new Coord(b, 0, r, c));
                    Warp.Store(narrowBf16, rowB, new Coord(b, 1, r, c));
                    Warp.Load(colH, x, new Coord(b, 0, r, c));
                    Warp.Store(narrowF16, colH, new Coord(b, 1, r, c));
                }
            }
        }
    }

    /// <summary>
    /// x: (1, 1, 96, 128) bf16, copied through three shared tile shapes, one per swizzle width:
    /// 32x128 (128-byte swizzle, two chunks), 48x32 (64-byte), 16x16 (32-byte).
    /// Each output is (1, 5, 96, 128) bf16 with the five paths of <see cref="SharedPaths"/>, all
    /// bit-equal to x.
    /// </summary>
    [Kernel(Threads = 32)]
    public static void SharedBf16(GL<bf16> x, GL<bf16> wide, GL<bf16> middle, GL<bf16> narrow)
    {
        var s128 = Shared.Alloc<ST<bf16, D32, D128>>();
        var s64 = Shared.Alloc<ST<bf16, D48, D32>>();
        var s32 = Shared.Alloc<ST<bf16, D16, D16>>();
        SharedPaths(x, wide, s128);
        SharedPaths(x, middle, s64);
        SharedPaths(x, narrow, s32);
    }

    /// <summary>
    /// x: (1, 1, 64, 96) f16 through shared tiles with three swizzle chunks each:
    /// 64x48 (32-byte swizzle) and 32x96 (64-byte swizzle). Outputs (1, 5, 64, 96) f16, the five
    /// paths of <see cref="SharedPaths"/>, all bit-equal to x.
    /// </summary>
    [Kernel(Threads = 32)]
    public static void SharedF16(GL<f16> x, GL<f16> chunks32, GL<f16> chunks64)
    {
        var sA = Shared.Alloc<ST<f16, D64, D48>>();
        var sB = Shared.Alloc<ST<f16, D32, D96>>();
        SharedPaths(x, chunks32, sA);
        SharedPaths(x, chunks64, sB);
    }

    /// <summary>
    /// x: (1, 1, 64, 96) float through shared tiles 32x32 (128-byte swizzle, one chunk),
    /// 16x96 (128-byte swizzle, three chunks) and 64x16 (64-byte swizzle). Outputs (1, 5, 64, 96)
    /// float, the five paths of <see cref="SharedPaths"/>, all bit-equal to x.
    /// </summary>
    [Kernel(Threads = 32)]
    public static void SharedFloat(GL<float> x, GL<float> square, GL<float> flat, GL<float> tall)
    {
        var sA = Shared.Alloc<ST<float, D32, D32>>();
        var sB = Shared.Alloc<ST<float, D16, D96>>();
        var sC = Shared.Alloc<ST<float, D64, D16>>();
        SharedPaths(x, square, sA);
        SharedPaths(x, flat, sB);
        SharedPaths(x, tall, sC);
    }

    /// <summary>
    /// Copies every R x C tile (r, c) of x (1, 1, rows, cols) through the shared tile
    /// <paramref name="s"/> along five paths, path p to output[0, p]:
    /// 0 global→shared→global; 1 global→shared→row register (ldmatrix for 16-bit types)→global;
    /// 2 global→shared→column register (ldmatrix.trans)→global; 3 global→row register→shared→global;
    /// 4 global→column register→shared→global.
    /// </summary>
    [DeviceFunction]
    private static void SharedPaths<T, R, C>(GL<T> x, GL<T> output, ST<T, R, C> s)
        where T : unmanaged where R : struct, IDim where C : struct, IDim
    {
        var row = new RT<T, R, C, Row>();
        var col = new RT<T, R, C, Col>();
        for (int r = 0; r < x.Rows / Dims.Of<R>(); r++)
        {
            for (int c = 0; c < x.Cols / Dims.Of<C>(); c++)
            {
                Warp.Load(s, x, new Coord(r, c));
                Gpu.SyncThreads();
                Warp.Store(output, s, new Coord(0, 0, r, c));
                Warp.Load(row, s);
                Warp.Store(output, row, new Coord(0, 1, r, c));
                Warp.Load(col, s);
                Warp.Store(output, col, new Coord(0, 2, r, c));
                Gpu.SyncThreads();

                Warp.Load(row, x, new Coord(r, c));
                Warp.Store(s, row);
                Gpu.SyncThreads();
                Warp.Store(output, s, new Coord(0, 3, r, c));
                Gpu.SyncThreads();

                Warp.Load(col, x, new Coord(r, c));
                Warp.Store(s, col);
                Gpu.SyncThreads();
                Warp.Store(output, s, new Coord(0, 4, r, c));
                Gpu.SyncThreads();
            }
        }
    }

    /// <summary>
    /// Shared ↔ register with dtype conversion, 32x64 tiles. xb: (1, 1, 32, 64) bf16, xf: (1, 1, 32, 64) float.
    /// widened: (1, 4, 32, 64) float: 0/1 = xb → shared bf16 → float row/column register → global;
    /// 2/3 = xb → bf16 row/column register → shared float → global. All = float(xb).
    /// narrowed: (1, 4, 32, 64) bf16: 0/1 = xf → float row/column register → shared bf16 → global;
    /// 2/3 = xf → shared float → bf16 row/column register → global. All = bf16(xf).
    /// </summary>
    [Kernel(Threads = 32)]
    public static void SharedConvert(GL<bf16> xb, GL<float> xf, GL<float> widened, GL<bf16> narrowed)
    {
        var sb = Shared.Alloc<ST<bf16, D32, D64>>();
        var sf = Shared.Alloc<ST<float, D32, D64>>();
        var rowF = new RT<float, D32, D64, Row>();
        var colF = new RT<float, D32, D64, Col>();
        var rowB = new RT<bf16, D32, D64, Row>();
        var colB = new RT<bf16, D32, D64, Col>();

        Warp.Load(sb, xb, new Coord(0, 0));
        Warp.Load(sf, xf, new Coord(0, 0));
        Gpu.SyncThreads();
        Warp.Load(rowF, sb);
        Warp.Store(widened, rowF, new Coord(0, 0, 0, 0));
        Warp.Load(colF, sb);
        Warp.Store(widened, colF, new Coord(0, 1, 0, 0));
        Warp.Load(rowB, sf);
        Warp.Store(narrowed, rowB, new Coord(0, 2, 0, 0));
        Warp.Load(colB, sf);
        Warp.Store(narrowed, colB, new Coord(0, 3, 0, 0));
        Gpu.SyncThreads();

        Warp.Load(rowF, xf, new Coord(0, 0));
        Warp.Store(sb, rowF);
        Gpu.SyncThreads();
        Warp.Store(narrowed, sb, new Coord(0, 0, 0, 0));
        Gpu.SyncThreads();
        Warp.Load(colF, xf, new Coord(0, 0));
        Warp.Store(sb, colF);
        Gpu.SyncThreads();
        Warp.Store(narrowed, sb, new Coord(0, 1, 0, 0));
        Gpu.SyncThreads();

        Warp.Load(rowB, xb, new Coord(0, 0));
        Warp.Store(sf, rowB);
        Gpu.SyncThreads();
        Warp.Store(widened, sf, new Coord(0, 2, 0, 0));
        Gpu.SyncThreads();
        Warp.Load(colB, xb, new Coord(0, 0));
        Warp.Store(sf, colB);
        Gpu.SyncThreads();
        Warp.Store(widened, sf, new Coord(0, 3, 0, 0));
    }

    /// <summary>
    /// Vectors of 64 floats. x: (1, 1, 3, 128): row r holds two vectors (vector coordinate c = 0, 1).
    /// output: (1, 7, 3, 128) float, the seven paths of <see cref="VectorPaths"/>, all bit-equal to x.
    /// </summary>
    [Kernel(Threads = 32)]
    public static void VectorFloat(GL<float> x, GL<float> output)
    {
        var sv = Shared.Alloc<SV<float, D64>>();
        VectorPaths(x, output, sv);
    }

    /// <summary>
    /// Vectors of 48 (three 16-element chunks). x: (1, 1, 2, 96) bf16, xf: (1, 1, 2, 96) float.
    /// output: (1, 7, 2, 96) bf16, the seven paths of <see cref="VectorPaths"/>, bit-equal to x.
    /// widened: (1, 3, 2, 96) float = float(x): 0 bf16 global→float ortho register; 1 bf16 align
    /// register→float global; 2 shared bf16→float ortho register.
    /// narrowed: (1, 2, 2, 96) bf16 = bf16(xf): 0 float global→bf16 ortho register; 1 float align register→bf16 global.
    /// </summary>
    [Kernel(Threads = 32)]
    public static void VectorBf16(GL<bf16> x, GL<float> xf, GL<bf16> output, GL<float> widened, GL<bf16> narrowed)
    {
        var sv = Shared.Alloc<SV<bf16, D48>>();
        VectorPaths(x, output, sv);

        var ortho = new RV<bf16, D48, Ortho>();
        var align = new RV<bf16, D48, Align>();
        var orthoF = new RV<float, D48, Ortho>();
        var alignF = new RV<float, D48, Align>();
        for (int r = 0; r < 2; r++)
        {
            for (int c = 0; c < 2; c++)
            {
                var at = new Coord(0, 0, r, c);
                Warp.Load(orthoF, x, at);
                Warp.Store(widened, orthoF, new Coord(0, 0, r, c));
                Warp.Load(align, x, at);
                Warp.Store(widened, align, new Coord(0, 1, r, c));

                Warp.Load(sv, x, at);
                Gpu.SyncThreads();
                Warp.Load(orthoF, sv);
                Warp.Store(widened, orthoF, new Coord(0, 2, r, c));
                Gpu.SyncThreads();

                Warp.Load(ortho, xf, at);
                Warp.Store(narrowed, ortho, new Coord(0, 0, r, c));
                Warp.Load(alignF, xf, at);
                Warp.Store(narrowed, alignF, new Coord(0, 1, r, c));
            }
        }
    }

    /// <summary>
    /// Moves every N-element vector (r, c) of x (1, 1, rows, cols) along seven paths, path p to
    /// output[0, p]: 0 global→ortho register→global; 1 global→align register→global;
    /// 2 global→shared→global; 3 global→shared→ortho register→global;
    /// 4 global→shared→align register→global; 5 global→ortho register→shared→global;
    /// 6 global→align register→shared→global.
    /// </summary>
    [DeviceFunction]
    private static void VectorPaths<T, N>(GL<T> x, GL<T> output, SV<T, N> sv)
        where T : unmanaged where N : struct, IDim
    {
        var ortho = new RV<T, N, Ortho>();
        var align = new RV<T, N, Align>();
        for (int r = 0; r < x.Rows; r++)
        {
            for (int c = 0; c < x.Cols / Dims.Of<N>(); c++)
            {
                var at = new Coord(0, 0, r, c);
                Warp.Load(ortho, x, at);
                Warp.Store(output, ortho, new Coord(0, 0, r, c));
                Warp.Load(align, x, at);
                Warp.Store(output, align, new Coord(0, 1, r, c));

                Warp.Load(sv, x, at);
                Gpu.SyncThreads();
                Warp.Store(output, sv, new Coord(0, 2, r, c));
                Warp.Load(ortho, sv);
                Warp.Store(output, ortho, new Coord(0, 3, r, c));
                Warp.Load(align, sv);
                Warp.Store(output, align, new Coord(0, 4, r, c));
                Gpu.SyncThreads();

                Warp.Load(ortho, x, at);
                Warp.Store(sv, ortho);
                Gpu.SyncThreads();
                Warp.Store(output, sv, new Coord(0, 5, r, c));
                Gpu.SyncThreads();

                Warp.Load(align, x, at);
                Warp.Store(sv, align);
                Gpu.SyncThreads();
                Warp.Store(output, sv, new Coord(0, 6, r, c));
                Gpu.SyncThreads();
            }
        }
    }

    /// <summary>Warps per block of <see cref="BlockExchange"/>.</summary>
    public const int ExchangeWarps = 4;

    /// <summary>
    /// Four warps per block, grid (cols / 64, rows / 64, batch). x: (batch, depth, rows, cols) bf16;
    /// y: (batch, 1, rows, cols) bf16 = scale · x[:, sourceDepth]. Each warp stages one 16x64 band
    /// of depth slice <paramref name="sourceDepth"/> in a shared array; after a block barrier warp w
    /// reads the band staged by warp (w + 1) mod 4 and writes it where that band came from, so
    /// the result is right only if the shared array, the barrier and the block indices all are.
    /// </summary>
    [Kernel(Threads = ExchangeWarps * 32)]
    public static void BlockExchange(GL<bf16> x, GL<bf16> y, int sourceDepth, float scale)
    {
        int warp = Gpu.WarpId;
        var stage = Shared.Alloc<ST<bf16, D16, D64>>(ExchangeWarps);
        var band = new RT<bf16, D16, D64, Row>();

        Warp.Load(stage[warp], x, new Coord(BlockIdx.Z, sourceDepth, BlockIdx.Y * ExchangeWarps + warp, BlockIdx.X));
        Gpu.SyncThreads();

        int source = warp + 1;
        if (source == ExchangeWarps)
        {
            source = 0;
        }
        Warp.Load(band, stage[source]);
        Warp.Mul(band, band, scale);
        Warp.Store(y, band, new Coord(BlockIdx.Z, 0, BlockIdx.Y * ExchangeWarps + source, BlockIdx.X));
    }
}
