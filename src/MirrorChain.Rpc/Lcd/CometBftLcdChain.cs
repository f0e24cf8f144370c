using System.Globalization;
using System.Text.Json;
using MirrorChain.Core;
using MirrorChain.Rpc.Remote;

namespace MirrorChain.Rpc.Lcd;

/// <summary>
/// Blocks, txs, broadcasts and node status from CometBFT's JSON-RPC, for the LCD of a node that runs as CometBFT's
/// ABCI application: the calls the Cosmos SDK's REST server makes through its RPC client (x/auth/tx/service.go
/// <c>GetTx</c>, <c>GetTxsEvent</c>, <c>BroadcastTx</c>; client/grpc/cmtservice <c>GetNodeInfo</c>,
/// <c>GetSyncing</c>, <c>GetLatestBlock</c>, <c>GetBlockByHeight</c>). A CometBFT that cannot be reached gives HTTP
/// 503 (<c>Unavailable</c>), one that does not answer in time 504 (<c>DeadlineExceeded</c>), and a JSON-RPC error is
/// passed on with CometBFT's code, message and data; every message names the CometBFT address.
/// </summary>
public sealed class CometBftLcdChain(CometBftRpcClient client) : ILcdChain
{
    public async ValueTask<long> LatestHeightAsync(CancellationToken ct) =>
        Read("status", CometBftJson.LatestBlockHeight, await CallAsync("status", null, ct).ConfigureAwait(false));

    /// <summary>CometBFT answers a tx it does not have with an error whose data says "not found" (rpc/core/tx.go).</summary>
    public async ValueTask<IndexedTx?> GetTxAsync(byte[] hash, CancellationToken ct)
    {
        JsonElement result;
        try
        {
            result = await client.CallAsync("tx", w =>
            {
                w.WriteBase64String("hash", hash);
                w.WriteBoolean("prove", false);
            }, ct).ConfigureAwait(false);
        }
        catch (CometBftRpcException e) when (e.Failure == CometBftRpcFailure.RpcError && e.RpcData.Contains("not found", StringComparison.Ordinal))
        {
            return null;
        }
        catch (CometBftRpcException e)
        {
            throw ToLcd(e);
        }
        return Read("tx", CometBftJson.ResultTx, result);
    }

    public async ValueTask<TxSearchResult> SearchTxsAsync(TxQuery query, int page, int perPage, bool descending, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var result = await CallAsync("tx_search", w =>
        {
            w.WriteString("query", query.Text);
            w.WriteBoolean("prove", false);
            w.WriteString("page", page.ToString(CultureInfo.InvariantCulture));
            w.WriteString("per_page", perPage.ToString(CultureInfo.InvariantCulture));
            w.WriteString("order_by", descending ? "desc" : "asc");
        }, ct).ConfigureAwait(false);
        return Read("tx_search", r =>
        {
            var txs = CometBftJson.Array(CometBftJson.Property(r, "txs"), "txs").Select(CometBftJson.ResultTx).ToList();
            return new TxSearchResult(txs, checked((int)CometBftJson.Int64(r, "total_count")));
        }, result);
    }

    /// <summary>From <c>header</c> (the header alone, not the block with its txs).</summary>
    public async ValueTask<BlockTime?> BlockTimeAsync(long height, CancellationToken ct)
    {
        var result = await CallAsync("header", w => w.WriteString("height", height.ToString(CultureInfo.InvariantCulture)), ct).ConfigureAwait(false);
        return Read("header", r => CometBftJson.Time(CometBftJson.Property(CometBftJson.Property(r, "header"), "time")), result);
    }

    public async ValueTask<CheckTxResult> BroadcastTxAsync(byte[] tx, bool async, CancellationToken ct)
    {
        var method = async ? "broadcast_tx_async" : "broadcast_tx_sync";
        var result = await CallAsync(method, w => w.WriteBase64String("tx", tx), ct).ConfigureAwait(false);
        return Read(method, CometBftJson.ResultBroadcastTx, result);
    }

