using Kittens.Runtime;

namespace Kittens.Tests.Runtime;

public class ShapeBinderTests
{
    private static readonly ShapeSpec Bhnd = new("B", "H", "N", 64);

    [Fact]
    public void AgreeingArgumentsPass()
    {
        var binder = new ShapeBinder();
        binder.Check("q", new TensorShape(2, 8, 1024, 64), Bhnd);
        binder.Check("k", new TensorShape(2, 8, 1024, 64), Bhnd);
        binder.Check("o", new TensorShape(2, 8, 1024, 64), Bhnd);

        Assert.True(binder.TryGet("N", out int n));
        Assert.Equal(1024, n);
        Assert.False(binder.TryGet("M", out _));
    }

    [Fact]
    public void ASymbolConflictNamesWhereTheValueCameFrom()
    {
        var binder = new ShapeBinder();
        binder.Check("q", new TensorShape(2, 8, 1024, 64), Bhnd);

        ArgumentException e;
        try
        {
            binder.Check("k", new TensorShape(2, 8, 512, 64), Bhnd);
            throw new Xunit.Sdk.XunitException("expected an ArgumentException");
        }
        catch (ArgumentException caught)
        {
            e = caught;
        }

        Assert.Equal("k", e.ParamName);
        Assert.StartsWith(
            "Argument 'k' has shape (2, 8, 512, 64) but the kernel expects (B, H, N, 64) = (2, 8, 1024, 64): N is 1024 from 'q'.",
            e.Message);
    }

    [Fact]
    public void AFixedDimensionMismatchNamesTheDimension()
    {
        var e = CheckFails("v", new TensorShape(2, 8, 1024, 32), Bhnd);

        Assert.Equal("v", e.ParamName);
        Assert.StartsWith(
            "Argument 'v' has shape (2, 8, 1024, 32) but the kernel expects (B, H, N, 64) = (2, 8, 1024, 64): cols must be 64.",
            e.Message);
    }

    [Fact]
    public void ASymbolRepeatedWithinOneArgumentMustAgreeWithItself()
    {
        var e = CheckFails("a", new TensorShape(1, 1, 3, 4), new ShapeSpec(1, 1, "N", "N"));

        Assert.StartsWith("Argument 'a' has shape (1, 1, 3, 4) but the kernel expects (1, 1, N, N) = (1, 1, 3, 3): N is 3 from 'a'.", e.Message);
    }

    [Fact]
    public void AFailedCheckBindsNothing()
    {
        var binder = new ShapeBinder();
        try { binder.Check("x", new TensorShape(5, 1, 7, 32), new ShapeSpec("B", 1, "N", 64)); } catch (ArgumentException) { }

        Assert.False(binder.TryGet("B", out _));
        binder.Check("y", new TensorShape(6, 1, 8, 64), new ShapeSpec("B", 1, "N", 64));
        Assert.True(binder.TryGet("B", out int b));
        Assert.Equal(6, b);
    }

    [Fact]
    public void SpecsPrintAsWrittenAndRejectBadExtents()
    {
        Assert.Equal("(B, H, N, 64)", Bhnd.ToString());
        Assert.Throws<ArgumentException>(() => new ShapeSpec("B", 1, 2));
        Assert.Throws<ArgumentException>(() => new ShapeSpec("B", 1, 2, 3.0));
        Assert.Throws<ArgumentException>(() => new ShapeSpec("B", -1, 2, 3));
        Assert.Throws<ArgumentException>(() => new ShapeSpec("", 1, 2, 3));
    }

    [Fact]
    public void TooManySymbolsIsAClearError()
    {
        var binder = new ShapeBinder();
        for (int i = 0; i < ShapeBinder.MaxSymbols / 4; i++)
            binder.Check($"t{i}", new TensorShape(1, 1, 1, 1), new ShapeSpec($"a{i}", $"b{i}", $"c{i}", $"d{i}"));

        InvalidOperationException? e = null;
        try { binder.Check("extra", new TensorShape(1, 1, 1, 1), new ShapeSpec("z", 1, 1, 1)); }
        catch (InvalidOperationException caught) { e = caught; }

        Assert.NotNull(e);
        Assert.Contains("at most 16", e.Message);
    }

    [Fact]
    public void ASuccessfulCheckDoesNotAllocate()
    {
        var q = new TensorShape(2, 8, 1024, 64);
        RunChecks(q); // warm up (JIT)

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) RunChecks(q);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, after - before);
    }

    private static void RunChecks(TensorShape shape)
    {
        var binder = new ShapeBinder();
        binder.Check("q", shape, Bhnd);
        binder.Check("k", shape, Bhnd);
        binder.Check("v", shape, Bhnd);
    }

    // A ref struct cannot be captured by a lambda, so Assert.Throws is spelled out.
    private static ArgumentException CheckFails(string argument, TensorShape shape, ShapeSpec spec)
    {
        var binder = new ShapeBinder();
        try
        {
            binder.Check(argument, shape, spec);
        }
        catch (ArgumentException e)
        {
            return e;
        }
        throw new Xunit.Sdk.XunitException("expected an ArgumentException");
    }
}
