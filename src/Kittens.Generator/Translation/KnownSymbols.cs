using Microsoft.CodeAnalysis;

namespace Kittens.Generator.Translation;

/// <summary>The Kittens.Abstractions symbols the translator recognises, looked up once per kernel.</summary>
internal sealed class KnownSymbols
{
    public const string KernelAttributeName = "Kittens.KernelAttribute";

    private KnownSymbols(Compilation compilation)
    {
        Compilation = compilation;
        KernelAttribute = compilation.GetTypeByMetadataName(KernelAttributeName)!;
        DeviceFunctionAttribute = compilation.GetTypeByMetadataName("Kittens.DeviceFunctionAttribute");
        CudaAttribute = compilation.GetTypeByMetadataName("Kittens.CudaAttribute");
        CudaTypeAttribute = compilation.GetTypeByMetadataName("Kittens.CudaTypeAttribute");
        DimAttribute = compilation.GetTypeByMetadataName("Kittens.DimAttribute");
        FoldedDimAttribute = compilation.GetTypeByMetadataName("Kittens.FoldedDimAttribute");
        SubTileAttribute = compilation.GetTypeByMetadataName("Kittens.SubTileAttribute");
        RequiresArchAttribute = compilation.GetTypeByMetadataName("Kittens.RequiresArchAttribute");
        KernelInstanceAttribute = compilation.GetTypeByMetadataName("Kittens.KernelInstanceAttribute");
        SharedAllocationAttribute = compilation.GetTypeByMetadataName("Kittens.SharedAllocationAttribute");
        ShapeAttribute = compilation.GetTypeByMetadataName("Kittens.ShapeAttribute");
        TmaAttribute = compilation.GetTypeByMetadataName("Kittens.TmaAttribute");
        TensorMapTransferAttribute = compilation.GetTypeByMetadataName("Kittens.TensorMapTransferAttribute");
        ValueRangeAttribute = compilation.GetTypeByMetadataName("Kittens.ValueRangeAttribute");
        ThreadsMultipleAttribute = compilation.GetTypeByMetadataName("Kittens.ThreadsMultipleAttribute");
        RegisterTile = compilation.GetTypeByMetadataName("Kittens.RT`4");
        RegisterVector = compilation.GetTypeByMetadataName("Kittens.RV`3");
        SharedTile = compilation.GetTypeByMetadataName("Kittens.ST`3");
        SharedVector = compilation.GetTypeByMetadataName("Kittens.SV`2");
        GlobalLayout = compilation.GetTypeByMetadataName("Kittens.GL`1");
        Coord = compilation.GetTypeByMetadataName("Kittens.Coord");
        Semaphore = compilation.GetTypeByMetadataName("Kittens.Semaphore");
        BFloat16 = compilation.GetTypeByMetadataName("Kittens.bf16");
        Half = compilation.GetTypeByMetadataName("Kittens.f16");
        DeviceMath = compilation.GetTypeByMetadataName("Kittens.DeviceMath");
    }

    public Compilation Compilation { get; }
    public INamedTypeSymbol KernelAttribute { get; }
    public INamedTypeSymbol? DeviceFunctionAttribute { get; }
    public INamedTypeSymbol? CudaAttribute { get; }
    public INamedTypeSymbol? CudaTypeAttribute { get; }
    public INamedTypeSymbol? DimAttribute { get; }
    public INamedTypeSymbol? FoldedDimAttribute { get; }
    public INamedTypeSymbol? SubTileAttribute { get; }
    public INamedTypeSymbol? RequiresArchAttribute { get; }

