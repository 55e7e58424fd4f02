using Kittens.Attention;
using Kittens.Runtime;
using Kittens.Tests.GpuTests;
using static Kittens.Tests.GpuTests.GpuTestHelpers;

namespace Kittens.Tests.Attention;

/// <summary>
/// Every argument rule of <see cref="FlashAttention.Forward(DeviceTensor{bf16}, DeviceTensor{bf16}, DeviceTensor{bf16}, DeviceTensor{bf16}, DeviceTensor{float}, bool, float?, CudaStream?)"/>
/// through the public API with real device tensors: the exception names the argument, says what
/// was expected and what was given, and nothing is launched (the poisoned outputs stay NaN).
/// </summary>
[Collection(GpuCollection.Name)]
public sealed class FlashAttentionValidationTests
{
    /// <summary>A valid GQA call: q (2, 4, 100, 64), k/v (2, 2, 100, 64), o like q, lse (2, 4, 1, 100).</summary>
    private sealed class Call : IDisposable
    {
        public DeviceTensor<bf16> Q = Output<bf16>(2, 4, 100, 64);
        public DeviceTensor<bf16> K = Output<bf16>(2, 2, 100, 64);
        public DeviceTensor<bf16> V = Output<bf16>(2, 2, 100, 64);
        public DeviceTensor<bf16> O = Output<bf16>(2, 4, 100, 64);
        public DeviceTensor<float> Lse = Output<float>(2, 4, 1, 100);

        public void Dispose()
        {
            Q.Dispose();
            K.Dispose();
            V.Dispose();
            O.Dispose();
            Lse.Dispose();
        }
    }

    private static ArgumentException Rejects(Action call, string param, params string[] fragments)
    {
        var e = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(param, e.ParamName);
        foreach (var fragment in fragments) Assert.Contains(fragment, e.Message);
        return e;
    }

    private static void NothingWasWritten(DeviceTensor<bf16> o, DeviceTensor<float> lse)
    {
        Assert.All(DownloadFloat(o), x => Assert.True(float.IsNaN(x)));
        Assert.All(DownloadFloat(lse), x => Assert.True(float.IsNaN(x)));
    }

