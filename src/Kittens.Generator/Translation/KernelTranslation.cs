using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Kittens.Generator.Binding;
using Kittens.Generator.Diagnostics;
using Kittens.Generator.Model;
using Kittens.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kittens.Generator.Translation;

/// <summary>
/// The translate stage: a bound kernel instance → <see cref="TranslatedKernel"/>. One instance
/// of this class is the state of one such translation, which the body's <see cref="CudaTranslator"/>
/// reports into: the device functions it reaches (translated once each, callees first,
/// recursion diagnosed), its shared-memory allocations and the tensor maps a bare [Tma] takes.
/// </summary>
internal sealed class KernelTranslation
{
    private readonly Dictionary<IMethodSymbol, DeviceFunctionState> _deviceFunctions = new(SymbolEqualityComparer.Default);
    private readonly List<IMethodSymbol> _callStack = new();
    private readonly List<CudaFunctionModel> _deviceFunctionModels = new();
    private readonly HashSet<string> _functionNames = new();
    private readonly List<(long Bytes, int Alignment)> _allocations = new();
    private readonly List<SharedTypeModel> _sharedTypes = new();
    private readonly Dictionary<IParameterSymbol, List<ITypeSymbol>> _inferredTensorMaps = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IParameterSymbol, EquatableArray<ShapeDimModel>> _shapes = new(SymbolEqualityComparer.Default);

    private KernelTranslation(KnownSymbols known, DiagnosticBag diagnostics, IMethodSymbol kernel, string entryPoint, CancellationToken cancellationToken)
    {
        Known = known;
        Diagnostics = diagnostics;
        Kernel = kernel;
        CancellationToken = cancellationToken;
        _functionNames.Add(entryPoint);
        _callStack.Add(kernel);
    }

    public KnownSymbols Known { get; }

    public DiagnosticBag Diagnostics { get; }

