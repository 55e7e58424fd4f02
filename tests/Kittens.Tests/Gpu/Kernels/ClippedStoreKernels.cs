using Kittens;

namespace Kittens.Tests.GpuKernels;

/// <summary>
/// Test kernel for the clipped vector store <c>Warp.Store(GL, RV, Coord, limit)</c>: only the
/// elements whose absolute column is below <c>limit</c> are written, the rest keep their bytes.
/// </summary>
public static partial class ClippedStoreKernels
{
    /// <summary>
    /// x: (1, 1, R, C) float, C a multiple of 64. Every row is moved vector by vector, each vector
    /// loaded whole and stored clipped at column <paramref name="limit"/>:
    /// ortho / align: 16-element float vectors of either layout; narrowed: the ortho vector stored
    /// to bf16 (rounded); wide: 64-element ortho vectors. All outputs (1, 1, R, C): out[r, c] is
    /// the (rounded) x[r, c] for c &lt; limit and untouched for c ≥ limit.
    /// </summary>
    [Kernel(Threads = 32)]
    public static void StoreClipped(GL<float> x, GL<float> ortho, GL<float> align, GL<bf16> narrowed, GL<float> wide, int limit)
    {
        var o = new RV<float, D16, Ortho>();
        var a = new RV<float, D16, Align>();
        var w = new RV<float, D64, Ortho>();
        for (int r = 0; r < x.Rows; r++)
        {
            for (int c = 0; c < x.Cols / 16; c++)
            {
                var at = new Coord(0, 0, r, c);
                Warp.Load(o, x, at);
                Warp.Store(ortho, o, at, limit);
                Warp.Store(narrowed, o, at, limit);
                Warp.Load(a, x, at);
                Warp.Store(align, a, at, limit);
            }
            for (int c = 0; c < x.Cols / 64; c++)
            {
                var at = new Coord(0, 0, r, c);
                Warp.Load(w, x, at);
                Warp.Store(wide, w, at, limit);
            }
        }
    }
}
