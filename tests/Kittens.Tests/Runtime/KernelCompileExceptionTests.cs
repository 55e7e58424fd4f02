using Kittens.Runtime;

namespace Kittens.Tests.Runtime;

public class KernelCompileExceptionTests
{
    [Fact]
    public void ParsesTheFirstErrorsFileAndLine()
    {
        const string log = """
            /src/My Kernels/Attn(v2).cs(7): warning #177-D: variable "x" was declared but never referenced
            /src/My Kernels/Attn(v2).cs(12): error: no instance of overloaded function "kittens::warp::mma" matches
            /src/My Kernels/Attn(v2).cs(30): error: something else
            2 errors detected in the compilation of "attn.cu".
            """;

        var e = new KernelCompileException("attn", log, "fallback.cs");

        Assert.Equal("/src/My Kernels/Attn(v2).cs", e.CSharpFile);
        Assert.Equal(12, e.Line);
        Assert.Equal("error: no instance of overloaded function \"kittens::warp::mma\" matches", e.FirstError);
        Assert.StartsWith("NVRTC could not compile kernel 'attn' (/src/My Kernels/Attn(v2).cs line 12): error: no instance", e.Message);
        Assert.EndsWith("2 errors detected in the compilation of \"attn.cu\".", e.Message);
    }

    [Fact]
    public void CatastrophicErrorsCount()
    {
        var e = new KernelCompileException("k", "k.cu(1): catastrophic error: cannot open source file \"kittens.cuh\"\n");

        Assert.Equal("k.cu", e.CSharpFile);
        Assert.Equal(1, e.Line);
        Assert.StartsWith("catastrophic error: cannot open", e.FirstError);
    }

    [Fact]
    public void WithoutAnErrorLineTheKernelsFileAndResultAreNamed()
    {
        var e = new KernelCompileException("k", "", "Kernels/K.cs", "NVRTC_ERROR_INVALID_OPTION");

        Assert.Equal("Kernels/K.cs", e.CSharpFile);
        Assert.Null(e.Line);
        Assert.Equal("NVRTC could not compile kernel 'k' (Kernels/K.cs): NVRTC_ERROR_INVALID_OPTION", e.Message);
    }
}
