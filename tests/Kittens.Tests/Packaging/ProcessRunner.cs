using System.Diagnostics;
using System.Text;

namespace Kittens.Tests.Packaging;

/// <summary>Runs the SDK and published programs as a user's shell would, for the packaging and publishing tests.</summary>
internal static class ProcessRunner
{
    /// <summary>The checkout's root (the folder holding Kittens.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>
    /// Whether a .NET SDK is on PATH (the GPU machine runs the tests with the runtime alone); when
    /// not, <paramref name="reason"/> says so for the skip.
    /// </summary>
    public static bool HasSdk(out string reason)
    {
        try
        {
            var sdks = Run("dotnet", ["--list-sdks"], RepositoryRoot);
            reason = sdks.Trim().Length > 0 ? "" : "no .NET SDK: 'dotnet --list-sdks' lists none";
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            reason = "no .NET SDK: " + e.Message.Split('\n')[0];
        }
        return reason.Length == 0;
    }

    /// <summary>Runs a command to completion (10 minutes at most); throws with its output when it fails.</summary>
    public static string Run(string file, string[] arguments, string directory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment.Remove("NUGET_PACKAGES");
        // The test host's MSBuild variables would point a child build at this process's SDK state.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) && k != "MSBUILDDISABLENODEREUSE").ToList())
            start.Environment.Remove(key);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + file);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in 10 minutes:\n{output}");
        }
        process.WaitForExit();
        var text = output.ToString();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{text}");
        return text;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Kittens.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("Cannot find Kittens.sln above " + AppContext.BaseDirectory);
    }
}
