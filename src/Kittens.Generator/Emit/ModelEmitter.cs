using Kittens.Generator.Model;
using Kittens.Generator.Translation;

namespace Kittens.Generator.Emit;

/// <summary>
/// The emit stage's first half: a translated instance → the <see cref="KernelModel"/> the
/// incremental pipeline caches (plain values only). The second half, after the cache, formats
/// that model as text (<see cref="CudaEmitter"/>, <see cref="LauncherEmitter"/>).
/// </summary>
internal static class ModelEmitter
{
    /// <param name="translated">The translated instance.</param>
    /// <param name="declarationHasErrors">The parse stage reported problems with the declaration.</param>
    public static KernelModel Emit(TranslatedKernel translated, bool declarationHasErrors)
    {
        var declaration = translated.Bound.Definition.Declaration;
        var instance = translated.Bound.Instance;
        // Errors still give a launcher (so calls to it compile), with an #error for CUDA.
        bool hasErrors = declarationHasErrors || translated.Diagnostics.Count > 0 || translated.HasInvalidCode;
        return new KernelModel(
            Namespace: declaration.Namespace,
            ContainingTypes: declaration.ContainingTypes,
            MethodName: instance.Name,
            InstanceOf: instance.InstanceOf(declaration.MethodName),
            HintName: declaration.HintName(instance.Name),
            EntryPoint: translated.EntryPoint,
            FilePath: declaration.FilePath,
            Threads: instance.Threads,
            MinBlocksPerSm: instance.MinBlocksPerSm,
            ClusterSize: instance.ClusterSize,
            Parameters: translated.Parameters,
            // With errors the CUDA is only an #error: keep nothing that moves when lines move.
            SharedTypes: hasErrors ? EquatableArray<SharedTypeModel>.Empty : translated.Shared.Types,
            DynamicSharedBytes: translated.Shared.DynamicBytes,
            DeviceFunctions: hasErrors ? EquatableArray<CudaFunctionModel>.Empty : translated.DeviceFunctions,
            Body: hasErrors ? EquatableArray<CudaLine>.Empty : translated.Body,
            Arch: translated.Arch,
            HasTranslationErrors: hasErrors);
    }
}
