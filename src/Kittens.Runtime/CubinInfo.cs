using System.Buffers.Binary;
using System.Text;

namespace Kittens.Runtime;

/// <summary>What a CUBIN (a CUDA ELF image) says about itself: its kernels and its target arch (for the compiler's entry-point check and the kittens tool).</summary>
internal static class CubinInfo
{
    /// <summary>The names of the code sections ".text.&lt;kernel&gt;", one per kernel.</summary>
    public static IReadOnlyList<string> KernelNames(byte[] cubin)
    {
        var names = new List<string>();
        ReadOnlySpan<byte> prefix = ".text."u8;
        var bytes = cubin.AsSpan();
        for (int at = bytes.IndexOf(prefix); at >= 0;)
        {
            int start = at + prefix.Length;
            int length = bytes[start..].IndexOf((byte)0);
            if (length > 0) names.Add(Encoding.UTF8.GetString(bytes.Slice(start, length)));
            int next = bytes[start..].IndexOf(prefix);
            at = next < 0 ? -1 : start + next;
        }
        return names.Distinct().ToList();
    }

    /// <summary>
    /// The SM version from the ELF header's e_flags: its low byte is the SM number (0x5a = 90),
    /// and bit 0x800 marks the arch-specific variant ("a", as in sm_90a). Null when the image is
    /// not a 64-bit ELF of that layout (CUDA ELF ABI version 7; later ABIs pack e_flags differently).
    /// </summary>
    public static string? Arch(byte[] cubin)
    {
        if (cubin.Length < 52 || !cubin.AsSpan(0, 4).SequenceEqual("\u007fELF"u8) || cubin[4] != 2 || cubin[8] != 7) return null;
        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(cubin.AsSpan(48));
        uint sm = flags & 0xff;
        return sm == 0 ? null : $"sm_{sm}{((flags & 0x800) != 0 ? "a" : "")}";
    }
}
