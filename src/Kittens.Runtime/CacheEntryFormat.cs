using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Kittens.Runtime;

/// <summary>
/// The on-disk form of a cached compile:
/// <c>magic "KITCUBIN" | format version (u32) | payload length (u64) | SHA-256 of payload | payload</c>,
/// payload = <c>cubin length (u32) | cubin | log length (u32) | log (UTF-8) | 5 resource ints</c>,
/// all little-endian. The entry carries its own hash, so a truncated or bit-flipped file is
/// recognised and never loaded onto the GPU.
/// </summary>
internal static class CacheEntryFormat
{
    public static ReadOnlySpan<byte> Magic => "KITCUBIN"u8;
    public const uint Version = 1;
    private const int HeaderSize = 8 + 4 + 8 + 32;

    public static byte[] Encode(CompiledCubin compiled)
    {
        byte[] log = Encoding.UTF8.GetBytes(compiled.Log);
        int payloadLength = 4 + compiled.Cubin.Length + 4 + log.Length + 5 * 4;
        var entry = new byte[HeaderSize + payloadLength];
        var payload = entry.AsSpan(HeaderSize);

        int at = 0;
        BinaryPrimitives.WriteInt32LittleEndian(payload[at..], compiled.Cubin.Length); at += 4;
        compiled.Cubin.CopyTo(payload[at..]); at += compiled.Cubin.Length;
        BinaryPrimitives.WriteInt32LittleEndian(payload[at..], log.Length); at += 4;
        log.CopyTo(payload[at..]); at += log.Length;
        var r = compiled.Resources;
        foreach (int value in (int[])[r.Registers, r.StaticSharedBytes, r.StackFrameBytes, r.SpillStoreBytes, r.SpillLoadBytes])
        {
            BinaryPrimitives.WriteInt32LittleEndian(payload[at..], value); at += 4;
        }

        var header = entry.AsSpan(0, HeaderSize);
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], Version);
        BinaryPrimitives.WriteUInt64LittleEndian(header[12..], (ulong)payloadLength);
        SHA256.HashData(payload, header[20..]);
        return entry;
    }

    /// <summary>Decodes an entry; null when anything (magic, version, length, hash, layout) is off.</summary>
    public static CompiledCubin? TryDecode(ReadOnlySpan<byte> entry)
    {
        if (entry.Length < HeaderSize || !entry[..8].SequenceEqual(Magic)) return null;
        if (BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]) != Version) return null;
        ulong payloadLength = BinaryPrimitives.ReadUInt64LittleEndian(entry[12..]);
        if (payloadLength != (ulong)(entry.Length - HeaderSize)) return null;
        var payload = entry[HeaderSize..];
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(payload, hash);
        if (!hash.SequenceEqual(entry[20..HeaderSize])) return null;

        // The hash matched, so the layout was written by Encode; still check every length so a
        // format bug cannot turn into an out-of-range read.
        int at = 0;
        if (!TryReadLength(payload, ref at, out int cubinLength)) return null;
        byte[] cubin = payload.Slice(at, cubinLength).ToArray(); at += cubinLength;
        if (!TryReadLength(payload, ref at, out int logLength)) return null;
        string log = Encoding.UTF8.GetString(payload.Slice(at, logLength)); at += logLength;
        if (payload.Length - at != 5 * 4) return null;
        Span<int> r = stackalloc int[5];
        for (int i = 0; i < 5; i++, at += 4) r[i] = BinaryPrimitives.ReadInt32LittleEndian(payload[at..]);
        return new CompiledCubin(cubin, log, new KernelResources(r[0], r[1], r[2], r[3], r[4]));
    }

    private static bool TryReadLength(ReadOnlySpan<byte> payload, ref int at, out int length)
    {
        length = 0;
        if (payload.Length - at < 4) return false;
        length = BinaryPrimitives.ReadInt32LittleEndian(payload[at..]);
        at += 4;
        return length >= 0 && length <= payload.Length - at;
    }
}
