using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Kittens;
using Kittens.Attention;
using Kittens.Bench;
using Kittens.Runtime;

// Kittens FlashAttention beside PyTorch SDPA (flash and cuDNN backends) on the same inputs.
// For every config the inputs are made here and written as raw little-endian bf16 files;
// bench/sdpa_compare.py loads them into PyTorch and writes back its output, and our kernel and
// PyTorch's backends are then timed in interleaved rounds (a few calls each, in turn), so that
// clock and temperature drift fall on all of them alike; our output is checked against PyTorch's.
// Prints one markdown table (and writes it as CSV with --csv).
// Usage: dotnet Kittens.Bench.dll [--csv out.csv] [--iters 30] [--warmup 10] [--dims 64,96,128,256]
//        [--seqs 1024,4096,16384] [--causal no,yes] [--python python3] [--script bench/sdpa_compare.py] [--keep]
var options = BenchOptions.Parse(args);
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (!CudaContext.TryGetDefault(out var context, out var reason))
{
    Console.Error.WriteLine($"No CUDA GPU found ({reason}); the benchmark needs one.");
    return 2;
}
Console.Error.WriteLine($"GPU: {context.DeviceName} ({context.TargetArch}); NVRTC {KernelCompiler.NvrtcVersion}; " +
                        $"{options.Iterations} timed runs after {options.Warmup} warm-up runs per kernel; script {options.Script}");

var rows = new List<BenchRow>();
bool allCorrect = true;
foreach (int d in options.Dims)
foreach (int n in options.Seqs)
foreach (bool causal in options.Causal)
{
    int b = BenchOptions.TokensPerBatch / n, h = BenchOptions.ModelWidth / d;
    Console.Error.WriteLine($"D={d} N={n} B={b} H={h} causal={(causal ? "yes" : "no")} ...");
    var row = RunConfig(options, b, h, n, d, causal);
    Console.Error.WriteLine($"  ours {row.Ours:F1} TFLOP/s, flash {Fmt(row.Flash)}, cuDNN {Fmt(row.Cudnn)}, max rel. L2 vs PyTorch ({row.Reference}) {row.MaxRelError:E2}");
    allCorrect &= row.MaxRelError < BenchOptions.ErrorLimit;
    rows.Add(row);
}

Console.WriteLine(BenchRow.MarkdownHeader);
foreach (var row in rows) Console.WriteLine(row.Markdown());
if (options.Csv is { } csv)
{
    File.WriteAllLines(csv, [BenchRow.CsvHeader, .. rows.Select(r => r.Csv())]);
    Console.Error.WriteLine($"wrote {csv}");
}
if (!allCorrect) Console.Error.WriteLine($"Some outputs differ from PyTorch's by a relative L2 error of {BenchOptions.ErrorLimit} or more.");
return allCorrect ? 0 : 1;

static string Fmt(double? tflops) => tflops is { } t ? $"{t:F1} TFLOP/s" : "n/a";

static BenchRow RunConfig(BenchOptions options, int b, int h, int n, int d, bool causal)
{
    const string Ours = "ours";
    var shape = new TensorShape(b, h, n, d);
    string folder = Path.Combine(Path.GetTempPath(), $"kittens-bench-{Environment.ProcessId}-d{d}-n{n}-{(causal ? "causal" : "full")}");
    Directory.CreateDirectory(folder);
    try
    {
        // Inputs: standard normal values rounded to bf16, written raw for PyTorch.
        var q = RandomBf16(shape.ElementCount, seed: 1 + d + n);
        var k = RandomBf16(shape.ElementCount, seed: 2 + d + n);
        var v = RandomBf16(shape.ElementCount, seed: 3 + d + n);
        WriteRaw(Path.Combine(folder, "q.bin"), q);
        WriteRaw(Path.Combine(folder, "k.bin"), k);
        WriteRaw(Path.Combine(folder, "v.bin"), v);

        using var torch = TorchSession.Start(options, folder, b, h, n, d, causal);

        using var qd = DeviceTensor<bf16>.FromHost(q, shape);
        using var kd = DeviceTensor<bf16>.FromHost(k, shape);
        using var vd = DeviceTensor<bf16>.FromHost(v, shape);
        using var od = new DeviceTensor<bf16>(shape);
        using var lse = new DeviceTensor<float>(new TensorShape(b, h, 1, n));
        q = k = v = null!; // let the GC have the host copies back

        var stream = CudaStream.Default;
        for (int i = 0; i < options.Warmup; i++) FlashAttention.Forward(qd, kd, vd, od, lse, causal, stream: stream);
        stream.Synchronize();
        var ours = od.ToHost();
        var reference = ReadRaw(Path.Combine(folder, "o_ref.bin"), shape.ElementCount);
        double error = MaxHeadRelativeL2(ours, reference, b * h, n * d);

        // Rounds of CallsPerRound timed calls each of ours, flash and cuDNN, in the orders of a
        // Williams design (RoundOrder), until every side has options.Iterations timings.
        var sides = new List<string> { Ours }.Concat(torch.Backends).ToList();
        var orders = RoundOrder.Williams(sides.Count);
        var times = sides.ToDictionary(side => side, _ => new List<double>());
        for (int round = 0; times[Ours].Count < options.Iterations; round++)
        {
            int count = Math.Min(BenchOptions.CallsPerRound, options.Iterations - times[Ours].Count);
            foreach (int s in orders[round % orders.Length])
            {
                string side = sides[s];
                times[side].AddRange(side == Ours ? TimeOurs(qd, kd, vd, od, lse, causal, count) : torch.Time(side, count));
            }
        }

        double flops = 4.0 * b * h * (double)n * n * d / (causal ? 2 : 1);
        double? Side(string name) => times.TryGetValue(name, out var t) ? Tflops(flops, Median(t)) : null;
        return new BenchRow(d, n, b, h, causal, Side(Ours)!.Value, Side("flash"), Side("cudnn"), error, torch.Reference);
    }
    finally
    {
        if (!options.Keep) Directory.Delete(folder, recursive: true);
    }
}

