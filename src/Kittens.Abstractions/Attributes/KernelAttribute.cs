namespace Kittens;

/// <summary>
/// Marks a static method of a partial class as a GPU kernel. The generator translates its body
/// to CUDA C++ and emits a nested <c>{Method}Kernel</c> class with the CUDA source and a typed
/// launcher.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class KernelAttribute : Attribute
{
    /// <summary>Threads per block (a multiple of 32, at most 1024); also the launch bound.</summary>
    public int Threads { get; set; } = 32;

    /// <summary>Minimum resident blocks per multiprocessor, the second launch bound.</summary>
    public int MinBlocksPerSm { get; set; } = 1;

    /// <summary>
    /// Blocks per thread-block cluster along x (sm_90): 1 (no cluster), 2, 4 or 8. The blocks of a
    /// cluster run at the same time on neighbouring multiprocessors and can reach each other's
    /// shared memory (<see cref="Tma.LoadMulticast{T, R, C}"/>, <see cref="Sync.ArriveCluster"/>).
    /// The grid's x extent must be a multiple of it.
    /// </summary>
    public int ClusterSize { get; set; } = 1;
}

/// <summary>
/// Marks a static helper method callable from kernels; the generator translates it to a
/// <c>__device__</c> function.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class DeviceFunctionAttribute : Attribute;

/// <summary>
/// The shape a global-tensor kernel parameter must have, as (batch, depth, rows, cols):
/// an <see cref="int"/> is a fixed extent, a <see cref="string"/> a symbol that must take the
/// same value in every argument that names it. The launcher checks it before launching.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class ShapeAttribute(object batch, object depth, object rows, object cols) : Attribute
{
    /// <summary>The four extents: ints or symbol names.</summary>
    public IReadOnlyList<object> Dims { get; } = [batch, depth, rows, cols];
}
