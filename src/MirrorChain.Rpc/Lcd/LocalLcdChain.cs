using System.Text.Json;
using MirrorChain.Core;

namespace MirrorChain.Rpc.Lcd;

/// <summary>The node's own blocks, txs and mempool (the devnet, whose node also orders the blocks).</summary>
public sealed class LocalLcdChain(IRpcBackend backend) : ILcdChain
{
    public ValueTask<long> LatestHeightAsync(CancellationToken ct) => ValueTask.FromResult(backend.LatestHeight);

    public ValueTask<IndexedTx?> GetTxAsync(byte[] hash, CancellationToken ct) => ValueTask.FromResult(backend.GetTx(hash));

    public ValueTask<TxSearchResult> SearchTxsAsync(TxQuery query, int page, int perPage, bool descending, CancellationToken ct)
    {
        try
        {
            return ValueTask.FromResult(backend.SearchTxs(query, page, perPage, descending, ct));
        }
        catch (RpcException e)
        {
            throw new LcdException(GrpcCode.Unavailable, e.ErrorData); // the event index is still catching up
        }
    }

    public ValueTask<BlockTime?> BlockTimeAsync(long height, CancellationToken ct) => ValueTask.FromResult(backend.GetBlock(height)?.Header.Time);

    /// <summary>Both modes run CheckTx before answering (the node admits to its mempool synchronously).</summary>
    public ValueTask<CheckTxResult> BroadcastTxAsync(byte[] tx, bool async, CancellationToken ct) => ValueTask.FromResult(backend.BroadcastTx(tx));

    public async ValueTask<(CheckTxResult Check, IndexedTx? Committed)> BroadcastTxCommitAsync(byte[] tx, TimeSpan timeout, CancellationToken ct) =>
        await backend.BroadcastTxCommitAsync(tx, timeout, ct).ConfigureAwait(false);

    public ValueTask<bool> WriteBlockAsync(Utf8JsonWriter w, long height, CancellationToken ct)
    {
        if (backend.GetBlock(height) is not { } block)
        {
            return ValueTask.FromResult(false);
        }
        LcdBlockJson.WriteGetBlockResponse(w, block, backend.AppProtocolVersion, backend.CommitSignatures(height - 1));
        return ValueTask.FromResult(true);
    }

    public ValueTask WriteNodeInfoAsync(Utf8JsonWriter w, string name, CancellationToken ct)
    {
        NodeInfoJson.Write(w, name, backend, gateway: true);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> SyncingAsync(CancellationToken ct) => ValueTask.FromResult(false);
}
