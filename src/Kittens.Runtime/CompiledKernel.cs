using Kittens.Runtime.Native;

namespace Kittens.Runtime;

/// <summary>
/// A kernel loaded into one context: its module and function handles, ready to launch. Lives as
/// long as its <see cref="KernelHandle"/> (modules are not unloaded while a launch may use them).
/// </summary>
public sealed unsafe class CompiledKernel
{
    internal CompiledKernel(KernelSource source, CudaContext context, CompiledCubin compiled, nint module, nint function)
    {
        Source = source;
        Context = context;
        Compiled = compiled;
        Module = module;
        Function = function;
        Resources = new KernelResources(
            Registers: Attribute(CudaDriver.CU_FUNC_ATTRIBUTE_NUM_REGS),
            StaticSharedBytes: Attribute(CudaDriver.CU_FUNC_ATTRIBUTE_SHARED_SIZE_BYTES),
            StackFrameBytes: Attribute(CudaDriver.CU_FUNC_ATTRIBUTE_LOCAL_SIZE_BYTES),
            // The driver does not report spills; they come from the ptxas report.
            SpillStoreBytes: compiled.Resources.SpillStoreBytes,
            SpillLoadBytes: compiled.Resources.SpillLoadBytes);
        MaxThreadsPerBlock = Attribute(CudaDriver.CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK);
    }

    /// <summary>The kernel's source description.</summary>
    public KernelSource Source { get; }

    /// <summary>The context the module is loaded in.</summary>
    public CudaContext Context { get; }

    /// <summary>The CUBIN, NVRTC log and ptxas report it was loaded from.</summary>
    public CompiledCubin Compiled { get; }

    /// <summary>The <c>CUmodule</c> handle.</summary>
    public nint Module { get; }

    /// <summary>The <c>CUfunction</c> handle.</summary>
    public nint Function { get; }

    /// <summary>Resources as the driver reports them for the loaded function (registers, static shared memory, local memory), plus ptxas's spill counts.</summary>
    public KernelResources Resources { get; }

    /// <summary>The most threads per block this function can be launched with (limited by its registers).</summary>
    public int MaxThreadsPerBlock { get; }

    private int Attribute(int attribute)
    {
        int value;
        CudaDriver.Check(CudaDriver.cuFuncGetAttribute(&value, attribute, Function), "cuFuncGetAttribute");
        return value;
    }
}
