using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Kittens.Runtime;

namespace Kittens.Tests.Runtime;

/// <summary>
/// TMA tensor maps without a GPU: the swizzle choice against the header's rule, the exact
/// arguments of cuTensorMapEncodeTiled (captured through an injected encode function), the
/// validation messages, and the per-tensor cache.
/// </summary>
public sealed class TensorMapTests
{
    private static readonly nint Address = unchecked((nint)0x7f00_0000_0000);

    [Fact]
    public void SwizzleBytes_FollowTheRuleInStCuh()
    {
        // The header's rule, read from the embedded st.cuh and evaluated for every tile width.
        string header = HeaderResources.Headers["kittens/types/shared/st.cuh"];
        var rule = Regex.Match(header, @"struct st_swizzle_bytes \{\s*enum : int \{ value = (?<rule>[^;]*?) \};", RegexOptions.Singleline);
        Assert.True(rule.Success, "st.cuh no longer defines st_swizzle_bytes<T, C>::value as one expression");
        foreach (int elementBytes in new[] { 2, 4 })
        {
            for (int cols = 16; cols <= 256; cols += 16)
            {
                int expected = HeaderExpression.Evaluate(rule.Groups["rule"].Value, elementBytes, cols);
                Assert.True(expected == TensorMapEncoder.SwizzleBytes(elementBytes, cols), $"sizeof(T) = {elementBytes}, C = {cols}: st.cuh says {expected}");
            }
        }
    }

    [Theory]
    [InlineData(2, 64, 128)]
    [InlineData(2, 192, 128)]
    [InlineData(2, 96, 64)]
    [InlineData(2, 32, 64)]
    [InlineData(2, 16, 32)]
    [InlineData(2, 48, 32)]
    [InlineData(4, 32, 128)]
    [InlineData(4, 64, 128)]
    [InlineData(4, 16, 64)]
    [InlineData(4, 48, 64)]
    public void SwizzleBytes_IsTheWidestThatDividesARow(int elementBytes, int cols, int expected) =>
        Assert.Equal(expected, TensorMapEncoder.SwizzleBytes(elementBytes, cols));

    [Fact]
    public void TheWidestSwizzleRepeat_IsTheAllocatorsTileAlignment()
    {
        // st is alignas(N * S), S its swizzle bytes; the allocator starts tiles on a boundary that must hold the widest.
        var st = Regex.Match(HeaderResources.Headers["kittens/types/shared/st.cuh"], @"int S = st_swizzle_bytes<T, C>::value>\s*struct alignas\((?<repeat>\d+) \* S\) st");
        Assert.True(st.Success, "st.cuh no longer declares st alignas(N * S) with S = st_swizzle_bytes");
        var allocator = Regex.Match(HeaderResources.Headers["kittens/common/allocator.cuh"], @"alignment = alignof\(T\) < \d+ \? alignof\(T\) : (?<tile>\d+)u;");
        Assert.True(allocator.Success, "allocator.cuh no longer states its alignment rule as one expression");
        int widest = new[] { 2, 4 }.SelectMany(bytes => Enumerable.Range(1, 16).Select(i => TensorMapEncoder.SwizzleBytes(bytes, i * 16))).Max();
        Assert.Equal(int.Parse(allocator.Groups["tile"].Value), int.Parse(st.Groups["repeat"].Value) * widest);
    }

    [Fact]
    public void ATile_IsARank5SwizzledMap()
    {
        // st<bf16, 64, 64> over (2, 8, 1024, 64): 128-byte swizzle, one 64-column chunk.
        var p = TensorMapEncoder.Describe(TensorMapDataType.BFloat16, Address, new TensorShape(2, 8, 1024, 64), TmaBox.Tile(64, 64), "q");

        Assert.Equal(TensorMapDataType.BFloat16, p.DataType);
        Assert.Equal(9, (int)p.DataType);
        Assert.Equal(5, p.Rank);
        Assert.Equal(Address, p.GlobalAddress);
        Assert.Equal([64UL, 1024, 1, 8, 2], Dims(p));
        Assert.Equal([128UL, 128, 128 * 1024, 8 * 128 * 1024], Strides(p));
        Assert.Equal([64U, 64, 1, 1, 1], Box(p));
        Assert.Equal([1U, 1, 1, 1, 1], ElementStrides(p));
        Assert.Equal(TensorMapSwizzle.Bytes128, p.Swizzle);
        Assert.Equal(3, (int)p.Swizzle);
        Assert.Equal(0, p.Interleave);
        Assert.Equal(3, p.L2Promotion); // CU_TENSOR_MAP_L2_PROMOTION_L2_256B
        Assert.Equal(0, p.OobFill);     // CU_TENSOR_MAP_FLOAT_OOB_FILL_NONE
    }

