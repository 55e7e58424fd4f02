using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kittens.Generator.Translation;

internal sealed partial class CudaTranslator
{
    /// <summary>The unqualified CUDA names the body calls ([Cuda] mappings, device functions): no local may hide them.</summary>
    private readonly HashSet<string> _calledNames = new(System.StringComparer.Ordinal);

    /// <summary>The body's local names in source order, each once (parameters not among them).</summary>
    private readonly List<string> _localNames = new();

    /// <summary>
    /// C# name → CUDA name for every parameter and local of this body. C# lets two locals share a
    /// name only in sibling scopes, which the CUDA keeps as sibling blocks, so they share one CUDA
    /// name; different C# names always get different CUDA names.
    /// </summary>
    private readonly Dictionary<string, string> _cudaNames = new(System.StringComparer.Ordinal);

    /// <summary>The CUDA names this body's symbols, calls and signature use.</summary>
    private readonly HashSet<string> _takenNames = new(System.StringComparer.Ordinal);

    /// <summary>The CUDA name of a kernel or device-function parameter.</summary>
    public string NameOf(IParameterSymbol parameter) => NameFor(parameter.Name, isParameter: true);

    /// <summary>The CUDA name of a local or parameter (see <see cref="AssignNames"/>).</summary>
    private string Declare(ISymbol symbol) => NameFor(symbol.Name, symbol is IParameterSymbol);

    private string NameOfSymbol(ISymbol symbol) => Declare(symbol);

    private string NameFor(string name, bool isParameter)
    {
        if (_cudaNames.TryGetValue(name, out var cuda)) return cuda;
        // A name FindNames did not see (it sees every declaration the translator supports) is
        // still kept apart from all the others.
        return Take(name, Keeps(name, isParameter) ? name : EscapedName(name, isParameter), isParameter);
    }

    /// <summary>
    /// Collects the C# names the body declares and the unqualified CUDA names it calls (from
    /// [Cuda] mappings and device functions), so no local hides a function it needs.
    /// </summary>
    private void FindNames(IOperation body)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var parameter in _method.Parameters) seen.Add(parameter.Name);
        foreach (var operation in body.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator:
                    if (seen.Add(declarator.Symbol.Name)) _localNames.Add(declarator.Symbol.Name);
                    break;
                case ILocalReferenceOperation local:
                    if (seen.Add(local.Local.Name)) _localNames.Add(local.Local.Name);
                    break;
                case IInvocationOperation invocation when _known.GetCuda(invocation.TargetMethod) is { } cuda:
                    CudaNames.AddUnqualifiedIdentifiers(cuda, _calledNames);
                    break;
                case IInvocationOperation invocation when _known.HasAttribute(invocation.TargetMethod, _known.DeviceFunctionAttribute):
                    _calledNames.Add(_kernel.DeviceFunctionName(_binding.Substitute(invocation.TargetMethod)));
                    break;
                case IPropertyReferenceOperation property when _known.GetCuda(property.Property) is { } cuda:
                    CudaNames.AddUnqualifiedIdentifiers(cuda, _calledNames);
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Remainder }:
                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Remainder }:
                    _calledNames.Add("fmodf");
                    _calledNames.Add("fmod");
                    break;
            }
        }
    }

    /// <summary>
    /// Names every parameter and local of the body. A name C++ does not claim and nothing else in
    /// the body uses keeps its C# spelling; the others are escaped (<see cref="CudaNames.Escape"/>)
    /// and numbered past every name already taken. The names that are kept are taken first, so an
    /// escaped name never equals one the author wrote (<c>auto</c> beside <c>auto_</c> is <c>auto_2</c>).
    /// </summary>
    private void AssignNames()
    {
        _takenNames.UnionWith(_calledNames);
        var escaped = new List<(string Name, bool IsParameter)>();
        // Parameters first: a device function's signature derives template parameters from them.
        foreach (var parameter in _method.Parameters)
        {
            if (_cudaNames.ContainsKey(parameter.Name)) continue;
            if (Keeps(parameter.Name, isParameter: true)) Take(parameter.Name, parameter.Name, isParameter: true);
            else escaped.Add((parameter.Name, true));
        }
        foreach (var local in _localNames)
        {
            if (Keeps(local, isParameter: false)) Take(local, local, isParameter: false);
            else escaped.Add((local, false));
        }
        foreach (var (name, isParameter) in escaped)
        {
            if (!_cudaNames.ContainsKey(name)) Take(name, EscapedName(name, isParameter), isParameter);
        }
    }

    private bool Keeps(string name, bool isParameter) => !CudaNames.IsReserved(name) && IsFree(name, isParameter);

    private string EscapedName(string name, bool isParameter) =>
        CudaNames.Unique(CudaNames.Escape(name), candidate => !CudaNames.IsReserved(candidate) && IsFree(candidate, isParameter));

    /// <summary>Whether <paramref name="cuda"/> and, for a device function's parameter, the template parameters named after it are unused.</summary>
    private bool IsFree(string cuda, bool isParameter)
    {
        if (_takenNames.Contains(cuda)) return false;
        if (!isParameter || _isKernel) return true;
        foreach (var prefix in CudaNames.TemplateParameterPrefixes)
        {
            if (_takenNames.Contains(prefix + cuda)) return false;
        }
        return true;
    }

    private string Take(string name, string cuda, bool isParameter)
    {
        _cudaNames[name] = cuda;
        _takenNames.Add(cuda);
        if (isParameter && !_isKernel)
        {
            foreach (var prefix in CudaNames.TemplateParameterPrefixes) _takenNames.Add(prefix + cuda);
        }
        return cuda;
    }
}
