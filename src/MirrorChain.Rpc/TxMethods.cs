using System.Text.Json;
using MirrorChain.Core;

namespace MirrorChain.Rpc;

/// <summary><c>tx</c> and <c>tx_search</c>.</summary>
internal sealed class TxMethods(IRpcBackend backend, SearchGate gate)
{
    public void Register(RpcMethodTable table)
    {
        table.Add("tx", ["hash", "prove"], Tx);
        table.Add("tx_search", ["query", "prove", "page", "per_page", "order_by"], (args, w, ct) =>
        {
            Search(args, w, ct);
            return ValueTask.CompletedTask;
        });
    }

    private void Tx(RpcParams args, Utf8JsonWriter w)
    {
        var hash = args.RequiredBase64Bytes("hash");
        var prove = args.Bool("prove") ?? false;
        var tx = backend.GetTx(hash) ?? throw RpcException.Internal($"tx ({Hex.Upper(hash)}) not found");
        TxJson.WriteResultTx(w, tx, prove ? ProofOf(tx, new Dictionary<long, IReadOnlyList<byte[]>>()) : null);
    }

    /// <summary>
    /// per_page is capped at 100 (CometBFT rpc/core/env.go <c>validatePerPage</c>); at most
    /// <see cref="SearchGate.MaxConcurrent"/> searches run at once; <paramref name="ct"/> (the client's connection)
    /// stops the scan when the client goes away.
    /// </summary>
    private void Search(RpcParams args, Utf8JsonWriter w, CancellationToken ct)
    {
        var text = args.RequiredString("query");
        var prove = args.Bool("prove") ?? false;
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

        TxSearchResult result;
        using (gate.TryEnter() ?? throw RpcException.Internal(gate.BusyMessage("tx_search")))
        {
            result = backend.SearchTxs(query, Math.Max(page ?? 1, 1), perPage, orderBy == "desc", ct);
        }
        Heights.Page(page, perPage, result.TotalCount);

        var blocks = new Dictionary<long, IReadOnlyList<byte[]>>();
        w.WriteStartObject();
        w.WriteStartArray("txs");
        foreach (var tx in result.Txs)
        {
            TxJson.WriteResultTx(w, tx, prove ? ProofOf(tx, blocks) : null);
        }
        w.WriteEndArray();
        w.WriteInt64String("total_count", result.TotalCount);
        w.WriteEndObject();
    }

    /// <summary>The tx's inclusion proof against its block's txs, or null when the block is not available.</summary>
    private TxProof? ProofOf(IndexedTx tx, Dictionary<long, IReadOnlyList<byte[]>> blocks)
    {
        if (!blocks.TryGetValue(tx.Height, out var txs))
        {
            txs = backend.GetBlock(tx.Height)?.Txs ?? [];
            blocks[tx.Height] = txs;
        }
        return tx.Index >= 0 && tx.Index < txs.Count ? TxProof.Build(txs, tx.Index) : null;
    }
}
