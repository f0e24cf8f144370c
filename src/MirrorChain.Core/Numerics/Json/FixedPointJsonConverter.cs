using System.Text.Json;
using System.Text.Json.Serialization;

namespace MirrorChain.Core.Numerics.Json;

/// <summary>Parses fixed-point text: null on success, else cosmwasm's generic_err reason.</summary>
internal delegate string? FixedPointParser<T>(string text, out T value);

/// <summary>
/// A cosmwasm fixed-point decimal as a JSON string ("1.5"). Reading rejects non-strings ("Invalid type") and reports a
/// bad string as cosmwasm's visitor does: "Error parsing decimal '{v}': Generic error: {reason}". Writing uses the
/// type's Display text.
/// </summary>
public abstract class FixedPointJsonConverter<T> : JsonConverter<T>
    where T : struct
{
    private readonly FixedPointParser<T> _parse;

    private protected FixedPointJsonConverter(FixedPointParser<T> parse) => _parse = parse;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = NumericJson.ReadString(ref reader);
        var error = _parse(text, out var value);
        return error is null ? value : throw new JsonException($"Error parsing decimal '{text}': Generic error: {error}");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
