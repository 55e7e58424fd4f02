namespace Kittens.Generator.Model;

/// <summary>
/// Everything the emitters need about one kernel, as plain values: no symbols, syntax or
/// locations, so two runs over the same source give equal models and the pipeline caches.
/// </summary>
/// <param name="Namespace">The containing namespace, or empty for the global namespace.</param>
/// <param name="ContainingTypes">The enclosing types, outermost first.</param>
/// <param name="MethodName">The kernel's name: the C# method name, or the instance name of a generic kernel's instance.</param>
/// <param name="InstanceOf">For an instance of a generic kernel, the method with its type arguments (<c>Forward&lt;D64, Schedule64&gt;</c>); else empty.</param>
/// <param name="HintName">The unique name of the generated C# file.</param>
/// <param name="EntryPoint">The <c>extern "C"</c> CUDA function name (snake_case of the method name).</param>
/// <param name="FilePath">The C# file path as the compilation gives it (made project-relative when emitting).</param>
/// <param name="Threads">Threads per block, the first launch bound.</param>
/// <param name="MinBlocksPerSm">Minimum resident blocks per SM, the second launch bound.</param>
/// <param name="ClusterSize">Blocks per cluster along x; 1 is no cluster (no <c>__cluster_dims__</c>).</param>
/// <param name="Parameters">The kernel parameters in order.</param>
/// <param name="SharedTypes">Each distinct shared type allocated, for a <c>static_assert</c> on its size.</param>
/// <param name="DynamicSharedBytes">Dynamic shared memory per block.</param>
/// <param name="DeviceFunctions">Translated <c>[DeviceFunction]</c> methods, callees before callers.</param>
/// <param name="Body">The translated kernel body, one entry per CUDA line.</param>
/// <param name="HasTranslationErrors">The body could not be translated; the CUDA text is an <c>#error</c>.</param>
internal sealed record KernelModel(
    string Namespace,
    EquatableArray<TypeDeclarationModel> ContainingTypes,
    string MethodName,
    string InstanceOf,
    string HintName,
    string EntryPoint,
    string FilePath,
    int Threads,
    int MinBlocksPerSm,
    int ClusterSize,
    EquatableArray<ParameterModel> Parameters,
    EquatableArray<SharedTypeModel> SharedTypes,
    int DynamicSharedBytes,
    EquatableArray<CudaFunctionModel> DeviceFunctions,
    EquatableArray<CudaLine> Body,
    ArchRequirement Arch,
    bool HasTranslationErrors);

/// <summary>The GPU target a kernel's ops need, and the first op that needs it (both empty: any target).</summary>
/// <param name="Target">"sm_90" or "sm_90a", or empty.</param>
/// <param name="Op">The op, as <c>Type.Member</c>.</param>
internal sealed record ArchRequirement(string Target, string Op);

/// <summary>One enclosing type declaration, enough to reopen it as a partial type.</summary>
/// <param name="Keyword">class, struct, interface, record or record struct.</param>
/// <param name="Name">The name with its type parameter list, e.g. <c>Outer&lt;T&gt;</c>.</param>
/// <param name="Modifiers">Modifiers that every part must repeat or that we repeat for clarity (static, ref), space-terminated.</param>
internal sealed record TypeDeclarationModel(string Keyword, string Name, string Modifiers);

/// <summary>One kernel parameter.</summary>
/// <param name="Name">The C# name (without @).</param>
/// <param name="CudaName">The CUDA identifier.</param>
/// <param name="CudaType">The CUDA parameter type, e.g. <c>kittens::gl&lt;kittens::bf16&gt;</c>.</param>
/// <param name="IsConst">The body never assigns the parameter, so it is declared <c>const</c>.</param>
/// <param name="IsTensor">A <c>GL&lt;T&gt;</c> parameter: the launcher takes a <c>DeviceTensor&lt;T&gt;</c>.</param>
/// <param name="LauncherType">The launcher's C# type: the element type for tensors, the scalar type otherwise (fully qualified or a keyword).</param>
/// <param name="Shape">The <c>[Shape]</c> extents, or empty when the parameter has none.</param>
/// <param name="Tma">
/// The boxes of the <c>[Tma]</c> types, in order: the launcher packs one tensor map each after the
/// tensor (<c>KernelArgs.AddTensor</c>); empty for a plain <c>kittens::gl&lt;T&gt;</c>.
/// </param>
internal sealed record ParameterModel(
    string Name,
    string CudaName,
    string CudaType,
    bool IsConst,
    bool IsTensor,
    string LauncherType,
    EquatableArray<ShapeDimModel> Shape,
    EquatableArray<TmaBoxModel> Tma);

/// <summary>The box a <c>[Tma]</c> type moves: a rows x cols shared tile, or a vector of <see cref="Cols"/> elements (rows 1).</summary>
internal sealed record TmaBoxModel(bool IsVector, int Rows, int Cols);

/// <summary>One <c>[Shape]</c> extent: a fixed size, or a symbol when <see cref="Symbol"/> is not null.</summary>
internal sealed record ShapeDimModel(int Value, string? Symbol);

/// <summary>A shared type the kernel allocates, with the byte size the generator assumed.</summary>
internal sealed record SharedTypeModel(string CudaType, int ByteSize);

/// <summary>A translated device function: its signature line and body lines.</summary>
internal sealed record CudaFunctionModel(string Signature, EquatableArray<CudaLine> Body);

/// <summary>
/// One line of translated CUDA: code at an indent level, or (when <see cref="DirectivePath"/> is
/// set) a <c>#line</c> directive naming a C# line. Paths stay as the compilation gives them; the
/// emitter makes them project-relative, so the translation does not depend on the build options.
/// </summary>
internal sealed record CudaLine(int Indent, string Text, string? DirectivePath, int DirectiveLine)
{
    public static CudaLine Code(int indent, string text) => new(indent, text, null, 0);

    public static CudaLine Directive(string path, int line) => new(0, string.Empty, path, line);
}
