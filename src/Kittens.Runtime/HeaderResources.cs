using System.Collections.Frozen;
using System.Reflection;

namespace Kittens.Runtime;

/// <summary>
/// The CUDA tile headers embedded in this assembly (resources named
/// <c>kittens-include/&lt;path under include/&gt;</c>), as NVRTC in-memory headers keyed by
/// include name.
/// </summary>
/// <remarks>
/// NVRTC matches an <c>#include "name"</c> against in-memory header names exactly; it does not
/// resolve a name relative to the including header. So each header under <c>kittens/</c> is also
/// offered without that prefix: <c>#include "kittens.cuh"</c> and <c>#include "kittens/kittens.cuh"</c>
/// both work, as do includes between headers written relative to <c>include/kittens/</c>.
/// </remarks>
internal static class HeaderResources
{
    public const string ResourcePrefix = "kittens-include/";
    private const string AliasPrefix = "kittens/";

    private static readonly Lazy<FrozenDictionary<string, string>> All = new(Load);

    /// <summary>Include name → header text.</summary>
    public static IReadOnlyDictionary<string, string> Headers => All.Value;

    /// <summary>Builds include name → text from resources, adding the un-prefixed aliases.</summary>
    internal static FrozenDictionary<string, string> FromResources(IEnumerable<(string ResourceName, string Text)> resources)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (resource, text) in resources)
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal)) continue;
            // MSBuild may spell RecursiveDir with a backslash; include names use '/'.
            headers[resource[ResourcePrefix.Length..].Replace('\\', '/')] = text;
        }
        foreach (var (name, text) in headers.ToArray())
        {
            if (name.StartsWith(AliasPrefix, StringComparison.Ordinal))
                headers.TryAdd(name[AliasPrefix.Length..], text);
        }
        return headers.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, string> Load()
    {
        var assembly = typeof(HeaderResources).Assembly;
        return FromResources(assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(name => (name, Read(assembly, name))));
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource '{name}' vanished");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