    /// <summary>The target a stub member needs (its [RequiresArch], else its type's), or null.</summary>
    public string? GetRequiredArch(ISymbol member) =>
        GetStringArgument(member.OriginalDefinition, RequiresArchAttribute) ??
        (member.ContainingType is { } type ? GetStringArgument(type.OriginalDefinition, RequiresArchAttribute) : null);
    public INamedTypeSymbol? KernelInstanceAttribute { get; }
    public INamedTypeSymbol? SharedAllocationAttribute { get; }
    public INamedTypeSymbol? ShapeAttribute { get; }
    public INamedTypeSymbol? TmaAttribute { get; }
    public INamedTypeSymbol? TensorMapTransferAttribute { get; }
    public INamedTypeSymbol? ValueRangeAttribute { get; }
    public INamedTypeSymbol? ThreadsMultipleAttribute { get; }
    public INamedTypeSymbol? RegisterTile { get; }
    public INamedTypeSymbol? RegisterVector { get; }
    public INamedTypeSymbol? SharedTile { get; }
    public INamedTypeSymbol? SharedVector { get; }
    public INamedTypeSymbol? GlobalLayout { get; }
    public INamedTypeSymbol? Coord { get; }
    public INamedTypeSymbol? Semaphore { get; }
    public INamedTypeSymbol? BFloat16 { get; }
    public INamedTypeSymbol? Half { get; }
    public INamedTypeSymbol? DeviceMath { get; }

    /// <summary>The known symbols, or null when the compilation does not reference Kittens.Abstractions.</summary>
    public static KnownSymbols? Create(Compilation compilation) =>
        compilation.GetTypeByMetadataName(KernelAttributeName) is null ? null : new KnownSymbols(compilation);

    public AttributeData? GetAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null) return null;
        foreach (var data in symbol.OriginalDefinition.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute)) return data;
        }
        return null;
    }

    public bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute) => GetAttribute(symbol, attribute) is not null;

    /// <summary>The string argument of <paramref name="attribute"/> on <paramref name="symbol"/> ([Cuda], [CudaType]).</summary>
    public string? GetStringArgument(ISymbol symbol, INamedTypeSymbol? attribute) =>
        GetAttribute(symbol, attribute) is { ConstructorArguments: { Length: 1 } arguments } && arguments[0].Value is string value ? value : null;

    /// <summary>The CUDA mapping of a stub member: its [Cuda] string.</summary>
    public string? GetCuda(ISymbol member) => GetStringArgument(member, CudaAttribute);

    /// <summary>The value of a tile-dimension marker type ([Dim(n)]).</summary>
    public int? GetDim(ITypeSymbol type) =>
        GetAttribute(type, DimAttribute) is { ConstructorArguments: { Length: 1 } arguments } && arguments[0].Value is int value ? value : null;

    public TileKind GetTileKind(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named) return TileKind.None;
        var definition = named.OriginalDefinition;
        if (Is(definition, RegisterTile)) return TileKind.RegisterTile;
        if (Is(definition, RegisterVector)) return TileKind.RegisterVector;
        if (Is(definition, SharedTile)) return TileKind.SharedTile;
        if (Is(definition, SharedVector)) return TileKind.SharedVector;
        if (Is(definition, GlobalLayout)) return TileKind.GlobalLayout;
        if (Is(definition, Coord)) return TileKind.Coord;
        if (Is(definition, Semaphore)) return TileKind.Semaphore;
        return TileKind.None;
    }

    public static bool Is(ISymbol? symbol, ISymbol? other) =>
        symbol is not null && other is not null && SymbolEqualityComparer.Default.Equals(symbol, other);
}

/// <summary>The Kittens stub types the translator treats specially.</summary>
internal enum TileKind
{
    None,
    RegisterTile,
    RegisterVector,
    SharedTile,
    SharedVector,
    GlobalLayout,
    Coord,
    Semaphore,
}

internal static class TileKindExtensions
{
    /// <summary>Register or shared tiles and vectors, and semaphores: values that assignment must not copy.</summary>
    public static bool IsTileOrVector(this TileKind kind) =>
        kind is TileKind.RegisterTile or TileKind.RegisterVector or TileKind.SharedTile or TileKind.SharedVector or TileKind.Semaphore;

    /// <summary>What lives in shared memory: shared tiles and vectors, and semaphores.</summary>
    public static bool IsShared(this TileKind kind) => kind is TileKind.SharedTile or TileKind.SharedVector or TileKind.Semaphore;

    /// <summary>Tiles, vectors and tensors: types whose first type argument is a dtype (float, bf16 or f16).</summary>
    public static bool HasElementType(this TileKind kind) =>
        kind is TileKind.RegisterTile or TileKind.RegisterVector or TileKind.SharedTile or TileKind.SharedVector or TileKind.GlobalLayout;

    public static bool IsRegister(this TileKind kind) => kind is TileKind.RegisterTile or TileKind.RegisterVector;
}
