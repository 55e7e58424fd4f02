namespace Kittens.Runtime;

/// <summary>A launch grid's extent in blocks (x, y, z), like CUDA's <c>dim3</c>.</summary>
public readonly record struct Dim3(uint X, uint Y = 1, uint Z = 1)
{
    /// <summary>A one-dimensional grid.</summary>
    public static implicit operator Dim3(uint x) => new(x);

    /// <inheritdoc/>
    public override string ToString() => $"({X}, {Y}, {Z})";
}
