namespace Kittens.Tests.Attention;

/// <summary>
/// Attention forward in float64 on the CPU with grouped-query heads and the log-sum-exp: the
/// reference the library's kernels are checked against (the example's AttentionReference
/// extended; q is (batch, heads, n, d), k and v are (batch, kvHeads, n, d), query head h reads
/// K/V head h / (heads / kvHeads)).
/// </summary>
internal static class GqaAttentionReference
{
    /// <summary>
    /// O (n x d, row-major) and LSE (n) of query head (<paramref name="batch"/>, <paramref name="head"/>):
    /// O = softmax(scale · Q·Kᵀ [causal])·V, LSE[i] = ln Σⱼ exp(scale · qᵢ·kⱼ) over the keys row i attends to.
    /// </summary>
    public static (double[] O, double[] Lse) Head(float[] q, float[] k, float[] v, int heads, int kvHeads,
        int n, int d, int batch, int head, double scale, bool causal)
    {
        int kvHead = head / (heads / kvHeads);
        var qs = new ArraySegment<float>(q, (int)(((long)batch * heads + head) * n * d), n * d).ToArray();
        var ks = new ArraySegment<float>(k, (int)(((long)batch * kvHeads + kvHead) * n * d), n * d).ToArray();
        var vs = new ArraySegment<float>(v, (int)(((long)batch * kvHeads + kvHead) * n * d), n * d).ToArray();
        var output = new double[n * d];
        var lse = new double[n];
        // Rows are independent: spread them over the cores.
        Parallel.For(0, n, () => new double[n], (i, _, scores) =>
        {
            int last = causal ? i : n - 1;
            double max = double.NegativeInfinity;
            for (int j = 0; j <= last; j++)
            {
                double dot = 0;
                for (int x = 0; x < d; x++) dot += (double)qs[i * d + x] * ks[j * d + x];
                scores[j] = dot * scale;
                max = Math.Max(max, scores[j]);
            }
            double sum = 0;
            for (int j = 0; j <= last; j++) { scores[j] = Math.Exp(scores[j] - max); sum += scores[j]; }
            lse[i] = max + Math.Log(sum);
            for (int j = 0; j <= last; j++)
            {
                double p = scores[j] / sum;
                for (int x = 0; x < d; x++) output[i * d + x] += p * vs[j * d + x];
            }
            return scores;
        }, _ => { });
        return (output, lse);
    }

    /// <summary>‖actual[offset ..] − expected‖₂ / ‖expected‖₂ over one head; NaN anywhere gives NaN.</summary>
    public static double RelativeL2(float[] actual, long offset, double[] expected)
    {
        double diff = 0, norm = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double a = actual[offset + i];
            diff += (a - expected[i]) * (a - expected[i]);
            norm += expected[i] * expected[i];
        }
        return Math.Sqrt(diff / norm);
    }

    /// <summary>The largest |actual[offset + i] − expected[i]|; NaN anywhere gives NaN.</summary>
    public static double MaxAbsError(float[] actual, long offset, double[] expected)
    {
        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double e = Math.Abs(actual[offset + i] - expected[i]);
            if (double.IsNaN(e)) return double.NaN;
            worst = Math.Max(worst, e);
        }
        return worst;
    }
}
