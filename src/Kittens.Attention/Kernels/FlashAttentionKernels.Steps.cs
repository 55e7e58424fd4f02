using Kittens;

namespace Kittens.Attention.Kernels;

/// <summary>The device functions of the attention forward: work units, masks and the online softmax.</summary>
internal static partial class FlashAttentionKernels
{
    /// <summary>
    /// Work units per head. Blocks take units x, x + gridDim.x, …; the units of one head are
    /// consecutive, so the blocks working at one time share few heads' K/V in L2. Without a
    /// causal mask a unit is one query block (tile). With one, a tile's cost grows with its query
    /// block, so a unit pairs query blocks qBlocks − 1 − x and x: every unit costs about the
    /// same, and a static assignment of units to blocks stays balanced.
    /// </summary>
    [DeviceFunction]
    private static int UnitsPerHead(int qBlocks, int causal)
    {
        return causal != 0 ? (qBlocks + 1) / 2 : qBlocks;
    }

    /// <summary>
    /// Which unit of its head unit <paramref name="u"/> is. The units of a head go to consecutive
    /// blocks, so with a grid that is a multiple of the units per head, block x would get the
    /// same unit of every head, round after round: the short first tile of a ragged sequence
    /// (<see cref="QueryGroup"/>) for some blocks and never for the others, which then set the
    /// time. Each head's units are rotated by head · unitsPerHead / gridDim.x, about the round
    /// in which the head is dealt, so every block gets each unit in turn.
    /// </summary>
    [DeviceFunction]
    private static int UnitInHead(int u, int unitsPerHead)
    {
        int head = u / unitsPerHead;
        return (u - head * unitsPerHead + head * unitsPerHead / GridDim.X) % unitsPerHead;
    }

    /// <summary>Tiles in unit <paramref name="x"/> of a head: 1, or 2 for a causal pair (1 for the middle block of an odd count).</summary>
    [DeviceFunction]
    private static int TilesInUnit(int x, int qBlocks, int causal)
    {
        return causal != 0 && qBlocks - 1 - x != x ? 2 : 1;
    }

    /// <summary>The query block of tile <paramref name="h"/> of unit <paramref name="x"/>: the long one of a causal pair first.</summary>
    [DeviceFunction]
    private static int UnitQueryBlock(int x, int h, int qBlocks, int causal)
    {
        if (causal == 0)
        {
            return x;
        }
        return h == 0 ? qBlocks - 1 - x : x;
    }

    /// <summary>
    /// The 64-row query group (rows 64·g to 64·g + 63) that warpgroup <paramref name="w"/> computes
    /// in query block <paramref name="qBlock"/>, when the ceil(n / 64) groups fall
    /// <paramref name="shortBy"/> groups short of filling every tile. Tiles are laid out back from
    /// the end of the sequence, so it is the first tile that runs short: its leading warpgroups
    /// get negative groups and no rows. Under a causal mask the first tile is the cheapest (one
    /// K/V block); laid out from the front, the short tile would be the dearest one, its idle
    /// warpgroups waiting through every K/V block.
    /// </summary>
    [DeviceFunction]
    private static int QueryGroup(int qBlock, int w, int shortBy, int consumers)
    {
        return qBlock * consumers + w - shortBy;
    }

    /// <summary>Masks block <paramref name="i"/>'s scores: causal on and right of the diagonal, and columns past n.</summary>
    [DeviceFunction]
    private static void MaskScores<TKvRows>(RT<float, D16, TKvRows, Row> scores, int i, int qRow, int warpRow, int n, int causal)
        where TKvRows : struct, IDim
    {
        int kvRows = Dims.Of<TKvRows>();
        if (causal != 0 && (i + 1) * kvRows > qRow)
        {
            Warp.CausalMask(scores, warpRow, i * kvRows, float.NegativeInfinity);
        }
        if ((i + 1) * kvRows > n)
        {
            Warp.ColumnMask(scores, i * kvRows, n, float.NegativeInfinity);
        }
    }

    /// <summary>
    /// The online softmax of the first block: row max of the raw scores, scores turned in place
    /// into 2^((s − max) · scaleLog2), their row sums started.
    /// </summary>
    [DeviceFunction]
    private static void FirstSoftmax<TKvRows>(RT<float, D16, TKvRows, Row> scores, RV<float, D16, Ortho> rowMax,
        RV<float, D16, Ortho> shift, RV<float, D16, Ortho> norm, float scaleLog2)
        where TKvRows : struct, IDim
    {
        Warp.RowMax(rowMax, scores, rowMax);
        Warp.Mul(shift, rowMax, scaleLog2);
        Warp.Exp2AffineRow(scores, scores, scaleLog2, shift);
        Warp.RowSum(norm, scores, norm);
    }

    /// <summary>
    /// One later step of the online softmax: raises the running row max (of raw scores), turns
    /// the scores in place into 2^((s − max) · scaleLog2), and leaves in <paramref name="rescale"/>
    /// the factor 2^((old max − new max) · scaleLog2) that the running sum (done here) and the
    /// output accumulator (done by the caller, once its product has landed) are multiplied by.
    /// </summary>
    [DeviceFunction]
    private static void NextSoftmax<TKvRows>(RT<float, D16, TKvRows, Row> scores, RV<float, D16, Ortho> rowMax,
        RV<float, D16, Ortho> rescale, RV<float, D16, Ortho> shift, RV<float, D16, Ortho> norm, float scaleLog2)
        where TKvRows : struct, IDim
    {
        Warp.Copy(rescale, rowMax);
        Warp.RowMax(rowMax, scores, rowMax);
        Warp.Mul(shift, rowMax, scaleLog2);
        Warp.Exp2AffineRow(scores, scores, scaleLog2, shift);
        Warp.Sub(rescale, rescale, rowMax);
        Warp.Mul(rescale, rescale, scaleLog2);
        Warp.Exp2(rescale, rescale);
        Warp.Mul(norm, norm, rescale);
        Warp.RowSum(norm, scores, norm);
    }

    /// <summary>
    /// Turns the running row max (of raw scores) and the running sum Σ 2^((s − max) · scaleLog2)
    /// into the natural-log log-sum-exp of the scaled scores, left in <paramref name="rowMax"/>:
    /// max · scale + ln(norm) = (max · scaleLog2 + log2(norm)) · ln 2. <paramref name="norm"/> is overwritten.
    /// </summary>
    [DeviceFunction]
    private static void LogSumExp(RV<float, D16, Ortho> rowMax, RV<float, D16, Ortho> norm, float scaleLog2)
    {
        Warp.Log(norm, norm);
        Warp.Mul(rowMax, rowMax, scaleLog2 * Ln2);
        Warp.Add(rowMax, rowMax, norm);
    }

    /// <summary>K/V blocks a query range ending (exclusively) at <paramref name="rowEnd"/> needs.</summary>
    [DeviceFunction]
    private static int KvBlocksFor<TKvRows>(int n, int rowEnd, int causal)
        where TKvRows : struct, IDim
    {
        int kvRows = Dims.Of<TKvRows>();
        int last = causal != 0 ? DeviceMath.Min(rowEnd, n) : n;
        return (last + kvRows - 1) / kvRows;
    }
}
