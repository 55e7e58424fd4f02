using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Kittens.Runtime;

namespace Kittens.Tests.Runtime;

public class TensorShapeTests
{
    [Fact]
    public void PrintsAsATuple()
    {
        Assert.Equal("(2, 8, 1024, 64)", new TensorShape(2, 8, 1024, 64).ToString());
        Assert.Equal("(1, 1, 16, 32)", TensorShape.Matrix(16, 32).ToString());
    }

    [Fact]
    public void IndexesAndCounts()
    {
        var shape = new TensorShape(2, 8, 1024, 64);

        Assert.Equal([2, 8, 1024, 64], Enumerable.Range(0, 4).Select(i => shape[i]));
        Assert.Equal(2L * 8 * 1024 * 64, shape.ElementCount);
        Assert.Equal(1L << 36, new TensorShape(1 << 9, 1 << 9, 1 << 9, 1 << 9).ElementCount);
    }

    [Fact]
    public void NegativeExtentsAreRejectedByName()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TensorShape(1, -1, 2, 2).Validate("shape"));

        Assert.Equal("shape", e.ParamName);
    }

    [Fact]
    public void GlobalArgMatchesTheCudaGlLayout()
    {
        Assert.Equal(24, Unsafe.SizeOf<GlobalArg>());
        Assert.Equal(24, Marshal.SizeOf<GlobalArg>());
        Assert.Equal(0, (int)Marshal.OffsetOf<GlobalArg>(nameof(GlobalArg.Data)));
        Assert.Equal(8, (int)Marshal.OffsetOf<GlobalArg>(nameof(GlobalArg.Batch)));
        Assert.Equal(12, (int)Marshal.OffsetOf<GlobalArg>(nameof(GlobalArg.Depth)));
        Assert.Equal(16, (int)Marshal.OffsetOf<GlobalArg>(nameof(GlobalArg.Rows)));
        Assert.Equal(20, (int)Marshal.OffsetOf<GlobalArg>(nameof(GlobalArg.Cols)));

        var arg = new GlobalArg(0x1000, new TensorShape(2, 8, 1024, 64));
        Assert.Equal(new TensorShape(2, 8, 1024, 64), arg.Shape);
    }

    [Fact]
    public void Dim3DefaultsToOne()
    {
        Assert.Equal(new Dim3(4, 1, 1), new Dim3(4));
        Assert.Equal(new Dim3(4), (Dim3)4u);
        Assert.Equal("(4, 2, 1)", new Dim3(4, 2).ToString());
    }
}
