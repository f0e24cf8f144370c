using System.Text.Json.Nodes;
using Google.Protobuf;
using MirrorChain.Core;
using MirrorChain.Tx.Proto.Cosmos.Bank.V1Beta1;

namespace MirrorChain.Cli;

/// <summary>mirrorchain query account|balance|tx|block: read-only calls to a node's JSON-RPC, printed as JSON (or, with -o text, as YAML).</summary>
public static class QueryCommands
{
    public static async Task<int> AccountAsync(string node, string address, TextWriter output, CancellationToken ct, OutputFormat format = OutputFormat.Json)
    {
        var addr = ParseAddress(address);
        using var rpc = new RpcClient(node);
        var (number, sequence) = await TxCommands.QueryAccountAsync(rpc, addr, ct).ConfigureAwait(false);
        Print(output, format, new JsonObject
        {
            ["address"] = addr.ToString(),
            ["account_number"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sequence"] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return 0;
    }

    public static async Task<int> BalanceAsync(string node, string address, string? denom, TextWriter output, CancellationToken ct, OutputFormat format = OutputFormat.Json)
    {
        var addr = ParseAddress(address);
        using var rpc = new RpcClient(node);
        var balances = new JsonArray();
        if (denom is not null)
        {
            var value = await rpc.QueryAsync("/cosmos.bank.v1beta1.Query/Balance",
                new QueryBalanceRequest { Address = addr.ToString(), Denom = denom }.ToByteArray(), ct).ConfigureAwait(false);
            var coin = QueryBalanceResponse.Parser.ParseFrom(value).Balance;
            balances.Add(new JsonObject { ["denom"] = coin.Denom, ["amount"] = coin.Amount });
        }
        else
        {
            var value = await rpc.QueryAsync("/cosmos.bank.v1beta1.Query/AllBalances",
                new QueryAllBalancesRequest { Address = addr.ToString() }.ToByteArray(), ct).ConfigureAwait(false);
            foreach (var coin in QueryAllBalancesResponse.Parser.ParseFrom(value).Balances)
            {
                balances.Add(new JsonObject { ["denom"] = coin.Denom, ["amount"] = coin.Amount });
            }
        }
        Print(output, format, new JsonObject { ["balances"] = balances });
        return 0;
    }

    public static async Task<int> TxAsync(string node, string hash, TextWriter output, CancellationToken ct, OutputFormat format = OutputFormat.Json)
    {
        if (!Hex.TryDecode(hash, out var bytes) || bytes.Length != 32)
        {
            throw new FormatException($"tx hash must be 64 hex characters, got {hash}");
        }
        using var rpc = new RpcClient(node);
        Print(output, format, await rpc.CallAsync("tx", new JsonObject { ["hash"] = Convert.ToBase64String(bytes) }, ct).ConfigureAwait(false));
        return 0;
    }

    public static async Task<int> BlockAsync(string node, long? height, TextWriter output, CancellationToken ct, OutputFormat format = OutputFormat.Json)
    {
        using var rpc = new RpcClient(node);
        var parameters = new JsonObject();
        if (height is { } h)
        {
            parameters["height"] = h.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        Print(output, format, await rpc.CallAsync("block", parameters, ct).ConfigureAwait(false));
        return 0;
    }

    private static Address ParseAddress(string text) =>
        Address.TryParse(text, out var a, out var error) ? a! : throw new FormatException($"invalid address {text}: {error}");

    private static void Print(TextWriter output, OutputFormat format, JsonNode node) => Output.Print(output, node, format);
}
