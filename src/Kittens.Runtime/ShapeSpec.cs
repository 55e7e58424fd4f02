namespace Kittens.Runtime;

/// <summary>
/// The shape a kernel's global-tensor argument must have, from its <c>[Shape(...)]</c>: four
/// extents (batch, depth, rows, cols), each a fixed <see cref="int"/> or a <see cref="string"/>
/// symbol that must take one value across all arguments of a launch. Generated launchers hold
/// these as statics and check arguments with <see cref="ShapeBinder"/>.
/// </summary>
public sealed class ShapeSpec
{
    /// <summary>The names of the four dimensions, for messages.</summary>
    internal static readonly string[] DimensionNames = ["batch", "depth", "rows", "cols"];

    private readonly int[] _fixed = new int[4];
    private readonly string?[] _symbols = new string?[4];

    /// <summary>Creates a spec from four extents, each an int (fixed, not negative) or a non-empty string (symbol).</summary>
    public ShapeSpec(params object[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        if (dims.Length != 4)
            throw new ArgumentException($"A shape has 4 extents (batch, depth, rows, cols), got {dims.Length}.", nameof(dims));
        for (int i = 0; i < 4; i++)
        {
            switch (dims[i])
            {
                case int value when value >= 0:
                    _fixed[i] = value;
                    break;
                case string symbol when !string.IsNullOrWhiteSpace(symbol):
                    _symbols[i] = symbol;
                    break;
                default:
                    throw new ArgumentException(
                        $"Shape extent {i} ({DimensionNames[i]}) must be a non-negative int or a symbol name, got '{dims[i] ?? "null"}'.",
                        nameof(dims));
            }
        }
        Dims = [.. dims];
    }

    /// <summary>The four extents as given.</summary>
    public IReadOnlyList<object> Dims { get; }

    /// <summary>The symbol of dimension <paramref name="index"/>, or null when it is fixed.</summary>
    public string? Symbol(int index) => _symbols[index];

    /// <summary>The fixed extent of dimension <paramref name="index"/> (meaningless when it is a symbol).</summary>
    public int Fixed(int index) => _fixed[index];

    /// <summary>Prints as written, e.g. <c>(B, H, N, 64)</c>.</summary>
    public override string ToString() =>
        $"({Part(0)}, {Part(1)}, {Part(2)}, {Part(3)})";

    private string Part(int i) => _symbols[i] ?? _fixed[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
}
