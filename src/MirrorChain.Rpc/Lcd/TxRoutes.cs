using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using MirrorChain.Core;
using MirrorChain.Execution;
using MirrorChain.Tx;
using MirrorChain.Tx.Proto.Cosmos.Tx.V1Beta1;
using ExecResponse = MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1.MsgExecuteContractResponse;

namespace MirrorChain.Rpc.Lcd;

/// <summary>
/// <c>/cosmos/tx/v1beta1/…</c>: simulate, broadcast (sync, async, block/commit), get by hash (404 until included)
/// and search by events. Simulate runs against the local application; the others go to <see cref="ILcdChain"/> (the
/// node itself, or CometBFT's RPC under CometBFT). The height header is the local application's height, as the SDK's.
/// </summary>
internal sealed class TxRoutes(IRpcBackend backend, ILcdChain chain, LcdServerOptions options)
{
    private readonly SearchGate _searchGate = new(options.MaxConcurrentSearches);

    public IEnumerable<LcdRoute> Routes() =>
    [
        new("POST", "/cosmos/tx/v1beta1/simulate", Simulate),
        new("POST", "/cosmos/tx/v1beta1/txs", BroadcastAsync),
        new("GET", "/cosmos/tx/v1beta1/txs/{hash}", GetTx),
        new("GET", "/cosmos/tx/v1beta1/txs", Search),
    ];

