using MirrorChain.Core;
using MirrorChain.Node;
using MirrorChain.Tx;

namespace MirrorChain.Rpc;

/// <summary>
/// Serves the JSON-RPC from a <see cref="ChainNode"/>: reads from its block store and committed state, CheckTx and
/// mempool admission through <see cref="ChainNode.SubmitTx"/>, and broadcast_tx_commit waits on block commits.
/// </summary>
public sealed class NodeRpcBackend : IRpcBackend, IRpcEventSource, IDisposable
{
    /// <summary>abci_query path for raw state reads with Merkle proofs: data = the state key.</summary>
    public const string StoreKeyPath = "/store/state/key";

    /// <summary>Most blocks a tx_search scans when no index narrows it down.</summary>
    public const int MaxScanBlocks = 100_000;

    private readonly ChainNode _node;
    private readonly CommitWaiters _commitWaiters = new();

    public NodeRpcBackend(ChainNode node, string moniker, string nodeId, string rpcListenAddress)
    {
        _node = node;
        Moniker = moniker;
        NodeId = nodeId;
        RpcListenAddress = rpcListenAddress;
        _node.BlockCommitted += OnBlockCommitted;
    }

    /// <summary>The node's <see cref="ChainNode.BlockCommitted"/>, for the WebSocket subscriptions.</summary>
    public event Action<Block, BlockResults>? BlockCommitted
    {
        add => _node.BlockCommitted += value;
        remove => _node.BlockCommitted -= value;
    }

    public string ChainId => _node.Genesis.ChainId;

    public string Moniker { get; }

    public string NodeId { get; }

    public byte[] ValidatorAddress => _node.Genesis.Validators[0].Address;

    public byte[] ValidatorPubKey => _node.Genesis.Validators[0].PubKey;

    public string ValidatorPubKeyType => _node.Genesis.Validators[0].PubKeyType;

    public long ValidatorVotingPower => _node.Genesis.Validators[0].Power;

    public string RpcListenAddress { get; }

    /// <summary>
    /// How long a tx_search with an event condition waits for the event indexer to reach the height that was the
    /// latest when the search arrived (the index is written just after each block's commit, and caught up from the
    /// stored results after a restart). Past it the search fails with an error naming both heights, never a
    /// silently short answer.
    /// </summary>
    public TimeSpan IndexWaitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public long LatestHeight => _node.LatestHeight;

    public long EarliestHeight => _node.LatestHeight > 0 ? 1 : 0;

    public byte[] LatestAppHash => _node.LatestAppHash;

    public string GenesisJson => _node.Genesis.RawJson;

    public int UnconfirmedTxCount => _node.Mempool.Count;

    public long UnconfirmedTxBytes => _node.Mempool.Bytes;

    public IReadOnlyList<byte[]> UnconfirmedTxs(int limit) => _node.Mempool.Snapshot(limit).Select(t => t.Bytes).ToList();

    public Block? GetBlock(long height) => height >= 1 && height <= _node.LatestHeight ? _node.Blocks.GetBlock(height) : null;

    public BlockResults? GetBlockResults(long height) => height >= 1 && height <= _node.LatestHeight ? _node.Blocks.GetResults(height) : null;

    public long? GetHeightByBlockHash(byte[] hash) => _node.Blocks.GetHeightByBlockHash(hash);

    /// <summary>The validator's stored precommit signature of the block (block_id_flag 2 = COMMIT), none for an unsigned block.</summary>
    public IReadOnlyList<CommitSignature> CommitSignatures(long height) =>
        height >= 1 && height <= _node.LatestHeight && _node.Blocks.GetSignature(height) is { } s
            ? [new CommitSignature(2, s.ValidatorAddress, s.Timestamp, s.Signature)]
            : [];

    public IndexedTx? GetTx(byte[] hash) => _node.Blocks.GetTxLocation(hash) is { } loc ? Load(loc.Height, loc.Index) : null;

    public TxSearchResult SearchTxs(string query, int page, int perPage, bool descending) =>
        SearchTxs(TxQuery.Parse(query), page, perPage, descending);

    public TxSearchResult SearchTxs(TxQuery query, int page, int perPage, bool descending) =>
        SearchTxs(query, page, perPage, descending, CancellationToken.None);

