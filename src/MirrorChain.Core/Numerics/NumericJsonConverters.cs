using System.Text.Json.Serialization;
using MirrorChain.Core.Numerics.Json;

namespace MirrorChain.Core.Numerics;

/// <summary>The converters that make cosmwasm's numeric types JSON strings; add them all to a serializer's options.</summary>
public static class NumericJsonConverters
{
    /// <summary>
    /// <see cref="Uint128JsonConverter"/> (needed: System.Text.Json writes <see cref="UInt128"/> as a JSON number),
    /// <see cref="DecimalJsonConverter"/> and <see cref="Decimal256JsonConverter"/> (also attached to their types).
    /// The instances are stateless and may be shared by several options objects.
    /// </summary>
    public static IReadOnlyList<JsonConverter> All { get; } =
        [new Uint128JsonConverter(), new DecimalJsonConverter(), new Decimal256JsonConverter()];
}
