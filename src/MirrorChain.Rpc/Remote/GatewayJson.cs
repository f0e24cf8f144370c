using System.Text.Json;
using MirrorChain.Core;

namespace MirrorChain.Rpc.Remote;

/// <summary>
/// Rewrites CometBFT 0.38 JSON-RPC answers as the Cosmos gateway's proto3 JSON, as the SDK's cmtservice does after
/// reading them through its RPC client (ToProto, then the gateway's marshaler): HexBytes become base64, <c>parts</c>
/// becomes <c>part_set_header</c>, int64 stay strings, <c>block_id_flag</c> becomes its enum name, and the
/// <c>sdk_block</c> copy gives the proposer as a bech32 consensus address. The field order is the one
/// <see cref="BlockJson"/> and <see cref="NodeInfoJson"/> write for the local node, so both sources give the same bytes.
/// </summary>
public static class GatewayJson
{
    /// <summary>GetBlockByHeightResponse / GetLatestBlockResponse from CometBFT's ResultBlock.</summary>
    public static void WriteGetBlockResponse(Utf8JsonWriter w, JsonElement resultBlock)
    {
        ArgumentNullException.ThrowIfNull(w);
        var block = CometBftJson.Property(resultBlock, "block");
        w.WriteStartObject();
        WriteBlockId(w, "block_id", CometBftJson.Property(resultBlock, "block_id"));
        WriteBlock(w, "block", block, bech32Proposer: false);
        WriteBlock(w, "sdk_block", block, bech32Proposer: true);
        w.WriteEndObject();
    }

    /// <summary>The gateway's <c>default_node_info</c> from CometBFT's <c>status.node_info</c>.</summary>
    public static void WriteDefaultNodeInfo(Utf8JsonWriter w, string name, JsonElement nodeInfo)
    {
        ArgumentNullException.ThrowIfNull(w);
        var protocol = CometBftJson.Property(nodeInfo, "protocol_version");
        w.WriteStartObject(name);
        w.WriteStartObject("protocol_version");
        WriteUInt64Text(w, "p2p", protocol);
        WriteUInt64Text(w, "block", protocol);
        WriteUInt64Text(w, "app", protocol);
        w.WriteEndObject();
        w.WriteString("default_node_id", CometBftJson.String(nodeInfo, "id"));
        w.WriteString("listen_addr", CometBftJson.String(nodeInfo, "listen_addr"));
        w.WriteString("network", CometBftJson.String(nodeInfo, "network"));
        w.WriteString("version", CometBftJson.String(nodeInfo, "version"));
        w.WriteBase64String("channels", CometBftJson.HexBytes(nodeInfo, "channels"));
        w.WriteString("moniker", CometBftJson.String(nodeInfo, "moniker"));
        var other = CometBftJson.Property(nodeInfo, "other");
        w.WriteStartObject("other");
        w.WriteString("tx_index", CometBftJson.String(other, "tx_index"));
        w.WriteString("rpc_address", CometBftJson.String(other, "rpc_address"));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteBlockId(Utf8JsonWriter w, string name, JsonElement id)
    {
        var parts = CometBftJson.Property(id, "parts");
        w.WriteStartObject(name);
        WriteHexAsBase64(w, "hash", id);
        w.WriteStartObject("part_set_header");
        w.WriteNumber("total", CometBftJson.Int64(parts, "total"));
        WriteHexAsBase64(w, "hash", parts);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteBlock(Utf8JsonWriter w, string name, JsonElement block, bool bech32Proposer)
    {
        w.WriteStartObject(name);
        WriteHeader(w, CometBftJson.Property(block, "header"), bech32Proposer);
        w.WriteStartObject("data");
        w.WriteStartArray("txs");
        if (CometBftJson.Property(block, "data").TryGetProperty("txs", out var txs) && txs.ValueKind != JsonValueKind.Null)
        {
            foreach (var tx in CometBftJson.Array(txs, "txs"))
            {
                w.WriteStringValue(tx.GetString());
            }
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("evidence");
        w.WriteStartArray("evidence");
        // Evidence is passed on as CometBFT wrote it (rare: only after a validator double-signs); docs/abci.md.
        if (block.TryGetProperty("evidence", out var evidence) && evidence.TryGetProperty("evidence", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var ev in list.EnumerateArray())
            {
                ev.WriteTo(w);
            }
        }
        w.WriteEndArray();
        w.WriteEndObject();
        var commit = CometBftJson.Property(block, "last_commit");
        w.WriteStartObject("last_commit");
        w.WriteInt64String("height", Math.Max(0, CometBftJson.Int64(commit, "height")));
        w.WriteNumber("round", CometBftJson.Int64(commit, "round"));
        WriteBlockId(w, "block_id", CometBftJson.Property(commit, "block_id"));
        w.WriteStartArray("signatures");
        if (commit.TryGetProperty("signatures", out var signatures) && signatures.ValueKind == JsonValueKind.Array)
        {
            foreach (var s in signatures.EnumerateArray())
            {
                WriteCommitSig(w, s);
            }
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteHeader(Utf8JsonWriter w, JsonElement h, bool bech32Proposer)
    {
        var version = CometBftJson.Property(h, "version");
        w.WriteStartObject("header");
        w.WriteStartObject("version");
        WriteUInt64Text(w, "block", version);
        WriteUInt64Text(w, "app", version);
        w.WriteEndObject();
        w.WriteString("chain_id", CometBftJson.String(h, "chain_id"));
        w.WriteInt64String("height", CometBftJson.Int64(h, "height"));
        w.WriteString("time", CometBftJson.Time(CometBftJson.Property(h, "time")).ToRfc3339());
        WriteBlockId(w, "last_block_id", CometBftJson.Property(h, "last_block_id"));
        foreach (var field in (ReadOnlySpan<string>)["last_commit_hash", "data_hash", "validators_hash", "next_validators_hash", "consensus_hash", "app_hash", "last_results_hash", "evidence_hash"])
        {
            WriteHexAsBase64(w, field, h);
        }
        var proposer = CometBftJson.HexBytes(h, "proposer_address");
        if (bech32Proposer)
        {
            w.WriteString("proposer_address", proposer.Length == 0 ? "" : Bech32.Encode(BlockJsonFormat.ValconsPrefix, proposer));
        }
        else
        {
            w.WriteBase64String("proposer_address", proposer);
        }
        w.WriteEndObject();
    }

    /// <summary>CommitSig: flag 1 absent, 2 commit, 3 nil, as cometbft.types.BlockIDFlag names them in proto3 JSON.</summary>
    private static void WriteCommitSig(Utf8JsonWriter w, JsonElement s)
    {
        w.WriteStartObject();
        w.WriteString("block_id_flag", BlockJsonFormat.BlockIdFlagName(CometBftJson.Int64(s, "block_id_flag")));
        WriteHexAsBase64(w, "validator_address", s);
        w.WriteString("timestamp", CometBftJson.Time(CometBftJson.Property(s, "timestamp")).ToRfc3339());
        if (s.TryGetProperty("signature", out var sig) && sig.ValueKind == JsonValueKind.String)
        {
            w.WriteString("signature", sig.GetString());
        }
        else
        {
            w.WriteNull("signature");
        }
        w.WriteEndObject();
    }

    private static void WriteHexAsBase64(Utf8JsonWriter w, string name, JsonElement parent) =>
        w.WriteBase64String(name, CometBftJson.HexBytes(parent, name));

    private static void WriteUInt64Text(Utf8JsonWriter w, string name, JsonElement parent)
    {
        var v = CometBftJson.Property(parent, name);
        w.WriteString(name, v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText());
    }
}
