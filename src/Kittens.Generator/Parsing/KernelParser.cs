using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Kittens.Generator.Diagnostics;
using Kittens.Generator.Model;
using Kittens.Generator.Translation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kittens.Generator.Parsing;

/// <summary>
/// The generator's one semantic transform: a [Kernel] method → <see cref="KernelResult"/>
/// (model + diagnostics). It checks the declaration, reads the attributes and parameters, and
/// has <see cref="KernelTranslation"/> translate the body. It never throws: an internal failure
/// becomes KIT9999 at the method.
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
            return new KernelResult(null, new[] { diagnostic }.ToEquatableArray());
        }
    }

    private static KernelResult ParseCore(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var known = KnownSymbols.Create(context.SemanticModel.Compilation);
        var diagnostics = new DiagnosticBag();
        if (known is null || context.TargetSymbol is not IMethodSymbol method) return Result(null, diagnostics);

        var syntax = method.MethodKind == MethodKind.Ordinary ? BodyDeclaration(method, cancellationToken) : null;
        if (syntax is null)
        {
            diagnostics.Add(DiagnosticDescriptors.KernelMustBeMethod, LocationInfo.From(context.TargetNode), method.Name);
            return Result(null, diagnostics);
        }
        var semanticModel = syntax.SyntaxTree == context.SemanticModel.SyntaxTree
            ? context.SemanticModel
            : context.SemanticModel.Compilation.GetSemanticModel(syntax.SyntaxTree);

        var identifier = LocationInfo.From(syntax.Identifier);
        bool canLaunch = CheckDeclaration(method, syntax, known, identifier, diagnostics);
        var attribute = context.Attributes[0];
        int threads = ReadLaunchBound(attribute, "Threads", DefaultThreads);
        int minBlocks = ReadLaunchBound(attribute, "MinBlocksPerSm", DefaultMinBlocksPerSm);
        if (threads < 32 || threads > 1024 || threads % 32 != 0)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidThreads, NamedArgumentLocation(attribute, "Threads", cancellationToken) ?? identifier, Text(threads), method.Name);
        }
        int clusterSize = ReadLaunchBound(attribute, "ClusterSize", 1);
        if (clusterSize is not (1 or 2 or 4 or 8))
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidClusterSize, NamedArgumentLocation(attribute, "ClusterSize", cancellationToken) ?? identifier, Text(clusterSize), method.Name);
        }
        if (minBlocks < 1)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidMinBlocksPerSm, NamedArgumentLocation(attribute, "MinBlocksPerSm", cancellationToken) ?? identifier, Text(minBlocks), method.Name);
        }

        var parameters = new List<ParameterInfo>();
        foreach (var parameter in method.Parameters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ReadParameter(parameter, method, known, diagnostics, cancellationToken) is { } read) parameters.Add(read);
            else canLaunch = false;
        }
        if (!canLaunch) return Result(null, diagnostics);

        // The body: errors here still give a launcher (so calls to it compile), with an #error for CUDA.
        var entryPoint = CudaNames.EntryPoint(method.Name);
        var translation = new KernelTranslation(known, diagnostics, method, entryPoint, cancellationToken);
        var translator = translation.TranslateKernel(syntax, semanticModel, out var body);

        long sharedBytes = SharedMemory.DynamicBytes(translation.Allocations);
        if (sharedBytes > SharedMemory.MaxBytesPerBlock)
        {
            diagnostics.Add(DiagnosticDescriptors.SharedMemoryTooLarge, identifier, method.Name, Text(sharedBytes), Text(SharedMemory.MaxBytesPerBlock));
            sharedBytes = 0;
        }

        bool hasErrors = diagnostics.Count > 0 || translation.HasInvalidCode;
        var parameterModels = parameters.Select(p => new ParameterModel(
            p.Symbol.Name,
            translator.NameOf(p.Symbol),
            p.CudaType,
            IsConst: !translator.IsWritten(p.Symbol),
            p.IsTensor,
            p.LauncherType,
            p.Shape,
            p.Tma));

        var model = new KernelModel(
            Namespace: method.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : string.Empty,
            ContainingTypes: ContainingTypes(method).ToEquatableArray(),
            MethodName: method.Name,
            HintName: HintName(method),
            EntryPoint: entryPoint,
            FilePath: syntax.SyntaxTree.FilePath,
            Threads: threads,
            MinBlocksPerSm: minBlocks,
            ClusterSize: clusterSize,
            Parameters: parameterModels.ToEquatableArray(),
            // With errors the CUDA is only an #error: keep nothing that moves when lines move.
            SharedTypes: hasErrors ? EquatableArray<SharedTypeModel>.Empty : translation.SharedTypes.ToEquatableArray(),
            DynamicSharedBytes: (int)sharedBytes,
            DeviceFunctions: hasErrors ? EquatableArray<CudaFunctionModel>.Empty : translation.DeviceFunctions.ToEquatableArray(),
            Body: hasErrors ? EquatableArray<CudaLine>.Empty : body,
            HasTranslationErrors: hasErrors);
        return Result(model, diagnostics);
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

    private static KernelResult Result(KernelModel? model, DiagnosticBag diagnostics) => new(model, diagnostics.ToEquatableArray());

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
        if (method.IsGenericMethod || KernelTranslation.IsInGenericType(method))
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
        if (IsDuplicateName(method, known))
        {
            diagnostics.Add(DiagnosticDescriptors.DuplicateKernelName, identifier, method.Name, method.ContainingType.Name);
            ok = false;
        }
        return ok;
    }

    /// <summary>Another [Kernel] in the same type, declared earlier, has this name (ignoring case, as generated file names do).</summary>
    private static bool IsDuplicateName(IMethodSymbol method, KnownSymbols known)
    {
        var first = method.ContainingType.GetMembers()
            .OfType<IMethodSymbol>()
            .Where(m => string.Equals(m.Name, method.Name, StringComparison.OrdinalIgnoreCase) && known.HasAttribute(m, known.KernelAttribute))
            .OrderBy(m => m.Locations.FirstOrDefault()?.SourceTree?.FilePath ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(m => m.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0)
            .FirstOrDefault();
        return first is not null && !SymbolEqualityComparer.Default.Equals(first, method);
    }

    /// <summary>What <see cref="ReadParameter"/> learns about one kernel parameter.</summary>
    private sealed record ParameterInfo(
        IParameterSymbol Symbol, string CudaType, string LauncherType, bool IsTensor,
        EquatableArray<ShapeDimModel> Shape, EquatableArray<TmaBoxModel> Tma);

    private static ParameterInfo? ReadParameter(
        IParameterSymbol parameter, IMethodSymbol method, KnownSymbols known, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
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

        var kind = known.GetTileKind(parameter.Type);
        var shapeAttribute = known.GetAttribute(parameter, known.ShapeAttribute);
        if (kind == TileKind.GlobalLayout)
        {
            var element = CudaTypeNames.ElementType(parameter.Type);
            var cudaType = CudaTypeNames.Spell(parameter.Type, known);
            if (CudaTypeNames.ElementBytes(element, known) is null || cudaType is null || element is null)
            {
                diagnostics.Add(DiagnosticDescriptors.UnsupportedElementType, location, parameter.Name,
                    element?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? "?");
                return null;
            }
            var launcherType = CudaTypeNames.CSharpKeyword(element.SpecialType)
                ?? element.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            var shape = shapeAttribute is null
                ? EquatableArray<ShapeDimModel>.Empty
                : ReadShape(shapeAttribute, parameter, diagnostics, cancellationToken);
            // [Tma(typeof(ST<...>), ...)]: kittens::gl<T, st<...>, ...>, with one tensor map per type.
            var tmaTypes = TmaTypes.Read(parameter, known, diagnostics, cancellationToken);
            var boxes = tmaTypes.Select(t => TmaTypes.Box(t, known)).OfType<TmaBoxModel>().ToEquatableArray();
            cudaType = TmaTypes.SpellGlobal(parameter.Type, tmaTypes, known) ?? cudaType;
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
        if (CudaTypeNames.Primitive(parameter.Type.SpecialType) is { } scalar && CudaTypeNames.CSharpKeyword(parameter.Type.SpecialType) is { } keyword)
        {
            return new ParameterInfo(parameter, scalar, keyword, false, EquatableArray<ShapeDimModel>.Empty, EquatableArray<TmaBoxModel>.Empty);
        }
        diagnostics.Add(DiagnosticDescriptors.UnsupportedKernelParameterType, location, parameter.Name, method.Name,
            parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
        return null;
    }

    /// <summary>The four [Shape] extents; empty (after a diagnostic) when one is invalid.</summary>
    private static EquatableArray<ShapeDimModel> ReadShape(AttributeData attribute, IParameterSymbol parameter, DiagnosticBag diagnostics, CancellationToken cancellationToken)
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

    private static LocationInfo? NamedArgumentLocation(AttributeData attribute, string name, CancellationToken cancellationToken)
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
    private static string HintName(IMethodSymbol method)
    {
        var types = new List<string>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType) types.Insert(0, type.MetadataName);
        var ns = method.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : string.Empty;
        return ns + string.Join("+", types) + "." + method.Name + ".g.cs";
    }

    private static string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
