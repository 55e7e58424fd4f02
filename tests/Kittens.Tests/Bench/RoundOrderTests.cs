using Kittens.Bench;

namespace Kittens.Tests.Bench;

/// <summary>
/// The benchmark's round orders: every side first equally often and right after every other side
/// equally often over one cycle (the sides' clocks depend on what ran just before them).
/// </summary>
public sealed class RoundOrderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void EverySideLeadsAndFollowsEveryOtherEquallyOften(int sides)
    {
        var rows = RoundOrder.Williams(sides);

        Assert.Equal(sides % 2 == 0 ? sides : 2 * sides, rows.Length);
        Assert.All(rows, row => Assert.Equal(Enumerable.Range(0, sides), row.Order()));
        var leads = rows.GroupBy(row => row[0]).Select(g => g.Count()).ToList();
        Assert.Equal(sides, leads.Count);
        Assert.Single(leads.Distinct());
        var pairs = rows.SelectMany(row => row.Zip(row.Skip(1))).GroupBy(p => p).Select(g => g.Count()).ToList();
        Assert.Equal(sides * (sides - 1), pairs.Count);
        if (sides > 1) Assert.Single(pairs.Distinct());
    }

    [Fact]
    public void ThreeSidesCycleThroughAllSixOrders()
    {
        var rows = RoundOrder.Williams(3).Select(row => string.Join(",", row)).ToHashSet();
        Assert.Equal(6, rows.Count);
    }

    [Fact]
    public void NoSidesIsRejected() => Assert.Throws<ArgumentOutOfRangeException>(() => RoundOrder.Williams(0));
}
