using System.Text.Json;
using MirrorChain.Core;

namespace MirrorChain.Rpc.Lcd;

/// <summary>
/// Where the LCD reads blocks, txs and node status, and where it sends broadcasts. State queries (auth, bank, wasm,
/// simulate) never go through it: they run against the local application through <see cref="IRpcBackend.Query"/>,
/// as the Cosmos SDK's gateway queries its own app. <see cref="LocalLcdChain"/> serves these from the node itself (the
/// devnet); <see cref="CometBftLcdChain"/> from CometBFT's RPC, as the SDK's REST server does through its client/rpc
/// (x/auth/tx/service.go, client/grpc/cmtservice). Failures are <see cref="LcdException"/>s.
/// </summary>
public interface ILcdChain
{
    /// <summary>Height of the latest block (status <c>latest_block_height</c>).</summary>
    ValueTask<long> LatestHeightAsync(CancellationToken ct);

    /// <summary>A committed tx by hash; null when there is none.</summary>
    ValueTask<IndexedTx?> GetTxAsync(byte[] hash, CancellationToken ct);

    /// <summary>tx_search with a parsed query; <paramref name="page"/> is 1-based.</summary>
    ValueTask<TxSearchResult> SearchTxsAsync(TxQuery query, int page, int perPage, bool descending, CancellationToken ct);

    /// <summary>The time of block <paramref name="height"/> (for a tx response's <c>timestamp</c>); null when unknown.</summary>
    ValueTask<BlockTime?> BlockTimeAsync(long height, CancellationToken ct);

    /// <summary>BROADCAST_MODE_SYNC (<paramref name="async"/> false: the CheckTx answer) or _ASYNC.</summary>
    ValueTask<CheckTxResult> BroadcastTxAsync(byte[] tx, bool async, CancellationToken ct);

    /// <summary>BROADCAST_MODE_BLOCK / _COMMIT: CheckTx, then the committed tx, or null when it was not included in time.</summary>
    ValueTask<(CheckTxResult Check, IndexedTx? Committed)> BroadcastTxCommitAsync(byte[] tx, TimeSpan timeout, CancellationToken ct);

    /// <summary>Writes GetBlockByHeightResponse for <paramref name="height"/> (≥ 1 and ≤ the latest height); false when the block is missing.</summary>
    ValueTask<bool> WriteBlockAsync(Utf8JsonWriter w, long height, CancellationToken ct);

    /// <summary>Writes the gateway's <c>default_node_info</c> as the property <paramref name="name"/>.</summary>
    ValueTask WriteNodeInfoAsync(Utf8JsonWriter w, string name, CancellationToken ct);

    /// <summary>Whether the node is still catching up (status <c>sync_info.catching_up</c>).</summary>
    ValueTask<bool> SyncingAsync(CancellationToken ct);
}
