namespace Kittens;

/// <summary>
/// Warpgroup-scope ops (sm_90): the four consecutive warps of a warpgroup (128 threads,
/// <see cref="Gpu.WarpgroupId"/>) call them together. Warp w of the group owns rows
/// 16w..16w+15 of a 64-row operand.
/// </summary>
public static partial class Warpgroup
{
    /// <summary>
    /// Raises this warpgroup's per-thread register limit to <paramref name="registers"/> (a
    /// constant multiple of 8 from 24 to 256; setmaxnreg.inc), taking registers freed by others.
    /// </summary>
    [RequiresArch("sm_90a"), Cuda("kittens::warpgroup::increase_registers<{0}>()"), ThreadsMultiple(128)]
    public static void IncreaseRegisters(
        [ValueRange(24, 256, Step = 8, Reason = "setmaxnreg takes 24 to 256 registers in steps of 8")] int registers) => throw Stub.OnlyInKernel();

    /// <summary>
    /// Lowers this warpgroup's per-thread register limit to <paramref name="registers"/> (a
    /// constant multiple of 8 from 24 to 256; setmaxnreg.dec), releasing the rest to the block.
    /// </summary>
    [RequiresArch("sm_90a"), Cuda("kittens::warpgroup::decrease_registers<{0}>()"), ThreadsMultiple(128)]
    public static void DecreaseRegisters(
        [ValueRange(24, 256, Step = 8, Reason = "setmaxnreg takes 24 to 256 registers in steps of 8")] int registers) => throw Stub.OnlyInKernel();

    /// <summary>
    /// Waits until the 128 threads of this warpgroup reach named barrier <paramref name="id"/>
    /// (1 to 15; give each warpgroup its own id).
    /// </summary>
    [Cuda("kittens::warpgroup::sync"), ThreadsMultiple(128)]
    public static void Sync(
        [ValueRange(0, 15, Reason = "bar.sync has barriers 0 to 15")] int id) => throw Stub.OnlyInKernel();
}
