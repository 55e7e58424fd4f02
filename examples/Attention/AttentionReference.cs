namespace Kittens.Examples.Attention;

/// <summary>Attention forward in float64 on the CPU: the reference every GPU result is checked against.</summary>
public static class AttentionReference
{
    /// <summary>
    /// O[b,h] = softmax(scale · Q[b,h]·K[b,h]ᵀ)·V[b,h] for one (batch, head) pair of tensors laid
    /// out (batch, heads, n, d), row-major, returning n x d values.
    /// </summary>
    public static double[] Head(ReadOnlySpan<float> q, ReadOnlySpan<float> k, ReadOnlySpan<float> v,
        int heads, int n, int d, int batch, int head, double scale, bool causal = false)
    {
        long offset = ((long)batch * heads + head) * n * d;
        var output = new double[n * d];
        var qs = q.Slice((int)offset, n * d).ToArray();
        var ks = k.Slice((int)offset, n * d).ToArray();
        var vs = v.Slice((int)offset, n * d).ToArray();
        // Rows are independent: spread them over the cores (long sequences take seconds per head).
        Parallel.For(0, n, () => new double[n], (i, _, scores) =>
        {
            Row(qs, ks, vs, n, d, i, scale, causal, scores, output);
            return scores;
        }, _ => { });
        return output;
    }

    /// <summary>Output row <paramref name="i"/> of one head (q, k, v hold just that head).</summary>
    private static void Row(float[] q, float[] k, float[] v, int n, int d, int i, double scale, bool causal, double[] scores, double[] output)
    {
        int last = causal ? i : n - 1;
        double max = double.NegativeInfinity;
        for (int j = 0; j <= last; j++)
        {
            double dot = 0;
            for (int x = 0; x < d; x++) dot += (double)q[i * d + x] * k[j * d + x];
            scores[j] = dot * scale;
            max = Math.Max(max, scores[j]);
        }
        double sum = 0;
        for (int j = 0; j <= last; j++) { scores[j] = Math.Exp(scores[j] - max); sum += scores[j]; }
        for (int j = 0; j <= last; j++)
        {
            double p = scores[j] / sum;
            for (int x = 0; x < d; x++) output[i * d + x] += p * v[j * d + x];
        }
    }

    /// <summary>‖actual − expected‖₂ / ‖expected‖₂ over one head; NaN anywhere gives NaN.</summary>
    public static double RelativeL2(ReadOnlySpan<float> actual, long offset, double[] expected)
    {
        double diff = 0, norm = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double a = actual[(int)(offset + i)];
            diff += (a - expected[i]) * (a - expected[i]);
            norm += expected[i] * expected[i];
        }
        return Math.Sqrt(diff / norm);
    }
}
