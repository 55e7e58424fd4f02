using System.Runtime.InteropServices;

namespace Kittens.Runtime;

/// <summary>
/// The kernel-parameter image of a <c>kittens::gl&lt;T&gt;</c>: <c>T* data; int batch, depth,
/// rows, cols;</c> — 24 bytes, 8-byte aligned. The launcher passes a pointer to one of these
/// per global-tensor argument, so the field order and sizes must match the CUDA struct exactly.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct GlobalArg
{
    /// <summary>Device address of element (0, 0, 0, 0).</summary>
    public nint Data;

    /// <summary>Extents, outermost first.</summary>
    public int Batch, Depth, Rows, Cols;

    /// <summary>Creates the argument for a contiguous row-major tensor at <paramref name="data"/>.</summary>
    public GlobalArg(nint data, TensorShape shape)
    {
        Data = data;
        Batch = shape.Batch;
        Depth = shape.Depth;
        Rows = shape.Rows;
        Cols = shape.Cols;
    }

    /// <summary>The extents as a <see cref="TensorShape"/>.</summary>
    public readonly TensorShape Shape => new(Batch, Depth, Rows, Cols);
}
