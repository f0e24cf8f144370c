using MirrorChain.Crypto;
using MirrorChain.Storage;

namespace MirrorChain.Rpc.Tests;

/// <summary>
/// tx_search's cost bound over a real node: work is measured by the blocks and results the search reads from the
/// store (each read is a decode), never by wall time. The node keeps no recent results in memory here (every read
/// decodes, as for blocks older than the ones it keeps), except where a test says otherwise.
/// </summary>
public sealed class TxSearchCostTests : IDisposable
{
    private static readonly Address Test3 = DevnetBankChain.Test3;
    private static readonly BlockTime T0 = DevnetBankChain.T0;
    private const int Blocks = 4;
    private const int TxsPerBlock = 15;

    private readonly DevnetBankNode<CountingStore> _chain = new(new CountingStore(new MemoryKeyValueStore()), new NodeOptions { RecentResultsKept = 0 });
    private readonly PrivateKey _test2 = DevnetBankChain.Test2;

    private ChainNode Node => _chain.Node;

    private NodeRpcBackend Backend => _chain.Backend;

    public void Dispose() => _chain.Dispose();

    private static byte[] Send(ulong sequence, ulong amount) => DevnetBankChain.Send(sequence, amount);

    /// <summary>Blocks × TxsPerBlock sends from test2, all matching message.sender = test2.</summary>
    private void ProduceManyMatches()
    {
        ulong seq = 0;
        for (var b = 0; b < Blocks; b++)
        {
            for (var i = 0; i < TxsPerBlock; i++)
            {
                Assert.Equal(0u, Backend.BroadcastTx(Send(seq, 1 + seq)).Code);
                seq++;
            }
            Node.ProduceBlock(T0.AddNanoseconds(b * 1_000_000_000L));
        }
        Assert.Equal(Blocks, Node.LatestHeight);
        _chain.Store.ResetCounts();
    }

    private string BySender => $"message.sender='{_test2.Address}'";

    [Fact]
    public void TxSearch_with_per_page_1_over_many_matches_reads_one_block_not_every_match()
    {
        ProduceManyMatches();
        var result = Backend.SearchTxs(TxQuery.Parse(BySender), 1, 1, false, CancellationToken.None);

        Assert.Equal(Blocks * TxsPerBlock, result.TotalCount);
        var tx = Assert.Single(result.Txs);
        Assert.Equal((1L, 0), (tx.Height, tx.Index));
        // counting works on index keys; only the returned tx's block and results are decoded (before: one of each per match)
        Assert.Equal(1, _chain.Store.BlockReads);
        Assert.Equal(1, _chain.Store.ResultsReads);
    }

    [Fact]
    public void TxSearch_over_the_latest_blocks_reads_their_results_from_memory_not_the_store()
    {
        using var chain = new DevnetBankNode<CountingStore>(new CountingStore(new MemoryKeyValueStore()));
        ulong seq = 0;
        for (var b = 0; b < Blocks; b++)
        {
            for (var i = 0; i < TxsPerBlock; i++)
            {
                Assert.Equal(0u, chain.Backend.BroadcastTx(Send(seq, 1 + seq)).Code);
                seq++;
            }
            chain.Node.ProduceBlock(T0.AddNanoseconds(b * 1_000_000_000L));
        }
        chain.Store.ResetCounts();

        var result = chain.Backend.SearchTxs(TxQuery.Parse(BySender), 1, 100, true, CancellationToken.None);

        Assert.Equal(Blocks * TxsPerBlock, result.Txs.Count);
        Assert.Equal(Blocks, chain.Store.BlockReads);
        Assert.Equal(0, chain.Store.ResultsReads);
    }

    [Fact]
    public void TxSearch_decodes_each_block_of_the_page_once()
    {
        ProduceManyMatches();
        var result = Backend.SearchTxs(TxQuery.Parse(BySender), 1, 100, true, CancellationToken.None);

        Assert.Equal(Blocks * TxsPerBlock, result.Txs.Count);
        Assert.Equal((long)Blocks, result.Txs[0].Height);
        Assert.Equal(TxsPerBlock - 1, result.Txs[0].Index);
        Assert.Equal(Blocks, _chain.Store.BlockReads);
        Assert.Equal(Blocks, _chain.Store.ResultsReads);
    }

