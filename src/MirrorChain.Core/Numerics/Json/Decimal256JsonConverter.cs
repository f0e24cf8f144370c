using System.Text.Json;
using System.Text.Json.Serialization;

namespace MirrorChain.Core.Numerics.Json;

/// <summary><see cref="Decimal256"/> as a JSON string, with the same rules and messages as <see cref="DecimalJsonConverter"/>.</summary>
public sealed class Decimal256JsonConverter : JsonConverter<Decimal256>
{
    public override Decimal256 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = NumericJson.ReadString(ref reader);
        var error = Decimal256.TryParseCore(text, out var value);
        return error is null ? value : throw new JsonException($"Error parsing decimal '{text}': Generic error: {error}");
    }

    public override void Write(Utf8JsonWriter writer, Decimal256 value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
