using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using MirrorChain.LoadGen;

namespace MirrorChain.CrashTest;

/// <summary>
/// Reads the whole chain over JSON-RPC: headers and block ids of heights 1..latest from <c>blockchain</c> (pages of
/// up to 20 metas), and for blocks with txs <c>block</c> (the tx bytes, and the block id once more) and
/// <c>block_results</c> (each tx's ExecTxResult).
/// </summary>
internal static class ChainReader
{
    private const int MetaPage = 20;
    private const int Parallelism = 4;

    public static async Task<IReadOnlyDictionary<long, ChainBlock>> ReadAsync(JsonRpcClient rpc, long latest, CancellationToken ct)
    {
        var metas = new Dictionary<long, (string Hash, string Last, int NumTxs)>();
        for (var max = latest; max >= 1;)
        {
            var min = Math.Max(1, max - MetaPage + 1);
            var result = await rpc.CallAsync("blockchain", $$"""{"minHeight":"{{Str(min)}}","maxHeight":"{{Str(max)}}"}""", ct).ConfigureAwait(false);
            var lowest = max + 1;
            foreach (var meta in result.GetProperty("block_metas").EnumerateArray())
            {
                var header = meta.GetProperty("header");
                var height = NodeQueries.Int64(header.GetProperty("height"));
                metas[height] = (
                    meta.GetProperty("block_id").GetProperty("hash").GetString() ?? "",
                    header.GetProperty("last_block_id").GetProperty("hash").GetString() ?? "",
                    (int)NodeQueries.Int64(meta.GetProperty("num_txs")));
                lowest = Math.Min(lowest, height);
            }
            if (lowest > max)
            {
                break; // an empty page: the contiguity check reports the missing heights
            }
            max = Math.Min(min, lowest) - 1;
        }

        var blocks = new System.Collections.Concurrent.ConcurrentDictionary<long, ChainBlock>();
        await Parallel.ForEachAsync(metas, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (kv, token) =>
        {
            var (height, meta) = (kv.Key, kv.Value);
            if (meta.NumTxs == 0)
            {
                blocks[height] = new ChainBlock(height, meta.Hash, meta.Last, [], []);
                return;
            }
            blocks[height] = await ReadBlockAsync(rpc, height, meta.Hash, token).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return blocks;
    }

    private static async Task<ChainBlock> ReadBlockAsync(JsonRpcClient rpc, long height, string metaHash, CancellationToken ct)
    {
        var param = $$"""{"height":"{{Str(height)}}"}""";
        var block = await rpc.CallAsync("block", param, ct).ConfigureAwait(false);
        var results = await rpc.CallAsync("block_results", param, ct).ConfigureAwait(false);
        var hash = block.GetProperty("block_id").GetProperty("hash").GetString() ?? "";
        var header = block.GetProperty("block").GetProperty("header");
        var txs = block.GetProperty("block").GetProperty("data").TryGetProperty("txs", out var t) && t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Select(e => Convert.ToHexString(SHA256.HashData(e.GetBytesFromBase64()))).ToList()
            : [];
        var txResults = results.TryGetProperty("txs_results", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(e => e.GetRawText()).ToList()
            : [];
        // A disagreement between blockchain and block shows up as a hash mismatch in the chain check.
        return new ChainBlock(
            height,
            hash == metaHash ? hash : $"{metaHash} (block says {hash})",
            header.GetProperty("last_block_id").GetProperty("hash").GetString() ?? "",
            txs,
            txResults);
    }

    private static string Str(long n) => n.ToString(CultureInfo.InvariantCulture);
}
