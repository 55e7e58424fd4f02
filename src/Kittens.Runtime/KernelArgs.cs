using System.Runtime.CompilerServices;

namespace Kittens.Runtime;

/// <summary>
/// Kernel arguments packed by value on the stack, in parameter order, for cuLaunchKernel's
/// <c>void**</c>. Generated launchers fill one per launch: no boxing, no heap allocation, and
/// no unsafe code in the user's project.
/// </summary>
public ref struct KernelArgs
{
    /// <summary>The most arguments a kernel may take.</summary>
    public const int MaxArgs = 32;

    /// <summary>
    /// Bytes of argument storage. A tensor with n tensor maps takes 64 + 128·n bytes (five
    /// tensors with two maps each: 1600); CUDA itself allows 32764 bytes of kernel parameters.
    /// </summary>
    public const int MaxBytes = 8192;

    private ArgBytes _bytes;
    private ArgOffsets _offsets;
    private int _count;
    private int _used;

    /// <summary>Number of arguments added.</summary>
    public readonly int Count => _count;

    /// <summary>Appends one argument, aligned to its natural alignment (at most 64 bytes).</summary>
    public void Add<T>(T value) where T : unmanaged
    {
        if (_count == MaxArgs) throw new InvalidOperationException($"A kernel takes at most {MaxArgs} arguments.");
        int size = Unsafe.SizeOf<T>();
        int align = Math.Min(64, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)size));
        int offset = (_used + align - 1) & -align;
        if (offset + size > MaxBytes) throw new InvalidOperationException($"Kernel arguments exceed {MaxBytes} bytes.");
        Unsafe.WriteUnaligned(ref _bytes[offset], value);
        _offsets[_count++] = offset;
        _used = offset + size;
    }

    /// <summary>
    /// Appends a <c>kittens::gl&lt;T, TMA...&gt;</c> argument: the tensor's <see cref="GlobalArg"/>,
    /// zeros up to byte 64, then one 128-byte tensor map per box (64 + 128·n bytes, 64-byte
    /// aligned, the layout of docs/design.md §5). Maps are encoded on the tensor's first launch
    /// with each box and cached on the tensor, so later launches only copy bytes. With no boxes
    /// this is the plain 24-byte <c>kittens::gl&lt;T&gt;</c>. Validation errors are
    /// <see cref="ArgumentException"/>s naming <paramref name="argument"/> (by default the
    /// expression passed as <paramref name="tensor"/>, i.e. the launcher's parameter name).
    /// </summary>
    public void AddTensor<T>(DeviceTensor<T> tensor, scoped ReadOnlySpan<TmaBox> boxes, [CallerArgumentExpression(nameof(tensor))] string? argument = null)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(tensor, argument);
        string name = ArgumentName(argument);
        var global = tensor.AsGlobalArg();
        if (boxes.IsEmpty)
        {
            Add(global);
            return;
        }
        int offset = ReserveTensor(global, boxes.Length);
        for (int i = 0; i < boxes.Length; i++)
            Unsafe.WriteUnaligned(ref _bytes[offset + TensorMapsOffset + i * TensorMap.Size], tensor.GetTensorMap(boxes[i], name));
        Commit(offset, TensorMapsOffset + boxes.Length * TensorMap.Size);
    }

    /// <summary>The same layout as <see cref="AddTensor{T}"/> from already encoded maps.</summary>
    internal void AddTensor(GlobalArg global, scoped ReadOnlySpan<TensorMap> maps)
    {
        if (maps.IsEmpty)
        {
            Add(global);
            return;
        }
        int offset = ReserveTensor(global, maps.Length);
        for (int i = 0; i < maps.Length; i++)
            Unsafe.WriteUnaligned(ref _bytes[offset + TensorMapsOffset + i * TensorMap.Size], maps[i]);
        Commit(offset, TensorMapsOffset + maps.Length * TensorMap.Size);
    }

    /// <summary>Where a tensor's maps start inside its argument (<c>alignas(64) CUtensorMap maps[n]</c>).</summary>
    internal const int TensorMapsOffset = 64;

    /// <summary>
    /// Checks room for a tensor with <paramref name="mapCount"/> maps at the next 64-byte boundary,
    /// writes its GlobalArg and the zero padding, and returns the offset (not yet committed, so a
    /// map that fails to encode leaves the arguments as they were).
    /// </summary>
    private int ReserveTensor(GlobalArg global, int mapCount)
    {
        if (_count == MaxArgs) throw new InvalidOperationException($"A kernel takes at most {MaxArgs} arguments.");
        int offset = (_used + TensorMapsOffset - 1) & -TensorMapsOffset;
        if (offset + TensorMapsOffset + (long)mapCount * TensorMap.Size > MaxBytes)
            throw new InvalidOperationException($"Kernel arguments exceed {MaxBytes} bytes.");
        Unsafe.WriteUnaligned(ref _bytes[offset], global);
        int size = Unsafe.SizeOf<GlobalArg>();
        Unsafe.InitBlockUnaligned(ref _bytes[offset + size], 0, (uint)(TensorMapsOffset - size));
        return offset;
    }

    private void Commit(int offset, int size)
    {
        _offsets[_count++] = offset;
        _used = offset + size;
    }

    /// <summary>A launcher parameter name as the caller wrote it, without a verbatim '@'.</summary>
    private static string ArgumentName(string? argument) =>
        string.IsNullOrEmpty(argument) ? "tensor" : argument[0] == '@' ? argument[1..] : argument;

    /// <summary>
    /// Fills <paramref name="pointers"/> with the address of each argument. The addresses stay
    /// valid while this struct is alive and unmoved (it is a ref struct: it lives on the stack).
    /// </summary>
    internal unsafe void GetPointers(Span<nint> pointers)
    {
        byte* baseAddress = (byte*)Unsafe.AsPointer(ref _bytes[0]);
        for (int i = 0; i < _count; i++) pointers[i] = (nint)(baseAddress + _offsets[i]);
    }

    [InlineArray(MaxBytes + 64)]
    private struct ArgBytes { private byte _first; }

    [InlineArray(MaxArgs)]
    private struct ArgOffsets { private int _first; }
}
