using Kittens.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Kittens.Generator.Model;

/// <summary>
/// A diagnostic as plain values: the descriptor id, the message arguments (already strings) and
/// where it points. Turned into a <see cref="Diagnostic"/> only when reported.
/// </summary>
/// <param name="Id">The descriptor's id.</param>
/// <param name="Location">Where it points.</param>
/// <param name="Arguments">The message arguments.</param>
/// <param name="Instance">The kernel instance it was found in, when a generic kernel's other instances do not have it.</param>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments, string? Instance = null)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor.Id, location, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic()
    {
        var arguments = new object[Arguments.Count + (Instance is null ? 0 : 1)];
        for (int i = 0; i < Arguments.Count; i++) arguments[i] = Arguments[i];
        if (Instance is not null) arguments[Arguments.Count] = Instance;
        var descriptor = Instance is null ? DiagnosticDescriptors.Get(Id) : DiagnosticDescriptors.InInstance(Id, Arguments.Count);
        return Diagnostic.Create(descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, arguments);
    }
}

/// <summary>A source location as values: file path, text span and line span.</summary>
internal sealed record LocationInfo(string FilePath, int SpanStart, int SpanLength, int StartLine, int StartCharacter, int EndLine, int EndCharacter)
{
    public static LocationInfo? From(SyntaxNode? node) => node is null ? null : From(node.SyntaxTree, node.Span);

    public static LocationInfo? From(SyntaxToken token) => token.SyntaxTree is null ? null : From(token.SyntaxTree, token.Span);

    public static LocationInfo From(SyntaxTree tree, TextSpan span)
    {
        var lines = tree.GetLineSpan(span);
        return new LocationInfo(
            tree.FilePath, span.Start, span.Length,
            lines.StartLinePosition.Line, lines.StartLinePosition.Character,
            lines.EndLinePosition.Line, lines.EndLinePosition.Character);
    }

    public static LocationInfo? From(Location? location) =>
        location is { IsInSource: true, SourceTree: { } tree } ? From(tree, location.SourceSpan) : null;

    public TextSpan Span => new(SpanStart, SpanLength);

    public Location ToLocation() => Location.Create(
        FilePath,
        Span,
        new LinePositionSpan(new LinePosition(StartLine, StartCharacter), new LinePosition(EndLine, EndCharacter)));

    public bool Overlaps(LocationInfo other) =>
        FilePath == other.FilePath && Span.OverlapsWith(other.Span);
}
