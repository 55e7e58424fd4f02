namespace Kittens.Runtime;

/// <summary>
/// What one TMA tensor map moves: a <c>st&lt;T, rows, cols&gt;</c> shared tile or a
/// <c>sv&lt;T, length&gt;</c> shared vector. A kernel parameter <c>[Tma(typeof(ST&lt;...&gt;), ...)] GL&lt;T&gt;</c>
/// has one box per listed type; the generated launcher keeps them in a static array and passes
/// it to <see cref="KernelArgs.AddTensor{T}(DeviceTensor{T}, ReadOnlySpan{TmaBox}, string?)"/>.
/// </summary>
public readonly record struct TmaBox
{
    private TmaBox(bool isVector, int rows, int cols)
    {
        IsVector = isVector;
        Rows = rows;
        Cols = cols;
    }

    /// <summary>A shared vector rather than a tile.</summary>
    public bool IsVector { get; }

    /// <summary>Rows of the tile (1 for a vector).</summary>
    public int Rows { get; }

    /// <summary>Columns of the tile, or the length of the vector.</summary>
    public int Cols { get; }

    /// <summary>The box of a <c>st&lt;T, rows, cols&gt;</c> (both positive multiples of 16).</summary>
    public static TmaBox Tile(int rows, int cols)
    {
        CheckDimension(rows, nameof(rows));
        CheckDimension(cols, nameof(cols));
        return new(false, rows, cols);
    }

    /// <summary>The box of a <c>sv&lt;T, length&gt;</c> (a positive multiple of 16).</summary>
    public static TmaBox Vector(int length)
    {
        CheckDimension(length, nameof(length));
        return new(true, 1, length);
    }

    /// <summary><c>st[64x128]</c> or <c>sv[64]</c>.</summary>
    public override string ToString() => IsVector ? $"sv[{Cols}]" : $"st[{Rows}x{Cols}]";

    private static void CheckDimension(int value, string name)
    {
        if (value <= 0 || value % 16 != 0)
            throw new ArgumentOutOfRangeException(name, value, "Shared tile and vector dimensions are positive multiples of 16.");
    }
}
