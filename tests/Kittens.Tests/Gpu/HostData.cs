namespace Kittens.Tests.GpuTests;

/// <summary>A dtype a reference value is rounded to.</summary>
internal enum Precision
{
    /// <summary>IEEE single precision.</summary>
    F32,

    /// <summary>bfloat16.</summary>
    Bf16,

    /// <summary>IEEE half precision.</summary>
    F16,
}

/// <summary>
/// Host-side inputs for the GPU tests: fresh random data every run (the seed goes into failure
/// messages), dtype rounding, and small matrix helpers. No runtime calls here.
/// </summary>
internal static class HostData
{
    /// <summary>A generator with a fresh seed, returned so a failure can be reproduced.</summary>
    public static Random NewRandom(out int seed)
    {
        seed = Random.Shared.Next();
        return new Random(seed);
    }

    /// <summary><paramref name="count"/> values uniform in [lo, hi), rounded to <paramref name="precision"/>.</summary>
    public static float[] Uniform(Random random, int count, double lo, double hi, Precision precision = Precision.F32)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = Round(lo + (hi - lo) * random.NextDouble(), precision);
        return values;
    }

    /// <summary>Values of random sign with magnitude uniform in [lo, hi) (lo &gt; 0: never zero), rounded to <paramref name="precision"/>.</summary>
    public static float[] SignedMagnitude(Random random, int count, double lo, double hi, Precision precision = Precision.F32)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            double magnitude = lo + (hi - lo) * random.NextDouble();
            values[i] = Round(random.Next(2) == 0 ? magnitude : -magnitude, precision);
        }
        return values;
    }

    /// <summary>Positive values, log-uniform in [lo, hi), rounded to <paramref name="precision"/>.</summary>
    public static float[] LogUniform(Random random, int count, double lo, double hi, Precision precision = Precision.F32)
    {
        var values = new float[count];
        double a = Math.Log(lo), b = Math.Log(hi);
        for (int i = 0; i < count; i++) values[i] = Round(Math.Exp(a + (b - a) * random.NextDouble()), precision);
        return values;
    }

    /// <summary>One scalar of random sign with magnitude uniform in [lo, hi).</summary>
    public static float SignedScalar(Random random, double lo, double hi) => SignedMagnitude(random, 1, lo, hi)[0];

    /// <summary>Rounds to the nearest value of <paramref name="precision"/> (ties to even), returned as float.</summary>
    public static float Round(double value, Precision precision) => precision switch
    {
        Precision.F32 => (float)value,
        Precision.Bf16 => (float)(bf16)(float)value,
        Precision.F16 => (float)(f16)(float)value,
        _ => throw new ArgumentOutOfRangeException(nameof(precision)),
    };

    /// <summary>Rounds every element to <paramref name="precision"/>.</summary>
    public static float[] Round(float[] values, Precision precision) => Array.ConvertAll(values, v => Round(v, precision));

    /// <summary>Narrows to bf16 (exact for values already rounded to bf16).</summary>
    public static bf16[] ToBf16(float[] values) => Array.ConvertAll(values, v => (bf16)v);

    /// <summary>Narrows to f16 (exact for values already rounded to f16).</summary>
    public static f16[] ToF16(float[] values) => Array.ConvertAll(values, v => (f16)v);

    /// <summary>Widens bf16 to float (exact).</summary>
    public static float[] ToFloat(bf16[] values) => Array.ConvertAll(values, v => (float)v);

    /// <summary>Widens f16 to float (exact).</summary>
    public static float[] ToFloat(f16[] values) => Array.ConvertAll(values, v => (float)v);

    /// <summary>The transpose of a row-major rows x cols matrix.</summary>
    public static float[] Transpose(float[] matrix, int rows, int cols)
    {
        var result = new float[matrix.Length];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                result[c * rows + r] = matrix[r * cols + c];
        return result;
    }

    /// <summary><paramref name="copies"/> copies of <paramref name="values"/> one after another (the expected content of slotted outputs).</summary>
    public static float[] Repeat(float[] values, int copies)
    {
        var result = new float[values.Length * copies];
        for (int i = 0; i < copies; i++) values.CopyTo(result, i * values.Length);
        return result;
    }

    /// <summary>Concatenates several slot arrays.</summary>
    public static double[] Concat(params double[][] parts)
    {
        var result = new double[parts.Sum(p => p.Length)];
        int offset = 0;
        foreach (var part in parts)
        {
            part.CopyTo(result, offset);
            offset += part.Length;
        }
        return result;
    }

    /// <summary>Applies <paramref name="op"/> element-wise in double and rounds each result to <paramref name="precision"/>.</summary>
    public static double[] Map(float[] x, Func<double, double> op, Precision precision = Precision.F32)
    {
        var result = new double[x.Length];
        for (int i = 0; i < x.Length; i++) result[i] = RoundKeepingInfinity(op(x[i]), precision);
        return result;
    }

    /// <summary>Applies <paramref name="op"/> to pairs in double and rounds each result to <paramref name="precision"/>.</summary>
    public static double[] Map(float[] a, float[] b, Func<double, double, double> op, Precision precision = Precision.F32)
    {
        var result = new double[a.Length];
        for (int i = 0; i < a.Length; i++) result[i] = RoundKeepingInfinity(op(a[i], b[i]), precision);
        return result;
    }

    /// <summary>A rows x cols matrix with element (r, c) = f(r, c), rounded to <paramref name="precision"/>.</summary>
    public static double[] Generate(int rows, int cols, Func<int, int, double> f, Precision precision = Precision.F32)
    {
        var result = new double[rows * cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                result[r * cols + c] = RoundKeepingInfinity(f(r, c), precision);
        return result;
    }

    /// <summary>A length-n array filled with one value.</summary>
    public static double[] Constant(int n, double value) => Enumerable.Repeat(value, n).ToArray();

    /// <summary>Widens to double.</summary>
    public static double[] ToDouble(float[] values) => Array.ConvertAll(values, v => (double)v);

    private static double RoundKeepingInfinity(double value, Precision precision) =>
        double.IsInfinity(value) || double.IsNaN(value) ? value : Round(value, precision);
}
