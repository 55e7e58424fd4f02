namespace Kittens;

/// <summary>A tile dimension: a compile-time multiple of 16, written as a marker type.</summary>
public interface IDim;

/// <summary>The tile dimension 16.</summary>
[Dim(16)] public struct D16 : IDim;

/// <summary>The tile dimension 32.</summary>
[Dim(32)] public struct D32 : IDim;

/// <summary>The tile dimension 48.</summary>
[Dim(48)] public struct D48 : IDim;

/// <summary>The tile dimension 64.</summary>
[Dim(64)] public struct D64 : IDim;

/// <summary>The tile dimension 80.</summary>
[Dim(80)] public struct D80 : IDim;

/// <summary>The tile dimension 96.</summary>
[Dim(96)] public struct D96 : IDim;

/// <summary>The tile dimension 112.</summary>
[Dim(112)] public struct D112 : IDim;

/// <summary>The tile dimension 128.</summary>
[Dim(128)] public struct D128 : IDim;

/// <summary>The tile dimension 144.</summary>
[Dim(144)] public struct D144 : IDim;

/// <summary>The tile dimension 160.</summary>
[Dim(160)] public struct D160 : IDim;

/// <summary>The tile dimension 176.</summary>
[Dim(176)] public struct D176 : IDim;

/// <summary>The tile dimension 192.</summary>
[Dim(192)] public struct D192 : IDim;

/// <summary>The tile dimension 208.</summary>
[Dim(208)] public struct D208 : IDim;

/// <summary>The tile dimension 224.</summary>
[Dim(224)] public struct D224 : IDim;

/// <summary>The tile dimension 240.</summary>
[Dim(240)] public struct D240 : IDim;

/// <summary>The tile dimension 256.</summary>
[Dim(256)] public struct D256 : IDim;
