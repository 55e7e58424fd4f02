using System.Globalization;
using Kittens.Generator.Translation;
using static Kittens.Generator.Tests.GeneratorHarness;

namespace Kittens.Generator.Tests;

/// <summary>CUDA literals: shortest round-trip floats, ASCII under any culture, bit casts for specials.</summary>
public sealed class LiteralTests
{
    [Theory]
    [InlineData(2f, "2.0f")]
    [InlineData(-1.5f, "-1.5f")]
    [InlineData(0.125f, "0.125f")]
    [InlineData(1e-3f, "0.001f")]
    [InlineData(1e20f, "1E+20f")]
    [InlineData(1e-20f, "1E-20f")]
    [InlineData(0.1f, "0.1f")]
    [InlineData(-0.0f, "-0.0f")]
    [InlineData(float.MaxValue, "3.4028235E+38f")]
    [InlineData(float.PositiveInfinity, "__int_as_float(0x7f800000)")]
    [InlineData(float.NegativeInfinity, "__int_as_float((int)0xff800000)")]
    [InlineData(float.NaN, "__int_as_float(0x7fffffff)")]
    public void Floats(float value, string expected) => Assert.Equal(expected, CudaLiterals.Float(value));

    [Theory]
    [InlineData(2.0, "2.0")]
    [InlineData(-0.1, "-0.1")]
    [InlineData(1e300, "1E+300")]
    [InlineData(double.PositiveInfinity, "__longlong_as_double(0x7ff0000000000000ll)")]
    [InlineData(double.NaN, "__longlong_as_double(0x7fffffffffffffffll)")]
    public void Doubles(double value, string expected) => Assert.Equal(expected, CudaLiterals.Double(value));

    [Fact]
    public void Integers()
    {
        Assert.Equal("(-2147483647 - 1)", CudaLiterals.Int(int.MinValue));
        Assert.Equal("-5", CudaLiterals.Int(-5));
        Assert.Equal("(-9223372036854775807ll - 1)", CudaLiterals.Long(long.MinValue));
        Assert.Equal("42ll", CudaLiterals.Long(42));
    }

    [Fact]
    public void Output_IsTheSame_UnderACultureWithAUnicodeMinusAndDecimalComma()
    {
        var source = Kernel("""
                    float a = -1.5f * x.Rows;
                    float b = 1e-3f + x.Cols;
                    int c = -7 + x.Rows;
                    double d = -2.25 * x.Rows;
                    Warp.Mul(t, t, -0.75f);
            """, members: "", parameters: "GL<float> x").Replace("    {\n        float a", "    {\n        var t = new RT<float, D16, D16, Row>();\n        float a");
        string Cuda() => Generate(("Tests/K.cs", source)).Kernel("Run").CudaSource;

        string invariant = Cuda();
        var hostile = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        hostile.NumberFormat.NegativeSign = "\u2212";
        hostile.NumberFormat.NumberDecimalSeparator = ",";
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        string underHostile;
        try
        {
            CultureInfo.CurrentCulture = hostile;
            CultureInfo.CurrentUICulture = hostile;
            Assert.Equal("\u22121,5", (-1.5f).ToString(CultureInfo.CurrentCulture)); // the culture really is hostile
            underHostile = Cuda();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }

        Assert.Equal(invariant, underHostile);
        Assert.Contains("-1.5f", underHostile, StringComparison.Ordinal);
        Assert.Contains("0.001f", underHostile, StringComparison.Ordinal);
        Assert.Contains("-0.75f", underHostile, StringComparison.Ordinal);
        Assert.Contains("-2.25", underHostile, StringComparison.Ordinal);
        Assert.Contains("-7 +", underHostile, StringComparison.Ordinal);
        Assert.All(underHostile, c => Assert.True(c < 128, $"non-ASCII character U+{(int)c:X4} in the CUDA text"));
    }
}
