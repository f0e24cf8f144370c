using System.Text;
using System.Text.Json;
using MirrorChain.Core;
using MirrorChain.Fuzz.Engine;
using MirrorChain.Rpc.Lcd;

namespace MirrorChain.Fuzz.Targets;

/// <summary>
/// Mutated LCD requests into the real <see cref="LcdRouter"/> over the in-memory devnet node. The input is a JSON
/// object {"method", "path", "query": {name: value | [values]}, "body": JSON value | string} (what the HTTP layer
/// hands the router). Properties: the router never throws and never has to log an unexpected exception (its 500
/// "Internal" safety net).
/// </summary>
public sealed class LcdTarget : IFuzzTarget
{
    private readonly LcdRouter _router;
    private readonly CapturingLogger _logger = new();
    private readonly List<string> _corpus;
    private readonly JsonMutator _mutator;

    public LcdTarget(DevnetWorld w)
    {
        _router = new LcdRouter(w.Backend, new LcdServerOptions(), _logger);
        var test1 = w.Keys["test1"].Address.ToString();
        var hash = Convert.ToHexString(Hashing.TxHash(w.SendTx));
        var smart = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"price\":{\"base_asset\":\"" + w["mTSLA"] + "\",\"quote_asset\":\"uusd\"}}"));
        var tx = Convert.ToBase64String(w.ExecuteTx);
        _corpus =
        [
            Get($"/cosmos/auth/v1beta1/accounts/{test1}"),
            Get("/cosmos/auth/v1beta1/params"),
            Get($"/cosmos/bank/v1beta1/balances/{test1}", """{"pagination.limit":"10","pagination.offset":"0","pagination.count_total":"true"}"""),
            Get($"/cosmos/bank/v1beta1/spendable_balances/{test1}", """{"pagination.key":"dXVzZA==","pagination.reverse":"true"}"""),
            Get($"/cosmos/bank/v1beta1/balances/{test1}/by_denom", """{"denom":"uusd"}"""),
            Get("/cosmos/bank/v1beta1/supply/by_denom", """{"denom":"uluna"}"""),
            Get("/cosmos/bank/v1beta1/params"),
            Get("/cosmos/base/tendermint/v1beta1/node_info"),
            Get("/cosmos/base/tendermint/v1beta1/syncing"),
            Get("/cosmos/base/tendermint/v1beta1/blocks/latest"),
            Get("/cosmos/base/tendermint/v1beta1/blocks/1"),
            Get($"/cosmos/tx/v1beta1/txs/{hash}"),
            Get("/cosmos/tx/v1beta1/txs", """{"events":["tx.height=1","message.action='/cosmos.bank.v1beta1.MsgSend'"],"pagination.limit":"5","order_by":"ORDER_BY_DESC"}"""),
            Get("/cosmos/tx/v1beta1/txs", """{"query":"tx.height=1","page":"1","limit":"10"}"""),
            Get($"/cosmwasm/wasm/v1/contract/{w["oracle"]}/smart/{smart}"),
            Get($"/cosmwasm/wasm/v1/contract/{w["mint"]}"),
            """{"method":"POST","path":"/cosmos/tx/v1beta1/simulate","query":{},"body":{"tx_bytes":"TX"}}""".Replace("TX", tx, StringComparison.Ordinal),
            """{"method":"POST","path":"/cosmos/tx/v1beta1/txs","query":{},"body":{"tx_bytes":"TX","mode":"BROADCAST_MODE_SYNC"}}""".Replace("TX", tx, StringComparison.Ordinal),
        ];
        _mutator = new JsonMutator(_corpus);
    }

    public string Name => "lcd";

    public byte[] Generate(FuzzRandom random) => _mutator.Mutate(random.Pick(_corpus), random);

    public string? Run(byte[] input)
    {
        if (!TryRead(input, out var method, out var path, out var query, out var body))
        {
            return null; // not an HTTP request the server could receive
        }
        _router.DispatchAsync(method, path, query, () => Task.FromResult(body), CancellationToken.None).GetAwaiter().GetResult();
        return _logger.Take();
    }

    /// <summary>The answer the router gives <paramref name="input"/> (null when the input is not a request).</summary>
    public LcdAnswer? Answer(byte[] input) =>
        TryRead(input, out var method, out var path, out var query, out var body)
            ? _router.DispatchAsync(method, path, query, () => Task.FromResult(body), CancellationToken.None).GetAwaiter().GetResult()
            : null;

    private static string Get(string path, string query = "{}") =>
        $$"""{"method":"GET","path":{{JsonSerializer.Serialize(path)}},"query":{{query}}}""";

    private static bool TryRead(byte[] input, out string method, out string path, out Dictionary<string, IReadOnlyList<string>> query, out byte[] body)
    {
        method = path = "";
        query = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        body = [];
        try
        {
            using var doc = JsonDocument.Parse(input);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("method", out var m) || m.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("path", out var p) || p.ValueKind != JsonValueKind.String)
            {
                return false;
            }
            method = m.GetString()!;
            path = p.GetString()!;
            if (root.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.Object)
            {
                foreach (var prop in q.EnumerateObject())
                {
                    query[prop.Name] = prop.Value.ValueKind switch
                    {
                        JsonValueKind.Array => [.. prop.Value.EnumerateArray().Select(Text)],
                        _ => [Text(prop.Value)],
                    };
                }
            }
            if (root.TryGetProperty("body", out var b))
            {
                body = b.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetBytes(b.GetString()!) : Encoding.UTF8.GetBytes(b.GetRawText());
            }
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string Text(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText();
}
