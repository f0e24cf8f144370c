using System.Text.Json;
using MirrorChain.Node;

namespace MirrorChain.Rpc;

/// <summary><c>block</c>, <c>block_by_hash</c>, <c>header</c>, <c>header_by_hash</c>, <c>block_results</c>, <c>blockchain</c>.</summary>
internal sealed class BlockMethods(IRpcBackend backend)
{
    /// <summary>ResultBlock with <c>last_commit</c> carrying the previous block's commit signatures.</summary>
    public static void WriteResultBlock(Utf8JsonWriter w, IRpcBackend backend, Block? block) =>
        BlockJson.WriteResultBlock(w, block, backend.AppProtocolVersion,
            block is null || block.Header.Height <= 1 ? null : backend.CommitSignatures(block.Header.Height - 1));

    public void Register(RpcMethodTable table)
    {
        table.Add("block", ["height"], (args, w) =>
            WriteResultBlock(w, backend, backend.GetBlock(ResolveHeight(args))));
        table.Add("block_by_hash", ["hash"], (args, w) => WriteResultBlock(w, backend, BlockByHash(args)));
        table.Add("header", ["height"], (args, w) => WriteResultHeader(w, backend.GetBlock(ResolveHeight(args))));
        table.Add("header_by_hash", ["hash"], (args, w) => WriteResultHeader(w, BlockByHash(args)));
        table.Add("block_results", ["height"], BlockResults);
        table.Add("blockchain", ["minHeight", "maxHeight"], Blockchain);
    }

    private long ResolveHeight(RpcParams args) =>
        Heights.Resolve(args.Int64("height"), backend.LatestHeight, backend.EarliestHeight);

    private Block? BlockByHash(RpcParams args)
    {
        var hash = args.RequiredBase64Bytes("hash");
        return backend.GetHeightByBlockHash(hash) is { } h ? backend.GetBlock(h) : null;
    }

    private void WriteResultHeader(Utf8JsonWriter w, Block? block)
    {
        w.WriteStartObject();
        if (block is null)
        {
            w.WriteNull("header");
        }
        else
        {
            BlockJson.WriteHeader(w, "header", block.Header, backend.AppProtocolVersion, BlockJsonFormat.CometBft);
        }
        w.WriteEndObject();
    }

    private void BlockResults(RpcParams args, Utf8JsonWriter w)
    {
        var height = ResolveHeight(args);
        var results = backend.GetBlockResults(height)
            ?? throw RpcException.Internal($"could not find results for height #{Heights.Str(height)}");
        w.WriteStartObject();
        w.WriteInt64String("height", results.Height);
        w.WriteStartArray("txs_results");
        foreach (var r in results.TxResults)
        {
            TxJson.WriteExecTxResult(w, r);
        }
        w.WriteEndArray();
        w.WriteStartArray("finalize_block_events");
        w.WriteEndArray();
        w.WriteStartArray("validator_updates");
        w.WriteEndArray();
        w.WriteNull("consensus_param_updates");
        w.WriteBase64String("app_hash", results.AppHash);
        w.WriteEndObject();
    }

    /// <summary>Block metas from maxHeight down to minHeight, at most 20; 0 means "from the first" / "up to the latest".</summary>
    private void Blockchain(RpcParams args, Utf8JsonWriter w)
    {
        var min = args.Int64("minHeight") ?? 0;
        var max = args.Int64("maxHeight") ?? 0;
        var latest = backend.LatestHeight;
        if (min < 0 || max < 0)
        {
            throw RpcException.Internal("heights must be non-negative");
        }
        if (min == 0)
        {
            min = 1;
        }
        if (max == 0)
        {
            max = latest;
        }
        max = Math.Min(latest, max);
        min = Math.Max(backend.EarliestHeight, min);
        min = Math.Max(min, max - CometBft.MaxBlockchainMetas + 1);
        if (min > max)
        {
            throw RpcException.Internal($"min height {Heights.Str(min)} can't be greater than max height {Heights.Str(max)}");
        }
        w.WriteStartObject();
        w.WriteInt64String("last_height", latest);
        w.WriteStartArray("block_metas");
        for (var h = max; h >= min; h--)
        {
            if (backend.GetBlock(h) is { } block)
            {
                BlockJson.WriteBlockMeta(w, block, backend.AppProtocolVersion);
            }
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
