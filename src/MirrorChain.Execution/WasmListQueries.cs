using Google.Protobuf;
using MirrorChain.Core;
using MirrorChain.State;
using MirrorChain.Tx.Proto.Cosmos.Base.Query.V1Beta1;
using MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1;

using ContractKeys = MirrorChain.Execution.Contracts.ContractKeys;

namespace MirrorChain.Execution;

/// <summary>
/// wasmd's listing queries (x/wasm/keeper/querier.go <c>Codes</c> and <c>ContractsByCode</c>) with the SDK's
/// pagination (types/query/pagination.go): a key or an offset, limit 100 by default, next_key when more follow,
/// total on request. Codes are native (no uploaded wasm), so each code info is <see cref="WasmCodeQueries.InfoOf"/>'s:
/// the wasm module as creator, the SHA-256 of the crate name as data hash, permission Nobody.
/// </summary>
internal static class WasmListQueries
{
    /// <summary>The SDK's default page size (types/query/pagination.go <c>DefaultLimit</c>).</summary>
    public const int DefaultLimit = 100;

    public static QueryCodesResponse Codes(IContractRuntime contracts, QueryCodesRequest request)
    {
        var items = contracts.CodeIds.Order().Select(id => (Key: ContractKeys.EncodeU64(id), Id: id)).ToList();
        var (page, pagination) = Paginate(items, i => i.Key, request.Pagination);
        var response = new QueryCodesResponse { Pagination = pagination };
        foreach (var (_, id) in page)
        {
            response.CodeInfos.Add(WasmCodeQueries.InfoOf(id, contracts.CodeName(id) ?? ""));
        }
        return response;
    }

    /// <summary>
    /// The contracts of a code ordered as wasmd's secondary index <c>code id ‖ created position ‖ address</c>: by
    /// creation (block height, tx index), then address bytes. The page key is <c>created position ‖ address</c>.
    /// </summary>
    public static QueryContractsByCodeResponse ContractsByCode(IStateReader state, QueryContractsByCodeRequest request)
    {
        if (request.CodeId == 0)
        {
            throw QueryErrors.InvalidArgument("code id cannot be 0");
        }
        var prefix = ContractKeys.InfoPrefix();
        var end = (byte[])prefix.Clone();
        end[^1]++;
        var items = new List<(byte[] Key, string Address)>();
        foreach (var (key, value) in state.Range(prefix, end))
        {
            var info = ContractInfo.Parser.ParseFrom(value);
            if (info.CodeId != request.CodeId)
            {
                continue;
            }
            var address = key.AsSpan(prefix.Length);
            byte[] sortKey = [.. ContractKeys.EncodeU64(info.Created?.BlockHeight ?? 0), .. ContractKeys.EncodeU64(info.Created?.TxIndex ?? 0), .. address];
            items.Add((sortKey, Address.FromBytes(address.ToArray()).ToString()));
        }
        items.Sort((a, b) => a.Key.AsSpan().SequenceCompareTo(b.Key));
        var (page, pagination) = Paginate(items, i => i.Key, request.Pagination);
        var response = new QueryContractsByCodeResponse { Pagination = pagination };
        response.Contracts.AddRange(page.Select(i => i.Address));
        return response;
    }

    /// <summary>The SDK's Paginate over items already in key order.</summary>
    private static (List<T> Page, PageResponse Pagination) Paginate<T>(List<T> items, Func<T, byte[]> keyOf, PageRequest? request)
    {
        request ??= new PageRequest();
        if (request.Offset > 0 && !request.Key.IsEmpty)
        {
            throw QueryErrors.InvalidArgument("invalid request, either offset or key is expected, got both");
        }
        if (request.Reverse)
        {
            items.Reverse();
        }
        var limit = request.Limit == 0 ? DefaultLimit : (int)Math.Min(request.Limit, int.MaxValue);
        int start;
        if (!request.Key.IsEmpty)
        {
            var key = request.Key.ToByteArray();
            start = items.FindIndex(i => request.Reverse ? keyOf(i).AsSpan().SequenceCompareTo(key) <= 0 : keyOf(i).AsSpan().SequenceCompareTo(key) >= 0);
            if (start < 0)
            {
                start = items.Count;
            }
        }
        else
        {
            start = (int)Math.Min(request.Offset, (ulong)items.Count);
        }
        var page = items.Skip(start).Take(limit).ToList();
        var response = new PageResponse();
        if (start + page.Count < items.Count)
        {
            response.NextKey = ByteString.CopyFrom(keyOf(items[start + page.Count]));
        }
        if (request.CountTotal && request.Key.IsEmpty)
        {
            response.Total = (ulong)items.Count;
        }
        return (page, response);
    }
}
