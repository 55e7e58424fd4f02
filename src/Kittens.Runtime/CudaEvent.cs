using Kittens.Runtime.Native;

namespace Kittens.Runtime;

/// <summary>A CUDA event: a marker recorded into a stream, used to wait on or time GPU work.</summary>
public sealed unsafe class CudaEvent : IDisposable
{
    private nint _handle;

    /// <summary>Creates an event (with timing enabled) in <paramref name="context"/> (default: <see cref="CudaContext.Default"/>).</summary>
    public CudaEvent(CudaContext? context = null)
    {
        Context = context ?? CudaContext.Default;
        Context.MakeCurrent();
        nint handle;
        CudaDriver.Check(CudaDriver.cuEventCreate(&handle, CudaDriver.CU_EVENT_DEFAULT), "cuEventCreate");
        _handle = handle;
    }

    /// <summary>The context the event belongs to.</summary>
    public CudaContext Context { get; }

    /// <summary>The <c>CUevent</c> handle.</summary>
    public nint Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle == 0, this);
            return _handle;
        }
    }

    /// <summary>Records the event at the current end of <paramref name="stream"/>.</summary>
    public void Record(CudaStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Context.MakeCurrent();
        CudaDriver.Check(CudaDriver.cuEventRecord(Handle, stream.Handle), "cuEventRecord");
    }

    /// <summary>Waits until the work before the recorded event has finished.</summary>
    public void Synchronize()
    {
        Context.MakeCurrent();
        CudaDriver.Check(CudaDriver.cuEventSynchronize(Handle), "cuEventSynchronize");
    }

    /// <summary>GPU time between two recorded, completed events, in milliseconds (about 0.5 µs resolution).</summary>
    public static float ElapsedMilliseconds(CudaEvent start, CudaEvent end)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(end);
        start.Context.MakeCurrent();
        float ms;
        CudaDriver.Check(CudaDriver.cuEventElapsedTime(&ms, start.Handle, end.Handle), "cuEventElapsedTime");
        return ms;
    }

    /// <summary>Destroys the event.</summary>
    public void Dispose()
    {
        if (_handle == 0) return;
        Context.MakeCurrent();
        CudaDriver.Check(CudaDriver.cuEventDestroy(_handle), "cuEventDestroy");
        _handle = 0;
    }
}
