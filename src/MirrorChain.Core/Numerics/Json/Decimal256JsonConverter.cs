namespace MirrorChain.Core.Numerics.Json;

/// <summary><see cref="Decimal256"/> as a JSON string, with the same rules and messages as <see cref="DecimalJsonConverter"/>.</summary>
public sealed class Decimal256JsonConverter() : FixedPointJsonConverter<Decimal256>(Decimal256.TryParseCore);
