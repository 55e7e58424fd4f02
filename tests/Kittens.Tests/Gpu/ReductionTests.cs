using Kittens.Tests.GpuKernels;
using static Kittens.Tests.GpuTests.GpuTestHelpers;

namespace Kittens.Tests.GpuTests;

/// <summary>row_max / row_sum / col_max / col_sum, plain and accumulating, both tile layouts.</summary>
[Collection(GpuCollection.Name)]
public class ReductionTests
{
    [Fact]
    public void RowAndColumnReductionsOfFloatTiles()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int R = 32, C = 48;
        float[] x = HostData.Uniform(random, R * C, -1, 1);
        // Accumulators sometimes above the largest element, so max-with-accumulator takes either side.
        float[] rowAcc = HostData.Uniform(random, R, -1, 1.5);
        float[] colAcc = HostData.Uniform(random, C, -1, 1.5);

        using var xd = Upload(x, R, C);
        using var rad = Upload(rowAcc, 1, R);
        using var cad = Upload(colAcc, 1, C);
        using var rows = Output<float>(1, 1, 8, R);
        using var cols = Output<float>(1, 1, 8, C);
        ReductionKernels.ReduceFloatKernel.Launch(Grid(1), xd, rad, cad, rows, cols);

        var rowRef = Reduce(x, R, C, byRow: true, rowAcc, Precision.F32);
        var colRef = Reduce(x, R, C, byRow: false, colAcc, Precision.F32);
        string what = $"ReduceFloat (seed {seed}); vectors 0 max, 1 sum, 2 max with accumulator, 3 sum with accumulator (row layout), 4..7 the same (column layout)";
        CheckVectors(DownloadFloat(rows), rowRef, rowRef, R, Precision.F32, what + ", row reductions");
        CheckVectors(DownloadFloat(cols), colRef, colRef, C, Precision.F32, what + ", column reductions");
    }

    [Fact]
    public void RowAndColumnReductionsOfBf16TilesIntoFloatAndBf16Vectors()
    {
        RequireGpu();
        var random = HostData.NewRandom(out int seed);
        const int R = 48, C = 32;
        float[] x = HostData.Uniform(random, R * C, -1, 1, Precision.Bf16);
        float[] rowAcc = HostData.Uniform(random, R, -1, 1.5);
        float[] colAcc = HostData.Uniform(random, C, -1, 1.5);

        using var xd = Upload(HostData.ToBf16(x), R, C);
        using var rad = Upload(rowAcc, 1, R);
        using var cad = Upload(colAcc, 1, C);
        using var rowsF = Output<float>(1, 1, 4, R);
        using var colsF = Output<float>(1, 1, 4, C);
        using var rowsB = Output<bf16>(1, 1, 4, R);
        using var colsB = Output<bf16>(1, 1, 4, C);
        ReductionKernels.ReduceBf16Kernel.Launch(Grid(1), xd, rad, cad, rowsF, colsF, rowsB, colsB);

        string what = $"ReduceBf16 (seed {seed}); vectors 0 max, 1 sum, 2 max with accumulator, 3 sum with accumulator";
        var rowF = Reduce(x, R, C, byRow: true, rowAcc, Precision.F32);
        var colF = Reduce(x, R, C, byRow: false, colAcc, Precision.F32);
        CheckVectors(DownloadFloat(rowsF), rowF, rowF, R, Precision.F32, what + ", row reductions of a row-layout tile into float");
        CheckVectors(DownloadFloat(colsF), colF, colF, C, Precision.F32, what + ", column reductions of a row-layout tile into float");

        // bf16 vectors: the accumulators are rounded to bf16 when loaded, the results when stored.
        var rowB = Reduce(x, R, C, byRow: true, HostData.Round(rowAcc, Precision.Bf16), Precision.Bf16);
        var colB = Reduce(x, R, C, byRow: false, HostData.Round(colAcc, Precision.Bf16), Precision.Bf16);
        CheckVectors(DownloadFloat(rowsB), rowB, rowF, R, Precision.Bf16, what + ", row reductions of a column-layout tile into bf16");
        CheckVectors(DownloadFloat(colsB), colB, colF, C, Precision.Bf16, what + ", column reductions of a column-layout tile into bf16");
    }

    /// <summary>The four reference vectors (max, sum, max with accumulator, sum with accumulator) and each element's Σ|x| + |acc|.</summary>
    private sealed record Reference(double[] Max, double[] Sum, double[] MaxAcc, double[] SumAcc, double[] Magnitude);

    private static Reference Reduce(float[] x, int rows, int cols, bool byRow, float[] acc, Precision precision)
    {
        int count = byRow ? rows : cols, length = byRow ? cols : rows;
        var max = new double[count];
        var sum = new double[count];
        var maxAcc = new double[count];
        var sumAcc = new double[count];
        var magnitude = new double[count];
        for (int i = 0; i < count; i++)
        {
            double m = double.NegativeInfinity, s = 0, abs = 0;
            for (int j = 0; j < length; j++)
            {
                double v = byRow ? x[i * cols + j] : x[j * cols + i];
                m = Math.Max(m, v);
                s += v;
                abs += Math.Abs(v);
            }
            max[i] = HostData.Round(m, precision);
            sum[i] = HostData.Round(s, precision);
            maxAcc[i] = HostData.Round(Math.Max(m, acc[i]), precision);
            sumAcc[i] = HostData.Round(s + acc[i], precision);
            magnitude[i] = abs + Math.Abs(acc[i]);
        }
        return new(max, sum, maxAcc, sumAcc, magnitude);
    }

    /// <summary>
    /// Checks vectors 0..3 (and 4..7 when present, the same reference for the other layout). Maxima
    /// are exact. Sums in float: fp32 summation error, ≤ 1e-5·(Σ|x| + |acc|). Sums in bf16: one
    /// rounding of the result, plus one of the partial sum (an implementation may round the tile's
    /// sum to bf16 before adding the accumulator).
    /// </summary>
    private static void CheckVectors(float[] got, Reference expected, Reference unrounded, int length, Precision precision, string what)
    {
        int sets = got.Length / (4 * length);
        var slots = new List<double[]>();
        for (int s = 0; s < sets; s++) slots.AddRange([expected.Max, expected.Sum, expected.MaxAcc, expected.SumAcc]);
        double[] e = HostData.Concat([.. slots]);
        double Allowed(int i)
        {
            int vector = i / length % 4, element = i % length;
            if (vector % 2 == 0) return 0; // maxima: exact
            double magnitude = expected.Magnitude[element];
            return precision == Precision.F32
                ? 1e-5 * magnitude + 1e-7
                : 1e-2 * Math.Abs(e[i]) + 4e-3 * Math.Abs(unrounded.Sum[element]) + 1e-5 * magnitude;
        }
        Check.Close(got, e, Allowed, what, 4 * sets, length);
    }
}
