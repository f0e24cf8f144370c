using System.Text.Json;
using MirrorChain.Node;

namespace MirrorChain.Rpc;

/// <summary>
/// JSON of blocks in the CometBFT 0.38 shape, which the gateway's tendermint service shares field for field; the
/// <see cref="BlockJsonFormat"/> says how each wire spells bytes, the part-set header and the proposer. A block is one
/// part, so <c>parts</c> is <c>{total: 1, hash}</c> with the block hash standing in for the part-set hash; an absent
/// block id is <c>{hash: "", parts: {total: 0, hash: ""}}</c>. Hashes this chain does not have (validators,
/// consensus, evidence, last commit) are "".
/// </summary>
internal static class BlockJson
{
    public static void WriteBlockId(Utf8JsonWriter w, string name, ReadOnlySpan<byte> hash, BlockJsonFormat format)
    {
        w.WriteStartObject(name);
        format.WriteBytes(w, "hash", hash);
        w.WriteStartObject(format.PartsName);
        w.WriteNumber("total", hash.IsEmpty ? 0 : 1);
        format.WriteBytes(w, "hash", hash);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteHeader(Utf8JsonWriter w, string name, BlockHeader h, ulong appVersion, BlockJsonFormat format)
    {
        w.WriteStartObject(name);
        w.WriteStartObject("version");
        w.WriteUInt64String("block", CometBft.BlockProtocol);
        w.WriteUInt64String("app", appVersion);
        w.WriteEndObject();
        w.WriteString("chain_id", h.ChainId);
        w.WriteInt64String("height", h.Height);
        w.WriteString("time", h.Time.ToRfc3339());
        WriteBlockId(w, "last_block_id", h.LastBlockHash, format);
        w.WriteString("last_commit_hash", "");
        format.WriteBytes(w, "data_hash", h.DataHash);
        w.WriteString("validators_hash", "");
        w.WriteString("next_validators_hash", "");
        w.WriteString("consensus_hash", "");
        format.WriteBytes(w, "app_hash", h.AppHash);
        format.WriteBytes(w, "last_results_hash", h.LastResultsHash);
        w.WriteString("evidence_hash", "");
        format.WriteProposer(w, h.ProposerAddress);
        w.WriteEndObject();
    }

    /// <summary>
    /// The block; <paramref name="lastCommitSignatures"/> are the signatures of the previous block's commit for
    /// <c>last_commit</c> (CometBFT: block h+1 carries the commit of block h), none when null.
    /// </summary>
    public static void WriteBlock(Utf8JsonWriter w, string name, Block block, ulong appVersion, BlockJsonFormat format,
        IReadOnlyList<CommitSignature>? lastCommitSignatures = null)
    {
        w.WriteStartObject(name);
        WriteHeader(w, "header", block.Header, appVersion, format);
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
        var lastHeight = block.Header.Height - 1;
        w.WriteInt64String("height", format.ClampLastCommitHeight ? Math.Max(0, lastHeight) : lastHeight);
        w.WriteNumber("round", 0);
        WriteBlockId(w, "block_id", block.Header.LastBlockHash, format);
        CommitMethods.WriteSignatures(w, lastCommitSignatures ?? [], format);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>ResultBlock: <c>{block_id, block}</c>; a missing block gives an empty id and <c>block: null</c>.</summary>
    public static void WriteResultBlock(Utf8JsonWriter w, Block? block, ulong appVersion, IReadOnlyList<CommitSignature>? lastCommitSignatures = null)
    {
        w.WriteStartObject();
        WriteBlockId(w, "block_id", block is null ? [] : block.Hash, BlockJsonFormat.CometBft);
        if (block is null)
        {
            w.WriteNull("block");
        }
        else
        {
            WriteBlock(w, "block", block, appVersion, BlockJsonFormat.CometBft, lastCommitSignatures);
        }
        w.WriteEndObject();
    }

    /// <summary>BlockMeta; <c>block_size</c> counts the tx bytes (the block has no canonical wire encoding here).</summary>
    public static void WriteBlockMeta(Utf8JsonWriter w, Block block, ulong appVersion)
    {
        w.WriteStartObject();
        WriteBlockId(w, "block_id", block.Hash, BlockJsonFormat.CometBft);
        w.WriteInt64String("block_size", block.Txs.Sum(t => (long)t.Length));
        WriteHeader(w, "header", block.Header, appVersion, BlockJsonFormat.CometBft);
        w.WriteInt64String("num_txs", block.Txs.Count);
        w.WriteEndObject();
    }
}
