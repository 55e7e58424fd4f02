namespace Kittens;

/// <summary>Layout of a register tile's 16x16 fragments.</summary>
public interface ITileLayout;

/// <summary>
/// A tile layout whose column vectors (one value per row, R long: what RowMax and RowSum write
/// and AddRow … DivRow and Exp2AffineRow read) have vector layout <typeparamref name="V"/>.
/// Ops take the vector's layout as a type parameter checked against this, so one generic
/// function over <c>L</c> can reduce and broadcast for either tile layout:
/// <c>where L : struct, IColVecLayout&lt;VC&gt;, IRowVecLayout&lt;VR&gt;</c>.
/// </summary>
public interface IColVecLayout<V> : ITileLayout where V : struct, IVecLayout;

/// <summary>
/// A tile layout whose row vectors (one value per column, C long: what ColMax and ColSum write
/// and AddCol … DivCol read) have vector layout <typeparamref name="V"/>.
/// </summary>
public interface IRowVecLayout<V> : ITileLayout where V : struct, IVecLayout;

/// <summary>
/// Row layout: the mma A-operand and accumulator fragment (a thread holds row pairs of columns).
/// Its column vectors are <see cref="Ortho"/>, its row vectors <see cref="Align"/>.
/// </summary>
[CudaType("kittens::row_l")] public struct Row : IColVecLayout<Ortho>, IRowVecLayout<Align>;

/// <summary>
/// Column layout: the mma B-operand fragment of an A·B product (the transpose of row layout).
/// Its column vectors are <see cref="Align"/>, its row vectors <see cref="Ortho"/>.
/// </summary>
[CudaType("kittens::col_l")] public struct Col : IColVecLayout<Align>, IRowVecLayout<Ortho>;

/// <summary>
/// Layout of a register vector, fixed by the tile it reduces or broadcasts over (see
/// <see cref="IColVecLayout{V}"/> and <see cref="IRowVecLayout{V}"/>).
/// </summary>
public interface IVecLayout;

/// <summary>
/// The layout of a row-layout tile's column vector (one value per row: row max, row sum) and of
/// a column-layout tile's row vector.
/// </summary>
[CudaType("kittens::ortho_l")] public struct Ortho : IVecLayout;

/// <summary>
/// The layout of a row-layout tile's row vector (one value per column) and of a column-layout
/// tile's column vector.
/// </summary>
[CudaType("kittens::align_l")] public struct Align : IVecLayout;
