using Kittens.Generator.Binding;
using Kittens.Generator.Model;

namespace Kittens.Generator.Translation;

/// <summary>
/// The translate stage's model of one kernel instance: everything the CUDA text and the launcher
/// are made of, as values. The translation answers here what only it knows (the parameters'
/// CUDA names, which are written, the tensor maps a bare [Tma] takes, the shared layout), so no
/// later stage asks the translator back.
/// </summary>
/// <param name="Bound">The bound instance this translates.</param>
/// <param name="EntryPoint">The <c>extern "C"</c> CUDA function name.</param>
/// <param name="Parameters">The kernel parameters in order, as the CUDA signature and the launcher take them.</param>
/// <param name="Body">The translated kernel body, one entry per CUDA line.</param>
/// <param name="DeviceFunctions">The <c>[DeviceFunction]</c>s the body reaches, callees before callers.</param>
/// <param name="Shared">The shared types the body allocates and the dynamic shared bytes they take.</param>
/// <param name="Arch">The GPU target the ops it uses need (empty: any).</param>
/// <param name="HasInvalidCode">The C# had errors of its own (the compiler reports them); the CUDA cannot be generated.</param>
/// <param name="Diagnostics">The instance's problems: the bind stage's and the translation's.</param>
internal sealed record TranslatedKernel(
    BoundKernel Bound,
    string EntryPoint,
    EquatableArray<ParameterModel> Parameters,
    EquatableArray<CudaLine> Body,
    EquatableArray<CudaFunctionModel> DeviceFunctions,
    SharedLayout Shared,
    ArchRequirement Arch,
    bool HasInvalidCode,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>A kernel's shared memory: each distinct shared type (for a size check) and the dynamic bytes to reserve.</summary>
/// <param name="Types">Each distinct shared type allocated, in order of first allocation.</param>
/// <param name="DynamicBytes">Dynamic shared memory per block (<see cref="SharedMemory.DynamicBytes"/>); 0 when over the limit (with KIT diagnostic).</param>
internal sealed record SharedLayout(EquatableArray<SharedTypeModel> Types, int DynamicBytes);
