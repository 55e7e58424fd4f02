using System.Text.RegularExpressions;

namespace Kittens.Runtime;

/// <summary>
/// Reads a kernel's resources out of ptxas's verbose report, which NVRTC appends to its log:
/// <code>
/// ptxas info    : Compiling entry function 'k' for 'sm_90a'
/// ptxas info    : Function properties for k
/// ptxas         .     0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
/// ptxas info    : Used 10 registers, 1024 bytes smem
/// </code>
/// Only the entry point's section counts: non-inlined device functions get their own
/// "Function properties" lines.
/// </summary>
internal static partial class PtxasReport
{
    [GeneratedRegex(@"Compiling entry function '(?<name>[^']+)'")]
    private static partial Regex EntryRegex();

    [GeneratedRegex(@"Function properties for (?<name>\S+)")]
    private static partial Regex PropertiesRegex();

    [GeneratedRegex(@"(?<stack>\d+) bytes stack frame, (?<stores>\d+) bytes spill stores, (?<loads>\d+) bytes spill loads")]
    private static partial Regex StackRegex();

    [GeneratedRegex(@"Used (?<regs>\d+) registers")]
    private static partial Regex RegistersRegex();

    [GeneratedRegex(@"(?<smem>\d+) bytes smem")]
    private static partial Regex SharedRegex();

    // "ptxas warning : text" and "ptxas /tmp/x.ptx, line 12; warning : text" (a PTX line, not the author's).
    [GeneratedRegex(@"^ptxas\b.*?\bwarning\s*:\s*(?<text>.*)$")]
    private static partial Regex PtxasWarningRegex();

    // ptxas's coded notes, such as "ptxas info : (C7513) Potential Performance Loss: wgmma ... serialized".
    [GeneratedRegex(@"^ptxas\s+info\s*:\s*(?<text>\((?<code>C\d+)\).*)$")]
    private static partial Regex PtxasNoteRegex();

    [GeneratedRegex(@"^\((?<code>C\d+)\)\s*")]
    private static partial Regex CodeRegex();

    // The front end: "File.cs(12): warning #177-D: variable "x" was declared but never referenced".
    [GeneratedRegex(@"^(?<file>[^\s(][^(]*)\((?<line>\d+)\): warning\s*(?:#(?<code>[\w-]+))?\s*:?\s*(?<text>.*)$")]
    private static partial Regex FrontEndWarningRegex();

    /// <summary>
    /// The warnings of a compile log, in log order, then spills from <paramref name="resources"/>
    /// (the entry point's report), which ptxas only states among its info lines.
    /// </summary>
    public static IReadOnlyList<CompileWarning> Warnings(string log, KernelResources resources)
    {
        var warnings = new List<CompileWarning>();
        foreach (var raw in log.Split('\n'))
        {
            string line = raw.Trim();
            if (FrontEndWarningRegex().Match(line) is { Success: true } f)
            {
                warnings.Add(new CompileWarning(f.Groups["text"].Value.Trim(),
                    f.Groups["code"].Success ? f.Groups["code"].Value : null,
                    f.Groups["file"].Value, int.Parse(f.Groups["line"].ValueSpan)));
            }
            else if (PtxasWarningRegex().Match(line) is { Success: true } w)
            {
                warnings.Add(Coded(w.Groups["text"].Value.Trim()));
            }
            else if (PtxasNoteRegex().Match(line) is { Success: true } n)
            {
                warnings.Add(Coded(n.Groups["text"].Value.Trim()));
            }
        }
        if (resources.SpillStoreBytes > 0 || resources.SpillLoadBytes > 0)
        {
            warnings.Add(new CompileWarning(
                $"registers spilled to local memory: {resources.SpillStoreBytes} bytes spill stores, {resources.SpillLoadBytes} bytes spill loads " +
                $"({resources.Registers} registers per thread)", CompileWarning.SpillCode, null, 0));
        }
        return warnings;
    }

    // A ptxas message with its "(C7513)" code, if it has one, split off.
    private static CompileWarning Coded(string text) =>
        CodeRegex().Match(text) is { Success: true } c
            ? new CompileWarning(text[c.Length..], c.Groups["code"].Value, null, 0)
            : new CompileWarning(text, null, null, 0);

    /// <summary>Parses the resources of <paramref name="entryPoint"/>; zeros for anything not reported.</summary>
    public static KernelResources Parse(string log, string entryPoint)
    {
        var lines = log.Split('\n');
        int regs = 0, smem = 0, stack = 0, stores = 0, loads = 0;

        // The section that starts at "Compiling entry function '<entry>'" and ends at the next
        // entry; if no section names the entry (e.g. it is mangled) but there is only one, that one.
        int start = -1, sections = 0, onlySection = -1;
        for (int i = 0; i < lines.Length; i++)
        {
            if (EntryRegex().Match(lines[i]) is not { Success: true } m) continue;
            sections++;
            onlySection = i;
            if (start < 0 && m.Groups["name"].Value == entryPoint) start = i;
        }
        if (start < 0 && sections == 1) start = onlySection;
        if (start < 0) return default;

        bool inEntryProperties = false;
        for (int i = start; i < lines.Length; i++)
        {
            string line = lines[i];
            if (i > start && EntryRegex().IsMatch(line)) break;
            if (PropertiesRegex().Match(line) is { Success: true } p)
            {
                inEntryProperties = p.Groups["name"].Value == entryPoint || !LogNamesEntry(lines, start, entryPoint);
                continue;
            }
            if (inEntryProperties && StackRegex().Match(line) is { Success: true } s)
            {
                stack = int.Parse(s.Groups["stack"].ValueSpan);
                stores = int.Parse(s.Groups["stores"].ValueSpan);
                loads = int.Parse(s.Groups["loads"].ValueSpan);
                inEntryProperties = false;
            }
            if (RegistersRegex().Match(line) is { Success: true } r)
            {
                regs = int.Parse(r.Groups["regs"].ValueSpan);
                if (SharedRegex().Match(line) is { Success: true } sm) smem = int.Parse(sm.Groups["smem"].ValueSpan);
            }
        }
        return new KernelResources(regs, smem, stack, stores, loads);
    }

    // True when the section's header names the entry point, i.e. its properties lines can be matched by name.
    private static bool LogNamesEntry(string[] lines, int start, string entryPoint) =>
        EntryRegex().Match(lines[start]).Groups["name"].Value == entryPoint;
}
