using System.Collections.Concurrent;
using System.Text;
using Kittens.Runtime.Native;

namespace Kittens.Runtime;

/// <summary>
/// A kernel that is compiled and loaded on first use in each context, then launched with no
/// further allocation. Generated launchers hold one per kernel as a static.
/// </summary>
public sealed unsafe class KernelHandle
{
    /// <summary>Dynamic shared memory a kernel may use without opting in.</summary>
    public const int DefaultDynamicSharedLimit = 48 * 1024;

    private readonly CompileCache? _cache;
    private readonly IReadOnlyDictionary<string, string>? _headers;
    private readonly ConcurrentDictionary<CudaContext, Lazy<CompiledKernel>> _byContext = new();
    private volatile CompiledKernel? _last; // the common case is one context: skip the dictionary

    /// <summary>
    /// A handle for <paramref name="source"/>, compiling through <paramref name="cache"/>
    /// (default <see cref="CompileCache.Default"/>) with <paramref name="headers"/> (default: the
    /// embedded tile headers).
    /// </summary>
    public KernelHandle(KernelSource source, CompileCache? cache = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(source.EntryPoint, nameof(source));
        if (source.ThreadsPerBlock is < 1 or > 1024)
            throw new ArgumentException($"ThreadsPerBlock must be 1 to 1024, got {source.ThreadsPerBlock}.", nameof(source));
        if (source.ClusterSize is not (1 or 2 or 4 or 8))
            throw new ArgumentException($"ClusterSize must be 1, 2, 4 or 8, got {source.ClusterSize}.", nameof(source));
        if (source.DynamicSharedBytes < 0)
            throw new ArgumentException($"DynamicSharedBytes must not be negative, got {source.DynamicSharedBytes}.", nameof(source));
        Source = source;
        _cache = cache;
        _headers = headers;
    }

    /// <summary>The kernel's source description.</summary>
    public KernelSource Source { get; }

    /// <summary>
    /// The kernel compiled for <paramref name="context"/>'s arch and loaded into it (done once
    /// per context, thread-safely). Throws <see cref="InvalidOperationException"/> when the
    /// kernel needs more shared memory than the device allows.
    /// </summary>
    public CompiledKernel Get(CudaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var last = _last;
        if (last is not null && ReferenceEquals(last.Context, context)) return last;

        if (_byContext.TryGetValue(context, out var loaded) && loaded.IsValueCreated)
        {
            _last = loaded.Value;
            return loaded.Value;
        }
        var lazy = _byContext.GetOrAdd(context, c => new Lazy<CompiledKernel>(() => Load(c)));
        CompiledKernel kernel;
        try
        {
            kernel = lazy.Value;
        }
        catch
        {
            _byContext.TryRemove(new KeyValuePair<CudaContext, Lazy<CompiledKernel>>(context, lazy));
            throw;
        }
        _last = kernel;
        return kernel;
    }

