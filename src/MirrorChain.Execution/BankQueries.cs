using System.Text;
using Google.Protobuf;
using MirrorChain.Core;
using MirrorChain.State;
using MirrorChain.Tx.Proto.Cosmos.Bank.V1Beta1;
using MirrorChain.Tx.Proto.Cosmos.Base.Query.V1Beta1;
using ProtoCoin = MirrorChain.Tx.Proto.Cosmos.Base.V1Beta1.Coin;

namespace MirrorChain.Execution;

public static partial class Bank
{
    /// <summary>The SDK's default page size; a request without a limit also gets the total counted.</summary>
    public const ulong DefaultPageLimit = 100;

    /// <summary>/cosmos.bank.v1beta1.Query/Balance: always a Coin, amount "0" when there is none.</summary>
    public static QueryBalanceResponse QueryBalance(IStateReader state, QueryBalanceRequest request)
    {
        var address = QueryErrors.ParseAddress(request.Address);
        RequireDenom(request.Denom);
        var amount = GetBalance(state, address, request.Denom);
        return new QueryBalanceResponse { Balance = new ProtoCoin { Denom = request.Denom, Amount = new Coin(request.Denom, amount).AmountString } };
    }

    /// <summary>/cosmos.bank.v1beta1.Query/AllBalances: sorted by denom, paginated like the SDK's query.Paginate.</summary>
    public static QueryAllBalancesResponse QueryAllBalances(IStateReader state, QueryAllBalancesRequest request)
    {
        var address = QueryErrors.ParseAddress(request.Address);
        var all = GetAllBalances(state, address);
        var (page, pagination) = Paginate(all, c => Encoding.UTF8.GetBytes(c.Denom), request.Pagination);
        var response = new QueryAllBalancesResponse { Pagination = pagination };
        response.Balances.AddRange(page.Select(c => new ProtoCoin { Denom = c.Denom, Amount = c.AmountString }));
        return response;
    }

    /// <summary>/cosmos.bank.v1beta1.Query/SupplyOf: a Coin, "0" for an unknown denom.</summary>
    public static QuerySupplyOfResponse QuerySupplyOf(IStateReader state, QuerySupplyOfRequest request)
    {
        RequireDenom(request.Denom);
        return new QuerySupplyOfResponse
        {
            Amount = new ProtoCoin { Denom = request.Denom, Amount = new Coin(request.Denom, GetSupply(state, request.Denom)).AmountString },
        };
    }

    /// <summary>
    /// /cosmos.bank.v1beta1.Query/TotalSupply: every denom with a non-zero supply, by denom (byte order), paginated
    /// like the SDK's (x/bank/keeper/grpc_query.go <c>TotalSupply</c>; the page key is the denom).
    /// </summary>
    public static QueryTotalSupplyResponse QueryTotalSupply(IStateReader state, QueryTotalSupplyRequest request)
    {
        var prefix = StateKeys.Supply("");
        var all = new List<Coin>();
        foreach (var (key, value) in state.Range(prefix, KeyRanges.PrefixEnd(prefix)))
        {
            var amount = StoredAmount.Decode(value);
            if (amount != UInt128.Zero)
            {
                all.Add(new Coin(Encoding.UTF8.GetString(key.AsSpan(prefix.Length)), amount));
            }
        }
        var (page, pagination) = Paginate(all, c => Encoding.UTF8.GetBytes(c.Denom), request.Pagination);
        var response = new QueryTotalSupplyResponse { Pagination = pagination };
        response.Supply.AddRange(page.Select(c => new ProtoCoin { Denom = c.Denom, Amount = c.AmountString }));
        return response;
    }

    private static void RequireDenom(string denom)
    {
        if (!Coin.IsValidDenom(denom))
        {
            throw QueryErrors.InvalidArgument($"invalid denom: {denom}");
        }
    }

    /// <summary>
    /// In-memory pagination over items already in key order: either by key (start at the first item ≥ key, or ≤
    /// key when reversed; total not counted) or by offset (total counted when asked, or when no limit was given).
    /// next_key is the key of the first item after the page, empty when the page reaches the end.
    /// </summary>
    internal static (IReadOnlyList<T> Page, PageResponse Response) Paginate<T>(
        IReadOnlyList<T> items, Func<T, byte[]> keyOf, PageRequest? request)
    {
        request ??= new PageRequest();
        var key = request.Key.ToByteArray();
        if (key.Length > 0 && request.Offset > 0)
        {
            throw QueryErrors.InvalidArgument("paginate: invalid request, either offset or key is expected, got both");
        }
        var limit = request.Limit;
        var countTotal = request.CountTotal;
        if (limit == 0)
        {
            limit = DefaultPageLimit;
            countTotal = true;
        }
        var ordered = request.Reverse ? items.Reverse().ToList() : items.ToList();
        var cmp = ByteArrayComparer.Instance;
        int start;
        if (key.Length > 0)
        {
            start = ordered.FindIndex(i => request.Reverse ? cmp.Compare(keyOf(i), key) <= 0 : cmp.Compare(keyOf(i), key) >= 0);
            if (start < 0)
            {
                start = ordered.Count;
            }
        }
        else
        {
            start = request.Offset >= (ulong)ordered.Count ? ordered.Count : (int)request.Offset;
        }
        var take = (int)Math.Min(limit, (ulong)(ordered.Count - start));
        var page = ordered.GetRange(start, take);
        var response = new PageResponse();
        if (start + take < ordered.Count)
        {
            response.NextKey = ByteString.CopyFrom(keyOf(ordered[start + take]));
        }
        if (key.Length == 0 && countTotal)
        {
            response.Total = (ulong)ordered.Count;
        }
        return (page, response);
    }
}
