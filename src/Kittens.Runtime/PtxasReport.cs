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
