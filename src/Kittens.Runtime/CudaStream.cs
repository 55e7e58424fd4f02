using Kittens.Runtime.Native;

namespace Kittens.Runtime;

/// <summary>
/// A CUDA stream: work submitted to one stream runs in order. <see cref="Default"/> is the
/// legacy null stream of the default context, which synchronises with the other (blocking)
/// streams, so mixing it with the synchronous copies of <see cref="DeviceBuffer{T}"/> is safe.
/// </summary>
public sealed unsafe class CudaStream : IDisposable
{
    private readonly CudaContext? _context;
    private nint _handle;

    private CudaStream(CudaContext? context, nint handle)
    {
        _context = context;
        _handle = handle;
    }

    /// <summary>
    /// The null stream of <see cref="CudaContext.Default"/>. The context is looked up when the
    /// stream is used, so naming this on a machine without a GPU does not throw.
    /// </summary>
    public static CudaStream Default { get; } = new(null, 0);

    /// <summary>The null stream of a given context.</summary>
    public static CudaStream NullStreamOf(CudaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new(context, 0);
    }

    /// <summary>Creates a new stream in <paramref name="context"/> (default: <see cref="CudaContext.Default"/>).</summary>
    public static CudaStream Create(CudaContext? context = null)
    {
        context ??= CudaContext.Default;
        context.MakeCurrent();
        nint handle;
        CudaDriver.Check(CudaDriver.cuStreamCreate(&handle, CudaDriver.CU_STREAM_DEFAULT), "cuStreamCreate");
        return new(context, handle);
    }

    /// <summary>The context the stream belongs to.</summary>
    public CudaContext Context => _context ?? CudaContext.Default;

    /// <summary>The <c>CUstream</c> handle; 0 for a null stream.</summary>
    public nint Handle => _handle;

    /// <summary>True for the null stream.</summary>
    public bool IsNullStream => _handle == 0;

    /// <summary>Waits until all work submitted to this stream has finished.</summary>
    public void Synchronize()
    {
        Context.MakeCurrent();
        CudaDriver.Check(CudaDriver.cuStreamSynchronize(_handle), "cuStreamSynchronize");
    }

    /// <summary>Destroys a created stream; null streams are not owned and are left alone.</summary>
    public void Dispose()
    {
        if (_handle == 0) return;
        Context.MakeCurrent();
        CudaDriver.Check(CudaDriver.cuStreamDestroy(_handle), "cuStreamDestroy");
        _handle = 0;
    }
}
