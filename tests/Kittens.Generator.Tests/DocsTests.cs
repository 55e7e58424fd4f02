using Kittens.Generator.Diagnostics;

namespace Kittens.Generator.Tests;

/// <summary>docs/diagnostics.md documents every diagnostic, with its current title.</summary>
public sealed class DocsTests
{
    private static readonly string Docs = File.ReadAllText(Path.Combine(Repository.Root, "docs", "diagnostics.md"));

    [Fact]
    public void EveryDiagnosticId_HasASection()
    {
        var missing = DiagnosticDescriptors.All.Where(d => !Docs.Contains("## " + d.Id + ":", StringComparison.Ordinal)).Select(d => d.Id).ToList();
        Assert.True(missing.Count == 0, "docs/diagnostics.md lacks: " + string.Join(", ", missing));
    }

    [Fact]
    public void EverySection_CarriesTheTitle() =>
        Assert.All(DiagnosticDescriptors.All, d =>
            Assert.Contains("## " + d.Id + ": " + d.Title, Docs, StringComparison.Ordinal));

    [Fact]
    public void TheDocs_NameNoUnknownIds()
    {
        var known = DiagnosticDescriptors.All.Select(d => d.Id).ToHashSet();
        var named = System.Text.RegularExpressions.Regex.Matches(Docs, @"KIT\d{4}").Select(m => m.Value).ToHashSet();
        Assert.Empty(named.Except(known));
    }
}
