using static Kittens.Generator.Tests.GeneratorHarness;

namespace Kittens.Generator.Tests;

/// <summary>
/// Values with hardware ranges, tile-array bounds, dims and C# arithmetic the CUDA would read
/// differently: each refused when constant (in C# or folded in an instance), each valid edge kept.
/// </summary>
public sealed class RangeTests
{
    private const string Threads128 = "[Kernel(Threads = 128)]";

    private static IReadOnlyList<string> Ids(string body, string attribute = Threads128, string members = "") =>
        Generate(("Tests/K.cs", Kernel(body, attribute: attribute, members: members))).Diagnostics.Select(d => d.Id).ToList();

    private static string[] Expected(string? id) => id is null ? new string[0] : new[] { id };

    private static string Cuda(string body, string attribute = Threads128)
    {
        var run = Generate(("Tests/K.cs", Kernel(body, attribute: attribute)));
        Assert.Empty(run.Diagnostics);
        return run.Kernel("Run").CudaSource;
    }

    /// <summary>A generic kernel with one instance per value of <c>TValue.Value</c>.</summary>
    private static GeneratorHarness.Run Instances(string body, string attribute = "[Kernel(Threads = 128)]", params int[] values)
    {
        var types = string.Concat(values.Select(v => $"public struct V{v} : IValue {{ public static int Value => {v}; }}\n"));
        var instances = string.Concat(values.Select(v => $"[KernelInstance(\"Run{v}\", typeof(V{v}))]\n"));
        return Generate(("Tests/K.cs", $$"""
            using Kittens;
            public interface IValue { static abstract int Value { get; } }
            {{types}}
            public static partial class K
            {
                {{attribute}}
                {{instances}}
                public static void Run<TValue>(GL<float> x) where TValue : struct, IValue
                {
            {{body}}
                }
            }
            """));
    }

    [Theory]
    [InlineData("Sync.BarrierSync(0, 128);")]
    [InlineData("Sync.BarrierSync(15, 128);")]
    [InlineData("Sync.BarrierArrive(15, 32);")]
    [InlineData("Warpgroup.Sync(15);")]
    [InlineData("Warpgroup.MmaWait(7);")]
    [InlineData("Tma.StoreWait(0); Tma.StoreReadWait(9);")]
    [InlineData("Warpgroup.IncreaseRegisters(240);")]
    [InlineData("Warpgroup.IncreaseRegisters(256);")]
    [InlineData("Warpgroup.DecreaseRegisters(24);")]
    [InlineData("var acc = new RT<float, D16, D16, Row>[4]; Warp.Zero(acc[3]);")]
    [InlineData("var s = Shared.Alloc<ST<float, D16, D16>>(2); var t = s[1];")]
    [InlineData("var t = new RT<float, D16, D16, Row>(); Warp.Load(t, x, new Coord(0, 0, 0, 0));")]
    [InlineData("int d = x.Rows / 1 % 3; float f = x.Rows / 0f;")]
    public void ValidEdgeValues_Pass(string body) => Assert.Empty(Ids("        " + body));

