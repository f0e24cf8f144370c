using System.Text.Json;

namespace MirrorChain.Rpc;

/// <summary><c>broadcast_tx_sync</c>, <c>broadcast_tx_async</c>, <c>broadcast_tx_commit</c>.</summary>
internal sealed class BroadcastMethods(IRpcBackend backend, TimeSpan commitTimeout)
{
    /// <summary>Extra time given to a backend that overruns the commit timeout before the RPC gives up on it.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    public void Register(RpcMethodTable table)
    {
        table.Add("broadcast_tx_sync", ["tx"], (args, w) => Broadcast(args, w));
        table.Add("broadcast_tx_async", ["tx"], (args, w) => Broadcast(args, w));
        table.Add("broadcast_tx_commit", ["tx"], CommitAsync);
    }

    /// <summary>
    /// Runs CheckTx (admitting the tx to the mempool when it passes) and answers ResultBroadcastTx. The async
    /// variant answers the same: CheckTx is cheap here, and this way the caller learns of a rejection at once.
    /// <c>data</c> is always "" (cosmjs base64-decodes it although CometBFT writes hex).
    /// </summary>
    private void Broadcast(RpcParams args, Utf8JsonWriter w)
    {
        var tx = args.RequiredBase64Bytes("tx");
        var check = backend.BroadcastTx(tx);
        w.WriteStartObject();
        w.WriteNumber("code", check.Code);
        w.WriteString("data", "");
        w.WriteString("log", check.Log);
        w.WriteString("codespace", check.Codespace);
        w.WriteHex("hash", check.Hash);
        w.WriteEndObject();
    }

    private async ValueTask CommitAsync(RpcParams args, Utf8JsonWriter w, CancellationToken ct)
    {
        var tx = args.RequiredBase64Bytes("tx");
        CheckTxResult check;
        IndexedTx? committed;
        try
        {
            var limit = commitTimeout >= TimeSpan.FromDays(1) ? Timeout.InfiniteTimeSpan : commitTimeout + Grace;
            (check, committed) = await backend.BroadcastTxCommitAsync(tx, commitTimeout, ct)
                .WaitAsync(limit, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw TimedOut();
        }
        if (check.Code == 0 && committed is null)
        {
            throw TimedOut();
        }
        w.WriteStartObject();
        w.WritePropertyName("check_tx");
        TxJson.WriteCheckTx(w, check);
        w.WritePropertyName("tx_result");
        if (committed is null)
        {
            TxJson.WriteEmptyExecTxResult(w);
        }
        else
        {
            TxJson.WriteExecTxResult(w, committed.Result);
        }
        w.WriteHex("hash", check.Hash);
        w.WriteInt64String("height", committed?.Height ?? 0);
        w.WriteEndObject();
    }

    private static RpcException TimedOut() => RpcException.Internal("timed out waiting for tx to be included in a block");
}
