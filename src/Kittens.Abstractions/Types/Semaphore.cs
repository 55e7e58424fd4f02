namespace Kittens;

/// <summary>
/// An mbarrier in shared memory (8 bytes): threads arrive on it, TMA loads complete their bytes
/// on it, and waiters spin on its phase bit. Allocate with <c>Shared.Alloc&lt;Semaphore&gt;()</c>
/// (or an array of them), initialize once with <see cref="Sync.Init"/>, then use
/// <see cref="Sync.Arrive(Semaphore)"/>, <see cref="Sync.Wait"/> and <see cref="Tma.ExpectBytes"/>.
/// </summary>
[CudaType("kittens::semaphore")]
public struct Semaphore : ISharedMemory;