    private ValueTask Simulate(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        var body = LcdBody.Object(request);
        var txBytes = LcdBody.Bytes(body, "tx_bytes");
        if (txBytes.Length == 0)
        {
            throw LcdException.InvalidArgument(body.TryGetProperty("tx", out var tx) && tx.ValueKind == JsonValueKind.Object
                ? "simulating a JSON tx is not supported; send its protobuf bytes as tx_bytes"
                : "empty txBytes is not allowed");
        }
        var answer = LcdQueries.Run(backend, request, QueryRouter.SimulatePath,
            new SimulateRequest { TxBytes = ByteString.CopyFrom(txBytes) }, SimulateResponse.Parser);
        w.WriteStartObject();
        w.WriteStartObject("gas_info");
        w.WriteUInt64String("gas_wanted", answer.GasInfo?.GasWanted ?? 0);
        w.WriteUInt64String("gas_used", answer.GasInfo?.GasUsed ?? 0);
        w.WriteEndObject();
        var result = answer.Result ?? new MirrorChain.Tx.Proto.Cosmos.Base.Abci.V1Beta1.Result();
        w.WriteStartObject("result");
#pragma warning disable CS0612 // Result.data is deprecated but still rendered by the SDK
        LcdJson.WriteBytes(w, "data", result.Data);
#pragma warning restore CS0612
        w.WriteString("log", result.Log);
        TxJson.WriteEvents(w, "events", result.Events.Select(EventConversions.FromProto).ToList());
        w.WriteStartArray("msg_responses");
        foreach (var r in result.MsgResponses)
        {
            WriteMsgResponse(w, r);
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        return ValueTask.CompletedTask;
    }

    private static void WriteMsgResponse(Utf8JsonWriter w, Any any)
    {
        w.WriteStartObject();
        w.WriteString("@type", any.TypeUrl);
        switch (any.TypeUrl)
        {
            case TypeUrls.MsgSendResponse:
                break;
            case TypeUrls.MsgExecuteContractResponse or TypeUrls.LegacyMsgExecuteContractResponse
                when LcdJson.TryParse(ExecResponse.Parser, any.Value, out var exec):
                LcdJson.WriteBytes(w, "data", exec.Data);
                break;
            default:
                LcdJson.WriteBytes(w, "value", any.Value);
                break;
        }
        w.WriteEndObject();
    }

    private enum Mode
    {
        Block,
        Sync,
        Async,
    }

    private async ValueTask BroadcastAsync(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        var body = LcdBody.Object(request);
        var txBytes = LcdBody.Bytes(body, "tx_bytes");
        var mode = ParseMode(body);
        if (txBytes.Length == 0)
        {
            throw LcdException.InvalidArgument("invalid empty tx");
        }
        if (mode != Mode.Block)
        {
            var check = await chain.BroadcastTxAsync(txBytes, mode == Mode.Async, ct).ConfigureAwait(false);
            request.Height = backend.LatestHeight;
            w.WriteStartObject();
            TxResponseJson.WriteChecked(w, "tx_response", check);
            w.WriteEndObject();
            return;
        }
        var (result, committed) = await chain.BroadcastTxCommitAsync(txBytes, options.BroadcastBlockTimeout, ct).ConfigureAwait(false);
        if (result.Code != 0)
        {
            w.WriteStartObject();
            TxResponseJson.WriteChecked(w, "tx_response", result);
            w.WriteEndObject();
            return;
        }
        if (committed is null)
        {
            throw new LcdException(GrpcCode.DeadlineExceeded,
                $"timed out waiting for tx {Hex.Upper(result.Hash)} to be included in a block; it may still be committed later");
        }
        request.Height = committed.Height;
        w.WriteStartObject();
        TxResponseJson.WriteCommitted(w, "tx_response", committed, await chain.BlockTimeAsync(committed.Height, ct).ConfigureAwait(false));
        w.WriteEndObject();
    }

    /// <summary>BroadcastMode by name or number; BLOCK (deprecated in the SDK) and COMMIT wait for the block.</summary>
    private static Mode ParseMode(JsonElement body)
    {
        if (!body.TryGetProperty("mode", out var m) || m.ValueKind == JsonValueKind.Null)
        {
            throw Unsupported("BROADCAST_MODE_UNSPECIFIED");
        }
        var text = m.ValueKind switch
        {
            JsonValueKind.String => m.GetString()!,
            JsonValueKind.Number => m.GetRawText(),
            _ => throw LcdException.InvalidArgument("mode must be a string or a number"),
        };
        return text switch
        {
            "BROADCAST_MODE_SYNC" or "2" => Mode.Sync,
            "BROADCAST_MODE_ASYNC" or "3" => Mode.Async,
            "BROADCAST_MODE_BLOCK" or "BROADCAST_MODE_COMMIT" or "1" => Mode.Block,
            _ => throw Unsupported(text),
        };
    }

    private static LcdException Unsupported(string mode) =>
        LcdException.InvalidArgument($"unsupported broadcast mode {mode}; supported: BROADCAST_MODE_SYNC, BROADCAST_MODE_ASYNC, BROADCAST_MODE_BLOCK");

    private async ValueTask GetTx(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        var text = request.Path("hash");
        if (text.Length != 64 || !Hex.TryDecode(text, out var hash))
        {
            throw LcdException.InvalidArgument($"invalid tx hash {text}: want 64 hex characters");
        }
        var tx = await chain.GetTxAsync(hash, ct).ConfigureAwait(false) ?? throw LcdException.NotFound($"tx not found: {text}");
        var time = await chain.BlockTimeAsync(tx.Height, ct).ConfigureAwait(false);
        request.Height = backend.LatestHeight;
        w.WriteStartObject();
        TxProtoJson.Write(w, "tx", tx.Tx, asAny: false);
        TxResponseJson.WriteCommitted(w, "tx_response", tx, time);
        w.WriteEndObject();
    }

    /// <summary>
    /// GetTxsEvent: <c>events=type.attr='value'</c> (repeated, joined with AND) or <c>query=…</c> (SDK 0.50),
    /// <c>page</c>/<c>limit</c> or <c>pagination.offset</c>/<c>pagination.limit</c>, <c>order_by</c>. The limit is
    /// capped at <see cref="LcdServerOptions.MaxSearchLimit"/>, at most <see cref="LcdServerOptions.MaxConcurrentSearches"/>
    /// run at once, and a client that disconnects cancels its search (<paramref name="ct"/>).
    /// </summary>
    private async ValueTask Search(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        var text = SearchQueryText(request);
        if (!TxQuery.TryParse(text, out var query, out var error))
        {
            throw LcdException.InvalidArgument($"invalid query \"{text}\": {error}");
        }
        var limit = request.QueryUInt64("limit", 0);
        if (limit == 0)
        {
            limit = request.QueryUInt64("pagination.limit", 0);
        }
        limit = limit == 0 ? (ulong)options.MaxSearchLimit : Math.Min(limit, (ulong)options.MaxSearchLimit);
        var page = request.QueryUInt64("page", 0);
        if (page == 0)
        {
            page = request.QueryUInt64("pagination.offset", 0) / limit + 1;
        }
        if (page > int.MaxValue)
        {
            throw LcdException.InvalidArgument($"page {page} is too large");
        }
        var descending = (request.QueryValue("order_by") ?? "") switch
        {
            "" or "ORDER_BY_UNSPECIFIED" or "ORDER_BY_ASC" or "0" or "1" => false,
            "ORDER_BY_DESC" or "2" => true,
            var o => throw LcdException.InvalidArgument($"invalid order_by {o}"),
        };
        TxSearchResult found;
        using (_searchGate.TryEnter() ?? throw new LcdException(GrpcCode.ResourceExhausted, _searchGate.BusyMessage("tx search")))
        {
            found = await chain.SearchTxsAsync(query, (int)page, (int)limit, descending, ct).ConfigureAwait(false);
        }
        var times = new Dictionary<long, BlockTime?>();
        foreach (var tx in found.Txs)
        {
            if (!times.ContainsKey(tx.Height))
            {
                times[tx.Height] = await chain.BlockTimeAsync(tx.Height, ct).ConfigureAwait(false);
            }
        }
        request.Height = backend.LatestHeight;

        w.WriteStartObject();
        w.WriteStartArray("txs");
        foreach (var tx in found.Txs)
        {
            TxProtoJson.WriteValue(w, tx.Tx, asAny: false);
        }
        w.WriteEndArray();
        w.WriteStartArray("tx_responses");
        foreach (var tx in found.Txs)
        {
            TxResponseJson.WriteCommittedValue(w, tx, times[tx.Height]);
        }
        w.WriteEndArray();
        w.WriteStartObject("pagination");
        w.WriteNull("next_key");
        w.WriteInt64String("total", found.TotalCount);
        w.WriteEndObject();
        w.WriteInt64String("total", found.TotalCount);
        w.WriteEndObject();
    }

    private static string SearchQueryText(LcdRequest request)
    {
        if (request.QueryValue("query") is { Length: > 0 } q)
        {
            return q;
        }
        var events = request.QueryValues("events").Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
        if (events.Count == 0)
        {
            throw LcdException.InvalidArgument("query cannot be empty");
        }
        foreach (var e in events)
        {
            if (!e.Contains('=', StringComparison.Ordinal))
            {
                throw LcdException.InvalidArgument($"invalid event; event {e} should be of the format: {{eventType}}.{{eventAttribute}}={{value}}");
            }
        }
        return string.Join(" AND ", events);
    }
}
