using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Mirror.Gov;

/// <summary><c>PollConfig {proposal_deposit, voting_period (seconds), quorum, threshold}</c>.</summary>
public sealed record PollConfig
{
    public required UInt128 ProposalDeposit { get; init; }

    public required ulong VotingPeriod { get; init; }

    public required Decimal Quorum { get; init; }

    public required Decimal Threshold { get; init; }

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("proposal_deposit", Uint128Math.Format(ProposalDeposit));
        w.WriteNumber("voting_period", VotingPeriod);
        w.WriteString("quorum", Quorum.ToString());
        w.WriteString("threshold", Threshold.ToString());
        w.WriteEndObject();
    }
}

/// <summary>One <c>(contract, new_code_id, migrate_msg)</c> tuple of <c>execute_migrations</c>.</summary>
public sealed record Migration(string Contract, ulong NewCodeId, string MigrateMsgBase64);

/// <summary>
/// <c>PollAdminAction</c> (externally tagged): what an admin poll asks for. Serialised exactly as serde does (Option
/// fields as null), because execute_poll sends it verbatim to the admin_manager (or, for update_config, to gov itself).
/// </summary>
[JsonConverter(typeof(PollAdminActionJsonConverter))]
public abstract record PollAdminAction
{
    /// <summary>Execute migrations are "fast track": the migration poll config, no effective delay, early end.</summary>
    public bool IsFastTrack => this is ExecuteMigrations;

    /// <summary><c>{"update_owner":{"owner"}}</c> (admin_manager).</summary>
    public sealed record UpdateOwner(string Owner) : PollAdminAction;

    /// <summary><c>{"execute_migrations":{"migrations":[[contract, code_id, base64], …]}}</c> (admin_manager).</summary>
    public sealed record ExecuteMigrations(IReadOnlyList<Migration> Migrations) : PollAdminAction;

    /// <summary><c>{"authorize_claim":{"authorized_addr"}}</c> (admin_manager).</summary>
    public sealed record AuthorizeClaim(string AuthorizedAddr) : PollAdminAction;

    /// <summary><c>{"update_config":{…}}</c>: executed on gov itself (no poll_gas_limit field).</summary>
    public sealed record UpdateConfig(AdminConfigUpdate Update) : PollAdminAction;

    /// <summary>The serde JSON bytes of this action.</summary>
    public byte[] ToJsonBytes() => JsonSerializer.SerializeToUtf8Bytes(this, ContractJson.Options);
}

/// <summary>The fields of <c>PollAdminAction::UpdateConfig</c>, in the Rust order.</summary>
public sealed record AdminConfigUpdate
{
    public string? Owner { get; init; }

    public ulong? EffectiveDelay { get; init; }

    public PollConfig? DefaultPollConfig { get; init; }

    public PollConfig? MigrationPollConfig { get; init; }

    public PollConfig? AuthAdminPollConfig { get; init; }

    public Decimal? VoterWeight { get; init; }

    public ulong? SnapshotPeriod { get; init; }

    public string? AdminManager { get; init; }
}

/// <summary>Reads and writes <see cref="PollAdminAction"/> as serde's externally tagged enum.</summary>
public sealed class PollAdminActionJsonConverter : JsonConverter<PollAdminAction>
{
    private const string TypeName = "mirror_protocol::gov::PollAdminAction";

