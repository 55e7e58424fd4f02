using System.Runtime.CompilerServices;

namespace Kittens.Runtime;

/// <summary>
/// Checks a launch's tensor arguments against their <see cref="ShapeSpec"/>s, binding each
/// symbol to the first value seen. Lives on the stack with inline storage for
/// <see cref="MaxSymbols"/> symbols, so a successful check allocates nothing; only a failure
/// builds a message, e.g.
/// <c>Argument 'k' has shape (2, 8, 512, 64) but the kernel expects (B, H, N, 64) = (2, 8, 1024, 64): N is 1024 from 'q'.</c>
/// </summary>
public ref struct ShapeBinder
{
    /// <summary>The most distinct symbols one launch can bind.</summary>
    public const int MaxSymbols = 16;

    private Bindings _bindings;
    private int _count;

    /// <summary>Checks <paramref name="actual"/> against <paramref name="spec"/>; throws <see cref="ArgumentException"/> (paramName = <paramref name="argument"/>) on a mismatch.</summary>
    public void Check(string argument, TensorShape actual, ShapeSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        int committed = _count;
        for (int i = 0; i < 4; i++)
        {
            int value = actual[i];
            string? symbol = spec.Symbol(i);
            if (symbol is null)
            {
                if (value != spec.Fixed(i))
                    Fail(argument, actual, spec, committed, $"{ShapeSpec.DimensionNames[i]} must be {spec.Fixed(i)}.");
                continue;
            }
            int slot = Find(symbol);
            if (slot < 0)
            {
                if (_count == MaxSymbols)
                    throw new InvalidOperationException($"A launch can bind at most {MaxSymbols} shape symbols; '{symbol}' is one too many.");
                _bindings[_count++] = new Binding(symbol, value, argument);
            }
            else if (_bindings[slot].Value != value)
            {
                var bound = _bindings[slot];
                Fail(argument, actual, spec, committed, $"{symbol} is {bound.Value} from '{bound.Argument}'.");
            }
        }
    }

    /// <summary>The value bound to <paramref name="symbol"/>, if any argument has bound it yet.</summary>
    public readonly bool TryGet(string symbol, out int value)
    {
        int slot = Find(symbol);
        value = slot < 0 ? 0 : _bindings[slot].Value;
        return slot >= 0;
    }

    private readonly int Find(string symbol)
    {
        for (int i = 0; i < _count; i++)
            if (string.Equals(_bindings[i].Symbol, symbol, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>Throws, first undoing the bindings this argument made so the state stays as before the check.</summary>
    private void Fail(string argument, TensorShape actual, ShapeSpec spec, int committed, string reason)
    {
        Span<int> expected = stackalloc int[4];
        for (int i = 0; i < 4; i++)
        {
            string? symbol = spec.Symbol(i);
            int slot = symbol is null ? -1 : Find(symbol);
            expected[i] = symbol is null ? spec.Fixed(i) : slot >= 0 ? _bindings[slot].Value : actual[i];
        }
        _count = committed;
        var expectedShape = new TensorShape(expected[0], expected[1], expected[2], expected[3]);
        throw new ArgumentException(
            $"Argument '{argument}' has shape {actual} but the kernel expects {spec} = {expectedShape}: {reason}",
            argument);
    }

    private readonly record struct Binding(string Symbol, int Value, string Argument);

    [InlineArray(MaxSymbols)]
    private struct Bindings
    {
        private Binding _element;
    }
}
