namespace Kittens.Runtime;

/// <summary>
/// Everything needed to build and launch one generated kernel. The generator emits one as a
/// static per kernel; <see cref="Cuda"/> carries <c>#line</c> directives back to
/// <see cref="CSharpFile"/> so compile errors point at the C# source.
/// </summary>
/// <param name="EntryPoint">The <c>extern "C" __global__</c> function name.</param>
/// <param name="Cuda">The complete CUDA C++ translation unit.</param>
/// <param name="CSharpFile">The C# file the kernel was written in.</param>
/// <param name="ThreadsPerBlock">Block size (also the first launch bound).</param>
/// <param name="MinBlocksPerSm">Minimum resident blocks per SM (the second launch bound).</param>
/// <param name="DynamicSharedBytes">Dynamic shared memory per block, in bytes.</param>
/// <param name="ClusterSize">
/// Blocks per thread-block cluster along x, fixed in the CUDA (<c>__cluster_dims__</c>); 1 is no
/// cluster. A launch's grid x extent must be a multiple of it.
/// </param>
public sealed record KernelSource(
    string EntryPoint,
    string Cuda,
    string CSharpFile,
    int ThreadsPerBlock,
    int MinBlocksPerSm,
    int DynamicSharedBytes,
    int ClusterSize = 1);
