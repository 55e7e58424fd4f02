using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Kittens.Generator.Diagnostics;

/// <summary>
/// The one table of Kittens diagnostics. Ids are stable and numbered by family:
/// KIT00xx kernel declarations, KIT01xx unsupported statements and constructs,
/// KIT02xx types and values, KIT03xx calls and members, KIT04xx shared memory,
/// KIT9999 internal errors. Every message says what to write instead; docs/diagnostics.md
/// documents each id (a test checks it).
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Kittens";

    // ---- KIT00xx: kernel declarations ----

    public static readonly DiagnosticDescriptor KernelMustBeStatic = Error(
        "KIT0001", "Kernel must be static",
        "Kernel '{0}' must be static: declare it 'public static void {0}(...)'");

    public static readonly DiagnosticDescriptor KernelMustReturnVoid = Error(
        "KIT0002", "Kernel must return void",
        "Kernel '{0}' returns '{1}': kernels return void; write results to a GL<T> parameter with Warp.Store");

    public static readonly DiagnosticDescriptor KernelTypeMustBePartial = Error(
        "KIT0003", "Type enclosing a kernel must be partial",
        "Type '{0}' encloses kernel '{1}' but is not partial: declare it 'partial' so the generator can add {1}Kernel to it");

    public static readonly DiagnosticDescriptor KernelMustNotBeGeneric = Error(
        "KIT0004", "Kernel must not be generic",
        "Kernel '{0}' is inside a generic type: declare it in a non-generic partial type (a kernel method may itself be generic, with one [KernelInstance] per instance)");

    public static readonly DiagnosticDescriptor UnsupportedKernelParameterType = Error(
        "KIT0005", "Unsupported kernel parameter type",
        "Parameter '{0}' of kernel '{1}' has type '{2}': a kernel takes GL<T> tensors and int, uint, long, ulong, float, double, bool, short, ushort, byte or sbyte scalars");

    public static readonly DiagnosticDescriptor KernelParameterByReference = Error(
        "KIT0006", "Kernel parameter is not passed by value",
        "Parameter '{0}' of kernel '{1}' is declared '{2}': kernel parameters are passed by value; remove the modifier");

    public static readonly DiagnosticDescriptor InvalidThreads = Error(
        "KIT0007", "Invalid Threads",
        "Threads = {0} on kernel '{1}' is invalid: use a multiple of 32 from 32 to 1024");

    public static readonly DiagnosticDescriptor InvalidMinBlocksPerSm = Error(
        "KIT0008", "Invalid MinBlocksPerSm",
        "MinBlocksPerSm = {0} on kernel '{1}' is invalid: use 1 or more");

    public static readonly DiagnosticDescriptor InvalidClusterSize = Error(
        "KIT0015", "Invalid ClusterSize",
        "ClusterSize = {0} on kernel '{1}' is invalid: use 1 (no cluster), 2, 4 or 8");

    public static readonly DiagnosticDescriptor InvalidKernelInstance = Error(
        "KIT0016", "Invalid kernel instance",
        "Instance '{0}' of kernel '{1}' {2}");

    public static readonly DiagnosticDescriptor GenericKernelWithoutInstances = Error(
        "KIT0017", "Generic kernel without instances",
        "Kernel '{0}' is generic but declares no instance: add [KernelInstance(\"Name\", typeof(...), ...)] with one type argument per type parameter for each kernel to generate");

    public static readonly DiagnosticDescriptor InstanceOnNonGenericKernel = Error(
        "KIT0018", "[KernelInstance] on a kernel that is not generic",
        "Kernel '{0}' is not generic, so [KernelInstance] has nothing to bind: remove it, or give '{0}' type parameters");

    public static readonly DiagnosticDescriptor InvalidShape = Error(
        "KIT0009", "Invalid [Shape] extent",
        "[Shape] extent {0} of parameter '{1}' is {2}: each extent must be a positive int or a symbol name such as \"N\"");

    public static readonly DiagnosticDescriptor ShapeOnNonTensor = Error(
        "KIT0010", "[Shape] on a parameter that is not a tensor",
        "Parameter '{0}' has [Shape] but is not a GL<T>: [Shape] describes global tensors only; remove it");

    public static readonly DiagnosticDescriptor DuplicateKernelName = Error(
        "KIT0011", "Duplicate kernel name",
        "Kernel '{0}' has the same name as another kernel in '{1}' (ignoring case): rename one, since each kernel gets its own {0}Kernel class");

    public static readonly DiagnosticDescriptor KernelMustBeMethod = Error(
        "KIT0012", "[Kernel] on something other than a method with a body",
        "[Kernel] is on '{0}', which is not an ordinary method with a body: put it on a static method, with a body, of a partial type");

    public static readonly DiagnosticDescriptor InvalidTmaType = Error(
        "KIT0013", "Invalid [Tma] type",
        "[Tma] type '{0}' on parameter '{1}' {2}: list the shared tiles ST<{3}, R, C> and vectors SV<{3}, N> that TMA moves for this tensor, each once");

    public static readonly DiagnosticDescriptor TmaOnNonTensor = Error(
        "KIT0014", "[Tma] on a parameter that is not a tensor",
        "Parameter '{0}' has [Tma] but is not a GL<T>: [Tma] lists the shared tiles TMA moves for a global tensor; remove it");

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Error(
        "KIT0099", "Unsupported C# construct",
        "Unsupported C# construct '{0}' in a kernel: use locals, operators, if/for/while, Kittens ops and [DeviceFunction] calls");

    // ---- KIT01xx: unsupported statements and constructs ----

    public static readonly DiagnosticDescriptor LambdaNotSupported = Error(
        "KIT0101", "Lambdas and local functions are not supported",
        "Lambdas, anonymous methods and local functions cannot be used in a kernel: write a static [DeviceFunction] method instead");

    public static readonly DiagnosticDescriptor LinqNotSupported = Error(
        "KIT0102", "LINQ is not supported",
        "LINQ queries cannot be used in a kernel: write a for loop");

    public static readonly DiagnosticDescriptor ExceptionsNotSupported = Error(
        "KIT0103", "Exceptions are not supported",
        "'{0}' cannot be used in a kernel: GPU code cannot throw or catch; check the condition and return early");

    public static readonly DiagnosticDescriptor StringsNotSupported = Error(
        "KIT0104", "Strings are not supported",
        "Strings cannot be used in a kernel: kernels have no string type; use numbers (a const int for a named value)");

    public static readonly DiagnosticDescriptor ForEachNotSupported = Error(
        "KIT0105", "foreach is not supported",
        "foreach cannot be used in a kernel: write 'for (int i = 0; i < n; i++)'");

    public static readonly DiagnosticDescriptor AsyncNotSupported = Error(
        "KIT0106", "async and await are not supported",
        "async and await cannot be used in a kernel: kernels run synchronously on the GPU; remove them");

    public static readonly DiagnosticDescriptor GotoNotSupported = Error(
        "KIT0107", "goto is not supported",
        "goto and labels cannot be used in a kernel: use break, continue, return or an if");

    public static readonly DiagnosticDescriptor SwitchNotSupported = Error(
        "KIT0108", "switch is not supported",
        "switch cannot be used in a kernel: write an if/else chain or a ?: expression");

    public static readonly DiagnosticDescriptor UnsafeNotSupported = Error(
        "KIT0109", "Pointers and unsafe code are not supported",
        "Pointers, unsafe code, fixed and stackalloc cannot be used in a kernel: pass tensors as GL<T> and address tiles with Coord");

    public static readonly DiagnosticDescriptor RefLocalNotSupported = Error(
        "KIT0110", "ref locals are not supported",
        "ref locals and ref returns cannot be used in a kernel: use a plain local, or a ref parameter of a [DeviceFunction]");

    public static readonly DiagnosticDescriptor TupleNotSupported = Error(
        "KIT0111", "Tuples are not supported",
        "Tuples and deconstruction cannot be used in a kernel: use separate locals");

    public static readonly DiagnosticDescriptor PatternMatchingNotSupported = Error(
        "KIT0112", "Pattern matching is not supported",
        "'is' and pattern matching cannot be used in a kernel: compare with ==, !=, <, <=, > or >=");

    public static readonly DiagnosticDescriptor CheckedNotSupported = Error(
        "KIT0113", "checked and unchecked are not supported",
        "checked and unchecked cannot be used in a kernel: GPU integer arithmetic always wraps; remove them");

    public static readonly DiagnosticDescriptor LockNotSupported = Error(
        "KIT0114", "lock is not supported",
        "lock cannot be used in a kernel: order threads with Gpu.SyncThreads()");

    public static readonly DiagnosticDescriptor UsingNotSupported = Error(
        "KIT0115", "using is not supported",
        "using statements and declarations cannot be used in a kernel: kernels hold no disposable resources; remove it");

    public static readonly DiagnosticDescriptor YieldNotSupported = Error(
        "KIT0116", "Iterators are not supported",
        "Iterators (yield) cannot be used in a kernel: write a loop that does the work directly");

    // ---- KIT02xx: types and values ----

    public static readonly DiagnosticDescriptor UnsupportedType = Error(
        "KIT0201", "Unsupported type",
        "Type '{0}' cannot be used in a kernel: use int, uint, long, ulong, float, double, bool, short, ushort, byte, sbyte, a Kittens type (RT, RV, ST, SV, GL, Coord, Semaphore) or an array of tiles, vectors or semaphores (new RT<...>[n], Shared.Alloc<...>(n), or a device-function parameter passed without ref)");

    public static readonly DiagnosticDescriptor UnsupportedElementType = Error(
        "KIT0202", "Unsupported tile element type",
        "'{0}' has element type '{1}': tiles, vectors and tensors hold float, bf16 or f16 (tensors also int or uint)");

    public static readonly DiagnosticDescriptor ObjectCreationNotSupported = Error(
        "KIT0203", "Object creation is not supported",
        "'{0}' cannot be used in a kernel: there is no heap; declare tiles with new RT<...>() or new RV<...>(), coordinates with new Coord(...), shared memory with Shared.Alloc<...>(), and use primitive locals for the rest");

    public static readonly DiagnosticDescriptor TileAssignment = Error(
        "KIT0204", "Tiles cannot be assigned",
        "'{0}' assigns a tile: declare register tiles with new RT<...>() or new RV<...>() and copy with Warp.Copy(dst, src); a shared tile is bound once, from Shared.Alloc or an element of an allocated array");

    public static readonly DiagnosticDescriptor TileCreationOutsideDeclaration = Error(
        "KIT0205", "Tile created outside a local declaration",
        "'{0}' must be the initializer of a local, as in 'var t = new RT<float, D16, D64, Row>();': shared tiles and vectors come from Shared.Alloc<...>() and tensors only from kernel parameters");

    public static readonly DiagnosticDescriptor TileArrayLength = Error(
        "KIT0206", "Tile array length is not a constant",
        "'{0}' declares an array of register tiles or vectors whose length is not a positive constant: write 'new RT<...>[n]' with n a constant (or a value the kernel instance folds), and no initializer");

    public static readonly DiagnosticDescriptor SubTileShape = Error(
        "KIT0207", "Sub-tile does not fit its tile",
        "'{0}' takes {1} of a {2} shared tile: {3}");

    public static readonly DiagnosticDescriptor TileIndexOutOfRange = Error(
        "KIT0208", "Constant index outside an array of tiles",
        "Index {0} of '{1}' is outside its {2}: a constant index of an array of tiles must be from 0 to {3}");

    public static readonly DiagnosticDescriptor NegativeCoordinate = Error(
        "KIT0209", "Negative tile coordinate",
        "Coordinate '{0}' of '{1}' is {2}: tile coordinates count tiles from 0, and a negative one addresses memory before the tensor");

    public static readonly DiagnosticDescriptor InvalidDim = Error(
        "KIT0210", "Dimension is not a multiple of 16",
        "'{0}' uses the dimension '{1}', which is [Dim({2})]: tile dimensions are positive multiples of 16; use D16 … D256 or declare [Dim(n)] with n a multiple of 16");

    public static readonly DiagnosticDescriptor DivisionByZero = Error(
        "KIT0211", "Integer division by zero",
        "'{0}' divides by '{1}', which is 0 here: C# would throw DivideByZeroException and CUDA's result is undefined; make the divisor non-zero in every instance, or decide the division away with a condition the instance folds");

    public static readonly DiagnosticDescriptor TileShapeMismatch = Error(
        "KIT0212", "Tile does not fit the tensor's [Shape]",
        "'{0}' moves {1} through '{2}', whose [Shape] fixes {3} at {4}: a tile spans {5} {3}, and {4} is {6}; make the [Shape] extent a multiple of {5} or move tiles that fit");

    public static readonly DiagnosticDescriptor RegisterTilesTooLarge = Error(
        "KIT0213", "Register tile exceeds the register file",
        "'{0}' ({1}) needs {2} registers per thread, more than the {3} a thread has: ptxas would spill it to local memory; use smaller register tiles (split the rows over more warps), or keep the operand in shared memory");

    // ---- KIT03xx: calls and members ----

    public static readonly DiagnosticDescriptor UnsupportedCall = Error(
        "KIT0301", "Method cannot be called from a kernel",
        "'{0}' cannot be called from a kernel: call Kittens ops (members with [Cuda]) or static methods marked [DeviceFunction]");

    public static readonly DiagnosticDescriptor UseDeviceMath = Error(
        "KIT0302", "Use DeviceMath",
        "'{0}' cannot be called from a kernel: use DeviceMath.{1}");

    public static readonly DiagnosticDescriptor VirtualCall = Error(
        "KIT0303", "Virtual or interface call",
        "'{0}' is a virtual or interface call: kernels call only static methods; use a static [DeviceFunction]");

    public static readonly DiagnosticDescriptor Recursion = Error(
        "KIT0304", "Recursion is not supported",
        "'{0}' calls itself ({1}): GPU code must not recurse; rewrite it as a loop");

    public static readonly DiagnosticDescriptor InvalidDeviceFunction = Error(
        "KIT0305", "Invalid device function",
        "[DeviceFunction] '{0}' cannot be translated: it {1}; a device function is a static, non-generic method with a body in this compilation, returning void or a number");

    public static readonly DiagnosticDescriptor UnsupportedMember = Error(
        "KIT0306", "Member cannot be used in a kernel",
        "'{0}' cannot be used in a kernel: only locals, parameters, const fields and Kittens members (with [Cuda]) are available; make it const or pass the value as a kernel parameter");

    public static readonly DiagnosticDescriptor TemplateArgumentNotConstant = Error(
        "KIT0307", "Template argument is not a constant",
        "Argument '{0}' of '{1}' must be a compile-time constant: it becomes a CUDA template argument in '{2}'; use a literal or a const int");

    public static readonly DiagnosticDescriptor TmaTypeNotDeclared = Error(
        "KIT0308", "TMA type not declared on the tensor",
        "'{0}' moves '{1}' through a tensor map of '{2}', but the [Tma] of '{2}' lists {3}: add typeof({1}) to it (a kernel parameter may also take a bare [Tma], whose maps are the types its body moves)");

    public static readonly DiagnosticDescriptor TmaArgumentMismatch = Error(
        "KIT0309", "Tensor maps of an argument and a device-function parameter differ",
        "Argument '{0}' carries tensor maps for {1}, but parameter '{2}' of '{3}' declares [Tma] {4}: give '{2}' the same [Tma] list as '{0}'");

    public static readonly DiagnosticDescriptor UnfoldableMember = Error(
        "KIT0310", "Member of a bound type cannot be folded",
        "'{0}' must fold to a constant in each kernel instance, but {1}");

    public static readonly DiagnosticDescriptor ReferenceArgumentNotGlobalElement = Error(
        "KIT0311", "By-reference argument is not a global tensor element",
        "Argument '{0}' of '{1}' must be an element of a global tensor, as in 'ref t[b, d, r, c]' with t a GL<T>: the op works on global memory only");

    public static readonly DiagnosticDescriptor ArgumentOutOfRange = Error(
        "KIT0312", "Argument outside the op's range",
        "Argument '{0}' of '{1}' is {2}: use {3} ({4})");

    public static readonly DiagnosticDescriptor WarpgroupThreads = Error(
        "KIT0313", "Warpgroup op in a kernel without whole warpgroups",
        "'{0}' is executed by whole warpgroups, but kernel '{1}' has Threads = {2}: use a multiple of {3} threads");

    public static readonly DiagnosticDescriptor OpArgumentsMismatch = Error(
        "KIT0314", "Op arguments do not match",
        "'{0}' cannot take arguments {1}: it takes {2}; make the tiles' dtypes, shapes and layouts agree as these parameters say");

    // ---- KIT04xx: shared memory ----

    public static readonly DiagnosticDescriptor SharedAllocPlacement = Error(
        "KIT0401", "Shared.Alloc outside a top-level local declaration",
        "Shared.Alloc must initialize a local declared directly in the kernel body (not in a loop, a branch or a device function), as in 'var s = Shared.Alloc<ST<bf16, D16, D64>>();'");

    public static readonly DiagnosticDescriptor SharedAllocCount = Error(
        "KIT0402", "Shared.Alloc count is not a positive constant",
        "The count '{0}' of Shared.Alloc must be a positive compile-time constant: use a literal or a const int");

    public static readonly DiagnosticDescriptor SharedMemoryTooLarge = Error(
        "KIT0403", "Too much shared memory",
        "Kernel '{0}' needs {1} bytes of dynamic shared memory per block, more than the {2} any GPU allows: allocate fewer or smaller shared tiles");

    public static readonly DiagnosticDescriptor MinBlocksSharedMemory = Error(
        "KIT0404", "MinBlocksPerSm cannot fit in shared memory",
        "Kernel '{0}' asks for MinBlocksPerSm = {1}, but {1} blocks of {2} bytes of dynamic shared memory (and {3} the GPU reserves per block) exceed the {4} bytes of an SM: lower MinBlocksPerSm or allocate less");

    // ---- KIT9999 ----

    public static readonly DiagnosticDescriptor InternalError = Error(
        "KIT9999", "Internal generator error",
        "Internal error generating kernel '{0}': {1}");

    /// <summary>Reasons completing <see cref="InvalidDeviceFunction"/>'s message.</summary>
    public static class DeviceFunctionReasons
    {
        public const string NotStatic = "is not static";
        public const string Generic = "is inside a generic type";
        public const string NoBody = "has no body in this compilation";
        public const string ReturnType = "returns '{0}'";
        public const string ParamsParameter = "has a params parameter '{0}'";
    }

    /// <summary>Reasons completing <see cref="InvalidTmaType"/>'s message.</summary>
    public static class TmaTypeReasons
    {
        public const string NotShared = "is not a shared tile or vector";
        public const string OtherDtype = "does not hold the tensor's dtype {0}";
        public const string Repeated = "is listed twice";
    }

    /// <summary>Every descriptor, in id order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        KernelMustBeStatic, KernelMustReturnVoid, KernelTypeMustBePartial, KernelMustNotBeGeneric,
        UnsupportedKernelParameterType, KernelParameterByReference, InvalidThreads, InvalidMinBlocksPerSm, InvalidClusterSize,
        InvalidKernelInstance, GenericKernelWithoutInstances, InstanceOnNonGenericKernel,
        InvalidShape, ShapeOnNonTensor, DuplicateKernelName, KernelMustBeMethod, InvalidTmaType, TmaOnNonTensor,
        UnsupportedConstruct,
        LambdaNotSupported, LinqNotSupported, ExceptionsNotSupported, StringsNotSupported, ForEachNotSupported,
        AsyncNotSupported, GotoNotSupported, SwitchNotSupported, UnsafeNotSupported, RefLocalNotSupported,
        TupleNotSupported, PatternMatchingNotSupported, CheckedNotSupported, LockNotSupported, UsingNotSupported,
        YieldNotSupported,
        UnsupportedType, UnsupportedElementType, ObjectCreationNotSupported, TileAssignment, TileCreationOutsideDeclaration,
        TileArrayLength, SubTileShape, TileIndexOutOfRange, NegativeCoordinate, InvalidDim, DivisionByZero,
        TileShapeMismatch, RegisterTilesTooLarge,
        UnsupportedCall, UseDeviceMath, VirtualCall, Recursion, InvalidDeviceFunction, UnsupportedMember,
        TemplateArgumentNotConstant, TmaTypeNotDeclared, TmaArgumentMismatch, UnfoldableMember, ReferenceArgumentNotGlobalElement,
        ArgumentOutOfRange, WarpgroupThreads, OpArgumentsMismatch,
        SharedAllocPlacement, SharedAllocCount, SharedMemoryTooLarge, MinBlocksSharedMemory,
        InternalError);

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = BuildIndex();

    private static readonly Dictionary<(string Id, int Position), DiagnosticDescriptor> s_inInstance = new();

    /// <summary>The descriptor with <paramref name="id"/>.</summary>
    public static DiagnosticDescriptor Get(string id) => s_byId[id];

    /// <summary>
    /// The descriptor with <paramref name="id"/> whose message also names the kernel instance, as
    /// message argument <paramref name="position"/>: a problem found in only some instances of a
    /// generic kernel says which.
    /// </summary>
    public static DiagnosticDescriptor InInstance(string id, int position)
    {
        lock (s_inInstance)
        {
            if (s_inInstance.TryGetValue((id, position), out var known)) return known;
            var plain = Get(id);
            var format = plain.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture) +
                " (in kernel instance '{" + position.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}')";
            var descriptor = new DiagnosticDescriptor(plain.Id, plain.Title, format, plain.Category, plain.DefaultSeverity, plain.IsEnabledByDefault);
            s_inInstance[(id, position)] = descriptor;
            return descriptor;
        }
    }

    private static Dictionary<string, DiagnosticDescriptor> BuildIndex()
    {
        var index = new Dictionary<string, DiagnosticDescriptor>();
        foreach (var descriptor in All) index.Add(descriptor.Id, descriptor);
        return index;
    }

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
