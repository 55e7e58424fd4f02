namespace Kittens.Runtime;

/// <summary>An NVRTC API call (not the compilation itself) failed.</summary>
public sealed class NvrtcException(string call, int result, string errorName)
    : Exception($"{call} failed: {errorName}")
{
    /// <summary>The NVRTC function that failed.</summary>
    public string Call { get; } = call;

    /// <summary>The raw <c>nvrtcResult</c>.</summary>
    public int Result { get; } = result;

    /// <summary>NVRTC's name for the result, e.g. <c>NVRTC_ERROR_INVALID_OPTION</c>.</summary>
    public string ErrorName { get; } = errorName;
}
