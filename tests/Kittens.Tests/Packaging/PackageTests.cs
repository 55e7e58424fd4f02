using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Kittens.Tests.Packaging;

/// <summary>
/// The packages as a user meets them: <c>scripts/pack.sh</c> packs Kittens and Kittens.Attention
/// into a folder outside the repository; a fresh <c>dotnet new console</c> project there, which
/// gets our packages only from that folder, references one package, builds and runs. With Kittens
/// alone the generator must load in the SDK's compiler and make the launcher whose CUDA NVRTC
/// compiles for sm_90a; with Kittens.Attention, <c>FlashAttention.Forward</c> runs against a CPU
/// reference where there is an sm_90 GPU.
/// </summary>
public sealed class PackageTests(PackageTests.Feed feed) : IClassFixture<PackageTests.Feed>
{
    private const string KernelProgram = """
        using Kittens;
        using Kittens.Runtime;

        var compiled = KernelCompiler.Compile(MyKernels.RowSoftmaxKernel.Source, "sm_90a");
        if (compiled.Cubin.Length == 0) throw new InvalidOperationException("empty cubin");
        Console.WriteLine($"compiled {MyKernels.RowSoftmaxKernel.Source.EntryPoint} for sm_90a: {compiled.Cubin.Length} bytes, {compiled.Resources}");

        public static partial class MyKernels
        {
            [Kernel(Threads = 128)]
            public static void RowSoftmax([Shape(1, 1, "R", 64)] GL<float> x, [Shape(1, 1, "R", 64)] GL<float> y)
            {
                int band = BlockIdx.X * 4 + Gpu.WarpId;
                var t = new RT<float, D16, D64, Row>();
                var max = new RV<float, D16, Ortho>();
                var sum = new RV<float, D16, Ortho>();
                Warp.Load(t, x, new Coord(band, 0));
                Warp.RowMax(max, t);
                Warp.SubRow(t, t, max);
                Warp.Exp(t, t);
                Warp.RowSum(sum, t);
                Warp.DivRow(t, t, sum);
                Warp.Store(y, t, new Coord(band, 0));
            }
        }
        """;

    private const string AttentionProgram = """
        using Kittens;
        using Kittens.Attention;
        using Kittens.Runtime;

        if (!CudaContext.TryGetDefault(out var context, out var reason))
        {
            Console.WriteLine("attention skipped: no CUDA GPU: " + reason);
            return;
        }
        if (context.ComputeCapability != (9, 0))
        {
            Console.WriteLine("attention skipped: not an sm_90 GPU: " + context.TargetArch);
            return;
        }

        const int heads = 2, seq = 192, dim = 64;
        var random = new Random(7);
        bf16[] Make() => Enumerable.Range(0, heads * seq * dim).Select(_ => (bf16)(float)(random.NextDouble() * 2 - 1)).ToArray();
        var (qh, kh, vh) = (Make(), Make(), Make());
        var shape = new TensorShape(1, heads, seq, dim);
        using var q = DeviceTensor<bf16>.FromHost(qh, shape);
        using var k = DeviceTensor<bf16>.FromHost(kh, shape);
        using var v = DeviceTensor<bf16>.FromHost(vh, shape);
        using var result = FlashAttention.Forward(q, k, v, causal: true);
        var o = result.Output.ToHost();

        double worst = 0, scale = 1 / Math.Sqrt(dim);
        var p = new double[seq];
        for (int h = 0; h < heads; h++)
        for (int i = 0; i < seq; i++)
        {
            int row = (h * seq + i) * dim;
            double max = double.NegativeInfinity, sum = 0;
            for (int j = 0; j <= i; j++)
            {
                double s = 0;
                for (int c = 0; c < dim; c++) s += (float)qh[row + c] * (float)kh[(h * seq + j) * dim + c];
                p[j] = s * scale;
                max = Math.Max(max, p[j]);
            }
            for (int j = 0; j <= i; j++) { p[j] = Math.Exp(p[j] - max); sum += p[j]; }
            for (int c = 0; c < dim; c++)
            {
                double expected = 0;
                for (int j = 0; j <= i; j++) expected += p[j] * (float)vh[(h * seq + j) * dim + c];
                worst = Math.Max(worst, Math.Abs(expected / sum - (float)o[row + c]));
            }
        }
        if (worst > 2e-2) throw new InvalidOperationException($"attention differs from the reference by {worst}");
        Console.WriteLine($"attention ok on {context.TargetArch}: max abs error {worst:E2}");
        """;

