namespace Kittens.Bench;

/// <summary>
/// The order in which the sides (ours, flash, cuDNN) take their turns, round by round: a
/// Williams design, so that over a full cycle of rounds every side runs first equally often and
/// follows every other side equally often.
/// <para>
/// Why it matters: the H100 runs these kernels at its power limit, and a side timed right after a
/// kernel that drew a lot of power starts with a lower clock than one timed after a light
/// kernel. With one order merely rotated, every side always follows the same one (ours always
/// came after cuDNN, cuDNN after flash, the lightest), and two copies of the same kernel timed
/// that way differed by up to 5%.
/// </para>
/// </summary>
public static class RoundOrder
{
    /// <summary>
    /// The sequences of side indices 0 .. <paramref name="sides"/> − 1, one per round, cycled:
    /// <paramref name="sides"/> sequences for an even count, twice as many (each also reversed)
    /// for an odd one.
    /// </summary>
    public static int[][] Williams(int sides)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sides, 1);
        // First row 0, 1, n−1, 2, n−2, …; row r adds r to each entry (mod n).
        var first = new int[sides];
        for (int i = 1, low = 1, high = sides - 1; i < sides; i++)
            first[i] = i % 2 == 1 ? low++ : high--;
        var rows = Enumerable.Range(0, sides)
            .Select(r => first.Select(x => (x + r) % sides).ToArray())
            .ToList();
        if (sides % 2 == 1)
            rows.AddRange(rows.Select(row => row.Reverse().ToArray()).ToList());
        return [.. rows];
    }
}
