using System.Collections.Generic;
using Kittens.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Kittens.Generator.Diagnostics;

/// <summary>Collects the diagnostics of one kernel (its declaration, body and device functions).</summary>
internal sealed class DiagnosticBag
{
    private readonly List<DiagnosticInfo> _items = new();

    public int Count => _items.Count;

    /// <summary>Adds a diagnostic unless the same one is already there.</summary>
    public void Add(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments)
    {
        var info = DiagnosticInfo.Create(descriptor, location, arguments);
        if (!_items.Contains(info)) _items.Add(info);
    }

    /// <summary>
    /// Adds a translation diagnostic unless an earlier one already covers an overlapping span:
    /// one construct gets one diagnostic (the most specific, which is reported first), not a cascade.
    /// </summary>
    public void AddUnlessCovered(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments)
    {
        if (location is not null)
        {
            foreach (var existing in _items)
            {
                if (existing.Location is { } other && other.Overlaps(location)) return;
            }
        }
        Add(descriptor, location, arguments);
    }

    public IReadOnlyList<DiagnosticInfo> Items => _items;

    /// <summary>Adds an already-built diagnostic unless the same one is already there.</summary>
    public void Add(DiagnosticInfo info)
    {
        if (!_items.Contains(info)) _items.Add(info);
    }

    public EquatableArray<DiagnosticInfo> ToEquatableArray() => _items.ToEquatableArray();
}
