namespace Kittens.Generator.Model;

/// <summary>
/// What the generator's one semantic transform returns for a <c>[Kernel]</c> method: one model
/// per kernel instance (none when the declaration is too broken to generate a launcher) and the
/// diagnostics, which travel on their own pipeline branch.
/// </summary>
internal sealed record KernelResult(EquatableArray<KernelModel> Models, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The emitted output of one kernel: the CUDA text and the C# launcher file.</summary>
internal sealed record GeneratedKernel(string HintName, string CudaSource, string LauncherSource);
