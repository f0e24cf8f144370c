using System.Text.Json;

namespace MirrorChain.Core.Numerics.Json;

/// <summary>Shared reading rules: cosmwasm's numeric types are JSON strings; any other token is rejected.</summary>
internal static class NumericJson
{
    /// <summary>
    /// The text serde-json-wasm (cosmwasm's <c>from_slice</c>) reports when <c>deserialize_str</c> meets a
    /// non-string token, such as the JSON number <c>100</c> for a Uint128.
    /// </summary>
    public const string InvalidType = "Invalid type";

    public static string ReadString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException(InvalidType);
}