    /// <summary>
    /// Launches the kernel on <paramref name="stream"/> with <see cref="KernelSource.ThreadsPerBlock"/>
    /// threads and <see cref="KernelSource.DynamicSharedBytes"/> bytes of dynamic shared memory per block.
    /// <paramref name="args"/> points to one pointer per kernel parameter, each to the argument's value.
    /// </summary>
    public void Launch(CudaStream stream, Dim3 grid, void** args)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (grid.X == 0 || grid.Y == 0 || grid.Z == 0)
            throw new ArgumentException($"Every grid dimension must be at least 1, got {grid}.", nameof(grid));
        if (grid.X % (uint)Source.ClusterSize != 0)
            throw new ArgumentException(
                $"Kernel {Source.EntryPoint} runs in clusters of {Source.ClusterSize} blocks along x: the grid's x extent must be a multiple of {Source.ClusterSize}, got {grid}.",
                nameof(grid));
        var context = stream.Context;
        var kernel = Get(context);
        context.MakeCurrent();
        CudaDriver.Check(
            CudaDriver.cuLaunchKernel(
                kernel.Function,
                grid.X, grid.Y, grid.Z,
                (uint)Source.ThreadsPerBlock, 1, 1,
                (uint)Source.DynamicSharedBytes, stream.Handle, args, null),
            "cuLaunchKernel");
    }

    /// <summary>
    /// Launches with arguments packed in a <see cref="KernelArgs"/> (what generated launchers
    /// use, so user projects need no unsafe code). The pointers go on the stack: no allocation.
    /// </summary>
    public void Launch(CudaStream stream, Dim3 grid, scoped ref KernelArgs args)
    {
        nint* pointers = stackalloc nint[KernelArgs.MaxArgs];
        args.GetPointers(new Span<nint>(pointers, KernelArgs.MaxArgs));
        Launch(stream, grid, (void**)pointers);
    }

    /// <summary>
    /// Runs once per context, so it may log: the cache reports the compile, this the load
    /// (KernelLoaded, or KernelLoadFailed with the exception). Launches of a loaded kernel never
    /// get here and cost nothing in logging.
    /// </summary>
    private CompiledKernel Load(CudaContext context)
    {
        var cache = _cache ?? CompileCache.Default;
        try
        {
            // Checked before compiling: no point spending seconds in NVRTC for a kernel that cannot run here.
            CheckSharedMemory(Source.DynamicSharedBytes, 0, context);
        }
        catch (Exception e) when (LogLoadFailed(cache, e, context))
        {
            throw; // never reached: the filter only logs
        }

        var compiled = cache.GetOrCompile(Source, context.TargetArch, _headers);
        try
        {
            var kernel = LoadModule(context, compiled);
            CompileLog.KernelLoaded(cache.Logger, Source.EntryPoint, context.ToString());
            return kernel;
        }
        catch (Exception e) when (LogLoadFailed(cache, e, context))
        {
            throw; // never reached: the filter only logs
        }
    }

    private bool LogLoadFailed(CompileCache cache, Exception e, CudaContext context)
    {
        CompileLog.KernelLoadFailed(cache.Logger, e, Source.EntryPoint, context.ToString());
        return false;
    }

    private CompiledKernel LoadModule(CudaContext context, CompiledCubin compiled)
    {
        context.MakeCurrent();
        nint module;
        fixed (byte* image = compiled.Cubin)
            CudaDriver.Check(CudaDriver.cuModuleLoadData(&module, image), "cuModuleLoadData");
        try
        {
            nint function;
            byte[] name = Encoding.UTF8.GetBytes(Source.EntryPoint + "\0");
            fixed (byte* namePtr = name)
                CudaDriver.Check(CudaDriver.cuModuleGetFunction(&function, module, namePtr), "cuModuleGetFunction");
            var kernel = new CompiledKernel(Source, context, compiled, module, function);

            CheckSharedMemory(Source.DynamicSharedBytes, kernel.Resources.StaticSharedBytes, context);
            if (Source.DynamicSharedBytes > DefaultDynamicSharedLimit)
            {
                CudaDriver.Check(
                    CudaDriver.cuFuncSetAttribute(function, CudaDriver.CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES, Source.DynamicSharedBytes),
                    "cuFuncSetAttribute");
            }
            return kernel;
        }
        catch
        {
            CudaDriver.cuModuleUnload(module);
            throw;
        }
    }

    private void CheckSharedMemory(int dynamicBytes, int staticBytes, CudaContext context)
    {
        long needed = (long)dynamicBytes + staticBytes;
        if (needed > context.MaxSharedMemoryPerBlockOptin)
        {
            string split = staticBytes > 0 ? $" ({dynamicBytes} dynamic + {staticBytes} static)" : "";
            throw new InvalidOperationException(
                $"Kernel '{Source.EntryPoint}' needs {needed} bytes of shared memory per block{split}, " +
                $"but {context.DeviceName} allows {context.MaxSharedMemoryPerBlockOptin}.");
        }
    }
}