    [Theory]
    [InlineData("Sync.BarrierSync(-1, 128);", "KIT0312")]
    [InlineData("Sync.BarrierSync(16, 128);", "KIT0312")]
    [InlineData("Sync.BarrierArrive(1, 48);", "KIT0312")]
    [InlineData("Sync.BarrierSync(1, 0);", "KIT0312")]
    [InlineData("Sync.BarrierSync(1, 256);", "KIT0312")]
    [InlineData("Warpgroup.Sync(16);", "KIT0312")]
    [InlineData("Warpgroup.MmaWait(8);", "KIT0312")]
    [InlineData("Tma.StoreWait(-1);", "KIT0312")]
    [InlineData("var acc = new RT<float, D16, D64, Row>(); Warpgroup.MmaWait(8, acc);", "KIT0312")]
    [InlineData("Warpgroup.IncreaseRegisters(20);", "KIT0312")]
    [InlineData("Warpgroup.IncreaseRegisters(244);", "KIT0312")]
    [InlineData("Warpgroup.DecreaseRegisters(264);", "KIT0312")]
    [InlineData("var acc = new RT<float, D16, D16, Row>[4]; Warp.Zero(acc[-1]);", "KIT0208")]
    [InlineData("var s = Shared.Alloc<ST<float, D16, D16>>(2); var t = s[2];", "KIT0208")]
    [InlineData("var t = new RT<float, D16, D16, Row>(); Warp.Store(x, t, new Coord(-1, 0, 0, 0));", "KIT0209")]
    [InlineData("var k = Shared.Alloc<ST<bf16, D64, D64>>(); var t = new RT<bf16, D24, D64, Row>(); Warp.Load(t, k.Rows<D24>(0));", "KIT0210")]
    public void OutOfRangeConstants_AreRefusedAtTheArgument(string body, string id) =>
        Assert.Equal(new[] { id }, Ids("        " + body, members: "[Dim(24)] public struct D24 : IDim;").Distinct());

    [Fact]
    public void BarrierThreads_AreCheckedAgainstTheInstanceThreads()
    {
        var run = Generate(("Tests/K.cs", Kernel("        Sync.BarrierSync(1, 256);", attribute: "[Kernel(Threads = 128)]")));
        var message = Assert.Single(run.Diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            "Argument 'threads' of 'Sync.BarrierSync' is 256: use a multiple of 32 from 32 to 128, the kernel's Threads (a barrier counts whole warps of the block)",
            message);
        Assert.Empty(Ids("        Sync.BarrierSync(1, 256);", attribute: "[Kernel(Threads = 256)]"));
    }

