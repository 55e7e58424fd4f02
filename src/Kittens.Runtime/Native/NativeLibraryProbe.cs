using System.Runtime.InteropServices;
using System.Text;

namespace Kittens.Runtime.Native;

/// <summary>
/// Loads the first native library that opens from an ordered list of candidates (file paths or
/// sonames), remembering why each failed so the error can name every place tried. It is a plain
/// object with an injectable list, so tests can probe missing libraries without touching the
/// process-wide import resolver.
/// </summary>
internal sealed class NativeLibraryProbe
{
    private readonly string _displayName;
    private readonly string _hint;

    /// <param name="displayName">What is being loaded, for messages ("NVRTC").</param>
    /// <param name="candidates">Ordered candidates: label (for messages) and path or soname.</param>
    /// <param name="hint">Advice appended to the not-found message.</param>
    public NativeLibraryProbe(string displayName, IReadOnlyList<(string Label, string? Path)> candidates, string hint)
    {
        _displayName = displayName;
        Candidates = candidates;
        _hint = hint;
    }

    /// <summary>The candidates, in search order; a null path is a candidate that was not configured.</summary>
    public IReadOnlyList<(string Label, string? Path)> Candidates { get; }

    /// <summary>Opens the first candidate that loads, or returns false with a message naming every attempt.</summary>
    public bool TryLoad(out nint handle, out string loadedFrom, out string error)
    {
        var tried = new StringBuilder();
        foreach (var (label, path) in Candidates)
        {
            if (string.IsNullOrEmpty(path))
            {
                tried.Append("\n  ").Append(label).Append(": not set");
                continue;
            }
            try
            {
                handle = NativeLibrary.Load(path);
                loadedFrom = path;
                error = "";
                return true;
            }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
            {
                // dlerror already starts with the path; only a label that adds something is kept.
                string reason = LoaderError(e);
                bool selfNamed = label == path && reason.StartsWith(path + ":", StringComparison.Ordinal);
                tried.Append("\n  ").Append(selfNamed ? reason : $"{label}: {reason}");
            }
        }
        handle = 0;
        loadedFrom = "";
        error = $"{_displayName} not found. Tried, in order:{tried}\n{_hint}";
        return false;
    }

    /// <summary>Opens the first candidate that loads, or throws <see cref="DllNotFoundException"/> naming every attempt.</summary>
    public nint Load(out string loadedFrom) =>
        TryLoad(out var handle, out loadedFrom, out var error) ? handle : throw new DllNotFoundException(error);

    /// <summary>
    /// The dynamic loader's own words from a load failure. The runtime's message is a generic
    /// first line ("Unable to load shared library ... consider using a tool like strace ...")
    /// followed by the dlerror text of each attempt; only the latter says what went wrong.
    /// </summary>
    public static string LoaderError(Exception e)
    {
        var lines = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length > 1 ? string.Join("; ", lines[1..]) : e.Message.Trim();
    }
}
