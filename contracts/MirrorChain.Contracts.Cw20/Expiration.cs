using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MirrorChain.Contracts.Cw20;

/// <summary>
/// cw0's <c>Expiration</c> as cw20 0.8 uses it: <c>{"at_height": 12345}</c>, <c>{"at_time": "&lt;nanoseconds&gt;"}</c>
/// (a cosmwasm <c>Timestamp</c>, nanoseconds as a string) or <c>{"never": {}}</c> (the default).
/// </summary>
[JsonConverter(typeof(ExpirationJsonConverter))]
public abstract record Expiration
{
    private Expiration()
    {
    }

    public static Expiration Never { get; } = new NeverExpires();

    public static Expiration AtHeight(ulong height) => new Height(height);

    public static Expiration AtTime(ulong unixNanoseconds) => new Time(unixNanoseconds);

    public static Expiration AtTimeSeconds(ulong unixSeconds) => new Time(checked(unixSeconds * 1_000_000_000UL));

    /// <summary>cw0's <c>is_expired</c>: height ≥ at_height, or block time ≥ at_time; never for Never.</summary>
    public abstract bool IsExpired(BlockInfo block);

    /// <summary>The JSON form, e.g. <c>{"at_height":12345}</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ContractJson.Options);

    /// <summary>Expires once the block height reaches <see cref="Value"/>.</summary>
    public sealed record Height(ulong Value) : Expiration
    {
        public override bool IsExpired(BlockInfo block) => block.Height >= 0 && (ulong)block.Height >= Value;
    }

    /// <summary>Expires once the block time reaches <see cref="Nanos"/> (Unix nanoseconds).</summary>
    public sealed record Time(ulong Nanos) : Expiration
    {
        public override bool IsExpired(BlockInfo block) => block.TimeNanos >= Nanos;
    }

    /// <summary>Never expires.</summary>
    public sealed record NeverExpires : Expiration
    {
        public override bool IsExpired(BlockInfo block) => false;
    }
}

/// <summary>Reads and writes <see cref="Expiration"/> as serde's externally tagged enum.</summary>
public sealed class ExpirationJsonConverter : JsonConverter<Expiration>
{
    public override Expiration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("invalid type: expected enum Expiration");
        }
        using var props = root.EnumerateObject();
        if (!props.MoveNext())
        {
            throw new JsonException("invalid type: expected enum Expiration");
        }
        var variant = props.Current;
        if (props.MoveNext())
        {
            throw new JsonException("invalid type: expected enum Expiration with a single variant");
        }
        return variant.Name switch
        {
            "at_height" => Expiration.AtHeight(ReadU64(variant.Value, "u64")),
            "at_time" => Expiration.AtTime(ReadTimestamp(variant.Value)),
            "never" when variant.Value.ValueKind == JsonValueKind.Object => Expiration.Never,
            "never" => throw new JsonException("invalid type: expected struct variant Expiration::Never"),
            _ => throw new JsonException($"unknown variant `{variant.Name}`, expected one of `at_height`, `at_time`, `never`"),
        };
    }

    public override void Write(Utf8JsonWriter writer, Expiration value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        switch (value)
        {
            case Expiration.Height h:
                writer.WriteNumber("at_height", h.Value);
                break;
            case Expiration.Time t:
                writer.WriteString("at_time", t.Nanos.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStartObject("never");
                writer.WriteEndObject();
                break;
        }
        writer.WriteEndObject();
    }

    private static ulong ReadU64(JsonElement e, string what) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetUInt64(out var v) ? v : throw new JsonException($"invalid type: expected {what}");

    // cosmwasm Timestamp = Uint64 nanoseconds, serialized as a decimal string
    private static ulong ReadTimestamp(JsonElement e) =>
        e.ValueKind == JsonValueKind.String && ulong.TryParse(e.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new JsonException("invalid type: expected Timestamp (Uint64 nanoseconds as a string)");
}
