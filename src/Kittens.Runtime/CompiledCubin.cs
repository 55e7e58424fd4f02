namespace Kittens.Runtime;

/// <summary>The result of compiling a kernel: the CUBIN image, NVRTC's log and ptxas's resource report.</summary>
/// <param name="Cubin">The device ELF image, loadable with <c>cuModuleLoadData</c>.</param>
/// <param name="Log">NVRTC's compile log (warnings and ptxas info).</param>
/// <param name="Resources">Resources parsed from the log's ptxas lines for the entry point.</param>
public sealed record CompiledCubin(byte[] Cubin, string Log, KernelResources Resources)
{
    /// <summary>
    /// The compile's warnings, read from <see cref="Log"/> (ptxas's warnings and coded notes such
    /// as C7513 "wgmma ... serialized", front-end warnings at their C# line) and from
    /// <see cref="Resources"/> (spills). A kernel that performs as written has none. Computed from
    /// the log, so a cache entry carries them without a field of its own.
    /// </summary>
    public IReadOnlyList<CompileWarning> Warnings => PtxasReport.Warnings(Log, Resources);
}
