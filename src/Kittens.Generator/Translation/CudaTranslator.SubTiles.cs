using System.Globalization;
using System.Text.RegularExpressions;
using Kittens.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kittens.Generator.Translation;

internal sealed partial class CudaTranslator
{
    private static readonly Regex s_typeArgumentPlaceholder = new(@"\{T(\d+)\}", RegexOptions.CultureInvariant);

    /// <summary>
    /// A [Cuda] template with its <c>{T0}</c>, <c>{T1}</c>, ... replaced by the call's (bound) type
    /// arguments: a dimension marker as its number, any other type by its CUDA spelling.
    /// </summary>
    private string WithTypeArguments(string cuda, IMethodSymbol method)
    {
        if (cuda.IndexOf("{T", System.StringComparison.Ordinal) < 0) return cuda;
        return s_typeArgumentPlaceholder.Replace(cuda, match =>
        {
            int index = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            if (index >= method.TypeArguments.Length) return match.Value;
            var type = Bound(method.TypeArguments[index]);
            return _known.GetDim(type) is { } dim
                ? dim.ToString(CultureInfo.InvariantCulture)
                : CudaTypeNames.Spell(type, _known) ?? Display(type);
        });
    }

    /// <summary>An initializer that is a sub-tile view (<c>q.Rows&lt;D16&gt;(w)</c>), which a local binds by reference.</summary>
    private bool IsSubTile(IOperation operation) =>
        StripImplicit(operation) is IInvocationOperation invocation && _known.HasAttribute(invocation.TargetMethod, _known.SubTileAttribute);

    /// <summary>
    /// KIT0207 when a band does not fit the shared tile it is taken from: rows that do not divide
    /// the tile's, columns that do not divide them or are not whole swizzle chunks (the view keeps
    /// its parent's swizzle), or a constant band index past the tile.
    /// </summary>
    private void CheckSubTile(IInvocationOperation invocation, IMethodSymbol method)
    {
        if (invocation.Instance?.Type is not INamedTypeSymbol { TypeArguments.Length: 3 } tile) return;
        tile = (INamedTypeSymbol)Bound(tile);
        if (Bound(method.ReturnType) is not INamedTypeSymbol { TypeArguments.Length: 3 } band) return;
        if (_known.GetDim(tile.TypeArguments[1]) is not { } rows || _known.GetDim(tile.TypeArguments[2]) is not { } cols) return;
        if (_known.GetDim(band.TypeArguments[1]) is not { } bandRows || _known.GetDim(band.TypeArguments[2]) is not { } bandCols) return;
        if (CudaTypeNames.ElementBytes(tile.TypeArguments[0], _known) is not { } bytes) return;

        string what = method.Name switch
        {
            "Rows" => "a band of " + Cells(bandRows, "row"),
            "Cols" => "a band of " + Cells(bandCols, "column"),
            _ => "a " + bandRows.ToString(CultureInfo.InvariantCulture) + " x " + bandCols.ToString(CultureInfo.InvariantCulture) + " sub-tile",
        };
        string shape = rows.ToString(CultureInfo.InvariantCulture) + " x " + cols.ToString(CultureInfo.InvariantCulture);
        int chunk = SharedMemory.SwizzleBytes(cols, bytes) / bytes;
        string? why = null;
        if (bandRows > rows || rows % bandRows != 0)
            why = Cells(bandRows, "row") + " do not divide " + rows.ToString(CultureInfo.InvariantCulture);
        else if (bandCols > cols || cols % bandCols != 0)
            why = Cells(bandCols, "column") + " do not divide " + cols.ToString(CultureInfo.InvariantCulture);
        else if (bandCols != cols && bandCols % chunk != 0)
            why = "a column band must be whole swizzle chunks of " + Cells(chunk, "column") + ", since the view keeps the tile's swizzle";
        else
            why = BandIndexOutOfRange(invocation, method, rows / bandRows, cols / bandCols);
        if (why is null) return;
        Report(DiagnosticDescriptors.SubTileShape, invocation.Syntax, Snippet(invocation.Syntax), what, shape, why);
    }

    /// <summary>Why a constant band index of the call is outside the tile, or null.</summary>
    private string? BandIndexOutOfRange(IInvocationOperation invocation, IMethodSymbol method, int rowBands, int colBands)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is null || !_folder.TryFold(argument.Value, out var value) || value is not int index) continue;
            // Rows(band), Cols(band), Sub(rowBand, colBand): the column count applies to Cols and to Sub's second index.
            bool columns = method.Name == "Cols" || argument.Parameter.Ordinal == 1;
            int count = columns ? colBands : rowBands;
            if (index >= 0 && index < count) continue;
            return "band " + index.ToString(CultureInfo.InvariantCulture) + " is outside the tile's " +
                count.ToString(CultureInfo.InvariantCulture) + (columns ? " column" : " row") + (count == 1 ? " band" : " bands");
        }
        return null;
    }

    private static string Cells(int count, string unit) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + unit + (count == 1 ? string.Empty : "s");
}
