using Kittens.Runtime;

namespace Kittens.Tests.Runtime;

public class HostConvertTests
{
    [Fact]
    public void Bf16RoundsToNearestEven()
    {
        float[] input =
        [
            1.0f,
            1.0f + MathF.Pow(2, -8),       // halfway between 1 and 1+2^-7: ties to even (1)
            1.0f + 3 * MathF.Pow(2, -8),   // halfway between 1+2^-7 and 1+2^-6: ties to even (1+2^-6)
            1.0f + MathF.Pow(2, -8) + MathF.Pow(2, -20), // just above halfway: rounds up
            -2.5f,
            float.MaxValue,               // rounds up past the largest bf16: infinity
        ];

        float[] output = HostConvert.ToFloat(HostConvert.ToBf16(input));

        Assert.Equal(
            [1.0f, 1.0f, 1.0f + MathF.Pow(2, -6), 1.0f + MathF.Pow(2, -7), -2.5f, float.PositiveInfinity],
            output);
    }

    [Fact]
    public void Bf16KeepsNaNAndInfinities()
    {
        float signallingNaN = BitConverter.UInt32BitsToSingle(0x7F80_0001); // would round to infinity if truncated
        var bits = HostConvert.ToBf16([float.NaN, signallingNaN, float.PositiveInfinity, float.NegativeInfinity, -0.0f]);
        float[] back = HostConvert.ToFloat(bits);

        Assert.True(float.IsNaN(back[0]));
        Assert.True(float.IsNaN(back[1]));
        Assert.Equal(float.PositiveInfinity, back[2]);
        Assert.Equal(float.NegativeInfinity, back[3]);
        Assert.Equal(0x8000, bits[4].Bits);
    }

    [Fact]
    public void F16RoundsToNearestEvenAndKeepsSpecials()
    {
        float[] input =
        [
            1.0f + MathF.Pow(2, -11),      // halfway between 1 and 1+2^-10: ties to even (1)
            1.0f + 3 * MathF.Pow(2, -11),  // ties to even (1+2^-9)
            65520f,                        // halfway past the largest half: infinity
            float.NaN,
            float.NegativeInfinity,
            MathF.Pow(2, -24),             // smallest subnormal half
        ];

        float[] output = HostConvert.ToFloat(HostConvert.ToF16(input));

        Assert.Equal(1.0f, output[0]);
        Assert.Equal(1.0f + MathF.Pow(2, -9), output[1]);
        Assert.Equal(float.PositiveInfinity, output[2]);
        Assert.True(float.IsNaN(output[3]));
        Assert.Equal(float.NegativeInfinity, output[4]);
        Assert.Equal(MathF.Pow(2, -24), output[5]);
    }

    [Fact]
    public void EveryBf16AndF16RoundTripsExactly()
    {
        for (int b = 0; b <= ushort.MaxValue; b++)
        {
            var bf = bf16.FromBits((ushort)b);
            float wide = (float)bf;
            if (float.IsNaN(wide)) continue;
            Assert.Equal(bf.Bits, ((bf16)wide).Bits);

            var h = f16.FromBits((ushort)b);
            float hw = (float)h;
            if (float.IsNaN(hw)) continue;
            Assert.Equal(h.Bits, ((f16)hw).Bits);
        }
    }

    [Fact]
    public void SpanOverloadsMatchTheElementConversions()
    {
        var random = new Random(7);
        var input = Enumerable.Range(0, 1000).Select(_ => (float)(random.NextDouble() * 200 - 100)).ToArray();
        var bf = new bf16[input.Length];
        var h = new f16[input.Length];

        HostConvert.ToBf16(input, bf);
        HostConvert.ToF16(input, h);

        for (int i = 0; i < input.Length; i++)
        {
            Assert.Equal(((bf16)input[i]).Bits, bf[i].Bits);
            Assert.Equal(((f16)input[i]).Bits, h[i].Bits);
        }
    }

    [Fact]
    public void LengthMismatchNamesTheDestination()
    {
        var e = Assert.Throws<ArgumentException>(() => HostConvert.ToBf16([1f, 2f], new bf16[3]));

        Assert.Equal("destination", e.ParamName);
        Assert.Contains("3", e.Message);
        Assert.Contains("2", e.Message);
    }
}
