using Kittens.Runtime;

namespace Kittens.Tests.GpuTests;

/// <summary>
/// Every call the GPU correctness tests make into Kittens.Runtime goes through here (apart from
/// the generated launchers themselves), so a renamed runtime API is fixed in one place.
/// </summary>
internal static class GpuTestHelpers
{
    /// <summary>The byte every output is filled with before a launch: 0xFF makes float, bf16 and f16 all NaN.</summary>
    public const byte PoisonByte = 0xFF;

    /// <summary>Returns when a CUDA device is present; otherwise skips the test ("no CUDA GPU: reason").</summary>
    public static void RequireGpu()
    {
        if (!CudaContext.TryGetDefault(out _, out var reason)) Assert.Skip("no CUDA GPU: " + reason);
    }

    /// <summary>A launch grid of x · y · z blocks.</summary>
    public static Dim3 Grid(int x, int y = 1, int z = 1) => new((uint)x, (uint)y, (uint)z);

    /// <summary>Copies a host array into a new (batch, depth, rows, cols) device tensor.</summary>
    public static DeviceTensor<T> Upload<T>(T[] host, int batch, int depth, int rows, int cols) where T : unmanaged =>
        DeviceTensor<T>.FromHost(host, new TensorShape(batch, depth, rows, cols));

    /// <summary>Copies a host array into a new (1, 1, rows, cols) device tensor.</summary>
    public static DeviceTensor<T> Upload<T>(T[] host, int rows, int cols) where T : unmanaged =>
        Upload(host, 1, 1, rows, cols);

    /// <summary>A new (batch, depth, rows, cols) output tensor with every byte poisoned (NaN).</summary>
    public static DeviceTensor<T> Output<T>(int batch, int depth, int rows, int cols) where T : unmanaged
    {
        var tensor = new DeviceTensor<T>(batch, depth, rows, cols);
        try
        {
            Poison(tensor);
        }
        catch
        {
            tensor.Dispose();
            throw;
        }
        return tensor;
    }

    /// <summary>A new (1, 1, rows, cols) poisoned output tensor.</summary>
    public static DeviceTensor<T> Output<T>(int rows, int cols) where T : unmanaged => Output<T>(1, 1, rows, cols);

    /// <summary>Fills every byte of a tensor with <see cref="PoisonByte"/>, so an element a kernel does not write reads as NaN.</summary>
    public static void Poison<T>(DeviceTensor<T> tensor) where T : unmanaged
    {
        tensor.FillBytes(PoisonByte);
        Synchronize();
    }

    /// <summary>Waits for all work on the default device (surfacing launch errors).</summary>
    public static void Synchronize() => CudaContext.Default.Synchronize();

    /// <summary>Waits for the device, then copies a tensor back into a new row-major host array.</summary>
    public static T[] Download<T>(DeviceTensor<T> tensor) where T : unmanaged
    {
        Synchronize();
        return tensor.ToHost();
    }

    /// <summary>Waits for the device, then reads a bf16 tensor back widened to float (exact).</summary>
    public static float[] DownloadFloat(DeviceTensor<bf16> tensor) => HostData.ToFloat(Download(tensor));

    /// <summary>Waits for the device, then reads an f16 tensor back widened to float (exact).</summary>
    public static float[] DownloadFloat(DeviceTensor<f16> tensor) => HostData.ToFloat(Download(tensor));

    /// <summary>Waits for the device, then reads a float tensor back.</summary>
    public static float[] DownloadFloat(DeviceTensor<float> tensor) => Download(tensor);

    /// <summary>A tensor's extents as (batch, depth, rows, cols).</summary>
    public static (int Batch, int Depth, int Rows, int Cols) ShapeOf<T>(DeviceTensor<T> tensor) where T : unmanaged =>
        (tensor.Shape.Batch, tensor.Shape.Depth, tensor.Shape.Rows, tensor.Shape.Cols);

    /// <summary>A tensor's shape as the runtime prints it, e.g. "(1, 2, 256, 64)" (what launcher errors quote).</summary>
    public static string ShapeText<T>(DeviceTensor<T> tensor) where T : unmanaged => tensor.Shape.ToString();

    /// <summary>A new (non-default) stream on the default device.</summary>
    public static CudaStream CreateStream() => CudaStream.Create();

    /// <summary>Waits for the work on one stream.</summary>
    public static void Synchronize(CudaStream stream) => stream.Synchronize();
}
