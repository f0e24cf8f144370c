using static MirrorChain.Rpc.Tests.Golden;

namespace MirrorChain.Rpc.Tests;

public sealed class TxMethodsTests
{
    internal const string Hash20 = "889189C74BB24A7870136D33A18F20CFD8C13C9B20648FFF4BAFC82A0BF67A28";
    internal const string Hash21 = "420CFFBE801A3040E31B6155213B354974A6C83A48A6D606088FFA8211B83C72";
    internal const string Hash30 = "416D0F89730CA6E61D50E236BD6D2518AFC2A11B00B0FAE35FE99737F356F8BF";

    internal const string Result20 =
        "{\"code\":0,\"data\":\"EiY=\",\"log\":\"\",\"info\":\"\",\"gas_wanted\":\"200000\",\"gas_used\":\"81234\",\"events\":[" +
        "{\"type\":\"tx\",\"attributes\":[{\"key\":\"acc_seq\",\"value\":\"terra1sender/0\",\"index\":false}]}," +
        "{\"type\":\"message\",\"attributes\":[{\"key\":\"action\",\"value\":\"/cosmos.bank.v1beta1.MsgSend\",\"index\":true}," +
        "{\"key\":\"sender\",\"value\":\"terra1sender\",\"index\":true},{\"key\":\"module\",\"value\":\"bank\",\"index\":true}]}," +
        "{\"type\":\"transfer\",\"attributes\":[{\"key\":\"recipient\",\"value\":\"terra1recipient\",\"index\":true}," +
        "{\"key\":\"sender\",\"value\":\"terra1sender\",\"index\":true},{\"key\":\"amount\",\"value\":\"1234567uluna\",\"index\":true}]}]," +
        "\"codespace\":\"\"}";

    internal const string Result21 =
        "{\"code\":5,\"data\":null,\"log\":\"1uluna is smaller than 5uluna: insufficient funds\",\"info\":\"\",\"gas_wanted\":\"100000\"," +
        "\"gas_used\":\"40000\",\"events\":[{\"type\":\"tx\",\"attributes\":[{\"key\":\"fee\",\"value\":\"1500uluna\",\"index\":true}," +
        "{\"key\":\"fee_payer\",\"value\":\"terra1sender\",\"index\":true}]}],\"codespace\":\"sdk\"}";

    internal const string Tx20 = $"{{\"hash\":\"{Hash20}\",\"height\":\"2\",\"index\":0,\"tx_result\":{Result20},\"tx\":\"dHgtMi0w\"}}";
    internal const string Tx21 = $"{{\"hash\":\"{Hash21}\",\"height\":\"2\",\"index\":1,\"tx_result\":{Result21},\"tx\":\"dHgtMi0x\"}}";

