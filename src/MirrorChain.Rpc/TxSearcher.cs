using MirrorChain.Core;
using MirrorChain.Node;

namespace MirrorChain.Rpc;

/// <summary>
/// tx_search over a <see cref="BlockStore"/> with a cost bound: matching works on locations (height, index) — the
/// event index's keys, one key lookup per further indexed condition — and loads a block's results only when a
/// condition needs the tx's events, and a block only when a condition needs its hash; then only the requested page is
/// loaded, each of its heights decoded once. So <c>per_page=1</c> over thousands of matches reads index keys plus one
/// block, never every block (CometBFT's kv indexer also pages over keys, state/txindex/kv/kv.go).
/// </summary>
internal sealed class TxSearcher(BlockStore blocks, long latestHeight, int maxScanBlocks)
{
    private const int CancelCheckInterval = 256;

    private long _resultsHeight = -1;
    private BlockResults? _results;
    private long _blockHeight = -1;
    private Block? _block;

    public TxSearchResult Search(TxQuery query, int page, int perPage, bool descending, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perPage, 1);
        var indexed = query.Conditions.Where(TxQuery.IsIndexed).ToList();
        var residual = query.Conditions.Where(c => !TxQuery.IsIndexed(c) && c.Tag != TxQuery.HeightTag).ToList();
        var heights = query.Conditions.Where(c => c.Tag == TxQuery.HeightTag).ToList();

        // the first indexed condition supplies the candidates (unless the tx hash does), so it needs no re-check
        var recheck = indexed.Skip(query.TxHash is null && indexed.Count > 0 ? 1 : 0).ToList();
        var matches = new List<(long Height, int Index)>();
        var n = 0;
        foreach (var loc in Candidates(query, indexed, ct))
        {
            if (++n % CancelCheckInterval == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            if (Accepts(loc, recheck, heights, residual))
            {
                matches.Add(loc);
            }
        }
        matches.Sort();
        if (descending)
        {
            matches.Reverse();
        }
        var skip = (long)Math.Max(page - 1, 0) * perPage;
        var pageLocs = skip >= matches.Count ? [] : matches.Skip((int)skip).Take(perPage).ToList();
        ct.ThrowIfCancellationRequested();
        var txs = new List<IndexedTx>(pageLocs.Count);
        foreach (var (h, i) in pageLocs)
        {
            if (Load(h, i) is { } tx)
            {
                txs.Add(tx);
            }
        }
        return new TxSearchResult(txs, matches.Count);
    }

    /// <summary>Ascending locations from the narrowest source: the tx hash, the first indexed condition, or the blocks of the height range.</summary>
    private IEnumerable<(long Height, int Index)> Candidates(TxQuery query, List<TxQueryCondition> indexed, CancellationToken ct)
    {
        if (query.TxHash is { } hash)
        {
            return blocks.GetTxLocation(hash) is { } loc && loc.Height <= latestHeight ? [loc] : [];
        }
        var max = Math.Min(latestHeight, query.MaxHeight <= 0 ? latestHeight : query.MaxHeight);
        var min = Math.Max(1, query.MinHeight);
        if (indexed.Count > 0)
        {
            return blocks.FindByEvent(indexed[0].Tag, indexed[0].Value!.Text, ct)
                .Where(l => l.Height >= min && l.Height <= max)
                .Distinct();
        }
        return Scan(Math.Max(min, max - maxScanBlocks + 1), max, ct);
    }

    private IEnumerable<(long Height, int Index)> Scan(long min, long max, CancellationToken ct)
    {
        for (var h = min; h <= max; h++)
        {
            ct.ThrowIfCancellationRequested();
            var count = ResultsAt(h)?.TxResults.Count ?? 0;
            for (var i = 0; i < count; i++)
            {
                yield return (h, i);
            }
        }
    }

    private bool Accepts((long Height, int Index) loc, List<TxQueryCondition> indexed, List<TxQueryCondition> heights, List<TxQueryCondition> residual)
    {
        var (h, i) = loc;
        foreach (var c in heights)
        {
            if (!TxQuery.Matches(c, new IndexedTx([], h, i, [], EmptyResult)))
            {
                return false;
            }
        }
        foreach (var c in indexed)
        {
            if (!blocks.HasEvent(c.Tag, c.Value!.Text, h, i))
            {
                return false;
            }
        }
        if (residual.Count == 0)
        {
            return true;
        }
        var results = ResultsAt(h);
        if (results is null || i >= results.TxResults.Count)
        {
            return false;
        }
        var hashNeeded = residual.Any(c => c.Tag == TxQuery.HashTag);
        byte[] hash = [];
        byte[] txBytes = [];
        if (hashNeeded)
        {
            var block = BlockAt(h);
            if (block is null || i >= block.Txs.Count)
            {
                return false;
            }
            txBytes = block.Txs[i];
            hash = Hashing.TxHash(txBytes);
        }
        var tx = new IndexedTx(hash, h, i, txBytes, results.TxResults[i]);
        foreach (var c in residual)
        {
            if (!TxQuery.Matches(c, tx))
            {
                return false;
            }
        }
        return true;
    }

    private IndexedTx? Load(long height, int index)
    {
        var block = BlockAt(height);
        var results = ResultsAt(height);
        if (block is null || results is null || index >= block.Txs.Count || index >= results.TxResults.Count)
        {
            return null;
        }
        return new IndexedTx(Hashing.TxHash(block.Txs[index]), height, index, block.Txs[index], results.TxResults[index]);
    }

    // One decoded block and one decoded results at a time: locations arrive in height order, so each height is
    // decoded once per pass.
    private BlockResults? ResultsAt(long height)
    {
        if (_resultsHeight != height)
        {
            _results = height >= 1 && height <= latestHeight ? blocks.GetResults(height) : null;
            _resultsHeight = height;
        }
        return _results;
    }

    private Block? BlockAt(long height)
    {
        if (_blockHeight != height)
        {
            _block = height >= 1 && height <= latestHeight ? blocks.GetBlock(height) : null;
            _blockHeight = height;
        }
        return _block;
    }

    private static readonly MirrorChain.Execution.TxResult EmptyResult = new();
}
