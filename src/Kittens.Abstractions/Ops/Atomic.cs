namespace Kittens;

/// <summary>
/// Atomic read-modify-writes of one element of a global tensor, by one thread: pass the element
/// by reference, <c>Atomic.Add(ref t[b, d, r, c], v)</c> (the target must be a <see cref="GL{T}"/>
/// element; anything else is refused with KIT0311). Many threads may hit the same element: each
/// update is applied exactly once, in some order. They are relaxed and GPU-scoped, like CUDA's
/// <c>atomicAdd</c>: they order no other memory access, so read the results after the kernel (or a
/// fence). Float sums depend on the order of the additions, so they are not bit-reproducible.
/// The ops that return a value return the element's old value (unused, it costs nothing: the
/// compiler then issues a reduction instead).
/// </summary>
public static class Atomic
{
    /// <summary>target += value (float add, round to nearest; like CUDA's atomicAdd, it flushes denormal inputs and results to zero); returns the old value.</summary>
    [Cuda("kittens::atomic_add")] public static float Add(ref float target, float value) => throw Stub.OnlyInKernel();

    /// <summary>target += value (wrapping); returns the old value.</summary>
    [Cuda("kittens::atomic_add")] public static int Add(ref int target, int value) => throw Stub.OnlyInKernel();

    /// <summary>target += value (wrapping); returns the old value.</summary>
    [Cuda("kittens::atomic_add")] public static uint Add(ref uint target, uint value) => throw Stub.OnlyInKernel();

    /// <summary>target = max(target, value); returns the old value.</summary>
    [Cuda("kittens::atomic_max")] public static int Max(ref int target, int value) => throw Stub.OnlyInKernel();

    /// <summary>target = max(target, value); returns the old value.</summary>
    [Cuda("kittens::atomic_max")] public static uint Max(ref uint target, uint value) => throw Stub.OnlyInKernel();

    /// <summary>
    /// target = max(target, value) in the IEEE order, with −0 &lt; +0 and ±infinity at the ends;
    /// returns the old value. Made of one integer atomic on the float's bits (signed max for a
    /// value with the sign bit clear, unsigned min for one with it set), so a NaN is treated as
    /// the value of its bits: a positive NaN wins a max, a negative one loses it. Initialise the
    /// target to −infinity (or a first value) for a running maximum.
    /// </summary>
    [Cuda("kittens::atomic_max")] public static float Max(ref float target, float value) => throw Stub.OnlyInKernel();

    /// <summary>target = min(target, value); returns the old value.</summary>
    [Cuda("kittens::atomic_min")] public static int Min(ref int target, int value) => throw Stub.OnlyInKernel();

    /// <summary>target = min(target, value); returns the old value.</summary>
    [Cuda("kittens::atomic_min")] public static uint Min(ref uint target, uint value) => throw Stub.OnlyInKernel();

    /// <summary>
    /// target = min(target, value) in the IEEE order, with −0 &lt; +0 and ±infinity at the ends;
    /// returns the old value. The mirror of <see cref="Max(ref float, float)"/> (signed min for a
    /// value with the sign bit clear, unsigned max for one with it set): a negative NaN wins a min.
    /// </summary>
    [Cuda("kittens::atomic_min")] public static float Min(ref float target, float value) => throw Stub.OnlyInKernel();

    /// <summary>
    /// Adds (lo, hi), each rounded to bf16 first, to target and the element after it, as one
    /// 32-bit atomic (<c>red.global.add.noftz.bf16x2</c> on sm_90; a compare-and-swap loop on
    /// sm_80/sm_89). Each sum is rounded to nearest (on sm_90 keeping denormals). target must be 4-byte aligned:
    /// an element with an even flat offset, e.g. <c>ref t[b, d, r, c]</c> with c and cols even
    /// (otherwise the launch fails with a misaligned address).
    /// </summary>
    [Cuda("kittens::atomic_add_pair")] public static void AddPair(ref bf16 target, float lo, float hi) => throw Stub.OnlyInKernel();

    /// <summary>
    /// Adds (lo, hi), each rounded to f16 first, to target and the element after it, as one
    /// 32-bit atomic (<c>red.global.add.noftz.f16x2</c>). Same alignment rule as the bf16 form.
    /// </summary>
    [Cuda("kittens::atomic_add_pair")] public static void AddPair(ref f16 target, float lo, float hi) => throw Stub.OnlyInKernel();
}
