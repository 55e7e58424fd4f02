namespace Kittens.Runtime;

/// <summary>The result of compiling a kernel: the CUBIN image, NVRTC's log and ptxas's resource report.</summary>
/// <param name="Cubin">The device ELF image, loadable with <c>cuModuleLoadData</c>.</param>
/// <param name="Log">NVRTC's compile log (warnings and ptxas info).</param>
/// <param name="Resources">Resources parsed from the log's ptxas lines for the entry point.</param>
public sealed record CompiledCubin(byte[] Cubin, string Log, KernelResources Resources);
