namespace Kittens;

/// <summary>Layout of a register tile's 16x16 fragments.</summary>
public interface ITileLayout;

/// <summary>Row layout: the mma A-operand and accumulator fragment (a thread holds row pairs of columns).</summary>
[CudaType("kittens::row_l")] public struct Row : ITileLayout;

/// <summary>Column layout: the mma B-operand fragment of an A·B product (the transpose of row layout).</summary>
[CudaType("kittens::col_l")] public struct Col : ITileLayout;

/// <summary>Layout of a register vector, fixed by the tile it reduces or broadcasts over.</summary>
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