static double Tflops(double flops, double ms) => flops / (ms * 1e-3) / 1e12;

/// <summary>
/// Milliseconds of <paramref name="count"/> calls of ours, CUDA events around each, after one
/// untimed call that refills the caches PyTorch's kernels left.
/// </summary>
static double[] TimeOurs(DeviceTensor<bf16> q, DeviceTensor<bf16> k, DeviceTensor<bf16> v,
    DeviceTensor<bf16> o, DeviceTensor<float> lse, bool causal, int count)
{
    var stream = CudaStream.Default;
    FlashAttention.Forward(q, k, v, o, lse, causal, stream: stream);
    using var start = new CudaEvent();
    using var stop = new CudaEvent();
    var times = new double[count];
    for (int i = 0; i < times.Length; i++)
    {
        start.Record(stream);
        FlashAttention.Forward(q, k, v, o, lse, causal, stream: stream);
        stop.Record(stream);
        stop.Synchronize();
        times[i] = CudaEvent.ElapsedMilliseconds(start, stop);
    }
    return times;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted[sorted.Length / 2];
}

/// <summary>The largest relative L2 error over the (batch, head) slices of <paramref name="size"/> elements each.</summary>
static double MaxHeadRelativeL2(bf16[] ours, bf16[] reference, int slices, int size)
{
    var errors = new double[slices];
    Parallel.For(0, slices, s =>
    {
        double diff = 0, norm = 0;
        for (long i = (long)s * size, end = i + size; i < end; i++)
        {
            double a = (float)ours[i], e = (float)reference[i];
            diff += (a - e) * (a - e);
            norm += e * e;
        }
        errors[s] = Math.Sqrt(diff / norm);
    });
    return errors.Any(double.IsNaN) ? double.NaN : errors.Max();
}

static bf16[] RandomBf16(long count, int seed)
{
    var values = new bf16[count];
    const int chunk = 1 << 20;
    int chunks = (int)((count + chunk - 1) / chunk);
    Parallel.For(0, chunks, c =>
    {
        var random = new Random(seed * 7919 + c);
        long end = Math.Min(count, (long)(c + 1) * chunk);
        for (long i = (long)c * chunk; i < end; i += 2)
        {
            // Box–Muller: two standard normal values per pair of uniforms.
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            double radius = Math.Sqrt(-2.0 * Math.Log(u1));
            values[i] = (bf16)(float)(radius * Math.Cos(2 * Math.PI * u2));
            if (i + 1 < end) values[i + 1] = (bf16)(float)(radius * Math.Sin(2 * Math.PI * u2));
        }
    });
    return values;
}

static void WriteRaw(string path, bf16[] values)
{
    if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("the raw files are little-endian");
    using var file = File.Create(path);
    file.Write(MemoryMarshal.AsBytes(values.AsSpan()));
}

static bf16[] ReadRaw(string path, long count)
{
    var values = new bf16[count];
    using var file = File.OpenRead(path);
    if (file.Length != count * 2)
        throw new InvalidDataException($"{path} has {file.Length} bytes; expected {count * 2} ({count} bf16 values).");
    file.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
    return values;
}