    [Fact]
    public void ANullTensorIsNamed()
    {
        RequireGpu();
        using var c = new Call();
        Assert.Equal("q", Assert.Throws<ArgumentNullException>(() => FlashAttention.Forward(null!, c.K, c.V, c.O, c.Lse)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentNullException>(() => FlashAttention.Forward(c.Q, null!, c.V, c.O, c.Lse)).ParamName);
        Assert.Equal("v", Assert.Throws<ArgumentNullException>(() => FlashAttention.Forward(c.Q, c.K, null!, c.O, c.Lse)).ParamName);
        Assert.Equal("o", Assert.Throws<ArgumentNullException>(() => FlashAttention.Forward(c.Q, c.K, c.V, null!, c.Lse)).ParamName);
        Assert.Equal("lse", Assert.Throws<ArgumentNullException>(() => FlashAttention.Forward(c.Q, c.K, c.V, c.O, null!)).ParamName);
        Assert.Equal("v", Assert.Throws<ArgumentNullException>(() => FlashAttention.Forward(c.Q, c.K, null!)).ParamName);
        NothingWasWritten(c.O, c.Lse);
    }

    [Fact]
    public void AnOutputSharingMemoryWithKOrVIsRejected()
    {
        RequireGpu();
        using var q = Output<bf16>(2, 4, 100, 64);
        using var k = Output<bf16>(2, 4, 100, 64);
        using var v = Output<bf16>(2, 4, 100, 64);
        using var lse = Output<float>(2, 4, 1, 100);
        Rejects(() => FlashAttention.Forward(q, k, v, k, lse), "o", "shares device memory with 'k'", "must not overlap");
        Rejects(() => FlashAttention.Forward(q, k, v, v, lse), "o", "shares device memory with 'v'");
        NothingWasWritten(k, lse);
    }

    [Fact]
    public void AnUnsupportedHeadDimIsRejected()
    {
        RequireGpu();
        using var c = new Call();
        using var q = Output<bf16>(2, 4, 100, 80);
        using var kv = Output<bf16>(2, 2, 100, 80);
        using var o = Output<bf16>(2, 4, 100, 80);
        Rejects(() => FlashAttention.Forward(q, kv, kv, o, c.Lse), "q", "head_dim 80", "64, 96, 128, 256", "(2, 4, 100, 80)");
        Rejects(() => FlashAttention.Forward(q, kv, kv), "q", "head_dim 80");
        NothingWasWritten(o, c.Lse);
    }

    [Fact]
    public void HeadDimsMustAgreeAcrossQKVAndO()
    {
        RequireGpu();
        using var c = new Call();
        using var kv128 = Output<bf16>(2, 2, 100, 128);
        using var o128 = Output<bf16>(2, 4, 100, 128);
        Rejects(() => FlashAttention.Forward(c.Q, kv128, kv128, c.O, c.Lse), "k", "head_dim 128", "head_dim 64");
        Rejects(() => FlashAttention.Forward(c.Q, c.K, kv128, c.O, c.Lse), "v", "(2, 2, 100, 128)", "shape of 'k'", "(2, 2, 100, 64)");
        Rejects(() => FlashAttention.Forward(c.Q, c.K, c.V, o128, c.Lse), "o", "(2, 4, 100, 128)", "shape of 'q'", "(2, 4, 100, 64)");
        NothingWasWritten(c.O, c.Lse);
    }

    [Fact]
    public void BatchesMustAgree()
    {
        RequireGpu();
        using var c = new Call();
        using var kv1 = Output<bf16>(1, 2, 100, 64);
        using var o1 = Output<bf16>(1, 4, 100, 64);
        Rejects(() => FlashAttention.Forward(c.Q, kv1, kv1, c.O, c.Lse), "k", "batch 1", "batch 2");
        Rejects(() => FlashAttention.Forward(c.Q, c.K, kv1, c.O, c.Lse), "v", "(1, 2, 100, 64)");
        Rejects(() => FlashAttention.Forward(c.Q, c.K, c.V, o1, c.Lse), "o", "(1, 4, 100, 64)");
        NothingWasWritten(c.O, c.Lse);
    }

    [Fact]
    public void KAndVMustHaveOneShape()
    {
        RequireGpu();
        using var c = new Call();
        using var v1 = Output<bf16>(2, 1, 100, 64);
        using var vShort = Output<bf16>(2, 2, 99, 64);
        Rejects(() => FlashAttention.Forward(c.Q, c.K, v1, c.O, c.Lse), "v", "(2, 1, 100, 64)", "(2, 2, 100, 64)");
        Rejects(() => FlashAttention.Forward(c.Q, c.K, vShort, c.O, c.Lse), "v", "(2, 2, 99, 64)");
        Rejects(() => FlashAttention.Forward(c.Q, c.K, v1), "v", "(2, 1, 100, 64)");
        NothingWasWritten(c.O, c.Lse);
    }

    [Fact]
    public void HeadsMustBeAMultipleOfKvHeads()
    {
        RequireGpu();
        using var c = new Call();
        using var kv3 = Output<bf16>(2, 3, 100, 64);
        using var kv8 = Output<bf16>(2, 8, 100, 64);
        Rejects(() => FlashAttention.Forward(c.Q, kv3, kv3, c.O, c.Lse), "k", "3 heads", "4 heads", "heads % kvHeads == 0");
        Rejects(() => FlashAttention.Forward(c.Q, kv8, kv8, c.O, c.Lse), "k", "8 heads", "4 heads");
        NothingWasWritten(c.O, c.Lse);
    }

    [Fact]
    public void KeysMustBeAsLongAsQueries()
    {
        RequireGpu();
        using var c = new Call();
        using var kvLong = Output<bf16>(2, 2, 200, 64);
        Rejects(() => FlashAttention.Forward(c.Q, kvLong, kvLong, c.O, c.Lse), "k", "seq 200", "seq 100", "self-attention");
        NothingWasWritten(c.O, c.Lse);
    }

    [Fact]
    public void OutputShapesAreChecked()
    {
        RequireGpu();
        using var c = new Call();
        using var oKv = Output<bf16>(2, 2, 100, 64);
        using var lseColumn = Output<float>(2, 4, 100, 1);
        using var lseKv = Output<float>(2, 2, 1, 100);
        using var lseLong = Output<float>(2, 4, 1, 101);
        Rejects(() => FlashAttention.Forward(c.Q, c.K, c.V, oKv, c.Lse), "o", "(2, 2, 100, 64)", "(2, 4, 100, 64)");
        Rejects(() => FlashAttention.Forward(c.Q, c.K, c.V, c.O, lseColumn), "lse", "(2, 4, 100, 1)", "(batch, heads, 1, seq) = (2, 4, 1, 100)");
        Rejects(() => FlashAttention.Forward(c.Q, c.K, c.V, c.O, lseKv), "lse", "(2, 2, 1, 100)");
        Rejects(() => FlashAttention.Forward(c.Q, c.K, c.V, c.O, lseLong), "lse", "(2, 4, 1, 101)");
        NothingWasWritten(c.O, c.Lse);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    [InlineData(0f)]
    [InlineData(-1f)]
    [InlineData(float.MaxValue)]
    public void AScaleThatIsNotFiniteAndPositiveIsRejected(float scale)
    {
        RequireGpu();
        using var c = new Call();
        Rejects(() => FlashAttention.Forward(c.Q, c.K, c.V, c.O, c.Lse, softmaxScale: scale), "softmaxScale", "finite positive");
        Rejects(() => FlashAttention.Forward(c.Q, c.K, c.V, softmaxScale: scale), "softmaxScale", "finite positive");
        NothingWasWritten(c.O, c.Lse);
    }

    [Fact]
    public void ATensorOnAnotherDeviceThanTheStreamIsRejected()
    {
        RequireGpu();
        Assert.SkipWhen(CudaContext.DeviceCount < 2, "needs two CUDA devices (a tensor on each)");
        using var c = new Call();
        var other = CudaContext.ForDevice(1);
        using var kOther = new DeviceTensor<bf16>(c.K.Shape, other);
        using var lseOther = new DeviceTensor<float>(c.Lse.Shape, other);
        Rejects(() => FlashAttention.Forward(c.Q, kOther, c.V, c.O, c.Lse), "k", "device 1", "device 0", "stream");
        Rejects(() => FlashAttention.Forward(c.Q, c.K, c.V, c.O, lseOther), "lse", "device 1", "device 0");
        Rejects(() => FlashAttention.Forward(c.Q, c.K, c.V, c.O, c.Lse, stream: CudaStream.NullStreamOf(other)), "q", "device 0", "device 1");
        Rejects(() => FlashAttention.Forward(c.Q, kOther, c.V), "k", "device 1");
        NothingWasWritten(c.O, c.Lse);
    }

    [Fact]
    public void AGpuOtherThanSm90IsRefusedBeforeCompiling()
    {
        RequireGpu();
        Assert.SkipWhen(CudaContext.Default.ComputeCapability == (9, 0), "this GPU is sm_90: the kernels run here");
        using var c = new Call();
        var e = Assert.Throws<NotSupportedException>(() => FlashAttention.Forward(c.Q, c.K, c.V, c.O, c.Lse));
        Assert.Contains("sm_90", e.Message);
    }
}
