using System.Diagnostics;
using System.Globalization;
using Kittens;
using Kittens.Attention;
using Kittens.Examples.Attention;
using Kittens.Runtime;

// FlashAttention forward written in C#, end to end: generate -> NVRTC -> launch -> check against
// a float64 CPU reference -> time. Runs the warp-level mma.sync kernel of this example (head dim 64)
// and the sm_90a TMA + wgmma kernels of Kittens.Attention (head dims 64, 96, 128 and 256, causal
// and not), which are written in the same C# DSL. --log prints the runtime's compile events.
if (args.Contains("--log"))
{
    KittensLogging.LoggerFactory = new ConsoleLog();
    args = [.. args.Where(a => a != "--log")];
}
var options = AttentionOptions.Parse(args);
var variants = AttentionVariant.All
    .Where(v => options.Only is null || v.Name.Contains(options.Only, StringComparison.OrdinalIgnoreCase))
    .Where(v => options.Dim is null || v.HeadDim == options.Dim)
    .Where(v => options.Causal is null || v.Causal == options.Causal)
    .ToArray();

if (!CudaContext.TryGetDefault(out var context, out var reason))
{
    Console.WriteLine($"No CUDA GPU found ({reason}).");
    Console.WriteLine("Compiling the generated kernels for sm_90a with NVRTC instead, without running them:");
    foreach (var source in variants.Select(v => v.Source).Distinct())
    {
        var stopwatch = Stopwatch.StartNew();
        var compiled = CompileCache.Default.GetOrCompile(source, "sm_90a");
        var r = compiled.Resources;
        // A second run finds the CUBIN in the compile cache; --log says which it was.
        Console.WriteLine($"  {source.EntryPoint} ({source.CSharpFile}): {compiled.Cubin.Length} bytes of sm_90a CUBIN in {stopwatch.Elapsed.TotalSeconds:F2} s");
        Console.WriteLine($"    {source.ThreadsPerBlock} threads; {r.Registers} registers per thread; shared memory {source.DynamicSharedBytes} bytes dynamic + {r.StaticSharedBytes} static; " +
                          $"spills {r.SpillStoreBytes} bytes stored / {r.SpillLoadBytes} loaded; stack frame {r.StackFrameBytes} bytes");
        // ptxas's warnings say what the numbers do not: C7513/C7518 mean it serialised the
        // kernel's wgmma, an ignored .minnctapersm that MinBlocksPerSm cannot be met.
        var warnings = compiled.Warnings;
        Console.WriteLine(warnings.Count == 0 ? "    no ptxas warnings" : $"    {warnings.Count} warning(s):");
        foreach (var warning in warnings) Console.WriteLine($"      {warning}");
    }
    Console.WriteLine("Nothing was run: no GPU.");
    return 0;
}

Console.WriteLine($"GPU: {context.DeviceName} ({context.TargetArch}); batch {options.Batch}, heads {options.Heads}, sequence {options.Seq}");
bool allCorrect = true;
foreach (var variant in variants)
{
    if (!variant.Runs(context, options.Seq, out var why))
    {
        Console.WriteLine($"{variant.Name}: skipped ({why})");
        continue;
    }
    allCorrect &= Run(variant, options);
}
return allCorrect ? 0 : 1;

static bool Run(AttentionVariant variant, AttentionOptions options)
{
    int b = options.Batch, h = options.Heads, n = options.Seq, d = variant.HeadDim;
    var random = new Random();
    var shape = new TensorShape(b, h, n, d);
    float[] qHost = RandomBf16Values(random, shape), kHost = RandomBf16Values(random, shape), vHost = RandomBf16Values(random, shape);
    using var q = DeviceTensor<bf16>.FromHost(HostConvert.ToBf16(qHost), shape);
    using var k = DeviceTensor<bf16>.FromHost(HostConvert.ToBf16(kHost), shape);
    using var v = DeviceTensor<bf16>.FromHost(HostConvert.ToBf16(vHost), shape);
    using var o = new DeviceTensor<bf16>(shape);
    using var lse = new DeviceTensor<float>(b, h, 1, n);

    // Poison the output so an unwritten element shows up as NaN.
    o.FillBytes(0xFF);
    variant.Launch(q, k, v, o, lse);
    CudaContext.Default.Synchronize();
    float[] oHost = HostConvert.ToFloat(o.ToHost());

    // Check whole heads against float64 (the full tensor would take minutes on the CPU).
    double worst = 0;
    foreach (var (bi, hi) in new[] { (b - 1, h - 1), (0, 0), (random.Next(b), random.Next(h)) }.Distinct().Take(options.CheckHeads))
    {
        var expected = AttentionReference.Head(qHost, kHost, vHost, h, n, d, bi, hi, 1.0 / Math.Sqrt(d), variant.Causal);
        double err = AttentionReference.RelativeL2(oHost, ((long)bi * h + hi) * n * d, expected);
        worst = double.IsNaN(err) || double.IsNaN(worst) ? double.NaN : Math.Max(worst, err);
    }
    bool correct = worst < 1e-2;

    // Time: warm up, then the median of many launches, each between two events.
    using var start = new CudaEvent();
    using var stop = new CudaEvent();
    for (int i = 0; i < 5; i++) variant.Launch(q, k, v, o, lse);
    var times = new List<double>();
    for (int i = 0; i < options.Iterations; i++)
    {
        start.Record(CudaStream.Default);
        variant.Launch(q, k, v, o, lse);
        stop.Record(CudaStream.Default);
        stop.Synchronize();
        times.Add(CudaEvent.ElapsedMilliseconds(start, stop));
    }
    times.Sort();
    double median = times[times.Count / 2];
    double flops = 4.0 * b * h * (double)n * n * d / (variant.Causal ? 2 : 1);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{variant.Name,-22} D={d,-3} causal={(variant.Causal ? "yes" : "no "),-3} | rel. L2 error {worst:E2} {(correct ? "ok" : "WRONG")} | " +
        $"median {median:F3} ms over {options.Iterations} runs | {flops / (median * 1e-3) / 1e12:F1} TFLOP/s"));
    return correct;
}

