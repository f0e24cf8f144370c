using System.Globalization;
using System.Text.Json;

namespace MirrorChain.Rpc;

/// <summary>
/// <c>block_search</c> (CometBFT rpc/core/blocks.go <c>BlockSearch</c>): blocks whose FinalizeBlock events match a
/// query in tx_search's language, newest first unless <c>order_by</c> is "asc", paged as tx_search (per_page 30, at
/// most 100), answering <c>{blocks: [{block_id, block}], total_count}</c>. The block indexer's tag
/// <c>block.height</c> takes every comparison; this chain's blocks emit no FinalizeBlock events of their own (all
/// events belong to txs, found with tx_search), so a condition on any other tag matches no block.
/// </summary>
internal sealed class BlockSearchMethods(IRpcBackend backend, SearchGate gate)
{
    public const string HeightTag = "block.height";

    private const int CancelCheckInterval = 4096;

    public void Register(RpcMethodTable table) =>
        table.Add("block_search", ["query", "page", "per_page", "order_by"], (args, w, ct) =>
        {
            Search(args, w, ct);
            return ValueTask.CompletedTask;
        });

    private void Search(RpcParams args, Utf8JsonWriter w, CancellationToken ct)
    {
        var text = args.RequiredString("query");
        var page = args.Int32("page");
        var perPage = Heights.PerPage(args.Int32("per_page"));
        var orderBy = args.String("order_by") ?? "";
        if (text.Length > CometBft.MaxQueryLength)
        {
            throw RpcException.Internal("maximum query length exceeded");
        }
        if (orderBy is not ("" or "asc" or "desc"))
        {
            throw RpcException.Internal("expected order_by to be either `asc` or `desc` or empty");
        }
        if (!TxQuery.TryParse(text, out var query, out var error))
        {
            throw RpcException.InvalidParams($"invalid query \"{text}\": {error}");
        }

        List<long> heights;
        using (gate.TryEnter() ?? throw RpcException.Internal(gate.BusyMessage("block_search")))
        {
            heights = Matching(query, ct);
        }
        if (orderBy != "asc")
        {
            heights.Reverse();
        }
        var p = Heights.Page(page, perPage, heights.Count);
        w.WriteStartObject();
        w.WriteStartArray("blocks");
        foreach (var h in heights.Skip((p - 1) * perPage).Take(perPage))
        {
            if (backend.GetBlock(h) is { } block)
            {
                BlockMethods.WriteResultBlock(w, backend, block);
            }
        }
        w.WriteEndArray();
        w.WriteInt64String("total_count", heights.Count);
        w.WriteEndObject();
    }

    /// <summary>The matching heights, ascending: only block.height conditions can hold, and they bound the scan.</summary>
    private List<long> Matching(TxQuery query, CancellationToken ct)
    {
        var result = new List<long>();
        if (query.Conditions.Any(c => c.Tag != HeightTag))
        {
            return result;
        }
        var (min, max) = Bounds(query.Conditions, Math.Max(1, backend.EarliestHeight), backend.LatestHeight);
        for (var h = min; h <= max; h++)
        {
            if ((h - min) % CancelCheckInterval == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            var text = h.ToString(CultureInfo.InvariantCulture);
            if (query.Conditions.All(c => c.MatchesValue(text)))
            {
                result.Add(h);
            }
        }
        return result;
    }

    /// <summary>Narrows [min, max] by the integer comparisons on block.height; every condition is still checked per height.</summary>
    private static (long Min, long Max) Bounds(IReadOnlyList<TxQueryCondition> conditions, long min, long max)
    {
        foreach (var c in conditions)
        {
            if (c.Value is not { Kind: TxQueryValueKind.Number } v
                || !long.TryParse(v.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                continue;
            }
            switch (c.Operator)
            {
                case TxQueryOperator.Equal:
                    min = Math.Max(min, n);
                    max = Math.Min(max, n);
                    break;
                case TxQueryOperator.Greater when n < long.MaxValue:
                    min = Math.Max(min, n + 1);
                    break;
                case TxQueryOperator.Greater:
                    max = 0;
                    break;
                case TxQueryOperator.GreaterOrEqual:
                    min = Math.Max(min, n);
                    break;
                case TxQueryOperator.Less:
                    max = n == long.MinValue ? 0 : Math.Min(max, n - 1);
                    break;
                case TxQueryOperator.LessOrEqual:
                    max = Math.Min(max, n);
                    break;
            }
        }
        return (min, max);
    }
}
