using System.Runtime.InteropServices;
using Kittens.Runtime.Native;

namespace Kittens.Runtime;

/// <summary>
/// A CUDA driver call returned an error. The message names the call, the <c>CUresult</c> name
/// and the driver's description, e.g.
/// <c>cuLaunchKernel failed: CUDA_ERROR_INVALID_VALUE (invalid argument)</c>.
/// </summary>
public sealed class CudaException : Exception
{
    /// <summary>Creates the exception from its parts (the driver is not consulted).</summary>
    public CudaException(int result, string errorName, string description, string call)
        : base($"{call} failed: {errorName} ({description})")
    {
        Result = result;
        ErrorName = errorName;
        Description = description;
        Call = call;
    }

    /// <summary>The raw <c>CUresult</c> value.</summary>
    public int Result { get; }

    /// <summary>The <c>CUresult</c> name, e.g. <c>CUDA_ERROR_INVALID_VALUE</c>.</summary>
    public string ErrorName { get; }

    /// <summary>The driver's description of the error, e.g. <c>invalid argument</c>.</summary>
    public string Description { get; }

    /// <summary>The driver function that failed, e.g. <c>cuLaunchKernel</c>.</summary>
    public string Call { get; }

    /// <summary>
    /// Builds the exception for a failed call, asking the driver for the error's name and text.
    /// Falls back to a built-in table when the driver cannot describe it (so the message is
    /// useful even when the driver is in a bad state).
    /// </summary>
    internal static unsafe CudaException FromResult(int result, string call)
    {
        string? name = null, description = null;
        try
        {
            byte* text;
            if (CudaDriver.cuGetErrorName(result, &text) == 0 && text != null)
                name = Marshal.PtrToStringUTF8((nint)text);
            if (CudaDriver.cuGetErrorString(result, &text) == 0 && text != null)
                description = Marshal.PtrToStringUTF8((nint)text);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Only reachable with a fake result; keep the fallback names.
        }
        var known = CudaErrorNames.Lookup(result);
        return new CudaException(
            result,
            name ?? known.Name ?? $"CUresult {result}",
            description ?? known.Description ?? "unknown error",
            call);
    }
}
