namespace Kittens.Runtime;

/// <summary>
/// No usable CUDA device: the driver library is missing, too old, or finds no GPU. The message
/// says which, e.g. <c>no CUDA driver (libcuda.so.1) found: ...</c>.
/// </summary>
public sealed class CudaUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
