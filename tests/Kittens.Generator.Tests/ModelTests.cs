using System.Collections;
using System.Reflection;
using Kittens.Generator.Model;
using Microsoft.CodeAnalysis;
using static Kittens.Generator.Tests.GeneratorHarness;

namespace Kittens.Generator.Tests;

/// <summary>The pipeline's values hold no compiler objects and compare by value (or caching breaks).</summary>
public sealed class ModelTests
{
    private static readonly Type[] s_forbidden =
    [
        typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location),
        typeof(SemanticModel), typeof(IOperation), typeof(SyntaxToken), typeof(AttributeData),
    ];

    private static readonly (string Path, string Source)[] s_sources =
    [
        ("Attention/AttentionKernels.cs", Repository.Example("Attention/AttentionKernels.cs")),
        ("Gemm/GemmKernels.cs", Repository.Example("Gemm/GemmKernels.cs")),
        ("Hopper/HopperKernels.cs", HopperTests.HopperSource),
        ("Tests/K.cs", Kernel("        var s = \"x\";")), // one with diagnostics, too
    ];

    [Fact]
    public void PipelineValues_HoldNoCompilerObjects_AndHaveValueEquality()
    {
        var values = TrackedValues(Generate(s_sources)).ToList();
        Assert.NotEmpty(values);
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var value in values) Walk(value, "root", seen);
    }

    [Fact]
    public void TwoRunsOverTheSameSource_GiveEqualButDistinctValues()
    {
        var first = TrackedValues(Generate(s_sources)).ToList();
        var second = TrackedValues(Generate(s_sources)).ToList();
        Assert.Equal(first.Count, second.Count);
        for (int i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i], second[i]);
            Assert.Equal(first[i].GetHashCode(), second[i].GetHashCode());
            if (!first[i].GetType().IsValueType) Assert.NotSame(first[i], second[i]);
        }
    }

    private static IEnumerable<object> TrackedValues(Run run) =>
        new[] { KernelGenerator.TrackingNames.KernelModel, KernelGenerator.TrackingNames.Diagnostics, KernelGenerator.TrackingNames.Source }
            .SelectMany(name => run.Result.TrackedSteps[name])
            .SelectMany(step => step.Outputs)
            .Select(output => output.Value);

    private static void Walk(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return;
        var type = value.GetType();
        Assert.False(s_forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} is a {type.Name}, which a pipeline value must not hold");
        if (!type.IsValueType && !seen.Add(value)) return;

        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (var item in items) Walk(item, $"{path}[{i++}]", seen);
        }
        if (!type.IsArray && type.Namespace?.StartsWith("Kittens.Generator", StringComparison.Ordinal) == true)
        {
            Assert.True(
                typeof(IEquatable<>).MakeGenericType(type).IsAssignableFrom(type),
                $"{path}: {type.Name} does not implement IEquatable<{type.Name}>");
        }
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Assert.False(s_forbidden.Any(f => f.IsAssignableFrom(field.FieldType)), $"{path}.{field.Name} is declared as {field.FieldType.Name}");
            Walk(field.GetValue(value), path + "." + field.Name, seen);
        }
    }
}
