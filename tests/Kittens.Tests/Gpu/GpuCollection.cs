namespace Kittens.Tests.GpuTests;

/// <summary>
/// The GPU correctness tests run one at a time (they share one device and its default stream, and
/// a failure is easier to read without other kernels in flight); other test collections may still
/// run beside them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class GpuCollection
{
    /// <summary>The collection name used by every GPU test class.</summary>
    public const string Name = "GPU kernels";
}
