using System.Text.Json;
using System.Text.Json.Serialization;

namespace MirrorChain.Contracts.Mirror.Gov;

/// <summary><c>VoteOption</c>: "yes" | "no" | "abstain" (also its Display, the <c>vote_option</c> attribute).</summary>
[JsonConverter(typeof(VoteOptionJsonConverter))]
public enum VoteOption
{
    Yes,
    No,
    Abstain,
}

/// <summary>
/// <c>PollStatus</c>: "in_progress" | "passed" | "rejected" | "executed" | "expired" | "failed". "expired" is never set by
/// v2.1.4 but is a valid filter.
/// </summary>
[JsonConverter(typeof(PollStatusJsonConverter))]
public enum PollStatus
{
    InProgress,
    Passed,
    Rejected,
    Executed,
    Expired,
    Failed,
}

/// <summary>A unit-only serde enum written as its snake_case name; an unknown name reads like serde's error.</summary>
public abstract class SnakeCaseEnumConverter<T>(params (T Value, string Name)[] names) : JsonConverter<T>
    where T : struct, Enum
{
    public string NameOf(T value) => names.First(n => n.Value.Equals(value)).Name;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"invalid type: {reader.TokenType}, expected a variant name");
        }
        var text = reader.GetString();
        foreach (var (value, name) in names)
        {
            if (name == text)
            {
                return value;
            }
        }
        throw new JsonException($"unknown variant `{text}`, expected one of {string.Join(", ", names.Select(n => $"`{n.Name}`"))}");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(NameOf(value));
}

public sealed class VoteOptionJsonConverter() : SnakeCaseEnumConverter<VoteOption>(
    (VoteOption.Yes, "yes"), (VoteOption.No, "no"), (VoteOption.Abstain, "abstain"))
{
    public static readonly VoteOptionJsonConverter Instance = new();
}

public sealed class PollStatusJsonConverter() : SnakeCaseEnumConverter<PollStatus>(
    (PollStatus.InProgress, "in_progress"), (PollStatus.Passed, "passed"), (PollStatus.Rejected, "rejected"),
    (PollStatus.Executed, "executed"), (PollStatus.Expired, "expired"), (PollStatus.Failed, "failed"))
{
    public static readonly PollStatusJsonConverter Instance = new();
}
