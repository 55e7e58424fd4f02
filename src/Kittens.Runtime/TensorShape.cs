namespace Kittens.Runtime;

/// <summary>
/// The extents of a 4-D row-major tensor (batch, depth, rows, cols), the shape of a
/// <c>kittens::gl&lt;T&gt;</c>. Prints as <c>(2, 8, 1024, 64)</c>.
/// </summary>
public readonly record struct TensorShape(int Batch, int Depth, int Rows, int Cols)
{
    /// <summary>A matrix: (1, 1, rows, cols).</summary>
    public static TensorShape Matrix(int rows, int cols) => new(1, 1, rows, cols);

    /// <summary>The extent of dimension <paramref name="index"/> (0 = batch ... 3 = cols).</summary>
    public int this[int index] => index switch
    {
        0 => Batch,
        1 => Depth,
        2 => Rows,
        3 => Cols,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "a tensor shape has dimensions 0 to 3"),
    };

    /// <summary>Number of elements (the product of the extents).</summary>
    public long ElementCount => (long)Batch * Depth * Rows * Cols;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> (naming <paramref name="argument"/>) if an extent is negative.</summary>
    public void Validate(string argument)
    {
        if (Batch < 0 || Depth < 0 || Rows < 0 || Cols < 0)
            throw new ArgumentOutOfRangeException(argument, this, $"Tensor extents must not be negative, got {this}.");
    }

    /// <inheritdoc/>
    public override string ToString() => $"({Batch}, {Depth}, {Rows}, {Cols})";
}
