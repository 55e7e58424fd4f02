using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Kittens.Generator.Translation;

/// <summary>
/// Shared-memory sizes. <see cref="ByteSize"/> is the one place a shared type's size is
/// computed; the emitted <c>static_assert</c> checks it against the tile headers.
/// </summary>
internal static class SharedMemory
{
    /// <summary>Every allocation starts on this boundary (the swizzle pattern repeats every 1024 bytes).</summary>
    public const int Alignment = 1024;

    /// <summary>The most dynamic shared memory a block may have on any current GPU (227 KiB, sm_90 / sm_100).</summary>
    public const int MaxBytesPerBlock = 227 * 1024;

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

    public static long AlignUp(long bytes) => (bytes + Alignment - 1) / Alignment * Alignment;

    /// <summary>
    /// The dynamic shared bytes a kernel needs: each allocation rounded up to 1024, plus 1024 so the
    /// allocator can align the base; 0 when nothing is allocated.
    /// </summary>
    public static long DynamicBytes(IEnumerable<long> allocationBytes)
    {
        long total = 0;
        bool any = false;
        foreach (var bytes in allocationBytes)
        {
            total += AlignUp(bytes);
            any = true;
        }
        return any ? total + Alignment : 0;
    }
}
