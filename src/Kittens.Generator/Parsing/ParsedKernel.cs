using System.Collections.Generic;
using Kittens.Generator.Model;
using Kittens.Generator.Translation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kittens.Generator.Parsing;

/// <summary>
/// The parse stage's model of one <c>[Kernel]</c> method: what its declaration, attributes and
/// parameters say, before any type parameter is bound. Lives only inside the generator's one
/// semantic transform (it holds symbols), so it is not cached and need not be equatable.
/// </summary>
/// <param name="Definition">The method with its body; null when the attribute is not on a method the generator can read.</param>
/// <param name="Instances">The kernels to bind and translate, in order; empty when the declaration cannot be launched.</param>
/// <param name="Diagnostics">The declaration's problems (settings, instances, names), reported as they are.</param>
internal sealed record ParsedKernel(
    KernelDefinition? Definition,
    IReadOnlyList<KernelInstance> Instances,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>Nothing to generate, with the reasons (if any) as diagnostics.</summary>
    public static ParsedKernel Rejected(EquatableArray<DiagnosticInfo> diagnostics) =>
        new(null, new KernelInstance[0], diagnostics);
}

/// <summary>
/// The symbols and syntax of a kernel method that the later stages read, with the values the
/// emitted launcher needs about where it is declared.
/// </summary>
/// <param name="Method">The kernel method as declared (its type parameters unbound).</param>
/// <param name="Syntax">The declaration that has the body (the implementing part of a partial method).</param>
/// <param name="SemanticModel">The semantic model of <paramref name="Syntax"/>'s tree.</param>
/// <param name="Known">The Kittens symbols of the compilation.</param>
/// <param name="Declaration">Where the kernel is declared, as plain values.</param>
/// <param name="Parameters">The kernel parameters in order, with their attributes.</param>
internal sealed record KernelDefinition(
    IMethodSymbol Method,
    MethodDeclarationSyntax Syntax,
    SemanticModel SemanticModel,
    KnownSymbols Known,
    KernelDeclaration Declaration,
    IReadOnlyList<ParsedParameter> Parameters);

/// <summary>Where a kernel is declared, as plain values (the launcher reopens these types).</summary>
/// <param name="Namespace">The containing namespace, or empty for the global namespace.</param>
/// <param name="ContainingTypes">The enclosing types, outermost first.</param>
/// <param name="MethodName">The C# method name.</param>
/// <param name="FilePath">The C# file path as the compilation gives it.</param>
/// <param name="HintNamePrefix">Namespace.Outer+Inner: a kernel's generated file is this, its name and <c>.g.cs</c>.</param>
/// <param name="Identifier">The method name's location, where kernel-wide diagnostics point.</param>
internal sealed record KernelDeclaration(
    string Namespace,
    EquatableArray<TypeDeclarationModel> ContainingTypes,
    string MethodName,
    string FilePath,
    string HintNamePrefix,
    LocationInfo? Identifier)
{
    /// <summary>The unique name of the generated C# file of the kernel (or instance) <paramref name="kernelName"/>.</summary>
    public string HintName(string kernelName) => HintNamePrefix + "." + kernelName + ".g.cs";
}

/// <summary>One kernel parameter as declared: the symbol, where diagnostics about it point, and its Kittens attributes.</summary>
/// <param name="Symbol">The parameter (its type may mention the kernel's type parameters).</param>
/// <param name="Location">Its type in source, else the parameter: where a problem with its type points.</param>
/// <param name="DeclarationLocation">The whole parameter, where a problem with how it is passed points.</param>
/// <param name="Shape">Its <c>[Shape]</c>, if any.</param>
/// <param name="Tma">Its <c>[Tma]</c>, if any.</param>
internal sealed record ParsedParameter(
    IParameterSymbol Symbol,
    LocationInfo? Location,
    LocationInfo? DeclarationLocation,
    AttributeData? Shape,
    AttributeData? Tma);
