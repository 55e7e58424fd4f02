using System.Diagnostics;
using System.Text.Json;

/// <summary>
/// bench/sdpa_compare.py running for one config: it has loaded the inputs, warmed both PyTorch
/// backends up and written its reference output, and now times a backend whenever asked, so the
/// caller can interleave PyTorch's timings with its own (one process per config).
/// </summary>
internal sealed class TorchSession : IDisposable
{
    private readonly Process _process;
    private readonly string _command;

    private TorchSession(Process process, string command, IReadOnlyList<string> backends, string reference)
    {
        _process = process;
        _command = command;
        Backends = backends;
        Reference = reference;
    }

    /// <summary>The backends that ran this shape ("flash", "cudnn"), in that order.</summary>
    public IReadOnlyList<string> Backends { get; }

    /// <summary>The backend whose output the script wrote as o_ref.bin.</summary>
    public string Reference { get; }

    /// <summary>Starts the script on the inputs in <paramref name="folder"/> and waits until it is ready to time.</summary>
    public static TorchSession Start(BenchOptions options, string folder, int b, int h, int n, int d, bool causal)
    {
        var start = new ProcessStartInfo(options.Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false, // PyTorch's warnings go straight to our stderr
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     options.Script, folder, "--batch", $"{b}", "--heads", $"{h}", "--seq", $"{n}", "--dim", $"{d}",
                     "--warmup", $"{options.Warmup}",
                 })
            start.ArgumentList.Add(arg);
        if (causal) start.ArgumentList.Add("--causal");
        string command = $"{options.Python} {options.Script}";

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {options.Python}");
        try
        {
            using var ready = JsonDocument.Parse(ReadJsonLine(process, command));
            var root = ready.RootElement;
            foreach (var backend in new[] { "flash", "cudnn" })
                if (root.TryGetProperty(backend + "_error", out var err) && err.ValueKind == JsonValueKind.String)
                    Console.Error.WriteLine($"  SDPA {backend} backend failed: {err.GetString()}");
            var backends = root.GetProperty("backends").EnumerateArray().Select(e => e.GetString()!).ToArray();
            string reference = root.GetProperty("reference").GetString()
                               ?? throw new InvalidOperationException($"{command}: no PyTorch backend ran this shape");
            return new TorchSession(process, command, backends, reference);
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    /// <summary>Milliseconds of <paramref name="count"/> timed calls of <paramref name="backend"/>.</summary>
    public double[] Time(string backend, int count)
    {
        _process.StandardInput.WriteLine($"time {backend} {count}");
        _process.StandardInput.Flush();
        using var times = JsonDocument.Parse(ReadJsonLine(_process, _command));
        return times.RootElement.EnumerateArray().Select(e => e.GetDouble()).ToArray();
    }

    public void Dispose() => Stop(_process);

    private static void Stop(Process process)
    {
        try
        {
            process.StandardInput.WriteLine("quit");
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // it has already exited
        }
        if (!process.WaitForExit(TimeSpan.FromSeconds(30))) process.Kill();
        process.Dispose();
    }

    /// <summary>The next line of output that is a JSON value; anything else the script prints is passed on to stderr.</summary>
    private static string ReadJsonLine(Process process, string command)
    {
        while (process.StandardOutput.ReadLine() is { } line)
        {
            string trimmed = line.Trim();
            if (trimmed.StartsWith('{') || trimmed.StartsWith('[')) return trimmed;
            Console.Error.WriteLine(line);
        }
        process.WaitForExit();
        throw new InvalidOperationException($"{command} ended (exit {process.ExitCode}) without answering");
    }
}
