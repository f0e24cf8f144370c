using System.Globalization;
using MirrorChain.LoadGen;

namespace MirrorChain.CrashTest;

/// <summary>
/// tx_search over the event index: the node writes a block's event keys after the block's commit (its event indexer,
/// repaired from the stored results when the node starts), so a kill between the two must not lose a tx for tx_search.
/// Every tx of the test sends to one recipient, so one query, <c>transfer.recipient='…'</c>, must find them all.
/// </summary>
internal static class EventSearch
{
    private const int PerPage = 100;

    /// <summary>(height, index) of every tx tx_search finds for <paramref name="query"/>, paging through all of them.</summary>
    public static async Task<HashSet<(long Height, int Index)>> FindAsync(JsonRpcClient rpc, string query, CancellationToken ct)
    {
        var found = new HashSet<(long, int)>();
        for (var page = 1; ; page++)
        {
            var r = await rpc.CallAsync("tx_search",
                $$"""{"query":"{{query}}","page":"{{page.ToString(CultureInfo.InvariantCulture)}}","per_page":"{{PerPage.ToString(CultureInfo.InvariantCulture)}}","order_by":"asc"}""",
                ct).ConfigureAwait(false);
            var txs = r.GetProperty("txs");
            foreach (var tx in txs.EnumerateArray())
            {
                found.Add((NodeQueries.Int64(tx.GetProperty("height")), (int)tx.GetProperty("index").GetInt64()));
            }
            var total = NodeQueries.Int64(r.GetProperty("total_count"));
            if ((long)page * PerPage >= total || txs.GetArrayLength() == 0)
            {
                return found;
            }
        }
    }

    /// <summary>One problem per committed tx (with a known index) that tx_search by the recipient does not find where it is.</summary>
    public static List<(string Hash, string Problem)> Missing(IReadOnlyList<CommittedTx> committed, IReadOnlySet<(long Height, int Index)> found) =>
        [.. committed.Where(tx => tx.Index >= 0 && !found.Contains((tx.Height, tx.Index)))
            .Select(tx => (tx.Hash, $"tx {tx.Hash} ({tx.Sender} sequence {tx.Sequence}) at height {tx.Height} index {tx.Index}: tx_search by its transfer.recipient event does not find it"))];

    public static async Task<List<(string Hash, string Problem)>> CheckAsync(JsonRpcClient rpc, IReadOnlyList<CommittedTx> committed, CancellationToken ct)
    {
        try
        {
            return Missing(committed, await FindAsync(rpc, $"transfer.recipient='{LoadSender.Recipient}'", ct).ConfigureAwait(false));
        }
        catch (JsonRpcException e)
        {
            return [("tx_search", $"tx_search by transfer.recipient failed: {e.Message}")];
        }
    }
}