    public IMethodSymbol Kernel { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The instance's name, for messages about its launch settings.</summary>
    public string InstanceName { get; private set; } = "";

    /// <summary>The instance's threads per block, which ops on whole warpgroups and barrier counts are checked against.</summary>
    public int Threads { get; private set; }

    /// <summary>The C# code had errors of its own (invalid operations); the compiler reports those.</summary>
    public bool HasInvalidCode { get; set; }

    private string? _requiredArch;
    private string? _requiredBy;

    /// <summary>
    /// Notes that the kernel (its body or a device function it reaches) uses <paramref name="op"/>,
    /// which needs <paramref name="arch"/>; the strictest such target is kept ("sm_90a" over "sm_90").
    /// </summary>
    public void RequireArch(string arch, string op)
    {
        if (_requiredArch is not null && (_requiredArch == arch || _requiredArch.EndsWith("a", System.StringComparison.Ordinal))) return;
        _requiredArch = arch;
        _requiredBy = op;
    }

    /// <summary>Translates the kernel body of <paramref name="bound"/>.</summary>
    /// <param name="bound">The bound instance.</param>
    /// <param name="parameters">Its parameters, all of which can be launched (an instance with one that cannot is not translated).</param>
    /// <param name="cancellationToken">Cancels the translation.</param>
    public static TranslatedKernel Translate(BoundKernel bound, IReadOnlyList<BoundParameter> parameters, CancellationToken cancellationToken)
    {
        var definition = bound.Definition;
        // The bind stage's diagnostics come first, so a translation diagnostic they cover is not added.
        var diagnostics = new DiagnosticBag();
        foreach (var diagnostic in bound.Diagnostics) diagnostics.Add(diagnostic);

        var entryPoint = CudaNames.EntryPoint(bound.Instance.Name);
        var translation = new KernelTranslation(definition.Known, diagnostics, definition.Method, entryPoint, cancellationToken);
        translation.InstanceName = bound.Instance.Name;
        translation.Threads = bound.Instance.Threads;
        foreach (var parameter in parameters)
        {
            if (parameter.Shape.Count == 4) translation._shapes[parameter.Symbol] = parameter.Shape;
        }
        var translator = new CudaTranslator(translation, definition.Method, definition.SemanticModel, isKernel: true, bound.Binding);
        var body = translator.TranslateBody(definition.Syntax);
        var shared = translation.SharedLayout(bound);
        var parameterModels = parameters.Select(p => translation.ParameterModel(p, translator)).ToEquatableArray();
        return new TranslatedKernel(
            bound, entryPoint, parameterModels, body, translation._deviceFunctionModels.ToEquatableArray(), shared,
            new ArchRequirement(translation._requiredArch ?? string.Empty, translation._requiredBy ?? string.Empty),
            translation.HasInvalidCode, diagnostics.ToEquatableArray());
    }

    /// <summary>A kernel parameter as the translated body names and uses it.</summary>
    private ParameterModel ParameterModel(BoundParameter parameter, CudaTranslator translator)
    {
        // A tensor with a bare [Tma] carries the maps of the types its TMA ops move.
        var inferred = parameter.IsTensor && parameter.InfersTensorMaps ? InferredTensorMaps(parameter.Symbol) : null;
        bool infers = inferred is { Count: > 0 };
        return new ParameterModel(
            parameter.Symbol.Name,
            translator.NameOf(parameter.Symbol),
            infers ? TmaTypes.SpellGlobal(parameter.Type, inferred!, Known) ?? parameter.CudaType : parameter.CudaType,
            IsConst: !translator.IsWritten(parameter.Symbol),
            parameter.IsTensor,
            parameter.LauncherType,
            parameter.Shape,
            infers ? inferred!.Select(t => TmaTypes.Box(t, Known)).OfType<TmaBoxModel>().ToEquatableArray() : parameter.Tma);
    }

    /// <summary>The allocations laid out; over the per-block limit, a diagnostic at the kernel and no bytes.</summary>
    private SharedLayout SharedLayout(BoundKernel bound)
    {
        long bytes = SharedMemory.DynamicBytes(_allocations);
        if (bytes > SharedMemory.MaxBytesPerBlock)
        {
            Diagnostics.Add(DiagnosticDescriptors.SharedMemoryTooLarge, bound.Definition.Declaration.Identifier, bound.Instance.Name,
                Text(bytes), Text(SharedMemory.MaxBytesPerBlock));
            bytes = 0;
        }
        else if (bytes > 0 && (bytes + SharedMemory.ReservedBytesPerBlock) * bound.Instance.MinBlocksPerSm > SharedMemory.MaxBytesPerSm)
        {
            // __launch_bounds__ promises the blocks but cannot make room for them: the kernel
            // would run with fewer per SM, silently. Registers are only known after ptxas.
            Diagnostics.Add(DiagnosticDescriptors.MinBlocksSharedMemory, bound.Definition.Declaration.Identifier, bound.Instance.Name,
                Text(bound.Instance.MinBlocksPerSm), Text(bytes), Text(SharedMemory.ReservedBytesPerBlock), Text(SharedMemory.MaxBytesPerSm));
        }
        return new SharedLayout(_sharedTypes.ToEquatableArray(), (int)bytes);
    }

    private static string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The four [Shape] extents of a kernel tensor parameter (a dim type parameter's already its value); null without one, and for a device function's.</summary>
    public IReadOnlyList<ShapeDimModel>? ShapeOf(IParameterSymbol parameter) =>
        _shapes.TryGetValue(parameter, out var shape) ? shape : null;

    /// <summary>A kernel tensor parameter with a bare [Tma]: its tensor maps are inferred from the TMA ops on it.</summary>
    public bool InfersTensorMaps(IParameterSymbol parameter) =>
        SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol.OriginalDefinition, Kernel.OriginalDefinition) && TmaTypes.IsInferred(parameter, Known);

    /// <summary>Records that the kernel body moves <paramref name="type"/> through <paramref name="parameter"/> by TMA.</summary>
    public void AddInferredTensorMap(IParameterSymbol parameter, ITypeSymbol type)
    {
        if (!_inferredTensorMaps.TryGetValue(parameter, out var types)) _inferredTensorMaps[parameter] = types = new List<ITypeSymbol>();
        if (!types.Any(t => SymbolEqualityComparer.Default.Equals(t, type))) types.Add(type);
    }

    /// <summary>The shared types the body moves through a kernel tensor parameter with a bare [Tma], in order of first use.</summary>
    public IReadOnlyList<ITypeSymbol> InferredTensorMaps(IParameterSymbol parameter) =>
        _inferredTensorMaps.TryGetValue(parameter, out var types) ? types : (IReadOnlyList<ITypeSymbol>)new ITypeSymbol[0];

    /// <summary>Records a shared allocation of <paramref name="count"/> objects of <paramref name="cudaType"/>, in allocation order.</summary>
    public void AddAllocation(string cudaType, int byteSize, int alignment, int count)
    {
        _allocations.Add(((long)byteSize * count, alignment));
        var shared = new SharedTypeModel(cudaType, byteSize);
        if (!_sharedTypes.Contains(shared)) _sharedTypes.Add(shared);
    }

    /// <summary>
    /// The CUDA name of a [DeviceFunction] called at <paramref name="callSite"/>, translating it
    /// on first use; null (with a diagnostic) when it cannot be translated or the call recurses.
    /// </summary>
    /// <param name="method">The callee with its type arguments bound (concrete).</param>
    /// <param name="callSite">The call, for diagnostics.</param>
    /// <param name="binding">The callee's own type parameters bound to those type arguments.</param>
    public string? RequestDeviceFunction(IMethodSymbol method, IOperation callSite, TypeBinding binding)
    {
        if (_deviceFunctions.TryGetValue(method, out var state) && state.Visited)
        {
            if (state.InProgress)
            {
                ReportRecursion(method, callSite);
                return null;
            }
            return state.Name;
        }
        if (_callStack.Any(m => SymbolEqualityComparer.Default.Equals(m.OriginalDefinition, method.OriginalDefinition)))
        {
            // A generic function calling itself with other type arguments: still recursion.
            ReportRecursion(method, callSite);
            return null;
        }

        state = State(method);
        state.Visited = true;

        var declaration = FindDeclaration(method);
        if (!ValidateDeviceFunction(method, declaration, callSite)) return null;

        state.Name = DeviceFunctionName(method);
        state.InProgress = true;
        _callStack.Add(method);
        var semanticModel = Known.Compilation.GetSemanticModel(declaration!.SyntaxTree);
        var translator = new CudaTranslator(this, method.OriginalDefinition, semanticModel, isKernel: false, binding);
        var body = translator.TranslateBody(declaration);
        var signature = translator.DeviceFunctionSignature(state.Name);
        _callStack.RemoveAt(_callStack.Count - 1);
        state.InProgress = false;
        _deviceFunctionModels.Add(new CudaFunctionModel(signature, body));
        return state.Name;
    }

    /// <summary>
    /// The CUDA name of a device function (snake_case, unique in this translation unit), fixed on
    /// first mention so callers can keep their locals from hiding it before it is translated.
    /// </summary>
    public string DeviceFunctionName(IMethodSymbol method)
    {
        var state = State(method);
        return state.ReservedName ??= UniqueFunctionName(CudaNames.DeviceFunction(method.Name));
    }

    private DeviceFunctionState State(IMethodSymbol method)
    {
        if (!_deviceFunctions.TryGetValue(method, out var state))
        {
            state = new DeviceFunctionState();
            _deviceFunctions.Add(method, state);
        }
        return state;
    }

    /// <summary>Reports a call back into <paramref name="method"/> while it is being translated.</summary>
    public void ReportRecursion(IMethodSymbol method, IOperation callSite)
    {
        int start = _callStack.FindIndex(m => SymbolEqualityComparer.Default.Equals(m.OriginalDefinition, method.OriginalDefinition));
        var path = _callStack.Skip(start < 0 ? 0 : start).Select(m => m.Name).Concat(new[] { method.Name });
        Diagnostics.AddUnlessCovered(
            DiagnosticDescriptors.Recursion, LocationInfo.From(callSite.Syntax), method.Name, string.Join(" -> ", path));
    }

    private static MethodDeclarationSyntax? FindDeclaration(IMethodSymbol method)
    {
        var definition = method.OriginalDefinition;
        var implementation = definition.PartialImplementationPart ?? definition;
        foreach (var reference in implementation.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is MethodDeclarationSyntax { } syntax && (syntax.Body is not null || syntax.ExpressionBody is not null))
                return syntax;
        }
        return null;
    }

