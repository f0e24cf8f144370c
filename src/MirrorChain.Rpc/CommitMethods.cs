using System.Text.Json;

namespace MirrorChain.Rpc;

/// <summary>
/// <c>validators</c> and <c>commit</c> (CometBFT rpc/core/consensus.go <c>Validators</c>, rpc/core/blocks.go
/// <c>Commit</c>). The validator set is <see cref="IRpcBackend.ValidatorsAt"/>; a commit's signatures come from
/// <see cref="IRpcBackend.CommitSignatures"/> (none for an unsigned block; docs/signed-commits.md).
/// </summary>
internal sealed class CommitMethods(IRpcBackend backend)
{
    public void Register(RpcMethodTable table)
    {
        table.Add("validators", ["height", "page", "per_page"], Validators);
        table.Add("commit", ["height"], Commit);
    }

    /// <summary>
    /// The set at a height up to the next, uncommitted one (the default, as CometBFT: the latest set it knows is the
    /// next validators of the last block), paged like tx_search: per_page 30 by default, at most 100.
    /// </summary>
    private void Validators(RpcParams args, Utf8JsonWriter w)
    {
        var height = Heights.Resolve(args.Int64("height"), backend.LatestHeight + 1, Math.Max(1, backend.EarliestHeight));
        var all = backend.ValidatorsAt(height);
        var perPage = Heights.PerPage(args.Int32("per_page"));
        var page = Heights.Page(args.Int32("page"), perPage, all.Count);
        var skip = (page - 1) * perPage;
        var slice = all.Skip(skip).Take(perPage).ToList();
        w.WriteStartObject();
        w.WriteInt64String("block_height", height);
        w.WriteStartArray("validators");
        foreach (var v in slice)
        {
            WriteValidator(w, v);
        }
        w.WriteEndArray();
        w.WriteInt64String("count", slice.Count);
        w.WriteInt64String("total", all.Count);
        w.WriteEndObject();
    }

    public static void WriteValidator(Utf8JsonWriter w, RpcValidator v)
    {
        w.WriteStartObject();
        w.WriteHex("address", v.Address);
        w.WriteStartObject("pub_key");
        w.WriteString("type", v.PubKeyType);
        w.WriteBase64String("value", v.PubKey);
        w.WriteEndObject();
        w.WriteInt64String("voting_power", v.VotingPower);
        w.WriteInt64String("proposer_priority", v.ProposerPriority);
        w.WriteEndObject();
    }

    /// <summary>
    /// <c>{signed_header: {header, commit}, canonical}</c>: the latest block's commit is the node's "seen" commit
    /// (canonical false), an earlier one is the commit block h+1 carries (canonical true). Before the first block
    /// the answer is null, as CometBFT's when the block meta is missing.
    /// </summary>
    private void Commit(RpcParams args, Utf8JsonWriter w)
    {
        var latest = backend.LatestHeight;
        var height = Heights.Resolve(args.Int64("height"), latest, backend.EarliestHeight);
        if (backend.GetBlock(height) is not { } block)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        w.WriteStartObject("signed_header");
        BlockJson.WriteHeader(w, "header", block.Header, backend.AppProtocolVersion, BlockJsonFormat.CometBft);
        w.WriteStartObject("commit");
        w.WriteInt64String("height", height);
        w.WriteNumber("round", 0);
        BlockJson.WriteBlockId(w, "block_id", block.Hash, BlockJsonFormat.CometBft);
        WriteSignatures(w, backend.CommitSignatures(height), BlockJsonFormat.CometBft);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteBoolean("canonical", height < latest);
        w.WriteEndObject();
    }

    /// <summary><c>signatures</c>: CommitSig JSON (an absent vote has no address, the zero time and a null signature).</summary>
    public static void WriteSignatures(Utf8JsonWriter w, IReadOnlyList<CommitSignature> signatures, BlockJsonFormat format)
    {
        w.WriteStartArray("signatures");
        foreach (var s in signatures)
        {
            w.WriteStartObject();
            format.WriteBlockIdFlag(w, s.BlockIdFlag);
            format.WriteBytes(w, "validator_address", s.ValidatorAddress);
            w.WriteString("timestamp", s.Timestamp.ToRfc3339());
            w.WriteBase64OrNull("signature", s.Signature);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
