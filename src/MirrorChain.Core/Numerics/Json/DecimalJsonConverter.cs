namespace MirrorChain.Core.Numerics.Json;

/// <summary><see cref="Decimal"/> as a JSON string ("1.5"), read and written by <see cref="FixedPointJsonConverter{T}"/>'s rules.</summary>
public sealed class DecimalJsonConverter() : FixedPointJsonConverter<Decimal>(Decimal.TryParseCore);
