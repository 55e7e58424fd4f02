using System.Runtime.CompilerServices;

namespace Kittens;

/// <summary>The error every stub raises when C# calls it on the CPU.</summary>
internal static class Stub
{
    public static NotSupportedException OnlyInKernel([CallerMemberName] string member = "") => new(
        (member == ".ctor" ? "This constructor" : "'" + member + "'") + " is a Kittens tile type or op: it only runs inside a [Kernel] method on the GPU, where the source " +
        "generator translates it to CUDA. Call the kernel's generated launcher instead (for a kernel Foo: FooKernel.Launch).");
}
