namespace Kittens.Runtime;

/// <summary>
/// A 4-D row-major contiguous tensor in device memory: what a kernel's <c>GL&lt;T&gt;</c>
/// parameter receives. Element (b, d, r, c) is at index ((b·Depth + d)·Rows + r)·Cols + c.
/// </summary>
public sealed class DeviceTensor<T> : IDisposable where T : unmanaged
{
    private TensorMapCache? _tensorMaps;

    /// <summary>Allocates a tensor of the given shape (contents undefined).</summary>
    public DeviceTensor(TensorShape shape, CudaContext? context = null)
    {
        shape.Validate(nameof(shape));
        Shape = shape;
        Buffer = DeviceBuffer<T>.Allocate(shape.ElementCount, context);
    }

    /// <summary>Allocates a (batch, depth, rows, cols) tensor (contents undefined).</summary>
    public DeviceTensor(int batch, int depth, int rows, int cols, CudaContext? context = null)
        : this(new TensorShape(batch, depth, rows, cols), context)
    {
    }

    /// <summary>Allocates a (1, 1, rows, cols) matrix (contents undefined).</summary>
    public DeviceTensor(int rows, int cols, CudaContext? context = null)
        : this(TensorShape.Matrix(rows, cols), context)
    {
    }

    /// <summary>Allocates a tensor of <paramref name="shape"/> and copies <paramref name="data"/> (exactly its element count) into it.</summary>
    public static DeviceTensor<T> FromHost(ReadOnlySpan<T> data, TensorShape shape, CudaContext? context = null)
    {
        shape.Validate(nameof(shape));
        if (data.Length != shape.ElementCount)
            throw new ArgumentException(
                $"'{nameof(data)}' has {data.Length} elements but shape {shape} needs {shape.ElementCount}.", nameof(data));
        var tensor = new DeviceTensor<T>(shape, context);
        try
        {
            tensor.CopyFromHost(data);
        }
        catch
        {
            tensor.Dispose();
            throw;
        }
        return tensor;
    }

    /// <summary>Allocates a (1, 1, rows, cols) matrix and copies <paramref name="data"/> into it.</summary>
    public static DeviceTensor<T> FromHost(ReadOnlySpan<T> data, int rows, int cols, CudaContext? context = null) =>
        FromHost(data, TensorShape.Matrix(rows, cols), context);

    /// <summary>The extents.</summary>
    public TensorShape Shape { get; }

    /// <summary>The underlying device memory.</summary>
    public DeviceBuffer<T> Buffer { get; }

    /// <summary>The context owning the memory.</summary>
    public CudaContext Context => Buffer.Context;

    /// <summary>Number of elements.</summary>
    public long ElementCount => Buffer.Length;

    /// <summary>Copies exactly <see cref="ElementCount"/> elements from the host.</summary>
    public void CopyFromHost(ReadOnlySpan<T> source) => Buffer.CopyFromHost(source);

    /// <summary>Copies exactly <see cref="ElementCount"/> elements to the host.</summary>
    public void CopyToHost(Span<T> destination) => Buffer.CopyToHost(destination);

    /// <summary>Copies the tensor into a new row-major array.</summary>
    public T[] ToHost() => Buffer.ToHost();

    /// <summary>Sets every byte to <paramref name="value"/> (poisoning outputs before a test launch).</summary>
    public void FillBytes(byte value) => Buffer.FillBytes(value);

    /// <summary>The <c>kittens::gl&lt;T&gt;</c> kernel argument for this tensor.</summary>
    public GlobalArg AsGlobalArg() => new((nint)Buffer.Pointer, Shape);

    /// <summary>
    /// The TMA tensor map that moves <paramref name="box"/> tiles of this tensor, encoded on first
    /// use and kept for the tensor's lifetime (its address and shape never change). Errors name
    /// <paramref name="argument"/>, the kernel argument this tensor is passed as.
    /// </summary>
    internal ref readonly TensorMap GetTensorMap(TmaBox box, string argument)
    {
        var maps = _tensorMaps;
        if (maps is null)
        {
            var created = new TensorMapCache(TensorMapEncoder.DataType<T>(argument), (nint)Buffer.Pointer, Shape, TensorMapEncoder.Driver);
            maps = Interlocked.CompareExchange(ref _tensorMaps, created, null) ?? created;
        }
        return ref maps.Get(box, argument);
    }

    /// <summary>Frees the device memory.</summary>
    public void Dispose() => Buffer.Dispose();

    /// <inheritdoc/>
    public override string ToString() => $"DeviceTensor<{typeof(T).Name}>{Shape}";
}
