using Kittens.Runtime.Native;

namespace Kittens.Runtime;

/// <summary>
/// A block of device memory holding <see cref="Length"/> elements of <typeparamref name="T"/>.
/// Copies are synchronous (the driver's blocking <c>cuMemcpy</c>), so a host span only has to
/// live for the call. Dispose frees the memory; there is deliberately no finalizer, because
/// freeing from the finalizer thread would race with the context's other users and can run
/// after the driver has shut down.
/// </summary>
public sealed unsafe class DeviceBuffer<T> : IDisposable where T : unmanaged
{
    private ulong _pointer;

    private DeviceBuffer(CudaContext context, ulong pointer, long length)
    {
        Context = context;
        _pointer = pointer;
        Length = length;
    }

    /// <summary>Allocates room for <paramref name="length"/> elements (contents undefined) in <paramref name="context"/> (default: <see cref="CudaContext.Default"/>).</summary>
    public static DeviceBuffer<T> Allocate(long length, CudaContext? context = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        context ??= CudaContext.Default;
        if (length == 0) return new(context, 0, 0); // cuMemAlloc rejects 0 bytes; an empty buffer needs no memory
        context.MakeCurrent();
        ulong pointer;
        CudaDriver.Check(CudaDriver.cuMemAlloc(&pointer, checked((nuint)(length * sizeof(T)))), "cuMemAlloc");
        return new(context, pointer, length);
    }

    /// <summary>The context owning the memory.</summary>
    public CudaContext Context { get; }

    /// <summary>Number of elements.</summary>
    public long Length { get; }

    /// <summary>Size in bytes.</summary>
    public long SizeInBytes => Length * sizeof(T);

    /// <summary>The device address (<c>CUdeviceptr</c>); 0 for an empty buffer.</summary>
    public ulong Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(_pointer == 0 && Length != 0, this);
            return _pointer;
        }
    }

    /// <summary>Copies exactly <see cref="Length"/> elements from the host.</summary>
    public void CopyFromHost(ReadOnlySpan<T> source)
    {
        CheckLength(nameof(source), source.Length);
        if (Length == 0) return;
        Context.MakeCurrent();
        fixed (T* src = source)
            CudaDriver.Check(CudaDriver.cuMemcpyHtoD(Pointer, src, (nuint)SizeInBytes), "cuMemcpyHtoD");
    }

    /// <summary>Copies exactly <see cref="Length"/> elements to the host.</summary>
    public void CopyToHost(Span<T> destination)
    {
        CheckLength(nameof(destination), destination.Length);
        if (Length == 0) return;
        Context.MakeCurrent();
        fixed (T* dst = destination)
            CudaDriver.Check(CudaDriver.cuMemcpyDtoH(dst, Pointer, (nuint)SizeInBytes), "cuMemcpyDtoH");
    }

    /// <summary>Copies all elements of another buffer of the same length, device to device.</summary>
    public void CopyFrom(DeviceBuffer<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        CheckLength(nameof(source), source.Length);
        if (Length == 0) return;
        Context.MakeCurrent();
        CudaDriver.Check(CudaDriver.cuMemcpyDtoD(Pointer, source.Pointer, (nuint)SizeInBytes), "cuMemcpyDtoD");
    }

    /// <summary>Sets every byte to <paramref name="value"/>; tests poison outputs this way (e.g. 0xFF is NaN for float/bf16/f16).</summary>
    public void FillBytes(byte value)
    {
        if (Length == 0) return;
        Context.MakeCurrent();
        CudaDriver.Check(CudaDriver.cuMemsetD8(Pointer, value, (nuint)SizeInBytes), "cuMemsetD8");
    }

    /// <summary>Copies the whole buffer into a new array.</summary>
    public T[] ToHost()
    {
        var result = new T[Length];
        CopyToHost(result);
        return result;
    }

    /// <summary>Frees the device memory.</summary>
    public void Dispose()
    {
        if (_pointer == 0) return;
        Context.MakeCurrent();
        ulong pointer = _pointer;
        _pointer = 0;
        CudaDriver.Check(CudaDriver.cuMemFree(pointer), "cuMemFree");
    }

    private void CheckLength(string argument, long actual)
    {
        if (actual != Length)
            throw new ArgumentException(
                $"'{argument}' has {actual} elements but the device buffer holds {Length} {typeof(T).Name} elements.", argument);
    }
}
