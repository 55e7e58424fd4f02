using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Kittens.Runtime;

namespace Kittens.Tests.GpuTests;

/// <summary>
/// What the Hopper GPU tests (TMA, wgmma, warpgroup moves, masks, pipelines) share: the device
/// check and the check of outputs that must be partly left untouched.
/// </summary>
internal static class HopperTestSupport
{
    /// <summary>
    /// Skips unless device 0 has compute capability 9.0: the kernels are compiled for sm_90a,
    /// whose wgmma and setmaxnreg no other device runs (call <see cref="GpuTestHelpers.RequireGpu"/> first).
    /// </summary>
    public static void RequireSm90a()
    {
        var context = CudaContext.Default;
        var (major, minor) = context.ComputeCapability;
        Assert.SkipUnless(context.TargetArch == "sm_90a",
            $"needs compute capability 9.0 (sm_90a: TMA, wgmma, setmaxnreg); {context.DeviceName} is {major}.{minor}");
    }

    /// <summary>
    /// Checks an output that a kernel wrote only in part: where <paramref name="expected"/> is NaN
    /// the element must still hold the poison bytes of <see cref="GpuTestHelpers.PoisonByte"/>
    /// (never written), elsewhere <paramref name="got"/> (the output widened to float) must equal
    /// it bit for bit (±0 alike). <paramref name="raw"/> is the same output as its own dtype.
    /// </summary>
    public static void ExactOrUntouched<T>(T[] raw, float[] got, double[] expected, string what, int rows, int cols)
        where T : unmanaged
    {
        Assert.True(raw.Length == expected.Length && got.Length == expected.Length,
            $"{what}: {raw.Length} elements read back, {expected.Length} expected.");
        int bad = 0;
        var report = new StringBuilder();
        for (int i = 0; i < expected.Length; i++)
        {
            bool ok;
            string wanted;
            if (double.IsNaN(expected[i]))
            {
                ok = IsPoison(raw, i);
                wanted = "untouched (poison bytes)";
            }
            else
            {
                float e = (float)expected[i];
                ok = BitConverter.SingleToInt32Bits(got[i]) == BitConverter.SingleToInt32Bits(e) || (got[i] == 0 && e == 0);
                wanted = e.ToString("R", CultureInfo.InvariantCulture);
            }
            if (ok) continue;
            bad++;
            if (bad <= 8)
            {
                int perSlot = rows * cols, within = i % perSlot;
                report.Append(CultureInfo.InvariantCulture,
                    $"\n  at [slot {i / perSlot}, row {within / cols}, col {within % cols}] (index {i}): got {got[i]:R}, expected {wanted}");
            }
        }
        if (bad > 0) Assert.Fail($"{what}: {bad} of {expected.Length} elements wrong:{report}");
    }

    /// <summary>True when element <paramref name="index"/> still has every byte equal to the poison byte.</summary>
    public static bool IsPoison<T>(T[] raw, int index) where T : unmanaged
    {
        foreach (byte b in MemoryMarshal.AsBytes(raw.AsSpan(index, 1)))
        {
            if (b != GpuTestHelpers.PoisonByte) return false;
        }
        return true;
    }

    /// <summary>A (batch, depth, rows, cols) row-major offset.</summary>
    public static int Offset(int depth, int rows, int cols, int b, int d, int r, int c) => ((b * depth + d) * rows + r) * cols + c;
}
