using System.CommandLine;
using Kittens.Runtime;
using Spectre.Console;

namespace Kittens.Tool;

/// <summary>
/// What the commands read from the machine. The defaults are the real process environment and
/// driver; tests replace them so that "no driver" or "no NVRTC" can be checked on any machine
/// without touching process-wide state.
/// </summary>
public sealed class ToolEnvironment
{
    /// <summary>The process environment: KITTENS_CACHE_DIR, KITTENS_NVRTC, HOME, ...</summary>
    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The CUDA driver and its devices.</summary>
    public Func<DriverStatus> ProbeDriver { get; init; } = DriverStatus.Probe;

    /// <summary>The sonames searched for NVRTC after KITTENS_NVRTC; null for the runtime's list.</summary>
    public IReadOnlyList<string>? NvrtcNames { get; init; }

    /// <summary>The cache folder the runtime would use with this environment.</summary>
    public string? CacheDirectory => CompileCache.DefaultDirectory(GetVariable);
}

/// <summary>The <c>kittens</c> command line: <c>doctor</c>, <c>compile</c>, <c>cache list|clear</c>.</summary>
public static class KittensTool
{
    /// <summary>Runs one command line, writing to <paramref name="output"/>; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, ToolEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        environment ??= new ToolEnvironment();
        var root = new RootCommand("Kittens: check the machine, precompile kernels into the compile cache, manage the cache.")
        {
            DoctorCommand.Create(output, environment),
            CompileCommand.Create(output, environment),
            CacheCommands.Create(output, environment),
        };
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = output });
    }

    /// <summary>
    /// A Spectre console on <paramref name="output"/>. Off a terminal (a file, a pipe, a test's
    /// writer) it writes plain text without escape codes, wide enough that kernel names are not
    /// wrapped inside table cells.
    /// </summary>
    internal static IAnsiConsole Console(TextWriter output)
    {
        bool terminal = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!terminal) console.Profile.Width = 240;
        return console;
    }

    /// <summary>A table row of plain text (Spectre would read a string as markup, and kernel names contain brackets).</summary>
    internal static void AddTextRow(this Table table, params string[] cells) =>
        table.AddRow(cells.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c)));

    /// <summary>Bytes as B, KiB, MiB or GiB.</summary>
    internal static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.0} KiB",
        < 1024L * 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.0} MiB",
        _ => $"{bytes / (1024.0 * 1024 * 1024):0.0} GiB",
    };
}