    [Fact]
    public void FoldedValues_AreCheckedPerInstance()
    {
        var run = Instances("        Warpgroup.IncreaseRegisters(TValue.Value);", values: [240, 250]);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KIT0312", diagnostic.Id);
        Assert.EndsWith("(in kernel instance 'Run250')", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("increase_registers<240>", run.Kernel("Run240").CudaSource, StringComparison.Ordinal);
    }

    [Fact]
    public void FoldedIndexes_AndCoordinates_AreCheckedPerInstance()
    {
        var run = Instances("""
                    var s = Shared.Alloc<ST<float, D16, D16>>(2);
                    var t = new RT<float, D16, D16, Row>();
                    Warp.Load(t, s[TValue.Value]);
                    Warp.Store(x, t, new Coord(0, TValue.Value - 1));
            """, values: [1, 2, 0]);
        var ids = run.Diagnostics.Select(d => (d.Id, Instance: d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split('\'')[^2])).ToList();
        Assert.Equal(new[] { ("KIT0208", "Run2"), ("KIT0209", "Run0") }, ids.Order().ToList());
    }

    [Theory]
    [InlineData("[Kernel(Threads = 64)]", "KIT0313")]
    [InlineData("[Kernel(Threads = 192)]", "KIT0313")]
    [InlineData("[Kernel(Threads = 128)]", null)]
    [InlineData("[Kernel(Threads = 384)]", null)]
    public void Wgmma_NeedsWholeWarpgroups(string attribute, string? id)
    {
        var ids = Ids("""
                    var a = Shared.Alloc<ST<bf16, D64, D64>>();
                    var b = Shared.Alloc<ST<bf16, D64, D64>>();
                    var acc = new RT<float, D16, D64, Row>();
                    Warpgroup.MmaAB(acc, a, b);
                    Warpgroup.MmaCommit();
                    Warpgroup.MmaWait(0, acc);
            """, attribute);
        Assert.Equal(Expected(id), ids.Distinct());
    }

    [Fact]
    public void InstanceThreads_DecideWarpgroupOps()
    {
        var run = Instances("        Warpgroup.Sync(1);", "[Kernel(Threads = 128)]", 1);
        Assert.Empty(run.Diagnostics);
        var other = Generate(("Tests/K.cs", """
            using Kittens;
            public static partial class K
            {
                [Kernel(Threads = 128)]
                [KernelInstance("Wide", typeof(D16))]
                [KernelInstance("Narrow", typeof(D16), Threads = 96)]
                public static void Run<TDim>(GL<float> x) where TDim : struct, IDim { Warpgroup.Sync(1); }
            }
            """));
        var diagnostic = Assert.Single(other.Diagnostics);
        Assert.Equal("KIT0313", diagnostic.Id);
        Assert.Contains("kernel 'Narrow' has Threads = 96", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void UserDims_AreCheckedWhereATileUsesThem()
    {
        const string dims = "[Dim(24)] public struct D24 : IDim;\n[Dim(32)] public struct MyD32 : IDim;";
        Assert.Empty(Ids("        var t = new RT<float, MyD32, D16, Row>();", members: dims));
        Assert.Equal(new[] { "KIT0210" }, Ids("        var s = Shared.Alloc<ST<float, D16, D24>>();", members: dims));
        Assert.Equal(new[] { "KIT0210" }, Ids("        var v = new RV<float, D24, Ortho>();", members: dims));
    }

    [Theory]
    [InlineData("int n = x.Rows << 33;", "x.rows << 1;")]
    [InlineData("int n = x.Rows << 31;", "x.rows << 31;")]
    [InlineData("int n = x.Rows >> -1;", "x.rows >> 31;")]
    [InlineData("long n = (long)x.Rows << 65;", "(long long)x.rows << 1;")]
    [InlineData("long n = (long)x.Rows << 40;", "(long long)x.rows << 40;")]
    [InlineData("uint n = (uint)x.Rows >> 32;", "(unsigned int)x.rows >> 0;")]
    [InlineData("int n = x.Rows >>> 35;", ">> 3)")]
    [InlineData("int n = x.Rows; n <<= 32;", "n <<= 0;")]
    [InlineData("short n = (short)x.Rows; n <<= 33;", "n <<= 1;")]
    public void ConstantShiftCounts_AreMaskedAsInCSharp(string body, string expected) =>
        Assert.Contains(expected, Cuda("        " + body), StringComparison.Ordinal);

    [Fact]
    public void FoldedShiftCounts_AreMasked()
    {
        var run = Instances("        int n = x.Rows << TValue.Value;", values: [3, 34]);
        Assert.Empty(run.Diagnostics);
        Assert.Contains("x.rows << 3;", run.Kernel("Run3").CudaSource, StringComparison.Ordinal);
        Assert.Contains("x.rows << 2;", run.Kernel("Run34").CudaSource, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("int n = x.Rows / TValue.Value;")]
    [InlineData("int n = x.Rows % TValue.Value;")]
    [InlineData("int n = x.Rows; n /= TValue.Value;")]
    [InlineData("long n = (long)x.Rows % (TValue.Value * 2);")]
    public void FoldedIntegerDivisionByZero_IsRefused(string body)
    {
        var run = Instances("        " + body, values: [2, 0]);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KIT0211", diagnostic.Id);
        Assert.EndsWith("(in kernel instance 'Run0')", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void FloatDivisionByAFoldedZero_IsIeee() =>
        Assert.Empty(Instances("        float f = x.Rows / (float)TValue.Value;", values: [0]).Diagnostics);

    [Theory]
    [InlineData(3, 2, null)]   // 3 x 32 KiB + 1 KiB base + 1 KiB reserved = 98 KiB per block: 2 fit in 228 KiB
    [InlineData(4, 2, "KIT0404")]
    [InlineData(1, 6, null)]   // 34 KiB x 6 = 204 KiB
    [InlineData(1, 7, "KIT0404")] // 34 KiB x 7 = 238 KiB
    public void MinBlocksPerSm_MustFitTheSharedMemoryOfAnSm(int tiles, int blocks, string? id)
    {
        var ids = Ids($"        var s = Shared.Alloc<ST<bf16, D128, D128>>({tiles});", attribute: $"[Kernel(Threads = 128, MinBlocksPerSm = {blocks})]");
        Assert.Equal(Expected(id), ids);
    }
}
