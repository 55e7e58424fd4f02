namespace Kittens.Runtime;

/// <summary>
/// Names and descriptions of common <c>CUresult</c> values, used only when the driver's own
/// <c>cuGetErrorName</c>/<c>cuGetErrorString</c> cannot answer.
/// </summary>
internal static class CudaErrorNames
{
    public static (string? Name, string? Description) Lookup(int result) => result switch
    {
        1 => ("CUDA_ERROR_INVALID_VALUE", "invalid argument"),
        2 => ("CUDA_ERROR_OUT_OF_MEMORY", "out of memory"),
        3 => ("CUDA_ERROR_NOT_INITIALIZED", "initialization error"),
        4 => ("CUDA_ERROR_DEINITIALIZED", "driver shutting down"),
        35 => ("CUDA_ERROR_STUB_LIBRARY", "CUDA driver is a stub library"),
        100 => ("CUDA_ERROR_NO_DEVICE", "no CUDA-capable device is detected"),
        101 => ("CUDA_ERROR_INVALID_DEVICE", "invalid device ordinal"),
        200 => ("CUDA_ERROR_INVALID_IMAGE", "device kernel image is invalid"),
        201 => ("CUDA_ERROR_INVALID_CONTEXT", "invalid device context"),
        209 => ("CUDA_ERROR_NO_BINARY_FOR_GPU", "no kernel image is available for execution on the device"),
        218 => ("CUDA_ERROR_INVALID_PTX", "a PTX JIT compilation failed"),
        400 => ("CUDA_ERROR_INVALID_HANDLE", "invalid resource handle"),
        500 => ("CUDA_ERROR_NOT_FOUND", "named symbol not found"),
        700 => ("CUDA_ERROR_ILLEGAL_ADDRESS", "an illegal memory access was encountered"),
        701 => ("CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES", "too many resources requested for launch"),
        702 => ("CUDA_ERROR_LAUNCH_TIMEOUT", "the launch timed out and was terminated"),
        719 => ("CUDA_ERROR_LAUNCH_FAILED", "unspecified launch failure"),
        999 => ("CUDA_ERROR_UNKNOWN", "unknown error"),
        _ => (null, null),
    };
}
