namespace Kittens.Runtime;

/// <summary>
/// The tensor maps of one device tensor, one per <see cref="TmaBox"/>, encoded on first use and
/// then reused: a launch that finds its maps here does no encoding and no allocation. Reads
/// take no lock (the entry array is replaced, never changed); the first use of a box encodes
/// it under a lock.
/// </summary>
internal sealed class TensorMapCache
{
    private readonly TensorMapEncoder _encoder;
    private readonly TensorMapDataType _type;
    private readonly nint _address;
    private readonly TensorShape _shape;
    private readonly Lock _gate = new();
    private volatile Entry[] _entries = [];

    public TensorMapCache(TensorMapDataType type, nint address, TensorShape shape, TensorMapEncoder encoder)
    {
        _type = type;
        _address = address;
        _shape = shape;
        _encoder = encoder;
    }

    /// <summary>Number of maps encoded so far.</summary>
    public int Count => _entries.Length;

    /// <summary>
    /// The map for <paramref name="box"/>, encoding it if this is its first use (validation errors
    /// name <paramref name="argument"/>, the kernel argument).
    /// </summary>
    public ref readonly TensorMap Get(TmaBox box, string argument)
    {
        foreach (var entry in _entries)
        {
            if (entry.Box == box) return ref entry.Map;
        }
        return ref Add(box, argument).Map;
    }

    private Entry Add(TmaBox box, string argument)
    {
        lock (_gate)
        {
            var entries = _entries;
            foreach (var entry in entries)
            {
                if (entry.Box == box) return entry;
            }
            var added = new Entry(box, _encoder.Encode(_type, _address, _shape, box, argument));
            _entries = [.. entries, added];
            return added;
        }
    }

    private sealed class Entry(TmaBox box, TensorMap map)
    {
        public readonly TmaBox Box = box;
        public readonly TensorMap Map = map;
    }
}
