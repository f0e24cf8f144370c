using System.Text.Json;
using Google.Protobuf;
using MirrorChain.Execution;
using MirrorChain.Tx.Proto.Cosmos.Bank.V1Beta1;
using MirrorChain.Tx.Proto.Cosmos.Base.Query.V1Beta1;

namespace MirrorChain.Rpc.Lcd;

/// <summary>
/// <c>/cosmos/bank/v1beta1/…</c>: all balances (paginated), one balance by denom, total supply (paginated), supply of
/// a denom (<c>supply/by_denom?denom=</c>, and SDK 0.45's <c>supply/{denom}</c>), params.
/// </summary>
internal sealed class BankRoutes(IRpcBackend backend)
{
    public IEnumerable<LcdRoute> Routes() =>
    [
        new("GET", "/cosmos/bank/v1beta1/balances/{address}", Balances),
        new("GET", "/cosmos/bank/v1beta1/spendable_balances/{address}", Balances),
        new("GET", "/cosmos/bank/v1beta1/balances/{address}/by_denom", BalanceByDenom),
        new("GET", "/cosmos/bank/v1beta1/supply", TotalSupply),
        new("GET", "/cosmos/bank/v1beta1/supply/by_denom", SupplyOf),
        new("GET", "/cosmos/bank/v1beta1/supply/{denom*}", SupplyOf),
        new("GET", "/cosmos/bank/v1beta1/params", Params),
    ];

    private ValueTask Balances(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        var query = new QueryAllBalancesRequest { Address = request.Path("address"), Pagination = PageRequestOf(request) };
        var answer = LcdQueries.Run(backend, request, QueryRouter.AllBalancesPath, query, QueryAllBalancesResponse.Parser);
        w.WriteStartObject();
        LcdJson.WriteCoins(w, "balances", answer.Balances);
        WritePagination(w, answer.Pagination);
        w.WriteEndObject();
        return ValueTask.CompletedTask;
    }

    private ValueTask BalanceByDenom(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        var query = new QueryBalanceRequest { Address = request.Path("address"), Denom = request.QueryValue("denom") ?? "" };
        var answer = LcdQueries.Run(backend, request, QueryRouter.BalancePath, query, QueryBalanceResponse.Parser);
        w.WriteStartObject();
        w.WritePropertyName("balance");
        LcdJson.WriteCoin(w, answer.Balance ?? new() { Denom = query.Denom, Amount = "0" });
        w.WriteEndObject();
        return ValueTask.CompletedTask;
    }

    private ValueTask SupplyOf(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        var denom = request.PathParams.TryGetValue("denom", out var fromPath) ? fromPath : request.QueryValue("denom") ?? "";
        var query = new QuerySupplyOfRequest { Denom = denom };
        var answer = LcdQueries.Run(backend, request, QueryRouter.SupplyOfPath, query, QuerySupplyOfResponse.Parser);
        w.WriteStartObject();
        w.WritePropertyName("amount");
        LcdJson.WriteCoin(w, answer.Amount ?? new() { Denom = query.Denom, Amount = "0" });
        w.WriteEndObject();
        return ValueTask.CompletedTask;
    }

    private ValueTask TotalSupply(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        var query = new QueryTotalSupplyRequest { Pagination = PageRequestOf(request) };
        var answer = LcdQueries.Run(backend, request, QueryRouter.TotalSupplyPath, query, QueryTotalSupplyResponse.Parser);
        w.WriteStartObject();
        LcdJson.WriteCoins(w, "supply", answer.Supply);
        WritePagination(w, answer.Pagination);
        w.WriteEndObject();
        return ValueTask.CompletedTask;
    }

    /// <summary>Every denom is sendable: the chain has no send restrictions.</summary>
    private ValueTask Params(LcdRequest request, Utf8JsonWriter w, CancellationToken ct)
    {
        request.Height = backend.LatestHeight;
        w.WriteStartObject();
        w.WriteStartObject("params");
        w.WriteStartArray("send_enabled");
        w.WriteEndArray();
        w.WriteBoolean("default_send_enabled", true);
        w.WriteEndObject();
        w.WriteEndObject();
        return ValueTask.CompletedTask;
    }

    /// <summary>grpc-gateway's <c>pagination.*</c> query parameters.</summary>
    public static PageRequest PageRequestOf(LcdRequest request)
    {
        var page = new PageRequest
        {
            Offset = request.QueryUInt64("pagination.offset", 0),
            Limit = request.QueryUInt64("pagination.limit", 0),
            CountTotal = request.QueryBool("pagination.count_total"),
            Reverse = request.QueryBool("pagination.reverse"),
        };
        if (request.QueryValue("pagination.key") is { Length: > 0 } key)
        {
            page.Key = ByteString.CopyFrom(LcdBase64.Decode(key, "pagination.key"));
        }
        return page;
    }

    public static void WritePagination(Utf8JsonWriter w, PageResponse? page)
    {
        w.WriteStartObject("pagination");
        if (page is null || page.NextKey.IsEmpty)
        {
            w.WriteNull("next_key");
        }
        else
        {
            LcdJson.WriteBytes(w, "next_key", page.NextKey);
        }
        w.WriteUInt64String("total", page?.Total ?? 0);
        w.WriteEndObject();
    }
}
