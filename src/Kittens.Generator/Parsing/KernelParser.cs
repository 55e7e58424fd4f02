using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Kittens.Generator.Binding;
using Kittens.Generator.Diagnostics;
using Kittens.Generator.Model;
using Kittens.Generator.Translation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kittens.Generator.Parsing;

/// <summary>
/// The generator's one semantic transform: a [Kernel] method → <see cref="KernelResult"/>
/// (one model per kernel instance + diagnostics). It checks the declaration and reads its
/// instances (<see cref="KernelInstances"/>: the method itself, or each [KernelInstance] of a
/// generic one); per instance it binds the type parameters (<see cref="TypeBinding"/>), reads the
/// parameters and has <see cref="KernelTranslation"/> translate the body under that binding. It
/// never throws: an internal failure becomes KIT9999 at the method.
/// </summary>
internal static partial class KernelParser
{
    /// <summary>[Kernel] defaults, as declared on Kittens.KernelAttribute.</summary>
    private const int DefaultThreads = 32;
    private const int DefaultMinBlocksPerSm = 1;

    private static readonly string[] s_dimensionNames = { "batch", "depth", "rows", "cols" };

    public static KernelResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        Guard(
            context.TargetSymbol.Name,
            () => LocationInfo.From(context.TargetNode is MethodDeclarationSyntax method ? method.Identifier.GetLocation() : context.TargetNode.GetLocation()),
            () => ParseCore(context, cancellationToken));

    /// <summary>Runs <paramref name="parse"/>, turning any exception but cancellation into KIT9999.</summary>
    internal static KernelResult Guard(string kernelName, Func<LocationInfo?> location, Func<KernelResult> parse)
    {
        try
        {
            return parse();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            LocationInfo? where = null;
            try
            {
                where = location();
            }
            catch (Exception)
            {
                // No location is better than no diagnostic.
            }
            var diagnostic = DiagnosticInfo.Create(
                DiagnosticDescriptors.InternalError, where, kernelName, exception.GetType().Name + ": " + exception.Message);
            return new KernelResult(EquatableArray<KernelModel>.Empty, new[] { diagnostic }.ToEquatableArray());
        }
    }