    /// <summary>
    /// broadcast_tx_commit: CometBFT itself waits (config.toml <c>timeout_broadcast_tx_commit</c>) and answers its
    /// timeout with an error, passed on as <c>DeadlineExceeded</c>. The tx's position in its block is not in that
    /// answer and is not needed for the TxResponse.
    /// </summary>
    public async ValueTask<(CheckTxResult Check, IndexedTx? Committed)> BroadcastTxCommitAsync(byte[] tx, TimeSpan timeout, CancellationToken ct)
    {
        var hash = Hashing.TxHash(tx);
        JsonElement result;
        try
        {
            result = await client.CallAsync("broadcast_tx_commit", w => w.WriteBase64String("tx", tx), ct, timeout + client.Timeout).ConfigureAwait(false);
        }
        catch (CometBftRpcException e) when (e.Failure == CometBftRpcFailure.RpcError && e.Message.Contains("timed out waiting for tx", StringComparison.Ordinal))
        {
            throw new LcdException(GrpcCode.DeadlineExceeded,
                $"timed out waiting for tx {Hex.Upper(hash)} to be included in a block; it may still be committed later ({e.Message})");
        }
        catch (CometBftRpcException e)
        {
            throw ToLcd(e);
        }
        return Read("broadcast_tx_commit", r =>
        {
            var check = CometBftJson.CheckTx(CometBftJson.Property(r, "check_tx"), hash);
            var height = CometBftJson.Int64(r, "height");
            if (check.Code != 0 || height <= 0)
            {
                return (check, (IndexedTx?)null);
            }
            return (check, new IndexedTx(hash, height, 0, tx, CometBftJson.ExecTxResult(CometBftJson.Property(r, "tx_result"))));
        }, result);
    }

    public async ValueTask<bool> WriteBlockAsync(Utf8JsonWriter w, long height, CancellationToken ct)
    {
        var result = await CallAsync("block", p => p.WriteString("height", height.ToString(CultureInfo.InvariantCulture)), ct).ConfigureAwait(false);
        if (result.ValueKind == JsonValueKind.Object && result.TryGetProperty("block", out var block) && block.ValueKind == JsonValueKind.Null)
        {
            return false;
        }
        Read("block", r =>
        {
            GatewayJson.WriteGetBlockResponse(w, r);
            return true;
        }, result);
        return true;
    }

    public async ValueTask WriteNodeInfoAsync(Utf8JsonWriter w, string name, CancellationToken ct)
    {
        var status = await CallAsync("status", null, ct).ConfigureAwait(false);
        Read("status", s =>
        {
            GatewayJson.WriteDefaultNodeInfo(w, name, CometBftJson.Property(s, "node_info"));
            return true;
        }, status);
    }

    public async ValueTask<bool> SyncingAsync(CancellationToken ct) =>
        Read("status", CometBftJson.CatchingUp, await CallAsync("status", null, ct).ConfigureAwait(false));

    private async Task<JsonElement> CallAsync(string method, Action<Utf8JsonWriter>? writeParams, CancellationToken ct)
    {
        try
        {
            return await client.CallAsync(method, writeParams, ct).ConfigureAwait(false);
        }
        catch (CometBftRpcException e)
        {
            throw ToLcd(e);
        }
    }

    private T Read<T>(string method, Func<JsonElement, T> read, JsonElement result)
    {
        try
        {
            return read(result);
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidOperationException)
        {
            throw ToLcd(new CometBftRpcException(CometBftRpcFailure.BadAnswer,
                $"CometBFT RPC at {client.DisplayAddress} gave an answer to {method} that is not CometBFT 0.38's: {e.Message}", e));
        }
    }

    /// <summary>
    /// The gateway error for a failed call: unreachable → 503 Unavailable, timeout → 504 DeadlineExceeded, invalid
    /// params → 400 InvalidArgument, another JSON-RPC error → 500 Unknown (as the SDK returns the RPC client's error
    /// unchanged), an answer of the wrong shape → 500 Internal.
    /// </summary>
    public static LcdException ToLcd(CometBftRpcException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var code = e.Failure switch
        {
            CometBftRpcFailure.Unreachable => GrpcCode.Unavailable,
            CometBftRpcFailure.Timeout => GrpcCode.DeadlineExceeded,
            CometBftRpcFailure.RpcError when e.RpcCode == -32602 => GrpcCode.InvalidArgument,
            CometBftRpcFailure.RpcError => GrpcCode.Unknown,
            _ => GrpcCode.Internal,
        };
        return new LcdException(code, e.Message);
    }
}
