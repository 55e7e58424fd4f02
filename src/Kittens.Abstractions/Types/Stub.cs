namespace Kittens;

/// <summary>The error every stub raises when C# calls it on the CPU.</summary>
internal static class Stub
{
    public static NotSupportedException OnlyInKernel() => new(
        "Kittens tile types and ops only run inside a [Kernel] method on the GPU: the source " +
        "generator translates them to CUDA. Call the generated launcher ({Method}Kernel.Launch) instead.");
}
