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

    /// <summary>Bytes of argument storage; a TMA-carrying global layout is the largest argument.</summary>
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
