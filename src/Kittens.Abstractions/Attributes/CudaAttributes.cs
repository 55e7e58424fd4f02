namespace Kittens;

/// <summary>
/// The CUDA spelling of a stub member: for a method, the callee the generator writes as
/// <c>callee(arg0, arg1, ...)</c>; for a property, an expression written as is. This attribute
/// is the only place an op's CUDA mapping is declared.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
public sealed class CudaAttribute(string cuda) : Attribute
{
    /// <summary>The CUDA callee or expression.</summary>
    public string Cuda { get; } = cuda;
}

/// <summary>
/// The CUDA spelling of a stub type. A generic stub type is written <c>name&lt;args&gt;</c>,
/// each type argument spelled by its own <see cref="CudaTypeAttribute"/> or <see cref="DimAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false)]
public sealed class CudaTypeAttribute(string name) : Attribute
{
    /// <summary>The CUDA type or template name.</summary>
    public string Name { get; } = name;
}

/// <summary>The value a tile-dimension marker type stands for.</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class DimAttribute(int value) : Attribute
{
    /// <summary>The dimension, a multiple of 16.</summary>
    public int Value { get; } = value;
}

/// <summary>
/// Marks a stub method whose call declares shared memory rather than running an op: the
/// generator turns <c>var x = Shared.Alloc&lt;ST&lt;...&gt;&gt;()</c> into an allocation and
/// counts its bytes into the kernel's dynamic shared memory.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class SharedAllocationAttribute : Attribute;
