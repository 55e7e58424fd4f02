using Kittens.Runtime;

namespace Kittens.Tests.Runtime;

/// <summary>
/// The packed image of a <c>kittens::gl&lt;T, TMA...&gt;</c> argument: GlobalArg, zeros to byte 64,
/// then the 128-byte maps, the whole at a 64-byte-aligned offset (docs/design.md §5).
/// </summary>
public sealed unsafe class KernelArgsTmaTests
{
    private static readonly GlobalArg Global = new(0x7000_1000, new TensorShape(2, 8, 1024, 64));

    [Fact]
    public void ATensorWithMaps_Is64PlusTheMaps_At64ByteAlignment()
    {
        var args = new KernelArgs();
        args.Add(7);
        args.AddTensor(Global, [Map(0xA0), Map(0xB0)]);
        args.Add(2.5f);
        nint* pointers = stackalloc nint[KernelArgs.MaxArgs];
        args.GetPointers(new Span<nint>(pointers, KernelArgs.MaxArgs));

        Assert.Equal(3, args.Count);
        Assert.Equal(64, pointers[1] - pointers[0]);                 // aligned up from 4 to 64
        Assert.Equal(64 + 64 + 2 * 128, pointers[2] - pointers[0]);  // right after the 320-byte tensor
        Assert.Equal(7, *(int*)pointers[0]);
        Assert.Equal(2.5f, *(float*)pointers[2]);

        byte* tensor = (byte*)pointers[1];
        Assert.Equal(Global.Data, ((GlobalArg*)tensor)->Data);
        Assert.Equal(Global.Shape, ((GlobalArg*)tensor)->Shape);
        for (int i = 24; i < 64; i++) Assert.Equal(0, tensor[i]);
        for (int i = 0; i < 16; i++)
        {
            Assert.Equal(0xA0UL + (ulong)i, ((ulong*)(tensor + 64))[i]);
            Assert.Equal(0xB0UL + (ulong)i, ((ulong*)(tensor + 64 + 128))[i]);
        }
    }

    [Fact]
    public void TheOffsetIsRelativeToTheArgumentStorage_SoTwoTensorsStack()
    {
        var args = new KernelArgs();
        args.AddTensor(Global, [Map(1)]);
        args.AddTensor(Global, [Map(2), Map(3)]);
        args.AddTensor(Global, [Map(4)]);
        nint* pointers = stackalloc nint[KernelArgs.MaxArgs];
        args.GetPointers(new Span<nint>(pointers, KernelArgs.MaxArgs));

        Assert.Equal(192, pointers[1] - pointers[0]);
        Assert.Equal(192 + 320, pointers[2] - pointers[0]);
        Assert.Equal(4UL, *(ulong*)(pointers[2] + 64));
    }

    [Fact]
    public void NoMaps_IsThePlain24ByteGlobal()
    {
        var args = new KernelArgs();
        args.AddTensor(Global, []);
        args.Add(5);
        nint* pointers = stackalloc nint[KernelArgs.MaxArgs];
        args.GetPointers(new Span<nint>(pointers, KernelArgs.MaxArgs));

        Assert.Equal(24, pointers[1] - pointers[0]);
        Assert.Equal(Global.Shape, ((GlobalArg*)pointers[0])->Shape);
    }

    [Fact]
    public void FiveTensorsWithTwoMapsEach_Fit()
    {
        var args = new KernelArgs();
        for (int i = 0; i < 5; i++) args.AddTensor(Global, [Map(1), Map(2)]);
        args.Add(1024);
        Assert.Equal(6, args.Count);
    }

    [Fact]
    public void TooManyMaps_AreRejected_AndLeaveTheArgumentsAsTheyWere()
    {
        var args = new KernelArgs();
        args.Add(1);
        var maps = new TensorMap[KernelArgs.MaxBytes / 128];

        InvalidOperationException? e = null;
        try
        {
            args.AddTensor(Global, maps);
        }
        catch (InvalidOperationException caught)
        {
            e = caught;
        }

        Assert.NotNull(e);
        Assert.Contains($"exceed {KernelArgs.MaxBytes} bytes", e.Message);
        Assert.Equal(1, args.Count);
    }

    [Fact]
    public void ANullTensor_NamesTheArgument()
    {
        var e = Assert.Throws<ArgumentNullException>(() => AddNull());
        Assert.Equal("q", e.ParamName);
    }

    private static void AddNull()
    {
        var args = new KernelArgs();
        DeviceTensor<bf16> q = null!;
        args.AddTensor(q, [TmaBox.Tile(64, 64)]);
    }

    private static TensorMap Map(ulong first)
    {
        var map = default(TensorMap);
        for (int i = 0; i < 16; i++) map[i] = first + (ulong)i;
        return map;
    }
}
