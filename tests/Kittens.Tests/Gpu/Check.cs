using System.Globalization;
using System.Text;

namespace Kittens.Tests.GpuTests;

/// <summary>An allowed error |got − expected| ≤ Abs + Rel·|expected|.</summary>
internal readonly record struct Tol(double Abs, double Rel)
{
    /// <summary>Bit-for-bit equal values (after rounding to the output dtype).</summary>
    public static readonly Tol Exact = new(0, 0);

    /// <summary>Float arithmetic that is correctly rounded, or nearly (fast-math division: 2 ulp).</summary>
    public static readonly Tol F32 = new(1e-7, 1e-6);

    /// <summary>Float exp/exp2/log on the fast hardware approximations (a few ulp, plus absolute error near log(1) = 0).</summary>
    public static readonly Tol F32Approx = new(2e-6, 1e-5);

    /// <summary>A bf16 result: one rounding (2⁻⁸ relative) and a flipped last bit where the float result sits near a tie.</summary>
    public static readonly Tol Bf16 = new(1e-6, 1e-2);

    /// <summary>An f16 result: one rounding (2⁻¹¹ relative) and a flipped last bit.</summary>
    public static readonly Tol F16 = new(1e-6, 2e-3);

    /// <summary>The tolerance for a result of <paramref name="precision"/> that float computes nearly exactly.</summary>
    public static Tol For(Precision precision) => precision switch
    {
        Precision.F32 => F32,
        Precision.Bf16 => Bf16,
        _ => F16,
    };

    /// <summary>The tolerance for a transcendental (fast exp/exp2/log) result rounded to <paramref name="precision"/>.</summary>
    public static Tol ApproxFor(Precision precision) => precision == Precision.F32 ? F32Approx : For(precision);
}

/// <summary>
/// Comparisons of GPU outputs with references. Every check first requires that no element is
/// NaN: outputs are poisoned with NaN before a launch and no reference value is NaN, so a NaN
/// left over means the kernel did not write that element. Messages give the failing positions as
/// (slot, row, col) of the output and the seed of the random inputs.
/// </summary>
internal static class Check
{
    private const int MaxReported = 8;

    /// <summary>Fails if any element is NaN (not written by the kernel).</summary>
    public static void AllWritten(ReadOnlySpan<float> got, string what, int rows = 0, int cols = 0)
    {
        int count = 0, first = -1;
        for (int i = 0; i < got.Length; i++)
        {
            if (!float.IsNaN(got[i])) continue;
            if (first < 0) first = i;
            count++;
        }
        if (count > 0)
            Assert.Fail($"{what}: {count} of {got.Length} elements are NaN (never written or wrong); first at {Position(first, rows, cols)}.");
    }

    /// <summary>Requires got[i] to equal expected[i] bit for bit (as floats).</summary>
    public static void Equal(float[] got, float[] expected, string what, int rows = 0, int cols = 0)
    {
        var e = new double[expected.Length];
        for (int i = 0; i < e.Length; i++) e[i] = expected[i];
        Close(got, e, Tol.Exact, what, rows, cols);
    }

    /// <summary>Requires |got − expected| ≤ tol.Abs + tol.Rel·|expected| element by element (infinities must match exactly).</summary>
    public static void Close(float[] got, double[] expected, Tol tol, string what, int rows = 0, int cols = 0) =>
        Close(got, expected, i => tol.Abs + tol.Rel * Math.Abs(expected[i]), what, rows, cols);

    /// <summary>Requires |got[i] − expected[i]| ≤ allowed(i) element by element (infinities must match exactly).</summary>
    public static void Close(float[] got, double[] expected, Func<int, double> allowed, string what, int rows = 0, int cols = 0)
    {
        Assert.True(got.Length == expected.Length, $"{what}: {got.Length} elements read back, {expected.Length} expected.");
        AllWritten(got, what, rows, cols);

        int bad = 0;
        double worst = 0;
        var report = new StringBuilder();
        for (int i = 0; i < got.Length; i++)
        {
            double g = got[i], e = expected[i];
            bool ok;
            double error;
            if (double.IsInfinity(e) || double.IsInfinity(g))
            {
                ok = g == e;
                error = ok ? 0 : double.PositiveInfinity;
            }
            else
            {
                error = Math.Abs(g - e);
                double limit = allowed(i);
                ok = limit == 0 ? BitConverter.SingleToInt32Bits((float)g) == BitConverter.SingleToInt32Bits((float)e) || (g == 0 && e == 0)
                                : error <= limit;
            }
            if (ok) continue;
            bad++;
            worst = Math.Max(worst, error);
            if (bad <= MaxReported)
                report.Append(CultureInfo.InvariantCulture,
                    $"\n  at {Position(i, rows, cols)}: got {g:R}, expected {e:R} (error {error:E2}, allowed {allowed(i):E2})");
        }
        if (bad > 0)
            Assert.Fail($"{what}: {bad} of {got.Length} elements wrong (worst error {worst:E2}):{report}");
    }

    /// <summary>An allowed-error function for slotted outputs: element i uses tols[i / slotSize].</summary>
    public static Func<int, double> PerSlot(double[] expected, int slotSize, params Tol[] tols) => i =>
    {
        var tol = tols[i / slotSize];
        return tol.Abs + tol.Rel * Math.Abs(expected[i]);
    };

    /// <summary>‖got − expected‖₂ / ‖expected‖₂.</summary>
    public static double RelativeL2(ReadOnlySpan<float> got, ReadOnlySpan<double> expected)
    {
        double diff = 0, norm = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double d = got[i] - expected[i];
            diff += d * d;
            norm += expected[i] * expected[i];
        }
        return Math.Sqrt(diff / norm);
    }

    /// <summary>Requires two arrays to be identical bit for bit (e.g. two launches of a deterministic kernel).</summary>
    public static void BitIdentical<T>(T[] first, T[] second, string what) where T : unmanaged, IEquatable<T>
    {
        Assert.True(first.Length == second.Length, $"{what}: lengths {first.Length} and {second.Length} differ.");
        for (int i = 0; i < first.Length; i++)
        {
            if (!first[i].Equals(second[i]))
                Assert.Fail($"{what}: element {i} differs between the two results ({first[i]} vs {second[i]}).");
        }
    }

    private static string Position(int index, int rows, int cols)
    {
        if (rows <= 0 || cols <= 0) return $"index {index}";
        int perSlot = rows * cols;
        int slot = index / perSlot, within = index % perSlot;
        return $"[slot {slot}, row {within / cols}, col {within % cols}] (index {index})";
    }
}
