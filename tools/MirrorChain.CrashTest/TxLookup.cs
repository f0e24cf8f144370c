using System.Collections.Concurrent;
using MirrorChain.LoadGen;

namespace MirrorChain.CrashTest;

/// <summary>The <c>tx</c> RPC: where the node's tx index says a tx is, and its result.</summary>
internal static class TxLookup
{
    private const int Parallelism = 4;

    /// <summary>(height, index, ExecTxResult JSON), or null when the node answers "not found".</summary>
    public static async Task<(long Height, int Index, string ResultJson)?> FindAsync(JsonRpcClient rpc, string hashHex, CancellationToken ct)
    {
        var hash = Convert.ToBase64String(Convert.FromHexString(hashHex));
        try
        {
            var r = await rpc.CallAsync("tx", $$"""{"hash":"{{hash}}"}""", ct).ConfigureAwait(false);
            return (NodeQueries.Int64(r.GetProperty("height")), (int)r.GetProperty("index").GetInt64(), r.GetProperty("tx_result").GetRawText());
        }
        catch (JsonRpcException e) when (e.Message.Contains("not found", StringComparison.Ordinal))
        {
            return null;
        }
    }

    /// <summary>Every committed tx, looked up by hash: same height, index and result as recorded. One problem per tx that differs.</summary>
    public static async Task<List<(string Hash, string Problem)>> CheckAsync(JsonRpcClient rpc, IReadOnlyList<CommittedTx> committed, CancellationToken ct)
    {
        var problems = new ConcurrentBag<(string, string)>();
        await Parallel.ForEachAsync(committed, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (tx, token) =>
        {
            var found = await FindAsync(rpc, tx.Hash, token).ConfigureAwait(false);
            var what = $"tx {tx.Hash} ({tx.Sender} sequence {tx.Sequence}, seen at height {tx.Height})";
            if (found is not { } f)
            {
                problems.Add((tx.Hash, $"{what}: the tx RPC does not find it"));
            }
            else if (f.Height != tx.Height || (tx.Index >= 0 && f.Index != tx.Index))
            {
                problems.Add((tx.Hash, $"{what}: the tx RPC says height {f.Height} index {f.Index}"));
            }
            else if (!string.Equals(f.ResultJson, tx.ResultJson, StringComparison.Ordinal))
            {
                problems.Add((tx.Hash, $"{what}: the tx RPC shows another result"));
            }
        }).ConfigureAwait(false);
        return [.. problems];
    }
}
