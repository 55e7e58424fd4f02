using System.Text.RegularExpressions;
using Kittens.Runtime;

namespace Kittens.Tool;

/// <summary>One file of the compile cache.</summary>
/// <param name="Key">The cache key (SHA-256 hex of everything that shapes the compile).</param>
/// <param name="Path">The entry's file.</param>
/// <param name="SizeBytes">Its size.</param>
/// <param name="WrittenUtc">When it was written.</param>
/// <param name="Compiled">The decoded entry; null when the file is not a valid entry (truncated, other format version).</param>
public sealed record CacheEntryInfo(string Key, string Path, long SizeBytes, DateTime WrittenUtc, CompiledCubin? Compiled)
{
    /// <summary>The kernels in the entry's CUBIN (an entry does not record its name; its code sections do).</summary>
    public IReadOnlyList<string> Kernels => Compiled is null ? [] : CubinInfo.KernelNames(Compiled.Cubin);

    /// <summary>The arch the CUBIN was built for, or "?" when it cannot be read.</summary>
    public string Arch => Compiled is null ? "?" : CubinInfo.Arch(Compiled.Cubin) ?? "?";
}

/// <summary>
/// The files of a cache folder that belong to the cache: entries named by their key and the
/// temporary files an interrupted write leaves. The folder may be shared (the default is under
/// ~/.cache), so anything else in it is neither listed nor deleted.
/// </summary>
public sealed partial class CacheFolder
{
    private CacheFolder(string directory, IReadOnlyList<CacheEntryInfo> entries, IReadOnlyList<string> temporaryFiles)
    {
        Directory = directory;
        Entries = entries;
        TemporaryFiles = temporaryFiles;
    }

    /// <summary>The folder.</summary>
    public string Directory { get; }

    /// <summary>The entries, oldest first.</summary>
    public IReadOnlyList<CacheEntryInfo> Entries { get; }

    /// <summary>Temporary files of writes that never finished.</summary>
    public IReadOnlyList<string> TemporaryFiles { get; }

    /// <summary>The entries' total size.</summary>
    public long TotalBytes => Entries.Sum(e => e.SizeBytes);

    // CompileCache names an entry "<key>.kcubin" and writes it through ".<key>.kcubin.<pid>.<guid>.tmp".
    [GeneratedRegex("^[0-9a-f]{64}\\.kcubin$")]
    private static partial Regex EntryName();

    [GeneratedRegex("^\\.[0-9a-f]{64}\\.kcubin\\.[0-9]+\\.[0-9a-f]{32}\\.tmp$")]
    private static partial Regex TemporaryName();

    /// <summary>Reads the folder; a folder that does not exist is an empty cache.</summary>
    public static CacheFolder Read(string directory)
    {
        var entries = new List<CacheEntryInfo>();
        var temporary = new List<string>();
        if (!System.IO.Directory.Exists(directory)) return new(directory, entries, temporary);
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles())
        {
            if (TemporaryName().IsMatch(file.Name))
            {
                temporary.Add(file.FullName);
                continue;
            }
            if (!EntryName().IsMatch(file.Name)) continue;
            CompiledCubin? compiled;
            try
            {
                compiled = CacheEntryFormat.TryDecode(File.ReadAllBytes(file.FullName));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                compiled = null;
            }
            entries.Add(new CacheEntryInfo(Path.GetFileNameWithoutExtension(file.Name), file.FullName, file.Length, file.LastWriteTimeUtc, compiled));
        }
        entries.Sort((a, b) => a.WrittenUtc.CompareTo(b.WrittenUtc));
        return new(directory, entries, temporary);
    }

    /// <summary>Deletes the entries and temporary files; returns how many files went and how many other files were left.</summary>
    public (int Deleted, int Others) Clear()
    {
        int deleted = 0;
        foreach (var path in Entries.Select(e => e.Path).Concat(TemporaryFiles))
        {
            try
            {
                File.Delete(path);
                deleted++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another process may be replacing it; what is left is listed next time.
            }
        }
        int others = System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFileSystemEntries(Directory).Count()
            : 0;
        return (deleted, others);
    }

    /// <summary>Whether a file can be created in the folder (creating the folder if needed, as the cache would).</summary>
    public static bool IsWritable(string directory)
    {
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            string probe = Path.Combine(directory, $".kittens-write-test.{Environment.ProcessId}.{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
