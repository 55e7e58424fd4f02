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
                tried.Append("\n  ").Append(label).Append(": ").Append(FirstLine(e.Message));
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

    // The runtime's DllNotFoundException text repeats every probing variant it tried; the first
    // line (the dlopen error for the name as given) is the useful part.
    private static string FirstLine(string message)
    {
        int end = message.IndexOf('\n');
        return (end < 0 ? message : message[..end]).Trim();
    }
}
