using System.Diagnostics;
using System.Globalization;
using Kittens;
using Kittens.Examples.Attention;
using Kittens.Runtime;

// FlashAttention forward (head dim 64) written in C#, end to end: generate -> NVRTC -> launch ->
// check against a float64 CPU reference -> time.
var options = AttentionOptions.Parse(args);
var kernel = AttentionKernels.AttendForwardKernel.Source;
Console.WriteLine($"Kittens attention example: kernel '{kernel.EntryPoint}' from {kernel.CSharpFile}, " +
                  $"{kernel.ThreadsPerBlock} threads, {kernel.DynamicSharedBytes} bytes of dynamic shared memory");

if (!CudaContext.TryGetDefault(out var context, out var reason))
{
    Console.WriteLine($"No CUDA GPU found ({reason}).");
    Console.WriteLine("Compiling the generated kernel for sm_90a with NVRTC instead, without running it:");
    var stopwatch = Stopwatch.StartNew();
    var compiled = KernelCompiler.Compile(kernel, "sm_90a");
    var r = compiled.Resources;
    Console.WriteLine($"  sm_90a CUBIN: {compiled.Cubin.Length} bytes in {stopwatch.Elapsed.TotalSeconds:F2} s");
    Console.WriteLine($"  registers per thread: {r.Registers}");
    Console.WriteLine($"  shared memory: {kernel.DynamicSharedBytes} bytes dynamic, {r.StaticSharedBytes} bytes static");
    Console.WriteLine($"  spills: {r.SpillStoreBytes} bytes stored, {r.SpillLoadBytes} bytes loaded; stack frame {r.StackFrameBytes} bytes");
    Console.WriteLine("Nothing was run: no GPU.");
    return 0;
}

int b = options.Batch, h = options.Heads, n = options.Seq, d = AttentionKernels.HeadDim;
Console.WriteLine($"GPU: {context.DeviceName} ({context.TargetArch}); shape (B={b}, H={h}, N={n}, D={d})");
if (n % AttentionKernels.BlockRows != 0)
{
    Console.Error.WriteLine($"--seq must be a multiple of {AttentionKernels.BlockRows}; got {n}.");
    return 2;
}

var random = new Random();
var shape = new TensorShape(b, h, n, d);
float[] qHost = RandomBf16Values(random, shape), kHost = RandomBf16Values(random, shape), vHost = RandomBf16Values(random, shape);
using var q = DeviceTensor<bf16>.FromHost(ToBf16(qHost), shape);
using var k = DeviceTensor<bf16>.FromHost(ToBf16(kHost), shape);
using var v = DeviceTensor<bf16>.FromHost(ToBf16(vHost), shape);
using var o = new DeviceTensor<bf16>(b, h, n, d);
var grid = new Dim3((uint)(n / AttentionKernels.BlockRows), (uint)h, (uint)b);

// Poison the output so an unwritten element shows up as NaN.
o.FillBytes(0xFF);
AttentionKernels.AttendForwardKernel.Launch(grid, q, k, v, o);
context.Synchronize();
float[] oHost = ToFloat(o.ToHost());

// Check a few whole heads against float64 (the full tensor would take minutes on the CPU).
double worst = 0;
foreach (var (bi, hi) in new[] { (0, 0), (b - 1, h - 1), (random.Next(b), random.Next(h)) })
{
    var expected = AttentionReference.Head(qHost, kHost, vHost, h, n, d, bi, hi, 1.0 / Math.Sqrt(d));
    double err = AttentionReference.RelativeL2(oHost, ((long)bi * h + hi) * n * d, expected);
    Console.WriteLine($"  head (b={bi}, h={hi}): relative L2 error {err:E2}");
    worst = double.IsNaN(err) ? double.NaN : Math.Max(worst, err);
}
bool correct = worst < 1e-2;
Console.WriteLine(correct ? $"correct: worst relative L2 error {worst:E2} < 1e-2" : $"WRONG: worst relative L2 error {worst:E2}");

// Time: warm up, then the median of many launches, each between two events.
using var start = new CudaEvent();
using var stop = new CudaEvent();
for (int i = 0; i < 5; i++) AttentionKernels.AttendForwardKernel.Launch(grid, q, k, v, o);
var times = new List<double>();
for (int i = 0; i < options.Iterations; i++)
{
    start.Record(CudaStream.Default);
    AttentionKernels.AttendForwardKernel.Launch(grid, q, k, v, o);
    stop.Record(CudaStream.Default);
    stop.Synchronize();
    times.Add(CudaEvent.ElapsedMilliseconds(start, stop));
}
times.Sort();
double median = times[times.Count / 2];
double tflops = 4.0 * b * h * (double)n * n * d / (median * 1e-3) / 1e12;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"time: median {median:F3} ms over {options.Iterations} runs; {tflops:F1} TFLOP/s"));
return correct ? 0 : 1;

static float[] RandomBf16Values(Random random, TensorShape shape)
{
    // Values already rounded to bf16, so the reference sees exactly what the GPU sees.
    var values = new float[(long)shape.Batch * shape.Depth * shape.Rows * shape.Cols];
    for (int i = 0; i < values.Length; i++) values[i] = (float)(bf16)(float)(random.NextDouble() * 2 - 1);
    return values;
}

static bf16[] ToBf16(float[] values) => Array.ConvertAll(values, x => (bf16)x);

static float[] ToFloat(bf16[] values) => Array.ConvertAll(values, x => (float)x);

/// <summary>Command-line options of the example.</summary>
internal sealed record AttentionOptions(int Batch, int Heads, int Seq, int Iterations)
{
    public static AttentionOptions Parse(string[] args)
    {
        var o = new AttentionOptions(16, 16, 4096, 30);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            int value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--batch" => o with { Batch = value },
                "--heads" => o with { Heads = value },
                "--seq" => o with { Seq = value },
                "--iters" => o with { Iterations = value },
                _ => throw new ArgumentException($"unknown option {args[i]} (use --batch, --heads, --seq, --iters)"),
            };
        }
        return o;
    }
}
