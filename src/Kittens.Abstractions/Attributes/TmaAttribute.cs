namespace Kittens;

/// <summary>
/// Lists the shared tiles and vectors (<c>ST&lt;T, R, C&gt;</c>, <c>SV&lt;T, N&gt;</c> of the
/// tensor's dtype) that TMA moves between shared memory and a <c>GL&lt;T&gt;</c> parameter. The
/// parameter becomes <c>kittens::gl&lt;T, st&lt;...&gt;, ...&gt;</c>, carrying one tensor map per
/// listed type, and the launcher encodes those maps for the tensor it is given (once per
/// tensor, then cached). Every <see cref="Tma.Load{T, R, C}"/> and <see cref="Tma.Store{T, R, C}"/>
/// on the parameter must move one of the listed types.
/// <para>
/// On a kernel parameter, a bare <c>[Tma]</c> (no types) takes the list from the body: one map
/// per shared type its TMA ops move through the tensor, in order of first use. That is how a
/// generic kernel declares them, since an attribute cannot name its type parameters. A device
/// function's tensor parameter without <c>[Tma]</c> takes any tensor as it is passed.
/// </para>
/// </summary>
/// <example><c>[Tma(typeof(ST&lt;bf16, D64, D128&gt;))] GL&lt;bf16&gt; q</c>, or <c>[Tma] GL&lt;bf16&gt; q</c> in a generic kernel.</example>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class TmaAttribute(params Type[] tiles) : Attribute
{
    /// <summary>The shared tile and vector types, in the order their maps are packed.</summary>
    public IReadOnlyList<Type> Tiles { get; } = tiles;
}
