using System.Runtime.InteropServices;

namespace Kittens;

/// <summary>Element types a matrix-multiply input may have (bf16 or half).</summary>
public interface IMmaInput;

/// <summary>
/// bfloat16: 1 sign, 8 exponent, 7 mantissa bits. Used as a tile dtype inside kernels and as
/// the host element type of device tensors; host conversions round to nearest even.
/// </summary>
[CudaType("kittens::bf16")]
[StructLayout(LayoutKind.Sequential, Size = 2)]
public readonly struct bf16 : IMmaInput, IEquatable<bf16>
{
    /// <summary>The raw 16 bits.</summary>
    public readonly ushort Bits;

    private bf16(ushort bits) => Bits = bits;

    /// <summary>Wraps raw bits.</summary>
    public static bf16 FromBits(ushort bits) => new(bits);

    /// <summary>Rounds a float to the nearest bf16 (ties to even); NaN stays NaN.</summary>
    public static explicit operator bf16(float value)
    {
        uint u = BitConverter.SingleToUInt32Bits(value);
        if ((u & 0x7FFF_FFFF) > 0x7F80_0000) return new((ushort)((u >> 16) | 0x40)); // quiet NaN
        uint rounding = 0x7FFF + ((u >> 16) & 1);
        return new((ushort)((u + rounding) >> 16));
    }

    /// <summary>Widens exactly to float.</summary>
    public static explicit operator float(bf16 value) => BitConverter.UInt32BitsToSingle((uint)value.Bits << 16);

    /// <inheritdoc/>
    public bool Equals(bf16 other) => Bits == other.Bits;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is bf16 other && Equals(other);
    /// <inheritdoc/>
    public override int GetHashCode() => Bits;
    /// <inheritdoc/>
    public override string ToString() => ((float)this).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// IEEE half precision (binary16) as a tile dtype and a host element type. Named f16 because
/// the CUDA spelling is <c>kittens::half</c> and C# reserves all-lowercase type names.
/// </summary>
[CudaType("kittens::half")]
[StructLayout(LayoutKind.Sequential, Size = 2)]
public readonly struct f16 : IMmaInput, IEquatable<f16>
{
    /// <summary>The raw 16 bits.</summary>
    public readonly ushort Bits;

    private f16(ushort bits) => Bits = bits;

    /// <summary>Wraps raw bits.</summary>
    public static f16 FromBits(ushort bits) => new(bits);

    /// <summary>Rounds a float to the nearest half (ties to even).</summary>
    public static explicit operator f16(float value) => new(BitConverter.HalfToUInt16Bits((Half)value));

    /// <summary>Widens exactly to float.</summary>
    public static explicit operator float(f16 value) => (float)BitConverter.UInt16BitsToHalf(value.Bits);

    /// <inheritdoc/>
    public bool Equals(f16 other) => Bits == other.Bits;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is f16 other && Equals(other);
    /// <inheritdoc/>
    public override int GetHashCode() => Bits;
    /// <inheritdoc/>
    public override string ToString() => ((float)this).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