    [Fact]
    public void ANarrowTile_SplitsRowsIntoChunksOfItsSwizzleWidth()
    {
        // st<bf16, 64, 32>: 64-byte swizzle, W = 32, over 128 columns: 4 chunks of 64 bytes.
        var p = TensorMapEncoder.Describe(TensorMapDataType.Float16, Address, new TensorShape(1, 1, 256, 128), TmaBox.Tile(64, 32), "k");

        Assert.Equal(6, (int)p.DataType);
        Assert.Equal([32UL, 256, 4, 1, 1], Dims(p));
        Assert.Equal([256UL, 64, 256 * 256, 256 * 256], Strides(p));
        Assert.Equal([32U, 64, 1, 1, 1], Box(p));
        Assert.Equal(TensorMapSwizzle.Bytes64, p.Swizzle);
    }

    [Fact]
    public void AFloatTile_Uses32ColumnChunks()
    {
        // st<float, 64, 64>: 128-byte swizzle, W = 32: the box spans two chunks.
        var p = TensorMapEncoder.Describe(TensorMapDataType.Float32, Address, new TensorShape(1, 2, 128, 96), TmaBox.Tile(64, 64), "y");

        Assert.Equal(7, (int)p.DataType);
        Assert.Equal([32UL, 128, 3, 2, 1], Dims(p));
        Assert.Equal([384UL, 128, 128 * 384, 2 * 128 * 384], Strides(p));
        Assert.Equal([32U, 64, 2, 1, 1], Box(p));
        Assert.Equal(TensorMapSwizzle.Bytes128, p.Swizzle);
    }

    [Fact]
    public void ASixteenColumnBf16Tile_Uses32ByteSwizzle()
    {
        var p = TensorMapEncoder.Describe(TensorMapDataType.BFloat16, Address, new TensorShape(1, 1, 16, 48), TmaBox.Tile(16, 16), "t");

        Assert.Equal(TensorMapSwizzle.Bytes32, p.Swizzle);
        Assert.Equal([16UL, 16, 3, 1, 1], Dims(p));
        Assert.Equal([96UL, 32, 16 * 96, 16 * 96], Strides(p));
        Assert.Equal([16U, 16, 1, 1, 1], Box(p));
    }

    [Fact]
    public void AVector_IsARank4UnswizzledMap()
    {
        // sv<float, 64> over L of shape (2, 8, 1, 1024).
        var p = TensorMapEncoder.Describe(TensorMapDataType.Float32, Address, new TensorShape(2, 8, 1, 1024), TmaBox.Vector(64), "lse");

        Assert.Equal(4, p.Rank);
        Assert.Equal([1024UL, 1, 8, 2], Dims(p));
        Assert.Equal([4096UL, 4096, 8 * 4096], Strides(p));
        Assert.Equal([64U, 1, 1, 1], Box(p));
        Assert.Equal([1U, 1, 1, 1], ElementStrides(p));
        Assert.Equal(TensorMapSwizzle.None, p.Swizzle);
        Assert.Equal(3, p.L2Promotion);
    }

    [Fact]
    public void ABoxLargerThanTheTensor_IsAllowed()
    {
        // TMA fills what lies outside with zeros (loads) and skips it (stores).
        var p = TensorMapEncoder.Describe(TensorMapDataType.BFloat16, Address, new TensorShape(1, 1, 10, 64), TmaBox.Tile(64, 64), "q");
        Assert.Equal([64UL, 10, 1, 1, 1], Dims(p));
        Assert.Equal([64U, 64, 1, 1, 1], Box(p));
    }

    [Fact]
    public void Encode_CallsTheEncodeFunctionWithTheDescription_AndReturnsItsMap()
    {
        var calls = new List<TensorMapParameters>();
        var encoder = new TensorMapEncoder((ref TensorMap map, in TensorMapParameters p) =>
        {
            calls.Add(p);
            for (int i = 0; i < 16; i++) map[i] = 0x1000UL + (ulong)i;
            return 0;
        });

        var map = encoder.Encode(TensorMapDataType.BFloat16, Address, new TensorShape(1, 1, 128, 128), TmaBox.Tile(64, 128), "q");

        var call = Assert.Single(calls);
        Assert.Equal([64UL, 128, 2, 1, 1], Dims(call));
        Assert.Equal([64U, 64, 2, 1, 1], Box(call));
        Assert.Equal(TensorMapSwizzle.Bytes128, call.Swizzle);
        Assert.Equal(0x1000UL, map[0]);
        Assert.Equal(0x100FUL, map[15]);
        Assert.Equal(128, Unsafe.SizeOf<TensorMap>());
    }

