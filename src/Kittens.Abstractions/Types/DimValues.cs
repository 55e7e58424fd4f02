namespace Kittens;

/// <summary>
/// The value of a tile dimension as an <see cref="int"/>, for generic kernels and device
/// functions: <c>Dims.Of&lt;TRows&gt;()</c> is the generator's literal <c>64</c> in an instance
/// that binds <c>TRows</c> to <see cref="D64"/>.
/// </summary>
public static class Dims
{
    /// <summary>The value of the dimension marker <typeparamref name="T"/> (its <see cref="DimAttribute"/>), written as a literal.</summary>
    [FoldedDim]
    public static int Of<T>() where T : struct, IDim => throw Stub.OnlyInKernel();
}
