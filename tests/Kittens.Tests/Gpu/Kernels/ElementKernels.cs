using Kittens;

namespace Kittens.Tests.GpuKernels;

/// <summary>
/// Test kernels for scalar element access (GL and SV indexers) and global atomics. Each thread
/// works on the elements its index picks; the comments give each output's contents.
/// </summary>
public static partial class ElementKernels
{
    /// <summary>
    /// One block of 64 threads. x: (2, 3, 4, 8) float. doubled: x's shape, doubled[b, d, r, c] =
    /// 2·x[b, d, r, c] + 1 (written, then updated with *= and +=, then ++). rounded: x's shape, bf16(x).
    /// matrix: (1, 1, 4, 8), matrix[r, c] = x[1, 2, r, c] (the 2-index form). reversed: (1, 1, 1, 64),
    /// reversed[t] = 3·x₀[63 − t] through a shared vector, x₀ = the first 64 elements of x in memory order.
    /// </summary>
    [Kernel(Threads = 64)]
    public static void Elements(GL<float> x, GL<float> doubled, GL<bf16> rounded, GL<float> matrix, GL<float> reversed)
    {
        int t = ThreadIdx.X;
        int count = x.Batch * x.Depth * x.Rows * x.Cols;
        for (int i = t; i < count; i += 64)
        {
            int c = i % x.Cols;
            int r = i / x.Cols % x.Rows;
            int d = i / (x.Cols * x.Rows) % x.Depth;
            int b = i / (x.Cols * x.Rows * x.Depth);
            doubled[b, d, r, c] = x[b, d, r, c];
            doubled[b, d, r, c] *= 2f;
            doubled[b, d, r, c] += 0.5f;
            doubled[b, d, r, c]++;
            doubled[b, d, r, c] -= 0.5f;
            rounded[b, d, r, c] = (bf16)x[b, d, r, c];
        }
        if (t < 32) matrix[t / 8, t % 8] = x[1, 2, t / 8, t % 8];

        var stage = Shared.Alloc<SV<float, D64>>();
        stage[t] = x[0, t / 32, t / 8 % 4, t % 8];
        stage[t] *= 3f;
        Gpu.SyncThreads();
        reversed[0, 0, 0, t] = stage[63 - t];
    }

    /// <summary>
    /// Thread i of the grid (n threads; n = values' cols): adds exact[i] and inexact[i] to
    /// element i % 8 of row 0 and row 1 of sums (1, 1, 2, 8), 1 to counts[i % 8] (1, 1, 1, 8), and
    /// exact[i] to own[i] (own starts as a copy of exact: 2·exact[i] after); takes ticket[i] =
    /// the old value of a counter (1, 1, 1, 1) it increments (so the tickets are 0..n−1, each once).
    /// </summary>
    [Kernel(Threads = 256)]
    public static void AtomicSums(GL<float> exact, GL<float> inexact, GL<float> sums, GL<int> counts, GL<float> own, GL<uint> counter, GL<int> tickets)
    {
        int i = BlockIdx.X * BlockDim.X + ThreadIdx.X;
        if (i >= exact.Cols) return;
        Atomic.Add(ref sums[0, 0, 0, i % 8], exact[0, 0, 0, i]);
        Atomic.Add(ref sums[0, 0, 1, i % 8], inexact[0, i]);
        Atomic.Add(ref counts[0, 0, 0, i % 8], 1);
        Atomic.Add(ref own[0, 0, 0, i], exact[0, 0, 0, i]);
        tickets[0, 0, 0, i] = (int)Atomic.Add(ref counter[0, 0, 0, 0], 1u);
    }

    /// <summary>
    /// Thread i (n threads; n = values' cols) folds ints[i] into element i % 8 of imax and imin
    /// (1, 1, 1, 8) and of umax and umin (as uint bits), and floats[i] into element i % 8 of fmax
    /// and fmin (1, 1, 1, 8). The targets hold their start values (the host picks them).
    /// </summary>
    [Kernel(Threads = 256)]
    public static void AtomicExtremes(GL<int> ints, GL<float> floats, GL<int> imax, GL<int> imin, GL<uint> umax, GL<uint> umin, GL<float> fmax, GL<float> fmin)
    {
        int i = BlockIdx.X * BlockDim.X + ThreadIdx.X;
        if (i >= ints.Cols) return;
        int v = ints[0, 0, 0, i];
        Atomic.Max(ref imax[0, 0, 0, i % 8], v);
        Atomic.Min(ref imin[0, 0, 0, i % 8], v);
        Atomic.Max(ref umax[0, 0, 0, i % 8], (uint)v);
        Atomic.Min(ref umin[0, 0, 0, i % 8], (uint)v);
        float f = floats[0, 0, 0, i];
        Atomic.Max(ref fmax[0, 0, 0, i % 8], f);
        Atomic.Min(ref fmin[0, 0, 0, i % 8], f);
    }

    /// <summary>
    /// Thread i (n threads; n = lo's cols) adds the pair (lo[i], hi[i]) to elements (2k, 2k + 1),
    /// k = i % 8, of row 0 of b and h (1, 1, 2, 16 + 2n), and to its own pair (16 + 2i, 17 + 2i) of
    /// row 1; both rows start as the host's values.
    /// </summary>
    [Kernel(Threads = 64)]
    public static void AtomicPairs(GL<float> lo, GL<float> hi, GL<bf16> b, GL<f16> h)
    {
        int i = BlockIdx.X * BlockDim.X + ThreadIdx.X;
        if (i >= lo.Cols) return;
        float a = lo[0, i];
        float z = hi[0, i];
        Atomic.AddPair(ref b[0, 0, 0, 2 * (i % 8)], a, z);
        Atomic.AddPair(ref h[0, 0, 0, 2 * (i % 8)], a, z);
        Atomic.AddPair(ref b[0, 0, 1, 16 + 2 * i], a, z);
        Atomic.AddPair(ref h[1, 16 + 2 * i], a, z);
    }
}
