namespace Kittens.Runtime;

/// <summary>
/// A warning from compiling a kernel, read out of NVRTC's log: one of ptxas's own
/// (<c>ptxas warning : ... .minnctapersm will be ignored</c>), one of its coded notes
/// (<c>(C7513) Potential Performance Loss: wgmma.mma_async instructions are serialized ...</c>),
/// a front-end warning at a source line, or register spills from the entry point's report (ptxas
/// only mentions those among its info lines, where nobody reads them).
/// </summary>
/// <param name="Message">The warning's text, without the tool's prefix.</param>
/// <param name="Code">ptxas's code (<c>C7513</c>), the front end's number (<c>177-D</c>), <see cref="SpillCode"/> for spills, or null.</param>
/// <param name="File">The source file the log names for it: the kernel's C# file for code the generator wrote under a <c>#line</c> of it; null when the log names none.</param>
/// <param name="Line">The line in <paramref name="File"/>, or 0.</param>
public sealed record CompileWarning(string Message, string? Code, string? File, int Line)
{
    /// <summary>The <see cref="Code"/> of the warning that the entry point spills registers to local memory.</summary>
    public const string SpillCode = "spills";

    /// <inheritdoc/>
    public override string ToString() =>
        (File is null ? "" : Line > 0 ? $"{File}({Line}): " : $"{File}: ") +
        "warning" + (Code is null ? "" : " " + Code) + ": " + Message;
}
