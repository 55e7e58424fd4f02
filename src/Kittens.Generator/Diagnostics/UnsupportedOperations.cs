using Microsoft.CodeAnalysis;

namespace Kittens.Generator.Diagnostics;

/// <summary>
/// The deny-list of operation kinds the translator rejects with a specific diagnostic (anything
/// else it does not know gets <see cref="DiagnosticDescriptors.UnsupportedConstruct"/>).
/// </summary>
internal static class UnsupportedOperations
{
    /// <summary>
    /// The specific diagnostic for <paramref name="kind"/>, or null when it has none. (foreach and
    /// goto share their kinds with supported loops and branches; the translator picks them out.)
    /// </summary>
    public static DiagnosticDescriptor? For(OperationKind kind) => kind switch
    {
        OperationKind.AnonymousFunction or OperationKind.DelegateCreation or OperationKind.LocalFunction
            or OperationKind.MethodReference => DiagnosticDescriptors.LambdaNotSupported,
        OperationKind.TranslatedQuery => DiagnosticDescriptors.LinqNotSupported,
        OperationKind.Try or OperationKind.Throw => DiagnosticDescriptors.ExceptionsNotSupported,
        OperationKind.InterpolatedString or OperationKind.InterpolatedStringHandlerCreation => DiagnosticDescriptors.StringsNotSupported,
        OperationKind.Await => DiagnosticDescriptors.AsyncNotSupported,
        OperationKind.Labeled => DiagnosticDescriptors.GotoNotSupported,
        OperationKind.Switch or OperationKind.SwitchExpression => DiagnosticDescriptors.SwitchNotSupported,
        OperationKind.AddressOf or OperationKind.FunctionPointerInvocation => DiagnosticDescriptors.UnsafeNotSupported,
        OperationKind.Tuple or OperationKind.DeconstructionAssignment => DiagnosticDescriptors.TupleNotSupported,
        OperationKind.IsPattern or OperationKind.IsType => DiagnosticDescriptors.PatternMatchingNotSupported,
        OperationKind.Lock => DiagnosticDescriptors.LockNotSupported,
        OperationKind.Using or OperationKind.UsingDeclaration => DiagnosticDescriptors.UsingNotSupported,
        OperationKind.YieldReturn or OperationKind.YieldBreak => DiagnosticDescriptors.YieldNotSupported,
        OperationKind.ArrayCreation or OperationKind.AnonymousObjectCreation or OperationKind.ObjectOrCollectionInitializer
            or OperationKind.TypeParameterObjectCreation or OperationKind.DynamicObjectCreation or OperationKind.CollectionExpression
            => DiagnosticDescriptors.ObjectCreationNotSupported,
        _ => null,
    };
}
