using System.CommandLine;
using Spectre.Console;

namespace Kittens.Tool;

/// <summary><c>kittens cache list</c> and <c>kittens cache clear</c>.</summary>
public static class CacheCommands
{
    internal static Command Create(TextWriter output, ToolEnvironment environment)
    {
        var list = new Command("list", "List the compile cache's entries: key, kernel, arch, size, age, registers, spills.");
        list.SetAction(_ => WithFolder(output, environment, folder => List(folder, output, DateTime.UtcNow)));
        var clear = new Command("clear", "Delete the compile cache's entries (only files the cache wrote).");
        clear.SetAction(_ => WithFolder(output, environment, folder =>
        {
            var (deleted, others) = folder.Clear();
            output.WriteLine($"Deleted {deleted} file{(deleted == 1 ? "" : "s")} from {folder.Directory}" +
                (others > 0 ? $"; left {others} other file{(others == 1 ? "" : "s")} that the cache did not write." : "."));
            return 0;
        }));
        return new Command("cache", "Inspect or empty the compile cache (KITTENS_CACHE_DIR, default ~/.cache/kittens).") { list, clear };
    }

    private static int WithFolder(TextWriter output, ToolEnvironment environment, Func<CacheFolder, int> action)
    {
        if (environment.CacheDirectory is not { } directory)
        {
            output.WriteLine("No cache folder: neither KITTENS_CACHE_DIR nor HOME is set.");
            return 1;
        }
        return action(CacheFolder.Read(directory));
    }

    /// <summary>Writes the entries as a table, then a count and total size.</summary>
    internal static int List(CacheFolder folder, TextWriter output, DateTime nowUtc)
    {
        output.WriteLine($"Compile cache: {folder.Directory}");
        if (folder.Entries.Count == 0)
        {
            output.WriteLine("No entries.");
            return 0;
        }
        var table = new Table().AddColumns("key", "kernel", "arch", "size", "age", "registers", "spills");
        foreach (var entry in folder.Entries)
        {
            var r = entry.Compiled?.Resources;
            table.AddTextRow(
                entry.Key[..16],
                entry.Compiled is null ? "(unreadable entry)" : string.Join(", ", entry.Kernels),
                entry.Arch,
                KittensTool.Size(entry.SizeBytes),
                Age(nowUtc - entry.WrittenUtc),
                r is { } a ? a.Registers.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
                r is { } b ? $"{b.SpillStoreBytes + b.SpillLoadBytes} B" : "");
        }
        KittensTool.Console(output).Write(table);
        output.WriteLine($"{folder.Entries.Count} entr{(folder.Entries.Count == 1 ? "y" : "ies")}, {KittensTool.Size(folder.TotalBytes)}.");
        return 0;
    }

    private static string Age(TimeSpan age) => age switch
    {
        { TotalMinutes: < 1 } => $"{Math.Max(0, (int)age.TotalSeconds)} s",
        { TotalHours: < 1 } => $"{(int)age.TotalMinutes} min",
        { TotalDays: < 1 } => $"{(int)age.TotalHours} h",
        _ => $"{(int)age.TotalDays} d",
    };
}
