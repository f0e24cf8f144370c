using System.Text.Json;
using System.Text.Json.Serialization;

namespace MirrorChain.Core.Numerics.Json;

/// <summary>
/// <see cref="Decimal"/> as a JSON string ("1.5"). Reading rejects non-strings ("Invalid type") and reports a bad string
/// as cosmwasm's visitor does: "Error parsing decimal '{v}': Generic error: {reason}".
/// </summary>
public sealed class DecimalJsonConverter : JsonConverter<Decimal>
{
    public override Decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = NumericJson.ReadString(ref reader);
        var error = Decimal.TryParseCore(text, out var value);
        return error is null ? value : throw new JsonException($"Error parsing decimal '{text}': Generic error: {error}");
    }

    public override void Write(Utf8JsonWriter writer, Decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