static float[] RandomBf16Values(Random random, TensorShape shape)
{
    // Values already rounded to bf16, so the reference sees exactly what the GPU sees.
    var values = new float[shape.ElementCount];
    for (int i = 0; i < values.Length; i++) values[i] = (float)(bf16)(float)(random.NextDouble() * 2 - 1);
    return values;
}

/// <summary>One attention kernel configuration the example runs.</summary>
internal sealed record AttentionVariant(string Name, int HeadDim, bool Causal, KernelSource Source,
    Action<DeviceTensor<bf16>, DeviceTensor<bf16>, DeviceTensor<bf16>, DeviceTensor<bf16>, DeviceTensor<float>> Launch, bool NeedsHopper, int SeqMultiple)
{
    public static readonly AttentionVariant[] All =
    [
        new("warp (mma.sync)", 64, false, AttentionKernels.AttendForwardKernel.Source,
            (q, k, v, o, _) => AttentionKernels.AttendForwardKernel.Launch(
                new Dim3((uint)(q.Shape.Rows / AttentionKernels.BlockRows), (uint)q.Shape.Depth, (uint)q.Shape.Batch), q, k, v, o),
            NeedsHopper: false, SeqMultiple: AttentionKernels.BlockRows),
        .. new[] { false, true }.SelectMany(causal => FlashAttention.SupportedHeadDims.Select((d, i) =>
            new AttentionVariant("sm_90a (TMA + wgmma)", d, causal, FlashAttention.Kernels[i],
                (q, k, v, o, lse) => FlashAttention.Forward(q, k, v, o, lse, causal),
                NeedsHopper: true, SeqMultiple: 1))),
    ];

    public bool Runs(CudaContext context, int seq, out string why)
    {
        why = NeedsHopper && context.TargetArch != "sm_90a" ? $"needs an sm_90a GPU, this is {context.TargetArch}"
            : seq % SeqMultiple != 0 ? $"sequence length must be a multiple of {SeqMultiple}"
            : "";
        return why.Length == 0;
    }
}

/// <summary>Command-line options of the example.</summary>
internal sealed record AttentionOptions(int Batch, int Heads, int Seq, int Iterations, string? Only, int? Dim, bool? Causal, int CheckHeads)
{
    public static AttentionOptions Parse(string[] args)
    {
        var o = new AttentionOptions(8, 16, 4096, 30, null, null, null, 3);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            string value = args[i + 1];
            o = args[i] switch
            {
                "--batch" => o with { Batch = int.Parse(value, CultureInfo.InvariantCulture) },
                "--heads" => o with { Heads = int.Parse(value, CultureInfo.InvariantCulture) },
                "--seq" => o with { Seq = int.Parse(value, CultureInfo.InvariantCulture) },
                "--iters" => o with { Iterations = int.Parse(value, CultureInfo.InvariantCulture) },
                "--only" => o with { Only = value },
                "--dim" => o with { Dim = int.Parse(value, CultureInfo.InvariantCulture) },
                "--causal" => o with { Causal = value is "yes" or "true" or "1" },
                "--check-heads" => o with { CheckHeads = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]} (use --batch, --heads, --seq, --iters, --only warp|sm_90a, --dim 64|96|128|256, --causal yes|no, --check-heads N, --log)"),
            };
        }
        return o;
    }
}