    [Fact]
    public async Task Tx_ByBase64Hash()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(Ok(Tx20), await s.CallAsync("tx", """{"hash":"iJGJx0uySnhwE20zoY8gz9jBPJsgZI//S6/IKgv2eig=","prove":false}"""));
    }

    [Fact]
    public async Task Tx_WithProve_AddsTheMerkleProofAgainstTheBlockTxs()
    {
        await using var s = await RpcTestServer.StartAsync();
        var proof = "\"proof\":{\"root_hash\":\"D18D9984F500ADB1869445FE1A7EA632134CEA1002E1B8E6DBB2ED05C597585F\",\"data\":\"dHgtMi0w\"," +
                    "\"proof\":{\"total\":\"2\",\"index\":\"0\",\"leaf_hash\":\"DolLphSnb6Nw2BnQsRuntOx33J/3EaVIpU3VG/EZCho=\"," +
                    "\"aunts\":[\"Nt/mku+ERpl9+yOeZ0sbUGz8+U28Vb5wKMl5SW+u8N8=\"]}}";
        Assert.Equal(
            Ok(Tx20[..^1] + "," + proof + "}"),
            await s.CallAsync("tx", """{"hash":"iJGJx0uySnhwE20zoY8gz9jBPJsgZI//S6/IKgv2eig=","prove":true}"""));
    }

    [Fact]
    public async Task Tx_NotFound_IsInternalErrorNamingTheHash()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Err(-32603, "Internal error", "tx (0102) not found"),
            await s.CallAsync("tx", """{"hash":"AQI="}"""));
    }

    [Fact]
    public async Task Tx_UriForm_TakesHex()
    {
        await using var s = await RpcTestServer.StartAsync();
        var (status, body, _) = await s.GetAsync($"/tx?hash=0x{Hash20}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Ok(Tx20, "-1"), body);
    }

    [Theory]
    [InlineData(Hash20)]
    [InlineData("889189c74bb24a7870136d33a18f20cfd8c13c9b20648fff4bafc82a0bf67a28")]
    public async Task TxSearch_ByHash_AsCosmjsGetTxAsks(string hash)
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Ok($"{{\"txs\":[{Tx20}],\"total_count\":\"1\"}}"),
            await s.CallAsync("tx_search", $$"""{"query":"tx.hash='{{hash}}'","page":"1"}"""));
    }

    [Fact]
    public async Task TxSearch_NotYetIncluded_IsEmptyNotAnError()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Ok("""{"txs":[],"total_count":"0"}"""),
            await s.CallAsync("tx_search", $$"""{"query":"tx.hash='{{Rep("AB", 32)}}'","page":"1"}"""));
    }

    [Fact]
    public async Task TxSearch_ByHeight_AscendingAndDescending()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(Ok($"{{\"txs\":[{Tx20},{Tx21}],\"total_count\":\"2\"}}"), await s.CallAsync("tx_search", """{"query":"tx.height=2"}"""));
        Assert.Equal(Ok($"{{\"txs\":[{Tx21},{Tx20}],\"total_count\":\"2\"}}"), await s.CallAsync("tx_search", """{"query":"tx.height=2","order_by":"desc"}"""));
        Assert.True(s.Backend.LastSearch!.Value.Descending);
    }

    [Fact]
    public async Task TxSearch_ByEventAttribute()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Ok($"{{\"txs\":[{Tx20}],\"total_count\":\"1\"}}"),
            await s.CallAsync("tx_search", """{"query":"message.sender='terra1sender' AND transfer.amount CONTAINS 'uluna'"}"""));
        Assert.Equal(
            Ok("""{"txs":[],"total_count":"0"}"""),
            await s.CallAsync("tx_search", """{"query":"tx.acc_seq='terra1sender/0'"}"""));
    }

    [Fact]
    public async Task TxSearch_Pages()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Ok($"{{\"txs\":[{Tx21}],\"total_count\":\"2\"}}"),
            await s.CallAsync("tx_search", """{"query":"tx.height=2","page":"2","per_page":"1"}"""));
        Assert.Equal(("tx.height=2", 2, 1, false), s.Backend.LastSearch);
    }

    [Theory]
    [InlineData("\"3\"", "1", "page should be within [1, 2] range, given 3")]
    [InlineData("\"0\"", "1", "page should be within [1, 2] range, given 0")]
    [InlineData("\"2\"", "30", "page should be within [1, 1] range, given 2")]
    public async Task TxSearch_PageOutOfRange_IsAnErrorLikeCometBft(string page, string perPage, string data)
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Err(-32603, "Internal error", data),
            await s.CallAsync("tx_search", $$"""{"query":"tx.height=2","page":{{page}},"per_page":"{{perPage}}"}"""));
    }

    [Fact]
    public async Task TxSearch_EmptyResult_AllowsPageOne()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(Ok("""{"txs":[],"total_count":"0"}"""), await s.CallAsync("tx_search", """{"query":"tx.height=99","page":1}"""));
    }

    [Theory]
    [InlineData(null, 30)]
    [InlineData("0", 30)]
    [InlineData("-4", 30)]
    [InlineData("7", 7)]
    [InlineData("101", 100)]
    public async Task TxSearch_PerPage_DefaultsAndCaps(string? perPage, int expected)
    {
        await using var s = await RpcTestServer.StartAsync();
        var extra = perPage is null ? "" : $",\"per_page\":\"{perPage}\"";
        await s.CallAsync("tx_search", $$"""{"query":"tx.height=2"{{extra}}}""");
        Assert.Equal(expected, s.Backend.LastSearch!.Value.PerPage);
    }

    [Fact]
    public async Task TxSearch_InvalidQuery_IsInvalidParamsWithTheParseError()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Err(-32602, "Invalid params", "invalid query \"tx.height >\": offset 11: got end of query, wanted number, timestamp or datestamp"),
            await s.CallAsync("tx_search", """{"query":"tx.height >"}"""));
        Assert.Null(s.Backend.LastSearch);
    }

    [Fact]
    public async Task TxSearch_BadOrderBy()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Err(-32603, "Internal error", "expected order_by to be either `asc` or `desc` or empty"),
            await s.CallAsync("tx_search", """{"query":"tx.height=2","order_by":"up"}"""));
    }

    [Fact]
    public async Task TxSearch_WithProve_ProvesEachTx()
    {
        await using var s = await RpcTestServer.StartAsync();
        var body = await s.CallAsync("tx_search", """{"query":"tx.height=2","prove":true}""");
        Assert.Contains("\"proof\":{\"root_hash\":\"D18D9984F500ADB1869445FE1A7EA632134CEA1002E1B8E6DBB2ED05C597585F\",\"data\":\"dHgtMi0x\",\"proof\":{\"total\":\"2\",\"index\":\"1\"", body, StringComparison.Ordinal);
        Assert.Equal(2, body.Split("\"root_hash\"").Length - 1);
    }

    [Fact]
    public async Task TxSearch_UriForm_QuotedQuery()
    {
        await using var s = await RpcTestServer.StartAsync();
        var post = await s.CallAsync("tx_search", """{"query":"tx.height=3","per_page":"5","page":"1"}""");
        var (status, get, _) = await s.GetAsync("/tx_search?query=" + Uri.EscapeDataString("\"tx.height=3\"") + "&per_page=5&page=1");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(post.Replace("\"id\":1,", "\"id\":-1,", StringComparison.Ordinal), get);
        Assert.Contains(Hash30, get, StringComparison.Ordinal);
    }
}
