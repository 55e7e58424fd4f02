using System;

namespace Kittens.Generator.Emit;

/// <summary>
/// File paths as the generated text shows them: relative to the project directory (with '/')
/// when the file is under it, so the output is the same on every machine; else as given.
/// </summary>
internal static class SourcePaths
{
    public static string Display(string path, string? projectDirectory)
    {
        if (string.IsNullOrEmpty(projectDirectory) || string.IsNullOrEmpty(path)) return path;
        string file = path.Replace('\\', '/');
        string directory = projectDirectory!.Replace('\\', '/');
        if (!directory.EndsWith("/", StringComparison.Ordinal)) directory += "/";
        // Windows paths (C:/...) compare without case, as the file system does.
        var comparison = directory.Length > 1 && directory[1] == ':' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return file.Length > directory.Length && file.StartsWith(directory, comparison) ? file.Substring(directory.Length) : path;
    }

    /// <summary>The body of a C/C++ string literal naming <paramref name="path"/>.</summary>
    public static string CString(string path) => path.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
