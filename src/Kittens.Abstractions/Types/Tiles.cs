namespace Kittens;

/// <summary>Types that live in shared memory: shared tiles and vectors, and semaphores.</summary>
public interface ISharedMemory;

/// <summary>
/// A register tile of R x C elements spread over the 32 lanes of a warp, in 16x16 fragments of
/// layout L. Declare with <c>var t = new RT&lt;float, D16, D64, Row&gt;();</c>.
/// </summary>
[CudaType("kittens::rt")]
public struct RT<T, R, C, L>
    where T : unmanaged where R : struct, IDim where C : struct, IDim where L : struct, ITileLayout;

/// <summary>A register vector of N elements in the layout that matches the tile it comes from.</summary>
[CudaType("kittens::rv")]
public struct RV<T, N, L>
    where T : unmanaged where N : struct, IDim where L : struct, IVecLayout;

/// <summary>
/// A shared-memory tile of R x C elements, stored in swizzled column chunks (the layout TMA and
/// wgmma use). Allocate with <see cref="Shared.Alloc{T}()"/>.
/// </summary>
[CudaType("kittens::st")]
public struct ST<T, R, C> : ISharedMemory
    where T : unmanaged where R : struct, IDim where C : struct, IDim
{
    /// <summary>
    /// Band <paramref name="band"/> of <typeparamref name="R2"/> rows (rows band·R2 .. band·R2 + R2 − 1),
    /// a view of this tile's memory that warp and warpgroup loads and stores and wgmma take like a
    /// tile: <c>Warp.Load(scores, q.Rows&lt;D16&gt;(warp))</c>. R2 is a multiple of 16 that divides R.
    /// A TMA copy takes it only where its rows are one block of memory (a tile of at most one
    /// swizzle chunk of columns: 64 for 16-bit types, 32 for float).
    /// </summary>
    [Cuda("kittens::row_band<{T0}>({0}, {1})"), SubTile]
    public readonly ST<T, R2, C> Rows<R2>(int band) where R2 : struct, IDim => throw Stub.OnlyInKernel();

    /// <summary>
    /// Band <paramref name="band"/> of <typeparamref name="C2"/> columns, a view like <see cref="Rows{R2}(int)"/>.
    /// C2 is a whole number of the tile's swizzle chunks (64 columns for 16-bit tiles of 64 or more
    /// columns, 32 for float tiles of 32 or more), since a narrower band would need another swizzle.
    /// </summary>
    [Cuda("kittens::col_band<{T0}>({0}, {1})"), SubTile]
    public readonly ST<T, R, C2> Cols<C2>(int band) where C2 : struct, IDim => throw Stub.OnlyInKernel();

    /// <summary>The <typeparamref name="R2"/> x <typeparamref name="C2"/> sub-tile at band (<paramref name="rowBand"/>, <paramref name="colBand"/>): <see cref="Rows{R2}(int)"/> and <see cref="Cols{C2}(int)"/> at once.</summary>
    [Cuda("kittens::subtile<{T0}, {T1}>({0}, {1}, {2})"), SubTile]
    public readonly ST<T, R2, C2> Sub<R2, C2>(int rowBand, int colBand) where R2 : struct, IDim where C2 : struct, IDim => throw Stub.OnlyInKernel();
}

/// <summary>A shared-memory vector of N elements. Allocate with <see cref="Shared.Alloc{T}()"/>.</summary>
[CudaType("kittens::sv")]
public struct SV<T, N> : ISharedMemory
    where T : unmanaged where N : struct, IDim
{
    /// <summary>
    /// Element <paramref name="i"/> (0 ≤ i &lt; N), by reference: read it, assign it or update it
    /// (<c>v[i] += x</c>) from one thread. No bounds are checked: as in CUDA, an index outside the
    /// vector is undefined behaviour. Other threads see a write after a barrier
    /// (<see cref="Gpu.SyncThreads"/>).
    /// </summary>
    [Cuda("{0}[{1}]")]
    public readonly ref T this[int i] => throw Stub.OnlyInKernel();
}

/// <summary>
/// A global-memory tensor kernel parameter: 4-D (batch, depth, rows, cols), row-major,
/// contiguous. The launcher takes a <c>DeviceTensor&lt;T&gt;</c> for it. T is float, bf16 or f16;
/// int and uint tensors are also taken, for element access and <see cref="Atomic"/> ops (tiles
/// cannot hold them).
/// </summary>
[CudaType("kittens::gl")]
public struct GL<T> where T : unmanaged
{
    /// <summary>Extent of dimension 0.</summary>
    [Cuda("{0}.batch")] public readonly int Batch => throw Stub.OnlyInKernel();
    /// <summary>Extent of dimension 1.</summary>
    [Cuda("{0}.depth")] public readonly int Depth => throw Stub.OnlyInKernel();
    /// <summary>Extent of dimension 2.</summary>
    [Cuda("{0}.rows")] public readonly int Rows => throw Stub.OnlyInKernel();
    /// <summary>Extent of dimension 3.</summary>
    [Cuda("{0}.cols")] public readonly int Cols => throw Stub.OnlyInKernel();

    /// <summary>
    /// Element (b, d, r, c), by reference: read it, assign it, update it (<c>t[b, d, r, c] += x</c>),
    /// or pass <c>ref t[b, d, r, c]</c> to an <see cref="Atomic"/> op. The offset
    /// ((b·depth + d)·rows + r)·cols + c is computed in 64 bits. No bounds are checked: as in CUDA,
    /// an index outside the tensor is undefined behaviour, so guard epilogues of partial tiles
    /// yourself. Plain reads and writes are not atomic: two threads updating one element race.
    /// </summary>
    [Cuda("{0}({1}, {2}, {3}, {4})")]
    public readonly ref T this[int b, int d, int r, int c] => throw Stub.OnlyInKernel();

    /// <summary>
    /// Element (0, 0, r, c), by reference: the 2-index form for matrices (batch = depth = 1; with
    /// more, it addresses the first matrix). Same rules as the 4-index form.
    /// </summary>
    [Cuda("{0}(0, 0, {1}, {2})")]
    public readonly ref T this[int r, int c] => throw Stub.OnlyInKernel();
}

/// <summary>
/// A tile coordinate (batch, depth, row, col); row and col count tiles of the shape being moved
/// (for vectors: col counts vectors, row counts rows).
/// </summary>
[CudaType("kittens::coord")]
public readonly struct Coord
{
    /// <summary>A 4-D coordinate.</summary>
    public Coord(int b, int d, int r, int c) => throw Stub.OnlyInKernel();

    /// <summary>A 2-D coordinate (batch = depth = 0).</summary>
    public Coord(int r, int c) => throw Stub.OnlyInKernel();
}