    [Fact]
    public void AFailingEncode_IsACudaExceptionNamingTheCall()
    {
        var encoder = new TensorMapEncoder((ref TensorMap map, in TensorMapParameters p) => 1);

        var e = Assert.Throws<CudaException>(() => encoder.Encode(TensorMapDataType.Float32, Address, new TensorShape(1, 1, 64, 64), TmaBox.Tile(64, 64), "x"));

        Assert.Equal("cuTensorMapEncodeTiled", e.Call);
        Assert.Equal(1, e.Result);
        Assert.StartsWith("cuTensorMapEncodeTiled failed: CUDA_ERROR_INVALID_VALUE", e.Message);
    }

    [Fact]
    public void AnUnalignedBaseAddress_IsRejectedBeforeEncoding()
    {
        var e = RejectedBeforeEncoding(TensorMapDataType.BFloat16, Address + 8, new TensorShape(1, 1, 64, 64), TmaBox.Tile(64, 64), "q");
        Assert.Contains("the base address must be 16-byte aligned, but it is 0x7f0000000008", e.Message);
    }

    [Fact]
    public void ARowPitchNotAMultipleOf16Bytes_IsRejected()
    {
        var e = RejectedBeforeEncoding(TensorMapDataType.BFloat16, Address, new TensorShape(1, 1, 64, 60), TmaBox.Tile(64, 64), "k");
        Assert.StartsWith("Argument 'k' (1, 1, 64, 60) cannot use TMA box st[64x64]: the row pitch (cols · element size) must be a multiple of 16 bytes, but it is 60 · 2 = 120 bytes.", e.Message);
    }

    [Fact]
    public void ColsThatAreNotAMultipleOfTheSwizzleWidth_AreRejected()
    {
        // bf16 64-wide tile: 128-byte swizzle, chunks of 64 columns; 96 columns leave half a chunk.
        var e = RejectedBeforeEncoding(TensorMapDataType.BFloat16, Address, new TensorShape(1, 1, 64, 96), TmaBox.Tile(64, 64), "v");
        Assert.Contains("cols must be a multiple of the tile's 128-byte swizzle width (64 elements), but it is 96.", e.Message);
    }

    [Fact]
    public void ATileOfMoreThan256Rows_IsRejected()
    {
        var e = RejectedBeforeEncoding(TensorMapDataType.BFloat16, Address, new TensorShape(1, 1, 1024, 64), TmaBox.Tile(512, 64), "q");
        Assert.Contains("a box may span at most 256 elements in each dimension, but dimension 1 of the 5-D map spans 512.", e.Message);
    }

    [Fact]
    public void ATileOfMoreThan256Chunks_IsRejected_And256IsFine()
    {
        var shape = new TensorShape(1, 1, 64, 64);
        var p = TensorMapEncoder.Describe(TensorMapDataType.BFloat16, Address, shape, TmaBox.Tile(16, 256 * 64), "q");
        Assert.Equal(256U, p.BoxDims[2]);
        var e = RejectedBeforeEncoding(TensorMapDataType.BFloat16, Address, shape, TmaBox.Tile(16, 512 * 64), "q");
        Assert.Contains("but dimension 2 of the 5-D map spans 512.", e.Message);
    }

    [Fact]
    public void AVectorLongerThan256_IsRejected()
    {
        var e = RejectedBeforeEncoding(TensorMapDataType.Float32, Address, new TensorShape(1, 1, 1, 1024), TmaBox.Vector(512), "lse");
        Assert.Contains("but dimension 0 of the 4-D map spans 512", e.Message);
    }

    [Fact]
    public void AnEmptyTensor_IsRejected()
    {
        var e = RejectedBeforeEncoding(TensorMapDataType.Float32, Address, new TensorShape(1, 0, 64, 64), TmaBox.Tile(16, 16), "x");
        Assert.Contains("every extent must be at least 1", e.Message);
    }

    [Fact]
    public void TheDefaultBox_IsRejected()
    {
        var e = RejectedBeforeEncoding(TensorMapDataType.Float32, Address, new TensorShape(1, 1, 64, 64), default, "x");
        Assert.Contains("the box is empty", e.Message);
    }

    [Fact]
    public void ATensorOf2To40BytesPerBatch_IsRejected()
    {
        var e = RejectedBeforeEncoding(TensorMapDataType.Float32, Address, new TensorShape(2, 1 << 14, 1 << 12, 1 << 12), TmaBox.Tile(16, 16), "x");
        Assert.Contains("every byte stride must be less than 2^40", e.Message);
    }