    private bool ValidateDeviceFunction(IMethodSymbol method, MethodDeclarationSyntax? declaration, IOperation callSite)
    {
        string? reason = null;
        if (!method.IsStatic) reason = DiagnosticDescriptors.DeviceFunctionReasons.NotStatic;
        else if (KernelParser.IsInGenericType(method)) reason = DiagnosticDescriptors.DeviceFunctionReasons.Generic;
        else if (declaration is null) reason = DiagnosticDescriptors.DeviceFunctionReasons.NoBody;
        else if (!method.ReturnsVoid && CudaTypeNames.Primitive(method.ReturnType.SpecialType) is null)
        {
            if (ContainsYield(declaration))
            {
                // An iterator: say so rather than complain about IEnumerable.
                foreach (var yield in declaration.DescendantNodes().OfType<YieldStatementSyntax>())
                    Diagnostics.AddUnlessCovered(DiagnosticDescriptors.YieldNotSupported, LocationInfo.From(yield));
                return false;
            }
            reason = string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                DiagnosticDescriptors.DeviceFunctionReasons.ReturnType,
                method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
        }
        else if (method.Parameters.FirstOrDefault(p => p.IsParams) is { } paramsParameter)
        {
            reason = string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                DiagnosticDescriptors.DeviceFunctionReasons.ParamsParameter,
                paramsParameter.Name);
        }
        if (reason is null) return true;

        var location = declaration is not null ? LocationInfo.From(declaration.Identifier) : null;
        Diagnostics.Add(DiagnosticDescriptors.InvalidDeviceFunction, location ?? LocationInfo.From(callSite.Syntax), method.Name, reason);
        return false;
    }

    private static bool ContainsYield(MethodDeclarationSyntax declaration) =>
        declaration.DescendantNodes().OfType<YieldStatementSyntax>().Any();

    /// <summary>
    /// A name no other function of this translation unit has (the entry point included): overloads
    /// and generic bindings of one C# name become <c>name</c>, <c>name_2</c>, ...
    /// </summary>
    private string UniqueFunctionName(string name)
    {
        var unique = CudaNames.Unique(name, candidate => !_functionNames.Contains(candidate) && !CudaNames.IsReservedGlobal(candidate));
        _functionNames.Add(unique);
        return unique;
    }

    private sealed class DeviceFunctionState
    {
        public string? Name { get; set; }

        public string? ReservedName { get; set; }

        public bool Visited { get; set; }

        public bool InProgress { get; set; }
    }
}