    private static KernelResult ParseCore(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var known = KnownSymbols.Create(context.SemanticModel.Compilation);
        var diagnostics = new DiagnosticBag();
        if (known is null || context.TargetSymbol is not IMethodSymbol method) return Result(new List<KernelModel>(), diagnostics);

        var syntax = method.MethodKind == MethodKind.Ordinary ? BodyDeclaration(method, cancellationToken) : null;
        if (syntax is null)
        {
            diagnostics.Add(DiagnosticDescriptors.KernelMustBeMethod, LocationInfo.From(context.TargetNode), method.Name);
            return Result(new List<KernelModel>(), diagnostics);
        }
        var semanticModel = syntax.SyntaxTree == context.SemanticModel.SyntaxTree
            ? context.SemanticModel
            : context.SemanticModel.Compilation.GetSemanticModel(syntax.SyntaxTree);

        var identifier = LocationInfo.From(syntax.Identifier);
        bool canLaunch = CheckDeclaration(method, syntax, known, identifier, diagnostics);
        var attribute = context.Attributes[0];
        int threads = ReadLaunchBound(attribute, "Threads", DefaultThreads);
        int minBlocks = ReadLaunchBound(attribute, "MinBlocksPerSm", DefaultMinBlocksPerSm);
        int clusterSize = ReadLaunchBound(attribute, "ClusterSize", 1);
        CheckLaunchSettings(method.Name, threads, minBlocks, clusterSize,
            setting => NamedArgumentLocation(attribute, setting, cancellationToken) ?? identifier, diagnostics);

        var instances = KernelInstances.Read(method, known, threads, minBlocks, clusterSize, identifier, diagnostics, cancellationToken);
        if (!canLaunch) return Result(new List<KernelModel>(), diagnostics);

        // Bind, translate and model each instance; its problems are its own until merged.
        var models = new List<KernelModel>();
        var found = new List<(KernelInstance Instance, DiagnosticBag Diagnostics)>();
        foreach (var instance in instances)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var own = new DiagnosticBag();
            var binding = instance.IsGeneric
                ? TypeBinding.For(known.Compilation, method, instance.TypeArguments, instance.Name)
                : TypeBinding.None(known.Compilation);
            var model = BuildInstance(method, syntax, semanticModel, known, instance, binding, declarationHasErrors: diagnostics.Count > 0, own, cancellationToken);
            if (model is not null) models.Add(model);
            found.Add((instance, own));
        }
        MergeInstanceDiagnostics(found, diagnostics);
        return Result(models, diagnostics);
    }

    /// <summary>
    /// Adds each instance's diagnostics to <paramref name="diagnostics"/>: those every instance
    /// has as they are, the others naming the instance they were found in.
    /// </summary>
    private static void MergeInstanceDiagnostics(List<(KernelInstance Instance, DiagnosticBag Diagnostics)> found, DiagnosticBag diagnostics)
    {
        foreach (var (instance, own) in found)
        {
            foreach (var diagnostic in own.Items)
            {
                bool everywhere = !instance.IsGeneric || found.All(f => f.Diagnostics.Items.Contains(diagnostic));
                diagnostics.Add(everywhere ? diagnostic : diagnostic with { Instance = instance.Name });
            }
        }
    }

    /// <summary>Checks launch settings (KIT0007, KIT0008, KIT0015), each at the location <paramref name="where"/> gives for it.</summary>
    internal static bool CheckLaunchSettings(string kernelName, int threads, int minBlocks, int clusterSize, Func<string, LocationInfo?> where, DiagnosticBag diagnostics)
    {
        bool valid = true;
        if (threads < 32 || threads > 1024 || threads % 32 != 0)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidThreads, where("Threads"), Text(threads), kernelName);
            valid = false;
        }
        if (clusterSize is not (1 or 2 or 4 or 8))
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidClusterSize, where("ClusterSize"), Text(clusterSize), kernelName);
            valid = false;
        }
        if (minBlocks < 1)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidMinBlocksPerSm, where("MinBlocksPerSm"), Text(minBlocks), kernelName);
            valid = false;
        }
        return valid;
    }

    /// <summary>The model of one kernel instance (null when its parameters cannot be launched).</summary>
    private static KernelModel? BuildInstance(
        IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel semanticModel, KnownSymbols known,
        KernelInstance instance, TypeBinding binding, bool declarationHasErrors, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var parameters = new List<ParameterInfo>();
        bool canLaunch = true;
        foreach (var parameter in method.Parameters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ReadParameter(parameter, method, known, binding, diagnostics, cancellationToken) is { } read) parameters.Add(read);
            else canLaunch = false;
        }
        if (!canLaunch) return null;

        // The body: errors here still give a launcher (so calls to it compile), with an #error for CUDA.
        var entryPoint = CudaNames.EntryPoint(instance.Name);
        var translation = new KernelTranslation(known, diagnostics, method, entryPoint, binding, cancellationToken);
        var translator = translation.TranslateKernel(syntax, semanticModel, out var body);

        long sharedBytes = SharedMemory.DynamicBytes(translation.Allocations);
        if (sharedBytes > SharedMemory.MaxBytesPerBlock)
        {
            diagnostics.Add(DiagnosticDescriptors.SharedMemoryTooLarge, LocationInfo.From(syntax.Identifier), instance.Name, Text(sharedBytes), Text(SharedMemory.MaxBytesPerBlock));
            sharedBytes = 0;
        }

        bool hasErrors = declarationHasErrors || diagnostics.Count > 0 || translation.HasInvalidCode;
        var parameterModels = parameters.Select(p =>
        {
            // A tensor with a bare [Tma] carries the maps of the types its TMA ops move.
            var inferred = p.IsTensor && TmaTypes.IsInferred(p.Symbol, known) ? translation.InferredTensorMaps(p.Symbol) : null;
            return new ParameterModel(
                p.Symbol.Name,
                translator.NameOf(p.Symbol),
                inferred is { Count: > 0 } ? TmaTypes.SpellGlobal(binding.Substitute(p.Symbol.Type), inferred, known) ?? p.CudaType : p.CudaType,
                IsConst: !translator.IsWritten(p.Symbol),
                p.IsTensor,
                p.LauncherType,
                p.Shape,
                inferred is { Count: > 0 } ? inferred.Select(t => TmaTypes.Box(t, known)).OfType<TmaBoxModel>().ToEquatableArray() : p.Tma);
        });

        return new KernelModel(
            Namespace: method.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : string.Empty,
            ContainingTypes: ContainingTypes(method).ToEquatableArray(),
            MethodName: instance.Name,
            InstanceOf: instance.IsGeneric ? method.Name + "<" + string.Join(", ", instance.TypeArguments.Select(t => t.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat))) + ">" : string.Empty,
            HintName: HintName(method, instance.Name),
            EntryPoint: entryPoint,
            FilePath: syntax.SyntaxTree.FilePath,
            Threads: instance.Threads,
            MinBlocksPerSm: instance.MinBlocksPerSm,
            ClusterSize: instance.ClusterSize,
            Parameters: parameterModels.ToEquatableArray(),
            // With errors the CUDA is only an #error: keep nothing that moves when lines move.
            SharedTypes: hasErrors ? EquatableArray<SharedTypeModel>.Empty : translation.SharedTypes.ToEquatableArray(),
            DynamicSharedBytes: (int)sharedBytes,
            DeviceFunctions: hasErrors ? EquatableArray<CudaFunctionModel>.Empty : translation.DeviceFunctions.ToEquatableArray(),
            Body: hasErrors ? EquatableArray<CudaLine>.Empty : body,
            HasTranslationErrors: hasErrors);
    }

    /// <summary>The declaration with the body: the method itself, or the implementing part of a partial method.</summary>
    private static MethodDeclarationSyntax? BodyDeclaration(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (var reference in (method.PartialImplementationPart ?? method).DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax syntax && (syntax.Body is not null || syntax.ExpressionBody is not null))
                return syntax;
        }
        return null;
    }

    private static KernelResult Result(List<KernelModel> models, DiagnosticBag diagnostics) => new(models.ToEquatableArray(), diagnostics.ToEquatableArray());

    /// <summary>Checks what the launcher needs: static, void, non-generic, in partial types, unique name.</summary>
    private static bool CheckDeclaration(IMethodSymbol method, MethodDeclarationSyntax syntax, KnownSymbols known, LocationInfo? identifier, DiagnosticBag diagnostics)
    {
        bool ok = true;
        if (!method.IsStatic)
        {
            diagnostics.Add(DiagnosticDescriptors.KernelMustBeStatic, identifier, method.Name);
            ok = false;
        }
        if (!method.ReturnsVoid)
        {
            diagnostics.Add(DiagnosticDescriptors.KernelMustReturnVoid, LocationInfo.From(syntax.ReturnType), method.Name,
                method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
            ok = false;
        }
        if (KernelTranslation.IsInGenericType(method))
        {
            diagnostics.Add(DiagnosticDescriptors.KernelMustNotBeGeneric, identifier, method.Name);
            ok = false;
        }
        foreach (var type in syntax.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(DiagnosticDescriptors.KernelTypeMustBePartial, LocationInfo.From(type.Identifier), type.Identifier.ValueText, method.Name);
                ok = false;
            }
        }
        if (!method.IsGenericMethod && KernelInstances.EarlierNames(method, known).Contains(method.Name, StringComparer.OrdinalIgnoreCase))
        {
            diagnostics.Add(DiagnosticDescriptors.DuplicateKernelName, identifier, method.Name, method.ContainingType.Name);
            ok = false;
        }
        return ok;
    }

    /// <summary>What <see cref="ReadParameter"/> learns about one kernel parameter.</summary>
    private sealed record ParameterInfo(
        IParameterSymbol Symbol, string CudaType, string LauncherType, bool IsTensor,
        EquatableArray<ShapeDimModel> Shape, EquatableArray<TmaBoxModel> Tma);

    private static ParameterInfo? ReadParameter(
        IParameterSymbol parameter, IMethodSymbol method, KnownSymbols known, TypeBinding binding, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var type = binding.Substitute(parameter.Type);
        var syntax = parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as ParameterSyntax;
        var location = LocationInfo.From((SyntaxNode?)syntax?.Type ?? syntax) ?? LocationInfo.From(parameter.Locations.FirstOrDefault());
        if (parameter.RefKind != RefKind.None || parameter.IsParams)
        {
            string modifier = parameter.IsParams ? "params" : parameter.RefKind switch
            {
                RefKind.Ref => "ref",
                RefKind.Out => "out",
                RefKind.In => "in",
                _ => "ref readonly",
            };
            diagnostics.Add(DiagnosticDescriptors.KernelParameterByReference, LocationInfo.From(syntax) ?? location, parameter.Name, method.Name, modifier);
            return null;
        }

        var kind = known.GetTileKind(type);
        var shapeAttribute = known.GetAttribute(parameter, known.ShapeAttribute);
        if (kind == TileKind.GlobalLayout)
        {
            var element = CudaTypeNames.ElementType(type);
            var cudaType = CudaTypeNames.Spell(type, known);
            if (!CudaTypeNames.IsGlobalElement(element, known) || cudaType is null || element is null)
            {
                diagnostics.Add(DiagnosticDescriptors.UnsupportedElementType, location, parameter.Name,
                    element?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? "?");
                return null;
            }
            var launcherType = CudaTypeNames.CSharpKeyword(element.SpecialType)
                ?? element.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            var shape = shapeAttribute is null
                ? EquatableArray<ShapeDimModel>.Empty
                : ReadShape(shapeAttribute, parameter, method, binding, known, diagnostics, cancellationToken);
            // [Tma(typeof(ST<...>), ...)]: kittens::gl<T, st<...>, ...>, with one tensor map per type.
            var tmaTypes = TmaTypes.Read(parameter, known, diagnostics, cancellationToken);
            var boxes = tmaTypes.Select(t => TmaTypes.Box(t, known)).OfType<TmaBoxModel>().ToEquatableArray();
            cudaType = TmaTypes.SpellGlobal(type, tmaTypes, known) ?? cudaType;
            return new ParameterInfo(parameter, cudaType, launcherType, true, shape, boxes);
        }

        if (shapeAttribute is not null)
        {
            diagnostics.Add(DiagnosticDescriptors.ShapeOnNonTensor,
                LocationInfo.From(shapeAttribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken)) ?? location, parameter.Name);
        }
        if (known.GetAttribute(parameter, known.TmaAttribute) is { } tmaAttribute)
        {
            diagnostics.Add(DiagnosticDescriptors.TmaOnNonTensor,
                LocationInfo.From(tmaAttribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken)) ?? location, parameter.Name);
        }
        if (CudaTypeNames.Primitive(type.SpecialType) is { } scalar && CudaTypeNames.CSharpKeyword(type.SpecialType) is { } keyword)
        {
            return new ParameterInfo(parameter, scalar, keyword, false, EquatableArray<ShapeDimModel>.Empty, EquatableArray<TmaBoxModel>.Empty);
        }
        diagnostics.Add(DiagnosticDescriptors.UnsupportedKernelParameterType, location, parameter.Name, method.Name,
            type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
        return null;
    }

    /// <summary>The four [Shape] extents; empty (after a diagnostic) when one is invalid.</summary>
    private static EquatableArray<ShapeDimModel> ReadShape(
        AttributeData attribute, IParameterSymbol parameter, IMethodSymbol method, TypeBinding binding, KnownSymbols known,
        DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var arguments = attribute.ConstructorArguments;
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var dims = new List<ShapeDimModel>();
        bool valid = arguments.Length == 4;
        for (int i = 0; i < arguments.Length; i++)
        {
            var value = arguments[i].Kind == TypedConstantKind.Primitive ? arguments[i].Value : null;
            if (value is int size && size > 0)
            {
                dims.Add(new ShapeDimModel(size, null));
                continue;
            }
            // A symbol naming a type parameter bound to a dim (nameof(TDim)) is that dim's value.
            if (value is string dimName && method.TypeParameters.FirstOrDefault(t => t.Name == dimName) is { } typeParameter &&
                binding.Lookup(typeParameter) is { } boundDim && known.GetDim(boundDim) is { } dimValue)
            {
                dims.Add(new ShapeDimModel(dimValue, null));
                continue;
            }
            if (value is string symbol && SyntaxFacts.IsValidIdentifier(symbol))
            {
                dims.Add(new ShapeDimModel(0, symbol));
                continue;
            }
            valid = false;
            var argumentSyntax = syntax?.ArgumentList is { } list && i < list.Arguments.Count ? list.Arguments[i] : null;
            string shown = value switch
            {
                null => arguments[i].IsNull ? "null" : arguments[i].ToCSharpString(),
                string s => "\"" + s + "\"",
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "?",
            };
            diagnostics.Add(DiagnosticDescriptors.InvalidShape, LocationInfo.From(argumentSyntax) ?? LocationInfo.From(syntax),
                Text(i) + " (" + s_dimensionNames[Math.Min(i, 3)] + ")", parameter.Name, shown);
        }
        return valid ? dims.ToEquatableArray() : EquatableArray<ShapeDimModel>.Empty;
    }

    private static int ReadLaunchBound(AttributeData attribute, string name, int defaultValue)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is int value) return value;
        }
        return defaultValue;
    }

    internal static LocationInfo? NamedArgumentLocation(AttributeData attribute, string name, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax { ArgumentList: { } list }) return null;
        var argument = list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        return LocationInfo.From(argument?.Expression);
    }

    /// <summary>The enclosing types, outermost first, as partial declarations can reopen them.</summary>
    private static IEnumerable<TypeDeclarationModel> ContainingTypes(IMethodSymbol method)
    {
        var types = new List<TypeDeclarationModel>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            string keyword = type.TypeKind switch
            {
                TypeKind.Struct when type.IsRecord => "record struct",
                TypeKind.Struct => "struct",
                TypeKind.Interface => "interface",
                _ when type.IsRecord => "record",
                _ => "class",
            };
            string modifiers = (type.IsStatic ? "static " : string.Empty) + (type.IsRefLikeType ? "ref " : string.Empty);
            types.Add(new TypeDeclarationModel(keyword, type.Name, modifiers));
        }
        types.Reverse();
        return types;
    }

    /// <summary>Namespace.Outer+Inner.Method.g.cs: unique per kernel, since kernel names are unique per type.</summary>
    private static string HintName(IMethodSymbol method, string kernelName)
    {
        var types = new List<string>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType) types.Insert(0, type.MetadataName);
        var ns = method.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : string.Empty;
        return ns + string.Join("+", types) + "." + kernelName + ".g.cs";
    }

    private static string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
