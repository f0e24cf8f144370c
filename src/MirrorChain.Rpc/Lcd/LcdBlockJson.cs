using System.Text.Json;
using MirrorChain.Core;
using MirrorChain.Node;

namespace MirrorChain.Rpc.Lcd;

/// <summary>
/// A block as the tendermint service of the gateway renders it: proto3 JSON of tendermint.types.Block (hashes as
/// base64, <c>part_set_header</c>), plus <c>sdk_block</c> where the proposer is a bech32 consensus address.
/// </summary>
internal static class LcdBlockJson
{
    public const string ValconsPrefix = "terravalcons";

    public static void WriteGetBlockResponse(Utf8JsonWriter w, Block block, ulong appVersion)
    {
        w.WriteStartObject();
        WriteBlockId(w, "block_id", block.Hash);
        WriteBlock(w, "block", block, appVersion, sdk: false);
        WriteBlock(w, "sdk_block", block, appVersion, sdk: true);
        w.WriteEndObject();
    }

    private static void WriteBlockId(Utf8JsonWriter w, string name, byte[] hash)
    {
        w.WriteStartObject(name);
        w.WriteBase64String("hash", hash);
        w.WriteStartObject("part_set_header");
        w.WriteNumber("total", hash.Length == 0 ? 0 : 1);
        w.WriteBase64String("hash", hash);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteBlock(Utf8JsonWriter w, string name, Block block, ulong appVersion, bool sdk)
    {
        var h = block.Header;
        w.WriteStartObject(name);
        w.WriteStartObject("header");
        w.WriteStartObject("version");
        LcdJson.WriteUInt64(w, "block", CometBft.BlockProtocol);
        LcdJson.WriteUInt64(w, "app", appVersion);
        w.WriteEndObject();
        w.WriteString("chain_id", h.ChainId);
        LcdJson.WriteInt64(w, "height", h.Height);
        w.WriteString("time", h.Time.ToRfc3339());
        WriteBlockId(w, "last_block_id", h.LastBlockHash);
        w.WriteString("last_commit_hash", "");
        w.WriteBase64String("data_hash", h.DataHash);
        w.WriteString("validators_hash", "");
        w.WriteString("next_validators_hash", "");
        w.WriteString("consensus_hash", "");
        w.WriteBase64String("app_hash", h.AppHash);
        w.WriteBase64String("last_results_hash", h.LastResultsHash);
        w.WriteString("evidence_hash", "");
        if (sdk)
        {
            w.WriteString("proposer_address", h.ProposerAddress.Length == 0 ? "" : Bech32.Encode(ValconsPrefix, h.ProposerAddress));
        }
        else
        {
            w.WriteBase64String("proposer_address", h.ProposerAddress);
        }
        w.WriteEndObject();
        w.WriteStartObject("data");
        w.WriteStartArray("txs");
        foreach (var tx in block.Txs)
        {
            w.WriteBase64StringValue(tx);
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("evidence");
        w.WriteStartArray("evidence");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("last_commit");
        LcdJson.WriteInt64(w, "height", Math.Max(0, h.Height - 1));
        w.WriteNumber("round", 0);
        WriteBlockId(w, "block_id", h.LastBlockHash);
        w.WriteStartArray("signatures");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
