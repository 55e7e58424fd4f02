namespace Kittens;

/// <summary>
/// One instance of a generic <c>[Kernel]</c> method: its type arguments, in the order of the
/// method's type parameters, and the name of the kernel it becomes. Each instance is a kernel
/// of its own: the generator binds the type parameters (dims, dtypes, layouts, schedule types),
/// folds the schedule types' static members into literals and emits its own CUDA text and a
/// nested <c>{Name}Kernel</c> launcher. Launch settings left at 0 are the <c>[Kernel]</c>'s.
/// </summary>
/// <example>
/// <code>
/// [Kernel(MinBlocksPerSm = 1)]
/// [KernelInstance("ForwardD64", typeof(D64), typeof(Schedule64), Threads = 512)]
/// [KernelInstance("ForwardD128", typeof(D128), typeof(Schedule128), Threads = 384)]
/// public static void Forward&lt;TDim, TSchedule&gt;(...) where TDim : struct, IDim where TSchedule : struct, ISchedule
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class KernelInstanceAttribute(string name, params Type[] typeArguments) : Attribute
{
    /// <summary>The instance's kernel name: its launcher is <c>{Name}Kernel</c>, its entry point the snake_case of it.</summary>
    public string Name { get; } = name;

    /// <summary>The type arguments, one per type parameter of the kernel method, in order.</summary>
    public IReadOnlyList<Type> TypeArguments { get; } = typeArguments;

    /// <summary>Threads per block for this instance; 0 takes <see cref="KernelAttribute.Threads"/>.</summary>
    public int Threads { get; set; }

    /// <summary>Minimum resident blocks per multiprocessor; 0 takes <see cref="KernelAttribute.MinBlocksPerSm"/>.</summary>
    public int MinBlocksPerSm { get; set; }

    /// <summary>Blocks per cluster along x; 0 takes <see cref="KernelAttribute.ClusterSize"/>.</summary>
    public int ClusterSize { get; set; }
}
