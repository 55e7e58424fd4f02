using System.Collections.Generic;
using Kittens.Generator.Model;
using Kittens.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace Kittens.Generator.Binding;

/// <summary>
/// The bind stage's model of one kernel instance: the parsed kernel with its type parameters
/// bound to the instance's types, and its parameters read under that binding (each type
/// substituted, spelled and checked). Lives only inside the semantic transform (it holds symbols).
/// </summary>
/// <param name="Definition">The parsed kernel method.</param>
/// <param name="Instance">The instance being bound: its name, type arguments and launch settings.</param>
/// <param name="Binding">The instance's types for the method's type parameters; what the translation substitutes and folds through.</param>
/// <param name="Parameters">The kernel parameters in order; null when one cannot be launched (no model, only diagnostics).</param>
/// <param name="Diagnostics">The instance's problems so far, its own until the instances' diagnostics are merged.</param>
internal sealed record BoundKernel(
    KernelDefinition Definition,
    KernelInstance Instance,
    TypeBinding Binding,
    IReadOnlyList<BoundParameter>? Parameters,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One kernel parameter of an instance.</summary>
/// <param name="Symbol">The parameter as declared.</param>
/// <param name="Type">Its type with the instance's types substituted.</param>
/// <param name="CudaType">The CUDA parameter type, with the tensor maps its [Tma] lists.</param>
/// <param name="LauncherType">The launcher's C# type: the element type for tensors, the scalar type otherwise.</param>
/// <param name="IsTensor">A <c>GL&lt;T&gt;</c> parameter.</param>
/// <param name="Shape">The <c>[Shape]</c> extents (a dim type parameter's already its value); empty without one.</param>
/// <param name="Tma">The boxes of the types its <c>[Tma]</c> lists; empty for none or a bare <c>[Tma]</c>.</param>
/// <param name="InfersTensorMaps">A bare <c>[Tma]</c>: the translation finds the maps from the TMA ops on it.</param>
internal sealed record BoundParameter(
    IParameterSymbol Symbol,
    ITypeSymbol Type,
    string CudaType,
    string LauncherType,
    bool IsTensor,
    EquatableArray<ShapeDimModel> Shape,
    EquatableArray<TmaBoxModel> Tma,
    bool InfersTensorMaps);