    [Fact]
    public void Kittens_package_alone_generates_a_kernel_that_nvrtc_compiles_for_sm_90a()
    {
        feed.RequireSdk();
        var output = feed.BuildAndRun("KernelApp", "Kittens", KernelProgram);
        Assert.Contains("compiled row_softmax for sm_90a: ", output);
    }

    [Fact]
    public void Kittens_Attention_package_calls_FlashAttention_Forward()
    {
        feed.RequireSdk();
        var output = feed.BuildAndRun("AttentionApp", "Kittens.Attention", AttentionProgram);
        Assert.True(output.Contains("attention ok on sm_90a") || output.Contains("attention skipped: "), output);
    }

    [Fact]
    public void Packages_hold_the_assemblies_docs_generator_and_symbols_in_their_places()
    {
        feed.RequireSdk();
        Assert.Equal(
            [
                "README.md",
                "analyzers/dotnet/cs/Kittens.Generator.dll",
                "lib/net10.0/Kittens.Abstractions.dll",
                "lib/net10.0/Kittens.Abstractions.xml",
                "lib/net10.0/Kittens.Runtime.dll",
                "lib/net10.0/Kittens.Runtime.xml",
            ],
            feed.Entries($"Kittens.{feed.Version}.nupkg"));
        Assert.Equal(
            ["README.md", "lib/net10.0/Kittens.Attention.dll", "lib/net10.0/Kittens.Attention.xml"],
            feed.Entries($"Kittens.Attention.{feed.Version}.nupkg"));
        Assert.Equal(
            ["lib/net10.0/Kittens.Abstractions.pdb", "lib/net10.0/Kittens.Runtime.pdb"],
            feed.Entries($"Kittens.{feed.Version}.snupkg"));
        Assert.Equal(["lib/net10.0/Kittens.Attention.pdb"], feed.Entries($"Kittens.Attention.{feed.Version}.snupkg"));
        Assert.Equal(
            [
                "README.md",
                .. new[]
                {
                    "DotnetToolSettings.xml", "Kittens.Abstractions.dll", "Kittens.Abstractions.pdb", "Kittens.Abstractions.xml",
                    "Kittens.Runtime.dll", "Kittens.Runtime.pdb", "Kittens.Runtime.xml", "Kittens.Tool.deps.json", "Kittens.Tool.dll",
                    "Kittens.Tool.pdb", "Kittens.Tool.runtimeconfig.json",
                    "Microsoft.Extensions.DependencyInjection.Abstractions.dll", "Microsoft.Extensions.Logging.Abstractions.dll", "Spectre.Console.Ansi.dll", "Spectre.Console.dll", "System.CommandLine.dll",
                }.Select(f => "tools/net10.0/any/" + f),
            ],
            feed.Entries($"Kittens.Tool.{feed.Version}.nupkg"));
        Assert.Contains("<packageType name=\"DotnetTool\"", feed.Nuspec($"Kittens.Tool.{feed.Version}.nupkg"));

        var runtime = feed.Nuspec($"Kittens.{feed.Version}.nupkg");
        Assert.Equal(["Microsoft.Extensions.Logging.Abstractions"], Regex.Matches(runtime, "<dependency id=\"([^\"]+)\"").Select(m => m.Groups[1].Value));

        var nuspec = feed.Nuspec($"Kittens.Attention.{feed.Version}.nupkg");
        Assert.Contains($"<dependency id=\"Kittens\" version=\"{feed.Version}\"", nuspec);
        Assert.Contains("<readme>README.md</readme>", nuspec);
    }

    /// <summary>
    /// Packs once for the class into a temporary folder outside the repository, with a
    /// nuget.config that maps our packages to the packed folder alone (third-party ones to the
    /// machine's sources) and a package cache of its own (a package of the same version cached
    /// elsewhere is never picked up).
    /// </summary>
    public sealed class Feed : IDisposable
    {
        private readonly string _root;
        private readonly string _noSdk;

        /// <summary>Skips the test where there is no SDK to pack and build with.</summary>
        public void RequireSdk() => Assert.SkipWhen(_noSdk.Length > 0, _noSdk);

