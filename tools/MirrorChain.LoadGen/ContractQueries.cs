using System.Globalization;
using System.Text.Json.Nodes;
using Google.Protobuf;
using MirrorChain.Core;
using MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1;

namespace MirrorChain.LoadGen;

/// <summary>Smart queries of contracts over <c>abci_query /cosmwasm.wasm.v1.Query/SmartContractState</c>.</summary>
internal static class ContractQueries
{
    public const string SmartPath = "/cosmwasm.wasm.v1.Query/SmartContractState";

    /// <exception cref="JsonRpcException">The query failed; the message carries its code and log.</exception>
    public static async Task<JsonNode> SmartAsync(JsonRpcClient rpc, Address contract, string queryJson, CancellationToken ct)
    {
        var request = new QuerySmartContractStateRequest { Address = contract.ToString(), QueryData = ByteString.CopyFromUtf8(queryJson) }.ToByteArray();
        var value = await NodeQueries.AbciQueryAsync(rpc, SmartPath, request, $"smart query {queryJson} of {contract}", ct).ConfigureAwait(false);
        var data = QuerySmartContractStateResponse.Parser.ParseFrom(value).Data.ToStringUtf8();
        return JsonNode.Parse(data) ?? throw new JsonRpcException($"smart query {queryJson} of {contract} answered null");
    }

    /// <summary>The oracle's price of <paramref name="token"/> in uusd, in micro-units (e.g. 150000000 for 150).</summary>
    public static async Task<long> OraclePriceMicrosAsync(JsonRpcClient rpc, Address oracle, Address token, CancellationToken ct)
    {
        var answer = await SmartAsync(rpc, oracle, $$$"""{"price":{"base_asset":"{{{token}}}","quote_asset":"uusd"}}""", ct).ConfigureAwait(false);
        return MicrosOf(answer["rate"]?.GetValue<string>() ?? throw new JsonRpcException("oracle price answer has no rate"));
    }

    /// <summary>The pair's reserves: (token amount, uusd amount).</summary>
    public static async Task<(UInt128 Token, UInt128 Uusd)> PoolAsync(JsonRpcClient rpc, Address pair, CancellationToken ct)
    {
        var answer = await SmartAsync(rpc, pair, """{"pool":{}}""", ct).ConfigureAwait(false);
        UInt128 token = 0, uusd = 0;
        foreach (var asset in answer["assets"]?.AsArray() ?? [])
        {
            var amount = UInt128.Parse(asset?["amount"]?.GetValue<string>() ?? "0", CultureInfo.InvariantCulture);
            if (asset?["info"]?["native_token"] is not null)
            {
                uusd = amount;
            }
            else
            {
                token = amount;
            }
        }
        return (token, uusd);
    }

    /// <summary>A Decimal string as micro-units, truncated: "150.1234567" → 150123456.</summary>
    public static long MicrosOf(string dec)
    {
        var dot = dec.IndexOf('.', StringComparison.Ordinal);
        var whole = long.Parse(dot < 0 ? dec : dec[..dot], NumberStyles.None, CultureInfo.InvariantCulture);
        var frac = dot < 0 ? "" : dec[(dot + 1)..];
        frac = frac.Length > 6 ? frac[..6] : frac.PadRight(6, '0');
        return whole * 1_000_000 + long.Parse(frac, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
