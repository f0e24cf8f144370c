using System.Text.Json;
using MirrorChain.Node;

namespace MirrorChain.Rpc.Lcd;

/// <summary>
/// GetBlockByHeightResponse / GetLatestBlockResponse of the gateway's tendermint service: proto3 JSON of
/// tendermint.types.Block (hashes as base64, <c>part_set_header</c>), plus <c>sdk_block</c> where the proposer is a
/// bech32 consensus address. The block itself is written by <see cref="BlockJson"/>, as for the JSON-RPC.
/// </summary>
internal static class LcdBlockJson
{
    /// <summary>The response; <paramref name="lastCommitSignatures"/> fill <c>last_commit</c> (the previous block's commit).</summary>
    public static void WriteGetBlockResponse(Utf8JsonWriter w, Block block, ulong appVersion, IReadOnlyList<CommitSignature> lastCommitSignatures)
    {
        w.WriteStartObject();
        BlockJson.WriteBlockId(w, "block_id", block.Hash, BlockJsonFormat.Gateway);
        BlockJson.WriteBlock(w, "block", block, appVersion, BlockJsonFormat.Gateway, lastCommitSignatures);
        BlockJson.WriteBlock(w, "sdk_block", block, appVersion, BlockJsonFormat.GatewaySdk, lastCommitSignatures);
        w.WriteEndObject();
    }
}
