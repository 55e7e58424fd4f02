using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Kittens.Generator.Translation;

/// <summary>
/// Shared-memory sizes. <see cref="ByteSize"/> is the one place a shared type's size is
/// computed; the emitted <c>static_assert</c> checks it against the tile headers.
/// </summary>
internal static class SharedMemory
{
    /// <summary>Every tile or vector allocation starts on this boundary (the swizzle pattern repeats every 1024 bytes).</summary>
    public const int Alignment = 1024;

    /// <summary>The most dynamic shared memory a block may have on any current GPU (227 KiB, sm_90 / sm_100).</summary>
    public const int MaxBytesPerBlock = 227 * 1024;

    /// <summary>The shared memory of one SM on sm_90 (228 KiB), which all its resident blocks share.</summary>
    public const int MaxBytesPerSm = 228 * 1024;

    /// <summary>The shared memory the GPU keeps for itself per resident block (sm_80 and later).</summary>
    public const int ReservedBytesPerBlock = 1024;

    /// <summary>The byte size of <c>kittens::semaphore</c>, one mbarrier.</summary>
    public const int SemaphoreBytes = 8;

    /// <summary>
    /// The byte size of a shared type: <c>st&lt;T, R, C&gt;</c> is R*C*sizeof(T), <c>sv&lt;T, N&gt;</c>
    /// is N*sizeof(T), <c>semaphore</c> is 8; null when <paramref name="type"/> is not a semaphore
    /// or a shared tile or vector of float, bf16 or f16.
    /// </summary>
    public static int? ByteSize(ITypeSymbol type, KnownSymbols known)
    {
        var kind = known.GetTileKind(type);
        if (kind == TileKind.Semaphore) return SemaphoreBytes;
        if (!kind.IsShared() || type is not INamedTypeSymbol named) return null;
        int? elementBytes = CudaTypeNames.ElementBytes(named.TypeArguments[0], known);
        int? rows = kind == TileKind.SharedTile ? known.GetDim(named.TypeArguments[1]) : 1;
        int? cols = known.GetDim(named.TypeArguments[kind == TileKind.SharedTile ? 2 : 1]);
        if (elementBytes is null || rows is null || cols is null) return null;
        return elementBytes.Value * rows.Value * cols.Value;
    }

    /// <summary>
    /// The swizzle width of a shared tile with <paramref name="cols"/> columns of
    /// <paramref name="elementBytes"/>-byte elements: the widest of 128/64/32 bytes that divides a
    /// row (16-bit: 64 columns → 128, 32 → 64, else 32; float: 32 columns → 128, else 64), as
    /// <c>kittens::st_swizzle_bytes</c> in st.cuh computes it (pinned by a compile test).
    /// </summary>
    public static int SwizzleBytes(int cols, int elementBytes) => elementBytes == 2
        ? (cols % 64 == 0 ? 128 : cols % 32 == 0 ? 64 : 32)
        : (cols % 32 == 0 ? 128 : 64);

    /// <summary>
    /// Where an allocation of <paramref name="type"/> may start: semaphores (8-byte mbarriers) are
    /// packed at their own alignment, so a kernel's dozen of them cost bytes, not a 1024-byte
    /// block each; tiles and vectors start on <see cref="Alignment"/>. The header allocator
    /// (allocator.cuh) applies the same rule: types aligned to less than 16 bytes keep their own
    /// alignment.
    /// </summary>
    public static int AlignmentOf(ITypeSymbol type, KnownSymbols known) =>
        known.GetTileKind(type) == TileKind.Semaphore ? SemaphoreBytes : Alignment;

    public static long AlignUp(long bytes, long alignment = Alignment) => (bytes + alignment - 1) / alignment * alignment;

    /// <summary>
    /// The dynamic shared bytes a kernel needs: the allocations laid out in order, each at its
    /// alignment, plus 1024 so the allocator can align the base; 0 when nothing is allocated.
    /// </summary>
    public static long DynamicBytes(IEnumerable<(long Bytes, int Alignment)> allocations)
    {
        long end = 0;
        bool any = false;
        foreach (var (bytes, alignment) in allocations)
        {
            end = AlignUp(end, alignment) + bytes;
            any = true;
        }
        return any ? end + Alignment : 0;
    }
}
