namespace Kittens.Runtime;

/// <summary>
/// Whole-span conversions between float and the 16-bit host dtypes, for preparing kernel inputs
/// and reading outputs. Narrowing rounds to nearest even and keeps NaN and infinities (the
/// element conversions in <see cref="bf16"/> and <see cref="f16"/> define the rounding; this
/// class only loops, so both paths always agree).
/// </summary>
public static class HostConvert
{
    /// <summary>Rounds each float to bf16; <paramref name="destination"/> must have the same length.</summary>
    public static void ToBf16(ReadOnlySpan<float> source, Span<bf16> destination)
    {
        CheckLengths(source.Length, destination.Length);
        for (int i = 0; i < source.Length; i++) destination[i] = (bf16)source[i];
    }

    /// <summary>Rounds each float to f16; <paramref name="destination"/> must have the same length.</summary>
    public static void ToF16(ReadOnlySpan<float> source, Span<f16> destination)
    {
        CheckLengths(source.Length, destination.Length);
        for (int i = 0; i < source.Length; i++) destination[i] = (f16)source[i];
    }

    /// <summary>Widens each bf16 to float (exact); <paramref name="destination"/> must have the same length.</summary>
    public static void ToFloat(ReadOnlySpan<bf16> source, Span<float> destination)
    {
        CheckLengths(source.Length, destination.Length);
        for (int i = 0; i < source.Length; i++) destination[i] = (float)source[i];
    }

    /// <summary>Widens each f16 to float (exact); <paramref name="destination"/> must have the same length.</summary>
    public static void ToFloat(ReadOnlySpan<f16> source, Span<float> destination)
    {
        CheckLengths(source.Length, destination.Length);
        for (int i = 0; i < source.Length; i++) destination[i] = (float)source[i];
    }

    /// <summary>Rounds each float to bf16 into a new array.</summary>
    public static bf16[] ToBf16(ReadOnlySpan<float> source)
    {
        var result = new bf16[source.Length];
        ToBf16(source, result);
        return result;
    }

    /// <summary>Rounds each float to f16 into a new array.</summary>
    public static f16[] ToF16(ReadOnlySpan<float> source)
    {
        var result = new f16[source.Length];
        ToF16(source, result);
        return result;
    }

    /// <summary>Widens each bf16 to float into a new array.</summary>
    public static float[] ToFloat(ReadOnlySpan<bf16> source)
    {
        var result = new float[source.Length];
        ToFloat(source, result);
        return result;
    }

    /// <summary>Widens each f16 to float into a new array.</summary>
    public static float[] ToFloat(ReadOnlySpan<f16> source)
    {
        var result = new float[source.Length];
        ToFloat(source, result);
        return result;
    }

    private static void CheckLengths(int source, int destination)
    {
        if (source != destination)
            throw new ArgumentException(
                $"'destination' has {destination} elements but 'source' has {source}.", nameof(destination));
    }
}
