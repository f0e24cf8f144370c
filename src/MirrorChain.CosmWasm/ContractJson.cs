using System.Text.Json;
using System.Text.Json.Serialization;
using MirrorChain.Core.Numerics;

namespace MirrorChain.CosmWasm;

/// <summary>
/// JSON the way CosmWasm contracts speak it: snake_case names, Uint128 and Decimal as strings, nulls omitted,
/// unknown fields ignored (serde's default),
/// enums as externally tagged objects (<c>{"variant": {...}}</c>), errors as cosmwasm's parse errors.
/// </summary>
public static class ContractJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions(respectNullability: false);

    /// <summary>
    /// <see cref="Options"/> for reading messages: a JSON <c>null</c> for a non-nullable member is refused (serde's
    /// "Invalid type") instead of leaving a null where the contract expects a value.
    /// </summary>
    public static JsonSerializerOptions ReadOptions { get; } = CreateOptions(respectNullability: true);

    private static JsonSerializerOptions CreateOptions(bool respectNullability)
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip, // serde's default: unknown fields are ignored
            WriteIndented = false,
            RespectNullableAnnotations = respectNullability,
        };
        foreach (var c in NumericJsonConverters.All)
        {
            o.Converters.Add(c);
        }
        if (respectNullability)
        {
            o.Converters.Add(new NonNullElementsConverterFactory());
        }
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static byte[] Serialize(object value) => JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), Options);

    public static string SerializeToString(object value) => JsonSerializer.Serialize(value, value.GetType(), Options);

    /// <summary>
    /// Reads <paramref name="json"/> as <typeparamref name="T"/>; any failure is cosmwasm's parse error
    /// "Error parsing into type {typeName}: {serde's text}" (see <see cref="SerdeErrorText"/>). For bytes this node
    /// wrote itself (storage); a message from outside goes through <see cref="ParseDocument"/> first.
    /// </summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> json, string typeName)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, ReadOptions) ?? throw ContractException.Parse(typeName, SerdeJsonSyntax.InvalidType);
        }
        catch (JsonException e)
        {
            throw ContractException.Parse(typeName, SerdeErrorText.Of(e));
        }
    }

    /// <inheritdoc cref="Deserialize{T}(ReadOnlySpan{byte}, string)"/>
    public static T Deserialize<T>(JsonElement json, string typeName)
    {
        try
        {
            return json.Deserialize<T>(ReadOptions) ?? throw ContractException.Parse(typeName, SerdeJsonSyntax.InvalidType);
        }
        catch (JsonException e)
        {
            throw ContractException.Parse(typeName, SerdeErrorText.Of(e, json));
        }
    }

    /// <summary>
    /// Parses a whole message (an entry point's, a cw20 hook's, a Binary payload's) as one JSON value with
    /// serde-json-wasm's syntax rules; a failure is "Error parsing into type {typeName}: {serde-json-wasm's text}".
    /// Every string in the result is valid UTF-16, so reading it never throws.
    /// </summary>
    public static JsonDocument ParseDocument(ReadOnlyMemory<byte> json, string typeName)
    {
        if (SerdeJsonSyntax.FirstError(json.Span) is { } syntax)
        {
            throw ContractException.Parse(typeName, syntax);
        }
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = SerdeJsonSyntax.MaxDepth + 1 });
        }
        catch (JsonException)
        {
            throw ContractException.Parse(typeName, SerdeJsonSyntax.ExpectedSomeValue); // not reached: the syntax check is stricter
        }
    }

    /// <summary>
    /// Splits an externally tagged enum value <c>{"name": body}</c>. A unit variant may also be the bare string
    /// <c>"name"</c> (serde accepts both); its body is then an empty object.
    /// </summary>
    public static (string Name, JsonElement Body) Variant(JsonElement msg, string typeName)
    {
        if (msg.ValueKind == JsonValueKind.String)
        {
            return (msg.GetString()!, EmptyObject);
        }
        if (msg.ValueKind != JsonValueKind.Object)
        {
            throw ContractException.Parse(typeName, SerdeJsonSyntax.ExpectedSomeIdent); // serde-json-wasm's deserialize_enum
        }
        using var props = msg.EnumerateObject();
        if (!props.MoveNext())
        {
            throw ContractException.Parse(typeName, SerdeJsonSyntax.InvalidType); // no variant name
        }
        var first = props.Current;
        if (props.MoveNext())
        {
            throw ContractException.Parse(typeName, SerdeJsonSyntax.ExpectedSomeValue); // a second key where '}' must end the variant
        }
        return (first.Name, first.Value);
    }

    /// <summary>serde's "unknown variant" error for <paramref name="typeName"/>.</summary>
    public static ContractException UnknownVariant(string typeName, string name, params string[] expected) =>
        ContractException.Parse(typeName, $"unknown variant `{name}`, expected one of {string.Join(", ", expected.Select(e => $"`{e}`"))}");

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();
}
