using System.Text.Json;
using MirrorChain.Core;

namespace MirrorChain.Rpc;

/// <summary><c>status</c>, <c>health</c>, <c>abci_info</c>, <c>genesis</c>.</summary>
internal sealed class InfoMethods(IRpcBackend backend)
{
    public void Register(RpcMethodTable table)
    {
        table.Add("health", [], (_, w) =>
        {
            w.WriteStartObject();
            w.WriteEndObject();
        });
        table.Add("status", [], (_, w) => WriteStatus(w));
        table.Add("abci_info", [], (_, w) => WriteAbciInfo(w));
        table.Add("genesis", [], (_, w) => WriteGenesis(w));
    }

    private void WriteStatus(Utf8JsonWriter w)
    {
        var latestHeight = backend.LatestHeight;
        var latest = latestHeight > 0 ? backend.GetBlock(latestHeight) : null;
        var earliestHeight = backend.EarliestHeight;
        var earliest = earliestHeight > 0 ? backend.GetBlock(earliestHeight) : null;

        w.WriteStartObject();
        NodeInfoJson.Write(w, "node_info", backend, gateway: false);

        w.WriteStartObject("sync_info");
        w.WriteString("latest_block_hash", latest is null ? CometBft.EmptyHash : Hex.Upper(latest.Hash));
        var appHash = backend.LatestAppHash;
        w.WriteString("latest_app_hash", appHash.Length == 0 ? CometBft.EmptyHash : Hex.Upper(appHash));
        w.WriteInt64String("latest_block_height", latestHeight);
        w.WriteString("latest_block_time", latest?.Header.Time.ToRfc3339() ?? GenesisTime());
        w.WriteHex("earliest_block_hash", earliest?.Hash ?? []);
        w.WriteHex("earliest_app_hash", earliest?.Header.AppHash ?? []);
        w.WriteInt64String("earliest_block_height", earliestHeight);
        w.WriteString("earliest_block_time", earliest?.Header.Time.ToRfc3339() ?? GenesisTime());
        w.WriteBoolean("catching_up", false);
        w.WriteEndObject();

        w.WriteStartObject("validator_info");
        w.WriteHex("address", backend.ValidatorAddress);
        w.WriteStartObject("pub_key");
        w.WriteString("type", backend.ValidatorPubKeyType);
        w.WriteBase64String("value", backend.ValidatorPubKey);
        w.WriteEndObject();
        w.WriteInt64String("voting_power", backend.ValidatorVotingPower);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void WriteAbciInfo(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteStartObject("response");
        w.WriteString("data", backend.AppName);
        w.WriteString("version", backend.AppVersion);
        w.WriteUInt64String("app_version", backend.AppProtocolVersion);
        w.WriteInt64String("last_block_height", backend.LatestHeight);
        w.WriteBase64String("last_block_app_hash", backend.LatestAppHash);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void WriteGenesis(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WritePropertyName("genesis");
        w.WriteRawValue(backend.GenesisJson);
        w.WriteEndObject();
    }

    /// <summary>The genesis document's <c>genesis_time</c>: the chain's time before its first block.</summary>
    private string GenesisTime()
    {
        try
        {
            using var doc = JsonDocument.Parse(backend.GenesisJson);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("genesis_time", out var t)
                && t.ValueKind == JsonValueKind.String)
            {
                return BlockTime.ParseRfc3339(t.GetString()!).ToRfc3339();
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
        {
            // fall through: no usable genesis time
        }
        return new BlockTime(0, 0).ToRfc3339();
    }
}
