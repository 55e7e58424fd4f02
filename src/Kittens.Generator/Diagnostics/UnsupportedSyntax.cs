using Kittens.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kittens.Generator.Diagnostics;

/// <summary>
/// The deny-list for C# that the operation tree does not show as its own node (checked,
/// unsafe code and pointers, ref locals, tuples): a syntax walk over a kernel or device
/// function before translation. Everything else is diagnosed by the operation walk in
/// <see cref="Translation.CudaTranslator"/>, see <see cref="UnsupportedOperations"/>.
/// </summary>
internal sealed class UnsupportedSyntax : CSharpSyntaxWalker
{
    private readonly DiagnosticBag _diagnostics;

    private UnsupportedSyntax(DiagnosticBag diagnostics) => _diagnostics = diagnostics;

    public static void Check(BaseMethodDeclarationSyntax method, DiagnosticBag diagnostics)
    {
        var walker = new UnsupportedSyntax(diagnostics);
        foreach (var modifier in method.Modifiers)
        {
            if (modifier.IsKind(SyntaxKind.UnsafeKeyword)) walker.Report(DiagnosticDescriptors.UnsafeNotSupported, LocationInfo.From(modifier));
        }
        if (method.Body is { } body) walker.Visit(body);
        if (method.ExpressionBody is { } expression) walker.Visit(expression);
    }

    public override void VisitCheckedStatement(CheckedStatementSyntax node)
    {
        Report(DiagnosticDescriptors.CheckedNotSupported, LocationInfo.From(node.Keyword));
        base.VisitCheckedStatement(node);
    }

    public override void VisitCheckedExpression(CheckedExpressionSyntax node)
    {
        Report(DiagnosticDescriptors.CheckedNotSupported, LocationInfo.From(node.Keyword));
        base.VisitCheckedExpression(node);
    }

    public override void VisitUnsafeStatement(UnsafeStatementSyntax node) => ReportUnsafe(node);

    public override void VisitFixedStatement(FixedStatementSyntax node) => ReportUnsafe(node);

    public override void VisitPointerType(PointerTypeSyntax node) => ReportUnsafe(node);

    public override void VisitFunctionPointerType(FunctionPointerTypeSyntax node) => ReportUnsafe(node);

    public override void VisitStackAllocArrayCreationExpression(StackAllocArrayCreationExpressionSyntax node) => ReportUnsafe(node);

    public override void VisitImplicitStackAllocArrayCreationExpression(ImplicitStackAllocArrayCreationExpressionSyntax node) => ReportUnsafe(node);

    public override void VisitPrefixUnaryExpression(PrefixUnaryExpressionSyntax node)
    {
        if (node.IsKind(SyntaxKind.AddressOfExpression) || node.IsKind(SyntaxKind.PointerIndirectionExpression)) ReportUnsafe(node);
        else base.VisitPrefixUnaryExpression(node);
    }

    public override void VisitMemberAccessExpression(MemberAccessExpressionSyntax node)
    {
        if (node.IsKind(SyntaxKind.PointerMemberAccessExpression)) ReportUnsafe(node);
        else base.VisitMemberAccessExpression(node);
    }

    public override void VisitSizeOfExpression(SizeOfExpressionSyntax node)
    {
        // sizeof of a primitive is a constant; anything else needs unsafe code.
        if (node.Type is not PredefinedTypeSyntax) ReportUnsafe(node);
    }

    public override void VisitVariableDeclaration(VariableDeclarationSyntax node)
    {
        // ref int r = ref a; is one ref local, not two findings.
        if (node.Type is RefTypeSyntax) Report(DiagnosticDescriptors.RefLocalNotSupported, LocationInfo.From(node));
        else base.VisitVariableDeclaration(node);
    }

    public override void VisitRefType(RefTypeSyntax node) =>
        Report(DiagnosticDescriptors.RefLocalNotSupported, LocationInfo.From(node));

    public override void VisitRefExpression(RefExpressionSyntax node) =>
        Report(DiagnosticDescriptors.RefLocalNotSupported, LocationInfo.From(node));

    public override void VisitTupleExpression(TupleExpressionSyntax node) =>
        Report(DiagnosticDescriptors.TupleNotSupported, LocationInfo.From(node));

    public override void VisitTupleType(TupleTypeSyntax node) =>
        Report(DiagnosticDescriptors.TupleNotSupported, LocationInfo.From(node));

    public override void VisitParenthesizedVariableDesignation(ParenthesizedVariableDesignationSyntax node) =>
        Report(DiagnosticDescriptors.TupleNotSupported, LocationInfo.From(node));

    private void ReportUnsafe(SyntaxNode node) => Report(DiagnosticDescriptors.UnsafeNotSupported, LocationInfo.From(node));

    private void Report(DiagnosticDescriptor descriptor, LocationInfo? location) =>
        _diagnostics.AddUnlessCovered(descriptor, location);
}
