using System.Text.Json;
using System.Text.Json.Serialization;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Mirror.Factory;

// Rust tuples serialise as JSON arrays: (u64, u64, Uint128) → [1800, 3600, "3600"], (String, u32) → ["terra1…", 300],
// (String, Uint128) → ["terra1…", "1440"].

/// <summary>One distribution slot: seconds after genesis_time [start, end) and the MIR amount emitted over it.</summary>
[JsonConverter(typeof(ScheduleEntryConverter))]
internal sealed record ScheduleEntry(ulong StartTime, ulong EndTime, UInt128 Amount);

/// <summary>An (asset_token, weight) pair of <c>distribution_info</c>.</summary>
[JsonConverter(typeof(WeightEntryConverter))]
internal sealed record WeightEntry(string AssetToken, uint Weight);

/// <summary>An (asset_token, amount) pair of the staking hook <c>deposit_reward {rewards}</c>.</summary>
[JsonConverter(typeof(RewardEntryConverter))]
internal sealed record RewardEntry(string AssetToken, UInt128 Amount);

internal sealed class ScheduleEntryConverter : JsonConverter<ScheduleEntry>
{
    public override ScheduleEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        var items = TupleJson.Items(doc.RootElement, 3);
        return new ScheduleEntry(TupleJson.U64(items[0]), TupleJson.U64(items[1]), TupleJson.U128(items[2]));
    }

    public override void Write(Utf8JsonWriter writer, ScheduleEntry value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.StartTime);
        writer.WriteNumberValue(value.EndTime);
        writer.WriteStringValue(Uint128Math.Format(value.Amount));
        writer.WriteEndArray();
    }
}

internal sealed class WeightEntryConverter : JsonConverter<WeightEntry>
{
    public override WeightEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        var items = TupleJson.Items(doc.RootElement, 2);
        return new WeightEntry(TupleJson.Str(items[0]), items[1].TryGetUInt32(out var w) ? w : throw new JsonException("invalid type: expected u32"));
    }

    public override void Write(Utf8JsonWriter writer, WeightEntry value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(value.AssetToken);
        writer.WriteNumberValue(value.Weight);
        writer.WriteEndArray();
    }
}

internal sealed class RewardEntryConverter : JsonConverter<RewardEntry>
{
    public override RewardEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        var items = TupleJson.Items(doc.RootElement, 2);
        return new RewardEntry(TupleJson.Str(items[0]), TupleJson.U128(items[1]));
    }

    public override void Write(Utf8JsonWriter writer, RewardEntry value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(value.AssetToken);
        writer.WriteStringValue(Uint128Math.Format(value.Amount));
        writer.WriteEndArray();
    }
}

/// <summary>serde-like reading of tuple elements.</summary>
internal static class TupleJson
{
    public static JsonElement[] Items(JsonElement e, int size) =>
        e.ValueKind == JsonValueKind.Array && e.GetArrayLength() == size
            ? [.. e.EnumerateArray()]
            : throw new JsonException($"invalid type: expected a tuple of size {size}");

    public static ulong U64(JsonElement e) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetUInt64(out var v) ? v : throw new JsonException("invalid type: expected u64");

    public static string Str(JsonElement e) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new JsonException("invalid type: expected a string");

    public static UInt128 U128(JsonElement e) =>
        e.ValueKind == JsonValueKind.String && Uint128Math.TryParse(e.GetString(), out var v)
            ? v
            : throw new JsonException("invalid type: expected a Uint128 string");
}