    [Fact]
    public void TxSearch_with_a_condition_needing_events_decodes_results_once_per_block_and_pages_the_rest()
    {
        ProduceManyMatches();
        // CONTAINS is not answered by the index: the results of each candidate block are read, once per block
        var query = TxQuery.Parse($"{BySender} AND transfer.amount CONTAINS 'uluna' AND tx.height >= 2");
        var result = Backend.SearchTxs(query, 2, 10, false, CancellationToken.None);

        Assert.Equal((Blocks - 1) * TxsPerBlock, result.TotalCount);
        Assert.Equal(10, result.Txs.Count);
        Assert.Equal((2L, 10), (result.Txs[0].Height, result.Txs[0].Index)); // matches 10..19: (2, 10..14), (3, 0..4)
        Assert.Equal((3L, 4), (result.Txs[^1].Height, result.Txs[^1].Index));
        // matching: heights 2..4 once each (height 1 is ruled out by its location); the page: heights 2 and 3 once each
        Assert.Equal(Blocks - 1 + 2, _chain.Store.ResultsReads);
        Assert.Equal(2, _chain.Store.BlockReads);
    }

    [Fact]
    public void TxSearch_with_two_indexed_conditions_intersects_on_index_keys()
    {
        ProduceManyMatches();
        var query = TxQuery.Parse($"{BySender} AND transfer.amount='7uluna'");
        var result = Backend.SearchTxs(query, 1, 30, false, CancellationToken.None);

        var tx = Assert.Single(result.Txs);
        Assert.Equal(1, result.TotalCount);
        Assert.Equal((1L, 6), (tx.Height, tx.Index)); // sequence 6 sent 7uluna
        Assert.Equal(1, _chain.Store.BlockReads);
        Assert.Equal(1, _chain.Store.ResultsReads);
    }

    [Fact]
    public void TxSearch_stops_when_its_token_is_cancelled()
    {
        ProduceManyMatches();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            Backend.SearchTxs(TxQuery.Parse(BySender), 1, 30, false, cts.Token));
        Assert.ThrowsAny<OperationCanceledException>(() =>
            Backend.SearchTxs(TxQuery.Parse("tx.height >= 1"), 1, 30, false, cts.Token));
        Assert.Equal(0, _chain.Store.BlockReads);
    }

    [Fact]
    public async Task Broadcast_commit_twice_for_the_same_tx_gives_the_first_caller_the_committed_result()
    {
        var tx = Send(0, 11);
        var first = Backend.BroadcastTxCommitAsync(tx, TimeSpan.FromSeconds(20), CancellationToken.None);
        var second = Backend.BroadcastTxCommitAsync(tx, TimeSpan.FromSeconds(20), CancellationToken.None);
        Node.ProduceBlock(T0);

        var (check1, committed1) = await first;
        var (check2, committed2) = await second;
        Assert.Equal(0u, check1.Code);
        Assert.NotNull(committed1); // before: the second call replaced and then removed the first one's waiter → "timed out"
        Assert.Equal((1L, 0u), (committed1!.Height, committed1.Result.Code));
        // the second caller either waited for the same commit or got its CheckTx verdict (already in the mempool)
        Assert.True(check2.Code != 0 || committed2 is { Height: 1 }, $"second: code {check2.Code} {check2.Log}");
    }

    [Fact]
    public async Task Broadcast_commit_waiters_for_the_same_tx_all_wake_up()
    {
        var tx = Send(0, 12);
        Assert.Equal(0u, Backend.BroadcastTx(tx).Code);
        // both calls find the tx already in the mempool (CheckTx refuses it), so use the waiter table directly
        var waiters = new CommitWaiters();
        var key = Hex.Upper(Hashing.TxHash(tx));
        var a = waiters.Register(key);
        var b = waiters.Register(key);
        waiters.Unregister(key); // one caller leaves; the other must still be woken
        var (block, results) = Node.ProduceBlock(T0);
        waiters.Complete(key, new IndexedTx(Hashing.TxHash(tx), block.Header.Height, 0, tx, results.TxResults[0]));
        Assert.True(a.IsCompleted);
        Assert.Equal(1L, (await b).Height);
        waiters.Unregister(key);
        Assert.True(waiters.IsEmpty);
    }
}
