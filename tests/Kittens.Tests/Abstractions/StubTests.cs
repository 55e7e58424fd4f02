using System.Reflection;

namespace Kittens.Tests.Abstractions;

/// <summary>Stubs exist for the generator; called on the CPU they say so instead of doing nothing.</summary>
public sealed class StubTests
{
    [Fact]
    public void AnOpCalledOnTheCpuThrowsNotSupportedSayingItOnlyRunsInAKernel()
    {
        var e = Assert.Throws<NotSupportedException>(() => Warp.Zero(new RT<float, D16, D16, Row>()));
        Assert.Contains("'Zero' is a Kittens tile type or op: it only runs inside a [Kernel] method", e.Message);
        Assert.Contains("FooKernel.Launch", e.Message);
        Assert.DoesNotContain("{", e.Message);
    }

    [Fact]
    public void IntrinsicsCalledOnTheCpuThrowNotSupported()
    {
        Assert.Throws<NotSupportedException>(() => Gpu.WarpId);
        Assert.Throws<NotSupportedException>(() => BlockIdx.X);
        Assert.Throws<NotSupportedException>(Gpu.SyncThreads);
        Assert.Throws<NotSupportedException>(() => Shared.Alloc<ST<bf16, D16, D64>>());
        Assert.Throws<NotSupportedException>(() => new Coord(0, 0));
    }

    [Fact]
    public void EveryPublicStubMethodCarriesItsCudaMappingOrIsAnAllocationOrAFoldedConstant()
    {
        // One place per fact: the generator reads an op's CUDA name from its stub and nowhere else.
        var stubClasses = typeof(Warp).Assembly.GetExportedTypes()
            .Where(t => t.IsAbstract && t.IsSealed) // static classes
            .Where(t => t.Namespace == "Kittens");
        var missing = stubClasses
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName)
            .Where(m => m.GetCustomAttribute<CudaAttribute>() is null && m.GetCustomAttribute<SharedAllocationAttribute>() is null &&
                m.GetCustomAttribute<FoldedDimAttribute>() is null)
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToArray();
        Assert.Empty(missing);
    }

    [Fact]
    public void Bf16ConversionRoundsToNearestEven()
    {
        // 1 + 2^-8 is exactly halfway between two bf16 values: ties go to the even mantissa (1.0).
        Assert.Equal(1.0f, (float)(bf16)(1f + MathF.Pow(2, -8)));
        // 1 + 3·2^-8 is halfway between 1 + 2^-7 (odd mantissa) and 1 + 2^-6 (even): it goes up.
        Assert.Equal(1f + MathF.Pow(2, -6), (float)(bf16)(1f + 3 * MathF.Pow(2, -8)));
        Assert.True(float.IsNaN((float)(bf16)float.NaN));
        Assert.Equal(float.NegativeInfinity, (float)(bf16)float.NegativeInfinity);
    }
}