        public Feed()
        {
            Version = ReadVersion();
            _root = Path.Combine(Path.GetTempPath(), "kittens-packages-" + Guid.NewGuid().ToString("N")[..12]);
            if (_root.StartsWith(RepositoryRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InvalidOperationException($"the temporary folder {_root} is inside the repository");
            FeedDirectory = Path.Combine(_root, "feed");
            PackLog = "";
            if (!ProcessRunner.HasSdk(out _noSdk)) return;
            Directory.CreateDirectory(_root);
            PackLog = Run("bash", [Path.Combine(RepositoryRoot, "scripts", "pack.sh"), FeedDirectory, Path.Combine(_root, "build")], RepositoryRoot);
            // Read before nuget.config exists here, so these are the machine's own sources.
            var upstream = MachineSources();
            var sources = string.Concat(upstream.Select((s, i) => $"\n    <add key=\"upstream{i}\" value=\"{s}\" />"));
            var mappings = string.Concat(upstream.Select((_, i) => $"\n    <packageSource key=\"upstream{i}\"><package pattern=\"*\" /></packageSource>"));
            File.WriteAllText(Path.Combine(_root, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <config>
                    <add key="globalPackagesFolder" value="{Path.Combine(_root, "cache")}" />
                  </config>
                  <packageSources>
                    <clear />
                    <add key="local" value="{FeedDirectory}" />{sources}
                  </packageSources>
                  <packageSourceMapping>
                    <packageSource key="local"><package pattern="Kittens" /><package pattern="Kittens.*" /></packageSource>{mappings}
                  </packageSourceMapping>
                </configuration>
                """);
        }

        /// <summary>
        /// The enabled package sources of the machine's NuGet configuration. Kittens depends on
        /// third-party packages (the logging abstractions), which restore must fetch from there;
        /// source mapping above keeps our own packages coming only from the packed folder, the
        /// more specific pattern winning over "*".
        /// </summary>
        private string[] MachineSources() =>
            Run("dotnet", ["nuget", "list", "source", "--format", "short"], _root)
                .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(line => line.StartsWith("E ", StringComparison.Ordinal))
                .Select(line => System.Security.SecurityElement.Escape(line[2..].Trim()))
                .ToArray();

        public string Version { get; }

        public string FeedDirectory { get; }

        public string PackLog { get; }

        /// <summary>Makes a console project, references <paramref name="package"/>, writes Program.cs and runs it; returns its output.</summary>
        public string BuildAndRun(string name, string package, string program)
        {
            var project = Path.Combine(_root, name);
            Run("dotnet", ["new", "console", "-o", project, "-n", name, "--no-restore"], _root);
            var csproj = Path.Combine(project, name + ".csproj");
            var text = File.ReadAllText(csproj);
            File.WriteAllText(csproj, text.Replace("</Project>", $"""
                  <ItemGroup>
                    <PackageReference Include="{package}" Version="{Version}" />
                  </ItemGroup>
                </Project>
                """));
            File.WriteAllText(Path.Combine(project, "Program.cs"), program);
            var output = Run("dotnet", ["run", "--project", project], project);
            TestContext.Current.TestOutputHelper?.WriteLine(output);
            return output;
        }

        /// <summary>The package's files, less the packaging parts every package has.</summary>
        public string[] Entries(string package)
        {
            using var zip = ZipFile.OpenRead(Path.Combine(FeedDirectory, package));
            return zip.Entries.Select(e => e.FullName)
                .Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal) && !n.StartsWith("package/", StringComparison.Ordinal)
                    && n != "[Content_Types].xml" && !n.EndsWith(".nuspec", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToArray();
        }

        public string Nuspec(string package)
        {
            using var zip = ZipFile.OpenRead(Path.Combine(FeedDirectory, package));
            using var reader = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            return reader.ReadToEnd();
        }

        public void Dispose()
        {
            try { Directory.Delete(_root, recursive: true); }
            catch (IOException) { }
        }

        private static string RepositoryRoot => ProcessRunner.RepositoryRoot;

        private static string ReadVersion()
        {
            var props = File.ReadAllText(Path.Combine(RepositoryRoot, "Directory.Build.props"));
            int start = props.IndexOf("<Version>", StringComparison.Ordinal) + "<Version>".Length;
            return props[start..props.IndexOf("</Version>", start, StringComparison.Ordinal)];
        }

        private static string Run(string file, string[] arguments, string directory) => ProcessRunner.Run(file, arguments, directory);
    }
}