    [Fact]
    public void OnlyTileDtypes_HaveTensorMaps()
    {
        Assert.Equal(TensorMapDataType.BFloat16, TensorMapEncoder.DataType<bf16>("q"));
        Assert.Equal(TensorMapDataType.Float16, TensorMapEncoder.DataType<f16>("q"));
        Assert.Equal(TensorMapDataType.Float32, TensorMapEncoder.DataType<float>("q"));
        var e = Assert.Throws<ArgumentException>(() => TensorMapEncoder.DataType<int>("counts"));
        Assert.Equal("counts", e.ParamName);
        Assert.Contains("DeviceTensor<Int32>", e.Message);
    }

    [Theory]
    [InlineData(0, 16)]
    [InlineData(16, 0)]
    [InlineData(24, 16)]
    [InlineData(16, -16)]
    public void TmaBoxes_AreMultiplesOf16(int rows, int cols) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TmaBox.Tile(rows, cols));

    [Fact]
    public void TmaBoxes_CompareByValue_AndPrintTheirShape()
    {
        Assert.Equal(TmaBox.Tile(64, 128), TmaBox.Tile(64, 128));
        Assert.NotEqual(TmaBox.Tile(16, 64), TmaBox.Vector(64));
        Assert.Equal("st[64x128]", TmaBox.Tile(64, 128).ToString());
        Assert.Equal("sv[64]", TmaBox.Vector(64).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => TmaBox.Vector(8));
    }

    [Fact]
    public void TheCache_EncodesEachBoxOnce_AndReturnsTheSameMap()
    {
        int encodes = 0;
        var encoder = new TensorMapEncoder((ref TensorMap map, in TensorMapParameters p) =>
        {
            map[0] = (ulong)Interlocked.Increment(ref encodes);
            map[1] = p.BoxDims[1];
            return 0;
        });
        var cache = new TensorMapCache(TensorMapDataType.BFloat16, Address, new TensorShape(1, 1, 256, 128), encoder);

        ref readonly var first = ref cache.Get(TmaBox.Tile(64, 128), "q");
        ref readonly var again = ref cache.Get(TmaBox.Tile(64, 128), "q");
        ref readonly var other = ref cache.Get(TmaBox.Tile(128, 128), "q");
        ref readonly var firstAgain = ref cache.Get(TmaBox.Tile(64, 128), "q");

        Assert.Equal(2, encodes);
        Assert.Equal(2, cache.Count);
        Assert.True(Unsafe.AreSame(ref Unsafe.AsRef(in first), ref Unsafe.AsRef(in again)));
        Assert.True(Unsafe.AreSame(ref Unsafe.AsRef(in first), ref Unsafe.AsRef(in firstAgain)));
        Assert.Equal(1UL, first[0]);
        Assert.Equal(64UL, first[1]);
        Assert.Equal(2UL, other[0]);
        Assert.Equal(128UL, other[1]);
    }

    [Fact]
    public void CachedMaps_AreReadWithoutAllocating()
    {
        var cache = new TensorMapCache(TensorMapDataType.Float32, Address, new TensorShape(1, 1, 64, 64), new TensorMapEncoder((ref TensorMap map, in TensorMapParameters p) => 0));
        var boxes = new[] { TmaBox.Tile(64, 64), TmaBox.Vector(64) };
        foreach (var box in boxes) _ = cache.Get(box, "x")[0];

        long before = GC.GetAllocatedBytesForCurrentThread();
        ulong sum = 0;
        for (int i = 0; i < 1000; i++)
        {
            foreach (var box in boxes) sum += cache.Get(box, "x")[0];
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0UL, sum);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void AFailedEncode_IsNotCached()
    {
        int encodes = 0;
        var cache = new TensorMapCache(TensorMapDataType.BFloat16, Address, new TensorShape(1, 1, 64, 60), new TensorMapEncoder((ref TensorMap map, in TensorMapParameters p) =>
        {
            encodes++;
            return 0;
        }));

        Assert.Throws<ArgumentException>(() => cache.Get(TmaBox.Tile(64, 64), "k"));
        var e = Assert.Throws<ArgumentException>(() => cache.Get(TmaBox.Tile(64, 64), "k"));

        Assert.Equal("k", e.ParamName);
        Assert.Equal(0, encodes);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void TheCache_IsSafeUnderConcurrentFirstUse()
    {
        int encodes = 0;
        var cache = new TensorMapCache(TensorMapDataType.BFloat16, Address, new TensorShape(1, 1, 256, 256), new TensorMapEncoder((ref TensorMap map, in TensorMapParameters p) =>
        {
            Interlocked.Increment(ref encodes);
            map[0] = p.BoxDims[1] * 1000 + p.BoxDims[2];
            return 0;
        }));
        var boxes = new[] { TmaBox.Tile(16, 64), TmaBox.Tile(32, 64), TmaBox.Tile(64, 64), TmaBox.Tile(64, 128) };

        Parallel.For(0, 64, i =>
        {
            var box = boxes[i % boxes.Length];
            Assert.Equal((ulong)box.Rows * 1000 + (ulong)(box.Cols / 64), cache.Get(box, "q")[0]);
        });

        Assert.Equal(boxes.Length, encodes);
        Assert.Equal(boxes.Length, cache.Count);
    }

    private static ArgumentException RejectedBeforeEncoding(TensorMapDataType type, nint address, TensorShape shape, TmaBox box, string argument)
    {
        int encodes = 0;
        var encoder = new TensorMapEncoder((ref TensorMap map, in TensorMapParameters p) =>
        {
            encodes++;
            return 0;
        });
        var e = Assert.Throws<ArgumentException>(() => encoder.Encode(type, address, shape, box, argument));
        Assert.Equal(argument, e.ParamName);
        Assert.StartsWith($"Argument '{argument}' {shape} cannot use TMA box {box}: ", e.Message);
        Assert.Equal(0, encodes);
        return e;
    }

    private static ulong[] Dims(TensorMapParameters p)
    {
        var values = new ulong[p.Rank];
        for (int i = 0; i < p.Rank; i++) values[i] = p.GlobalDims[i];
        return values;
    }

    private static ulong[] Strides(TensorMapParameters p)
    {
        var values = new ulong[p.Rank - 1];
        for (int i = 0; i < p.Rank - 1; i++) values[i] = p.GlobalStrides[i];
        return values;
    }

    private static uint[] Box(TensorMapParameters p)
    {
        var values = new uint[p.Rank];
        for (int i = 0; i < p.Rank; i++) values[i] = p.BoxDims[i];
        return values;
    }

    private static uint[] ElementStrides(TensorMapParameters p)
    {
        var values = new uint[p.Rank];
        for (int i = 0; i < p.Rank; i++) values[i] = p.ElementStrides[i];
        return values;
    }

    /// <summary>
    /// Evaluates the integer C++ expression of <c>st_swizzle_bytes</c>: literals, <c>sizeof(T)</c>,
    /// <c>C</c>, parentheses, <c>%</c>, <c>==</c> and <c>?:</c>.
    /// </summary>
    private sealed class HeaderExpression
    {
        private readonly List<string> _tokens;
        private readonly int _elementBytes;
        private readonly int _cols;
        private int _next;

        private HeaderExpression(string text, int elementBytes, int cols)
        {
            _tokens = Regex.Matches(text, @"sizeof\s*\(\s*T\s*\)|\d+|==|[()%?:]|\bC\b|\S").Select(m => m.Value).ToList();
            _elementBytes = elementBytes;
            _cols = cols;
        }

        public static int Evaluate(string text, int elementBytes, int cols)
        {
            var expression = new HeaderExpression(text, elementBytes, cols);
            int value = expression.Conditional();
            Assert.True(expression._next == expression._tokens.Count, "unparsed rest of st_swizzle_bytes: " + string.Join(" ", expression._tokens.Skip(expression._next)));
            return value;
        }

        private int Conditional()
        {
            int condition = Equality();
            if (!Accept("?")) return condition;
            int whenTrue = Conditional();
            Expect(":");
            int whenFalse = Conditional();
            return condition != 0 ? whenTrue : whenFalse;
        }

        private int Equality()
        {
            int left = Remainder();
            while (Accept("==")) left = left == Remainder() ? 1 : 0;
            return left;
        }

        private int Remainder()
        {
            int left = Primary();
            while (Accept("%")) left %= Primary();
            return left;
        }

        private int Primary()
        {
            string token = _tokens[_next++];
            if (token == "(")
            {
                int value = Conditional();
                Expect(")");
                return value;
            }
            if (token == "C") return _cols;
            if (token.StartsWith("sizeof", StringComparison.Ordinal)) return _elementBytes;
            return int.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
        }

        private bool Accept(string token)
        {
            if (_next < _tokens.Count && _tokens[_next] == token)
            {
                _next++;
                return true;
            }
            return false;
        }

        private void Expect(string token) => Assert.True(Accept(token), $"expected '{token}' in st_swizzle_bytes");
    }
}
