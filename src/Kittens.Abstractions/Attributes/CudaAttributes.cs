namespace Kittens;

/// <summary>
/// The CUDA spelling of a stub member: for a method, the callee the generator writes as
/// <c>callee(arg0, arg1, ...)</c>; for a property, an expression written as is. With
/// placeholders <c>{0}</c>, <c>{1}</c>, ... it is a template over the receiver (of an instance
/// member) and the arguments in order, e.g. <c>kittens::tma::store_async_wait&lt;{0}&gt;()</c>;
/// an argument that lands inside a template's <c>&lt;...&gt;</c> must be a C# constant.
/// <c>{T0}</c>, <c>{T1}</c>, ... are the method's type arguments, spelled as CUDA types (a
/// dimension marker as its number): <c>kittens::row_band&lt;{T0}&gt;({0}, {1})</c>. This
/// attribute is the only place an op's CUDA mapping is declared.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
public sealed class CudaAttribute(string cuda) : Attribute
{
    /// <summary>The CUDA callee, expression or template.</summary>
    public string Cuda { get; } = cuda;
}

/// <summary>
/// The CUDA spelling of a stub type. A generic stub type is written <c>name&lt;args&gt;</c>,
/// each type argument spelled by its own <see cref="CudaTypeAttribute"/> or <see cref="DimAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false)]
public sealed class CudaTypeAttribute(string name) : Attribute
{
    /// <summary>The CUDA type or template name.</summary>
    public string Name { get; } = name;
}

/// <summary>The value a tile-dimension marker type stands for.</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class DimAttribute(int value) : Attribute
{
    /// <summary>The dimension, a multiple of 16.</summary>
    public int Value { get; } = value;
}

/// <summary>
/// Marks a stub method whose call declares shared memory rather than running an op: the
/// generator turns <c>var x = Shared.Alloc&lt;ST&lt;...&gt;&gt;()</c> into an allocation and
/// counts its bytes into the kernel's dynamic shared memory.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class SharedAllocationAttribute : Attribute;

/// <summary>
/// Marks a stub op that moves a shared tile or vector through the TMA tensor map of its
/// <c>GL&lt;T&gt;</c> argument: the generator checks that the tensor's <see cref="TmaAttribute"/>
/// lists the shared type (otherwise the CUDA <c>gl</c> would have no map for it).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class TensorMapTransferAttribute : Attribute
{
    /// <summary>
    /// The op moves one 128-byte-wide column chunk of the shared tile: the map it needs is that of
    /// <c>ST&lt;T, R, W&gt;</c>, W = 128 / sizeof(T), not of the tile's own type.
    /// </summary>
    public bool ColumnChunk { get; set; }
}

/// <summary>
/// Marks a stub method whose call is a compile-time constant rather than CUDA: the generator
/// writes the <see cref="DimAttribute"/> value of its one type argument as a literal.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class FoldedDimAttribute : Attribute;

/// <summary>
/// Marks a stub method that returns a view of part of a shared tile (a band of rows or columns):
/// the generator checks the band's shape against the tile's and a constant band index against
/// the band count, and binds a local from it by reference.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class SubTileAttribute : Attribute;

/// <summary>
/// The GPU target a stub op needs: <c>"sm_90"</c> (Hopper and later: semaphores, TMA, clusters) or
/// <c>"sm_90a"</c> (Hopper's arch-specific features: wgmma, register reallocation). A kernel that
/// uses one compiles only for that target; for another, NVRTC stops at an <c>#error</c> that names
/// the kernel, the op and the target, instead of failing somewhere in the headers.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Class, Inherited = false)]
public sealed class RequiresArchAttribute(string arch) : Attribute
{
    /// <summary>"sm_90" or "sm_90a".</summary>
    public string Arch { get; } = arch;
}

/// <summary>
/// The values a stub op's int parameter may take when the hardware fixes them (a named-barrier
/// id, a register count): a constant argument, or one a kernel instance folds, outside
/// [<see cref="Min"/>, <see cref="Max"/>] or off the <see cref="Step"/> grid is a generator
/// error at the argument instead of a ptxas error (or a hang) at run time. Values only the
/// running kernel knows are the author's, as in CUDA.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class ValueRangeAttribute(int min, int max) : Attribute
{
    /// <summary>The smallest value allowed.</summary>
    public int Min { get; } = min;

    /// <summary>The largest value allowed (lowered to the block's threads with <see cref="AtMostBlockThreads"/>).</summary>
    public int Max { get; } = max;

    /// <summary>Allowed values are multiples of this (1: any).</summary>
    public int Step { get; set; } = 1;

    /// <summary>The value counts threads of the block, so it may not exceed the kernel's Threads.</summary>
    public bool AtMostBlockThreads { get; set; }

    /// <summary>Where the range comes from (the PTX instruction), quoted in the diagnostic.</summary>
    public string Reason { get; set; } = "";
}

/// <summary>
/// Marks a stub op that every thread of whole warpgroups must execute together (wgmma,
/// setmaxnreg, a warpgroup barrier: <c>.sync.aligned</c> PTX): the generator refuses it in a
/// kernel whose Threads is not a multiple of <see cref="Threads"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ThreadsMultipleAttribute(int threads) : Attribute
{
    /// <summary>The block's Threads must be a positive multiple of this.</summary>
    public int Threads { get; } = threads;
}
