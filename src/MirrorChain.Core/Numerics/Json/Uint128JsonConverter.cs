using System.Text.Json;
using System.Text.Json.Serialization;

namespace MirrorChain.Core.Numerics.Json;

/// <summary>
/// A cosmwasm <c>Uint128</c> amount (<see cref="UInt128"/>) as a JSON decimal string ("1000000"). System.Text.Json
/// would otherwise write UInt128 as a JSON number. Reading rejects numbers ("Invalid type") and accepts Rust's u128
/// grammar (a leading '+' is allowed); a bad string gives cosmwasm's visitor message
/// "invalid Uint128 '{v}' - {reason}", reason being Rust's ParseIntError text.
/// Register it in <see cref="JsonSerializerOptions.Converters"/> (it then also covers <c>UInt128?</c>) or use
/// <see cref="NumericJsonOptions.AddCosmWasmNumerics"/>.
/// </summary>
public sealed class Uint128JsonConverter : JsonConverter<UInt128>
{
    public override UInt128 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = NumericJson.ReadString(ref reader);
        var error = RustUnsignedParser.TryParseU128(text, out var value);
        return error == RustParseIntError.None
            ? value
            : throw new JsonException($"invalid Uint128 '{text}' - {RustUnsignedParser.Describe(error)}");
    }

    public override void Write(Utf8JsonWriter writer, UInt128 value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Uint128Math.Format(value));
    }
}