    public override PollAdminAction Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        try
        {
            var (name, body) = ContractJson.Variant(doc.RootElement, TypeName);
            return name switch
            {
                "update_owner" => new PollAdminAction.UpdateOwner(ContractJson.Deserialize<OwnerBody>(body, TypeName).Owner),
                "execute_migrations" => new PollAdminAction.ExecuteMigrations(ReadMigrations(body)),
                "authorize_claim" => new PollAdminAction.AuthorizeClaim(ContractJson.Deserialize<AuthorizeBody>(body, TypeName).AuthorizedAddr),
                "update_config" => new PollAdminAction.UpdateConfig(ContractJson.Deserialize<AdminConfigUpdate>(body, TypeName)),
                _ => throw new JsonException($"unknown variant `{name}`, expected one of `update_owner`, `execute_migrations`, `authorize_claim`, `update_config`"),
            };
        }
        catch (ContractException e)
        {
            throw new JsonException(e.Message);
        }
    }

    public override void Write(Utf8JsonWriter writer, PollAdminAction value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        switch (value)
        {
            case PollAdminAction.UpdateOwner u:
                writer.WriteStartObject("update_owner");
                writer.WriteString("owner", u.Owner);
                writer.WriteEndObject();
                break;
            case PollAdminAction.ExecuteMigrations m:
                writer.WriteStartObject("execute_migrations");
                writer.WriteStartArray("migrations");
                foreach (var migration in m.Migrations)
                {
                    writer.WriteStartArray();
                    writer.WriteStringValue(migration.Contract);
                    writer.WriteNumberValue(migration.NewCodeId);
                    writer.WriteStringValue(migration.MigrateMsgBase64);
                    writer.WriteEndArray();
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            case PollAdminAction.AuthorizeClaim a:
                writer.WriteStartObject("authorize_claim");
                writer.WriteString("authorized_addr", a.AuthorizedAddr);
                writer.WriteEndObject();
                break;
            case PollAdminAction.UpdateConfig { Update: var c }:
                writer.WriteStartObject("update_config");
                WriteNullable(writer, "owner", c.Owner);
                WriteNullable(writer, "effective_delay", c.EffectiveDelay);
                WritePollConfig(writer, "default_poll_config", c.DefaultPollConfig);
                WritePollConfig(writer, "migration_poll_config", c.MigrationPollConfig);
                WritePollConfig(writer, "auth_admin_poll_config", c.AuthAdminPollConfig);
                WriteNullable(writer, "voter_weight", c.VoterWeight?.ToString());
                WriteNullable(writer, "snapshot_period", c.SnapshotPeriod);
                WriteNullable(writer, "admin_manager", c.AdminManager);
                writer.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException("unknown admin action");
        }
        writer.WriteEndObject();
    }

    /// <summary><c>Vec&lt;(String, u64, Binary)&gt;</c>; the Binary is decoded and re-encoded (canonical base64) as serde does.</summary>
    private static List<Migration> ReadMigrations(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("migrations", out var list))
        {
            throw new JsonException("missing field `migrations`");
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("invalid type: expected a sequence");
        }
        var migrations = new List<Migration>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Array || item.GetArrayLength() != 3 || item[0].ValueKind != JsonValueKind.String
                || !item[1].TryGetUInt64(out var codeId) || item[2].ValueKind != JsonValueKind.String)
            {
                throw new JsonException("invalid type: expected a tuple of size 3 (string, u64, binary)");
            }
            migrations.Add(new Migration(item[0].GetString()!, codeId, GovBinary.Canonical(item[2].GetString()!)));
        }
        return migrations;
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, ulong? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WritePollConfig(Utf8JsonWriter w, string name, PollConfig? config)
    {
        w.WritePropertyName(name);
        if (config is null)
        {
            w.WriteNullValue();
        }
        else
        {
            config.Write(w);
        }
    }

    private sealed record OwnerBody
    {
        public required string Owner { get; init; }
    }

    private sealed record AuthorizeBody
    {
        public required string AuthorizedAddr { get; init; }
    }
}

/// <summary>cosmwasm <c>Binary</c>: standard base64 with padding.</summary>
internal static class GovBinary
{
    /// <summary>Decodes and re-encodes; a malformed string is a JSON error (so the hook is invalid).</summary>
    public static string Canonical(string base64) => Convert.ToBase64String(Decode(base64));

    public static byte[] Decode(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new JsonException(string.Format(CultureInfo.InvariantCulture, "invalid base64: {0}", base64));
        }
    }
}
