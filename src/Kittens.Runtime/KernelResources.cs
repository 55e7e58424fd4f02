namespace Kittens.Runtime;

/// <summary>
/// Per-thread and per-block resources of a compiled kernel, as ptxas reports them
/// (<c>Used N registers, M bytes smem</c>; <c>S bytes stack frame, X bytes spill stores, Y bytes spill loads</c>).
/// Spills are the number to watch: any is usually a performance bug.
/// </summary>
/// <param name="Registers">Registers per thread.</param>
/// <param name="StaticSharedBytes">Static (<c>__shared__</c>) shared memory per block; dynamic shared memory is not included.</param>
/// <param name="StackFrameBytes">Per-thread stack frame (local memory) in bytes.</param>
/// <param name="SpillStoreBytes">Bytes of register spill stores.</param>
/// <param name="SpillLoadBytes">Bytes of register spill loads.</param>
public readonly record struct KernelResources(
    int Registers,
    int StaticSharedBytes,
    int StackFrameBytes,
    int SpillStoreBytes,
    int SpillLoadBytes)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{Registers} registers, {StaticSharedBytes} bytes smem, {StackFrameBytes} bytes stack, " +
        $"{SpillStoreBytes} bytes spill stores, {SpillLoadBytes} bytes spill loads";
}