/// <summary>One line of the table.</summary>
internal sealed record BenchRow(int D, int N, int B, int H, bool Causal, double Ours, double? Flash, double? Cudnn, double MaxRelError, string Reference)
{
    public const string MarkdownHeader =
        "| D | N | B | H | causal | ours TFLOP/s | SDPA flash TFLOP/s | SDPA cuDNN TFLOP/s | ours/flash | ours/cuDNN | max rel. L2 error vs PyTorch |\n" +
        "|---|---|---|---|---|---|---|---|---|---|---|";

    public const string CsvHeader = "D,N,B,H,causal,ours_tflops,flash_tflops,cudnn_tflops,ours_vs_flash,ours_vs_cudnn,max_rel_error";

    private static string Num(double? x, string format) => x is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "";

    private static double? Ratio(double ours, double? other) => other is { } o && o > 0 ? ours / o : null;

    public string Markdown()
    {
        string ratio(double? r) => r is { } x ? x.ToString("F2", CultureInfo.InvariantCulture) + "×" : "n/a";
        string tf(double? t) => t is { } x ? x.ToString("F1", CultureInfo.InvariantCulture) : "n/a";
        string error = MaxRelError.ToString("E2", CultureInfo.InvariantCulture) + (MaxRelError < BenchOptions.ErrorLimit ? "" : " (WRONG)");
        return $"| {D} | {N} | {B} | {H} | {(Causal ? "yes" : "no")} | {tf(Ours)} | {tf(Flash)} | {tf(Cudnn)} | " +
               $"{ratio(Ratio(Ours, Flash))} | {ratio(Ratio(Ours, Cudnn))} | {error} |";
    }

    public string Csv() =>
        string.Join(',', D, N, B, H, Causal ? "yes" : "no", Num(Ours, "F2"), Num(Flash, "F2"), Num(Cudnn, "F2"),
            Num(Ratio(Ours, Flash), "F4"), Num(Ratio(Ours, Cudnn), "F4"), Num(MaxRelError, "E3"));
}

/// <summary>Command-line options.</summary>
internal sealed record BenchOptions(string? Csv, int Iterations, int Warmup, int[] Dims, int[] Seqs, bool[] Causal, string Python, string Script, bool Keep)
{
    /// <summary>B · N: every config has the same number of tokens.</summary>
    public const int TokensPerBatch = 32768;

    /// <summary>H · D: every config has the same model width.</summary>
    public const int ModelWidth = 2048;

    /// <summary>Timed calls of each side per round of the interleaved timing.</summary>
    public const int CallsPerRound = 5;

    /// <summary>The largest relative L2 difference from PyTorch's output that counts as correct.</summary>
    public const double ErrorLimit = 1e-2;

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions(null, 30, 10, [.. FlashAttention.SupportedHeadDims], [1024, 4096, 16384], [false, true], "python3", FindScript(), false);
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--csv" => o with { Csv = Next() },
                "--iters" => o with { Iterations = Math.Max(20, int.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--warmup" => o with { Warmup = Math.Max(1, int.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--dims" => o with { Dims = Ints(Next()) },
                "--seqs" => o with { Seqs = Ints(Next()) },
                "--causal" => o with { Causal = Next().Split(',').Select(s => s is "yes" or "true" or "1").Distinct().ToArray() },
                "--python" => o with { Python = Next() },
                "--script" => o with { Script = Next() },
                "--keep" => o with { Keep = true },
                _ => throw new ArgumentException(
                    $"unknown option {args[i]} (use --csv PATH, --iters N (>= 20), --warmup N, --dims 64,96,128,256, --seqs 1024,4096,16384, " +
                    "--causal no,yes, --python PATH, --script PATH, --keep)"),
            };
        }
        foreach (int d in o.Dims)
            if (!FlashAttention.SupportedHeadDims.Contains(d))
                throw new ArgumentException($"--dims: head dims are {string.Join(", ", FlashAttention.SupportedHeadDims)}, got {d}");
        foreach (int n in o.Seqs)
            if (n < 1 || TokensPerBatch % n != 0) throw new ArgumentException($"--seqs: N must divide {TokensPerBatch}, got {n}");
        return o;
    }

    private static int[] Ints(string list) => list.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>bench/sdpa_compare.py, looked for from the working directory and from this program's folder upwards.</summary>
    private static string FindScript()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "bench", "sdpa_compare.py");
                if (File.Exists(candidate)) return candidate;
            }
        }
        return Path.Combine("bench", "sdpa_compare.py");
    }
}
