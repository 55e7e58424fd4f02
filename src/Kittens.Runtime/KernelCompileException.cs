using System.Text.RegularExpressions;

namespace Kittens.Runtime;

/// <summary>
/// NVRTC rejected a kernel. The generated CUDA carries <c>#line N "path/File.cs"</c>
/// directives, so NVRTC reports errors as <c>path/File.cs(42): error: ...</c>; this exception
/// parses the first such error back to the C# file and line.
/// </summary>
public sealed partial class KernelCompileException : Exception
{
    /// <summary>Creates the exception from NVRTC's log.</summary>
    /// <param name="entryPoint">The kernel being compiled.</param>
    /// <param name="log">NVRTC's full log.</param>
    /// <param name="fallbackFile">The C# file to name when the log carries no file (the kernel's own file).</param>
    /// <param name="result">NVRTC's result text, used when the log has no error line.</param>
    public KernelCompileException(string entryPoint, string log, string? fallbackFile = null, string? result = null)
        : this(entryPoint, log, Parse(log, fallbackFile, result))
    {
    }

    private KernelCompileException(string entryPoint, string log, (string? File, int? Line, string FirstError) parsed)
        : base(FormatMessage(entryPoint, log, parsed))
    {
        EntryPoint = entryPoint;
        Log = log;
        CSharpFile = parsed.File;
        Line = parsed.Line;
        FirstError = parsed.FirstError;
    }

    /// <summary>The kernel that failed to compile.</summary>
    public string EntryPoint { get; }

    /// <summary>NVRTC's full log.</summary>
    public string Log { get; }

    /// <summary>The file of the first error, as written in the <c>#line</c> directive (null if unknown).</summary>
    public string? CSharpFile { get; }

    /// <summary>The line of the first error in <see cref="CSharpFile"/> (null if unknown).</summary>
    public int? Line { get; }

    /// <summary>The first error, e.g. <c>error: identifier "x" is undefined</c>.</summary>
    public string FirstError { get; }

    // "path/File.cs(42): error: ..." (also "catastrophic error"); the path may contain spaces or parentheses.
    [GeneratedRegex(@"^(?<file>.+?)\((?<line>\d+)\): (?<error>(?:catastrophic )?error\b.*)$", RegexOptions.Multiline)]
    private static partial Regex ErrorLineRegex();

    private static (string? File, int? Line, string FirstError) Parse(string log, string? fallbackFile, string? result)
    {
        var match = ErrorLineRegex().Match(log);
        if (match.Success)
            return (match.Groups["file"].Value, int.Parse(match.Groups["line"].ValueSpan), match.Groups["error"].Value.TrimEnd('\r'));
        string firstLine = log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return (fallbackFile, null, firstLine.Length > 0 ? firstLine : result ?? "compilation failed with an empty log");
    }

    private static string FormatMessage(string entryPoint, string log, (string? File, int? Line, string FirstError) parsed)
    {
        string where = (parsed.File, parsed.Line) switch
        {
            ({ } file, { } line) => $" ({file} line {line})",
            ({ } file, null) => $" ({file})",
            _ => "",
        };
        string header = $"NVRTC could not compile kernel '{entryPoint}'{where}: {parsed.FirstError}";
        return string.IsNullOrWhiteSpace(log) ? header : header + "\n" + log.TrimEnd();
    }
}