    /// <summary>
    /// Pages over index keys and loads only the page (<see cref="TxSearcher"/>); <paramref name="ct"/> (the client's
    /// connection) is checked while scanning, so an abandoned search stops. A query with an event condition first
    /// waits (at most <see cref="IndexWaitTimeout"/>) until the event index covers the latest height at the time of
    /// the request, and then searches up to that height: a tx committed before the search (e.g. by a
    /// broadcast_tx_commit that has returned) is always found, and the answer is that of one height.
    /// </summary>
    public TxSearchResult SearchTxs(TxQuery query, int page, int perPage, bool descending, CancellationToken ct)
    {
        var latest = _node.LatestHeight;
        if (_node.Indexer is { } indexer && query.Conditions.Any(TxQuery.IsIndexed) && !indexer.WaitForHeight(latest, IndexWaitTimeout, ct))
        {
            throw RpcException.Internal(
                $"the tx event index is at height {indexer.IndexedHeight}, behind the latest height {latest} (the node is still indexing recent blocks); retry later");
        }
        return new TxSearcher(_node.Blocks, latest, MaxScanBlocks).Search(query, page, perPage, descending, ct);
    }

    private IndexedTx? Load(long height, int index)
    {
        var block = _node.Blocks.GetBlock(height);
        var results = _node.Blocks.GetResults(height);
        if (block is null || results is null || index >= block.Txs.Count)
        {
            return null;
        }
        return new IndexedTx(Hashing.TxHash(block.Txs[index]), height, index, block.Txs[index], results.TxResults[index]);
    }

    public CheckTxResult BroadcastTx(byte[] tx) => BroadcastTx(new TxEnvelope(tx));

    /// <summary>One hash per broadcast: the envelope's, for the answer, the waiter and the node.</summary>
    private CheckTxResult BroadcastTx(TxEnvelope tx) => CheckTxResult.From(_node.Submit(tx), tx.HashBytes);

    public async Task<(CheckTxResult Check, IndexedTx? Committed)> BroadcastTxCommitAsync(byte[] tx, TimeSpan timeout, CancellationToken ct)
    {
        var envelope = new TxEnvelope(tx);
        var key = envelope.Hash;
        var waiter = _commitWaiters.Register(key); // registered before CheckTx so a fast block cannot be missed
        try
        {
            var check = BroadcastTx(envelope);
            if (check.Code != 0)
            {
                return (check, null);
            }
            try
            {
                var committed = await waiter.WaitAsync(timeout, ct).ConfigureAwait(false);
                return (check, committed);
            }
            catch (TimeoutException)
            {
                return (check, null);
            }
        }
        finally
        {
            _commitWaiters.Unregister(key);
        }
    }

    private void OnBlockCommitted(Block block, BlockResults results)
    {
        if (_commitWaiters.IsEmpty)
        {
            return;
        }
        for (var i = 0; i < block.Txs.Count; i++)
        {
            var hash = Hash32.OfTx(block.Txs[i]); // no allocation unless someone waits for it
            _commitWaiters.Complete(hash, i, (h, index) => new IndexedTx(h.ToArray(), block.Header.Height, index, block.Txs[index], results.TxResults[index]));
        }
    }

    public QueryResult Query(string path, byte[] data, long height, bool prove)
    {
        var latest = _node.LatestHeight;
        if (height < 0 || height > latest)
        {
            return Error(SdkError.InvalidRequest, $"cannot query with height {height}; the latest height is {latest}", height);
        }
        if (path == StoreKeyPath)
        {
            var version = height == 0 ? latest : height;
            var (value, proof) = _node.State.Prove(version, data);
            return new QueryResult
            {
                Key = data,
                Value = value ?? [],
                Height = version,
                ProofOps = prove ? [(MirrorChain.State.MerkleProof.OpType, data, proof.ToBytes())] : null,
            };
        }
        if (height != 0 && height != latest)
        {
            return Error(SdkError.InvalidRequest, $"historical queries are served for {StoreKeyPath} only; query height 0 for the latest state", height);
        }
        var (result, at) = _node.Query(path, data);
        return new QueryResult { Code = result.Code, Codespace = result.Codespace, Log = result.Log, Value = result.Value, Height = at };
    }

    private static QueryResult Error(SdkError e, string context, long height) =>
        new() { Code = e.Code, Codespace = e.Codespace, Log = $"{context}: {e.Description}", Height = height };

    public void Dispose() => _node.BlockCommitted -= OnBlockCommitted;
}
