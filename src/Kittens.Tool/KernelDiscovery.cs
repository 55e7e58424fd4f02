using System.Reflection;
using System.Runtime.Loader;
using Kittens.Runtime;

namespace Kittens.Tool;

/// <summary>
/// Finds the kernels an assembly's generated launchers describe: nested types with a public
/// static <see cref="KernelSource"/> <c>Source</c> property. The assembly is loaded into a
/// context of its own that resolves its dependencies from its folder, except the Kittens
/// assemblies, which come from this tool so that its <see cref="KernelSource"/> is the one the
/// launchers return.
/// </summary>
public static class KernelDiscovery
{
    /// <summary>The kernels by launcher name (e.g. "MyKernels.RowSoftmaxKernel"), in name order.</summary>
    public static IReadOnlyList<(string Name, KernelSource Source)> Find(string assemblyPath)
    {
        string path = Path.GetFullPath(assemblyPath);
        if (!File.Exists(path)) throw new FileNotFoundException($"no assembly at {path}", path);
        var context = new FolderLoadContext(path);
        var assembly = context.LoadFromAssemblyPath(path);
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            // A type whose dependency is missing cannot be a launcher that loads; the rest still count.
            types = e.Types;
        }
        var kernels = new List<(string, KernelSource)>();
        foreach (var type in types)
        {
            if (type is null || !type.IsNested) continue;
            var property = type.GetProperty("Source", BindingFlags.Public | BindingFlags.Static);
            if (property?.PropertyType != typeof(KernelSource)) continue;
            if (property.GetValue(null) is KernelSource source) kernels.Add((type.FullName!.Replace('+', '.'), source));
        }
        return kernels.OrderBy(k => k.Item1, StringComparer.Ordinal).ToList();
    }

    private sealed class FolderLoadContext(string mainAssembly) : AssemblyLoadContext("kittens-compile", isCollectible: false)
    {
        private readonly AssemblyDependencyResolver _resolver = new(mainAssembly);
        private readonly string _folder = Path.GetDirectoryName(mainAssembly)!;

        protected override Assembly? Load(AssemblyName name)
        {
            // Shared with the tool: the launcher's KernelSource must be the tool's KernelSource.
            if (name.Name is "Kittens.Runtime" or "Kittens.Abstractions") return null;
            if (_resolver.ResolveAssemblyToPath(name) is { } resolved) return LoadFromAssemblyPath(resolved);
            string beside = Path.Combine(_folder, name.Name + ".dll");
            return File.Exists(beside) ? LoadFromAssemblyPath(beside) : null;
        }
    }
}
