using System.Globalization;
using System.Text.RegularExpressions;

namespace MirrorChain.Rpc.Tests;

/// <summary>
/// Walks every method's answer and checks CometBFT's JSON typing rules (its libs/json): 64-bit integers are strings,
/// <c>code</c>/<c>round</c>/<c>parts.total</c>/tx <c>index</c> are numbers, hashes are upper-case hex.
/// </summary>
public sealed partial class JsonTypingTests
{
    private static readonly HashSet<string> Int64Names =
    [
        "height", "total_count", "gas_wanted", "gas_used", "latest_block_height", "earliest_block_height", "last_height",
        "block_size", "num_txs", "voting_power", "n_txs", "total_bytes", "last_block_height", "app_version", "p2p", "block", "app",
    ];

    private static readonly HashSet<string> HexNames =
    [
        "hash", "latest_block_hash", "latest_app_hash", "earliest_block_hash", "earliest_app_hash", "data_hash", "app_hash",
        "last_results_hash", "proposer_address", "address", "root_hash",
    ];

    [GeneratedRegex("^[0-9A-F]*$")]
    private static partial Regex UpperHex();

    [Theory]
    [InlineData("status", "{}")]
    [InlineData("abci_info", "{}")]
    [InlineData("abci_query", """{"path":"/store/bank/key","data":"01","prove":true}""")]
    [InlineData("block", """{"height":"2"}""")]
    [InlineData("block", """{"height":"1"}""")]
    [InlineData("header", """{"height":"3"}""")]
    [InlineData("blockchain", "{}")]
    [InlineData("tx_search", """{"query":"tx.height>0","prove":true}""")]
    [InlineData("tx", """{"hash":"iJGJx0uySnhwE20zoY8gz9jBPJsgZI//S6/IKgv2eig="}""")]
    [InlineData("broadcast_tx_sync", """{"tx":"Z29vZC10eA=="}""")]
    [InlineData("broadcast_tx_commit", """{"tx":"Z29vZC10eA=="}""")]
    [InlineData("unconfirmed_txs", "{}")]
    [InlineData("num_unconfirmed_txs", "{}")]
    public async Task IntegersAreStrings_SmallIntsAreNumbers_HashesAreUpperHex(string method, string args)
    {
        await using var s = await RpcTestServer.StartAsync();
        using var doc = JsonDocument.Parse(await s.CallAsync(method, args));
        Assert.True(doc.RootElement.TryGetProperty("result", out var result), method);
        var checkedCount = Walk(result, "result");
        Assert.True(checkedCount > 0);
    }

    [Fact]
    public async Task BlockResultsAppHash_IsBase64LikeCometBftsByteSlice()
    {
        await using var s = await RpcTestServer.StartAsync();
        using var doc = JsonDocument.Parse(await s.CallAsync("block_results", """{"height":"3"}"""));
        var result = doc.RootElement.GetProperty("result");
        Assert.Equal(Convert.ToBase64String(FakeBackend.Pattern(0xA3, 32)), result.GetProperty("app_hash").GetString());
        Assert.Equal(JsonValueKind.String, result.GetProperty("height").ValueKind);
        Assert.Equal(JsonValueKind.Number, result.GetProperty("txs_results")[0].GetProperty("code").ValueKind);
    }

    private static int Walk(JsonElement e, string name)
    {
        var count = 0;
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    count += Check(p.Name, p.Value, name) + Walk(p.Value, p.Name);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    count += Walk(item, name);
                }
                break;
        }
        return count;
    }

    private static int Check(string name, JsonElement value, string parent)
    {
        if (Int64Names.Contains(name) && value.ValueKind != JsonValueKind.Object)
        {
            Assert.True(value.ValueKind == JsonValueKind.String, $"{parent}.{name} must be a string");
            Assert.True(long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _), $"{parent}.{name}");
            return 1;
        }
        if (name is "code" or "round" || (name == "total" && parent == "parts") || (name == "index" && parent == "txs"))
        {
            Assert.True(value.ValueKind == JsonValueKind.Number, $"{parent}.{name} must be a number");
            return 1;
        }
        if (name == "index" && parent == "attributes")
        {
            Assert.True(value.ValueKind is JsonValueKind.True or JsonValueKind.False, $"{parent}.{name} must be a boolean");
            return 1;
        }
        if (HexNames.Contains(name) && value.ValueKind == JsonValueKind.String)
        {
            Assert.Matches(UpperHex(), value.GetString()!);
            return 1;
        }
        return 0;
    }
}
