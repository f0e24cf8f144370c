using static MirrorChain.Rpc.Tests.Golden;

namespace MirrorChain.Rpc.Tests;

public sealed class BlockMethodsTests
{
    private static readonly string BlockId2 = $"{{\"hash\":\"{Rep("B2", 32)}\",\"parts\":{{\"total\":1,\"hash\":\"{Rep("B2", 32)}\"}}}}";
    private static readonly string BlockId1 = $"{{\"hash\":\"{Rep("B1", 32)}\",\"parts\":{{\"total\":1,\"hash\":\"{Rep("B1", 32)}\"}}}}";
    private const string NoBlockId = "{\"hash\":\"\",\"parts\":{\"total\":0,\"hash\":\"\"}}";

    private static readonly string Header2 =
        "{\"version\":{\"block\":\"11\",\"app\":\"1\"},\"chain_id\":\"mirrorchain-devnet-1\",\"height\":\"2\"," +
        $"\"time\":\"2025-01-01T00:00:02Z\",\"last_block_id\":{BlockId1},\"last_commit_hash\":\"\",\"data_hash\":\"{Rep("D2", 32)}\"," +
        $"\"validators_hash\":\"\",\"next_validators_hash\":\"\",\"consensus_hash\":\"\",\"app_hash\":\"{Rep("A1", 32)}\"," +
        $"\"last_results_hash\":\"{Rep("E1", 32)}\",\"evidence_hash\":\"\",\"proposer_address\":\"{Rep("11", 20)}\"}}";

    private static readonly string Block2 =
        $"{{\"block_id\":{BlockId2},\"block\":{{\"header\":{Header2},\"data\":{{\"txs\":[\"dHgtMi0w\",\"dHgtMi0x\"]}}," +
        $"\"evidence\":{{\"evidence\":[]}},\"last_commit\":{{\"height\":\"1\",\"round\":0,\"block_id\":{BlockId1},\"signatures\":[]}}}}}}";

    private static readonly string Header1 =
        "{\"version\":{\"block\":\"11\",\"app\":\"1\"},\"chain_id\":\"mirrorchain-devnet-1\",\"height\":\"1\"," +
        $"\"time\":\"2025-01-01T00:00:01Z\",\"last_block_id\":{NoBlockId},\"last_commit_hash\":\"\",\"data_hash\":\"{Rep("D1", 32)}\"," +
        $"\"validators_hash\":\"\",\"next_validators_hash\":\"\",\"consensus_hash\":\"\",\"app_hash\":\"{Rep("A0", 32)}\"," +
        $"\"last_results_hash\":\"\",\"evidence_hash\":\"\",\"proposer_address\":\"{Rep("11", 20)}\"}}";

    [Fact]
    public async Task Block_AtHeight_IsTheFull038Shape()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(Ok(Block2), await s.CallAsync("block", """{"height":"2"}"""));
    }

    [Fact]
    public async Task Block_NumericHeightAndPositionalParams_AreAccepted()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(Ok(Block2), await s.CallAsync("block", """{"height":2}"""));
        Assert.Equal(Ok(Block2), await s.CallAsync("block", """["2"]"""));
    }

    [Fact]
    public async Task Block_First_HasEmptyLastBlockIdAndCommitAtHeightZero()
    {
        await using var s = await RpcTestServer.StartAsync();
        var blockId = $"{{\"hash\":\"{Rep("B1", 32)}\",\"parts\":{{\"total\":1,\"hash\":\"{Rep("B1", 32)}\"}}}}";
        Assert.Equal(
            Ok($"{{\"block_id\":{blockId},\"block\":{{\"header\":{Header1},\"data\":{{\"txs\":[]}},\"evidence\":{{\"evidence\":[]}}," +
               $"\"last_commit\":{{\"height\":\"0\",\"round\":0,\"block_id\":{NoBlockId},\"signatures\":[]}}}}}}"),
            await s.CallAsync("block", """{"height":"1"}"""));
    }

    [Fact]
    public async Task Block_WithoutHeight_IsTheLatest()
    {
        await using var s = await RpcTestServer.StartAsync();
        var body = await s.CallAsync("block");
        using var doc = JsonDocument.Parse(body);
        Assert.Equal("3", doc.RootElement.GetProperty("result").GetProperty("block").GetProperty("header").GetProperty("height").GetString());
        Assert.Equal("2025-01-01T00:00:03.123456789Z", doc.RootElement.GetProperty("result").GetProperty("block").GetProperty("header").GetProperty("time").GetString());
    }

    [Theory]
    [InlineData("0", "height must be greater than 0, but got 0")]
    [InlineData("-5", "height must be greater than 0, but got -5")]
    [InlineData("4", "height 4 must be less than or equal to the current blockchain height 3")]
    public async Task Block_HeightOutOfRange_IsAnErrorLikeCometBft(string height, string data)
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(Err(-32603, "Internal error", data), await s.CallAsync("block", $$"""{"height":"{{height}}"}"""));
        Assert.Equal(Err(-32603, "Internal error", data), await s.CallAsync("block_results", $$"""{"height":"{{height}}"}"""));
    }

    [Theory]
    [InlineData("\"abc\"", "expected an integer (number or decimal string), got \"abc\"")]
    [InlineData("true", "expected an integer (number or decimal string), got true")]
    [InlineData("1.5", "expected an integer (number or decimal string), got 1.5")]
    public async Task Block_NonIntegerHeight_IsInvalidParams(string height, string why)
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Err(-32602, "Invalid params", $"error converting json params to arguments: param \"height\": {why}"),
            await s.CallAsync("block", $$"""{"height":{{height}}}"""));
    }

    [Fact]
    public async Task BlockByHash_Base64InPostHexInGet()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(Ok(Block2), await s.CallAsync("block_by_hash", """{"hash":"srKysrKysrKysrKysrKysrKysrKysrKysrKysrKysrI="}"""));
        var (status, body, _) = await s.GetAsync($"/block_by_hash?hash=0x{Rep("B2", 32)}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Ok(Block2, "-1"), body);
    }

    [Fact]
    public async Task BlockByHash_Unknown_IsAnEmptyResultBlock()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(Ok($"{{\"block_id\":{NoBlockId},\"block\":null}}"), await s.CallAsync("block_by_hash", """{"hash":"AQI="}"""));
    }

    [Fact]
    public async Task Header_AndHeaderByHash()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(Ok($"{{\"header\":{Header2}}}"), await s.CallAsync("header", """{"height":"2"}"""));
        Assert.Equal(Ok($"{{\"header\":{Header2}}}"), await s.CallAsync("header_by_hash", """{"hash":"srKysrKysrKysrKysrKysrKysrKysrKysrKysrKysrI="}"""));
        Assert.Equal(Ok("{\"header\":null}"), await s.CallAsync("header_by_hash", """{"hash":"AQI="}"""));
    }

    [Fact]
    public async Task BlockResults_Is038Shape()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Ok($"{{\"height\":\"2\",\"txs_results\":[{TxMethodsTests.Result20},{TxMethodsTests.Result21}],\"finalize_block_events\":[]," +
               "\"validator_updates\":[],\"consensus_param_updates\":null,\"app_hash\":\"oqKioqKioqKioqKioqKioqKioqKioqKioqKioqKioqI=\"}"),
            await s.CallAsync("block_results", """{"height":"2"}"""));
        Assert.Equal(
            Ok("{\"height\":\"1\",\"txs_results\":[],\"finalize_block_events\":[],\"validator_updates\":[],\"consensus_param_updates\":null,\"app_hash\":\"oaGhoaGhoaGhoaGhoaGhoaGhoaGhoaGhoaGhoaGhoaE=\"}"),
            await s.CallAsync("block_results", """{"height":"1"}"""));
    }

    [Fact]
    public async Task Blockchain_OneMeta()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Ok($"{{\"last_height\":\"3\",\"block_metas\":[{{\"block_id\":{BlockId2},\"block_size\":\"12\",\"header\":{Header2},\"num_txs\":\"2\"}}]}}"),
            await s.CallAsync("blockchain", """{"minHeight":"2","maxHeight":"2"}"""));
    }

    [Fact]
    public async Task Blockchain_Defaults_AreAllHeightsNewestFirst()
    {
        await using var s = await RpcTestServer.StartAsync();
        using var doc = JsonDocument.Parse(await s.CallAsync("blockchain"));
        var heights = doc.RootElement.GetProperty("result").GetProperty("block_metas").EnumerateArray()
            .Select(m => m.GetProperty("header").GetProperty("height").GetString()!).ToArray();
        Assert.Equal(new[] { "3", "2", "1" }, heights);
    }

    [Theory]
    [InlineData("{}", 28, 9)]
    [InlineData("""{"minHeight":"1","maxHeight":"10"}""", 10, 1)]
    [InlineData("""{"minHeight":"5","maxHeight":"100"}""", 28, 9)]
    [InlineData("""{"minHeight":"5","maxHeight":"12"}""", 12, 5)]
    public async Task Blockchain_ReturnsAtMost20MetasNewestFirst(string args, long first, long last)
    {
        var backend = new FakeBackend();
        backend.AddEmptyBlocks(25);
        await using var s = await RpcTestServer.StartAsync(backend);
        using var doc = JsonDocument.Parse(await s.CallAsync("blockchain", args));
        var result = doc.RootElement.GetProperty("result");
        Assert.Equal("28", result.GetProperty("last_height").GetString());
        var heights = result.GetProperty("block_metas").EnumerateArray()
            .Select(m => long.Parse(m.GetProperty("header").GetProperty("height").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(first, heights[0]);
        Assert.Equal(last, heights[^1]);
        Assert.Equal(first - last + 1, heights.Count);
        Assert.True(heights.Count <= 20);
    }

    [Theory]
    [InlineData("""{"minHeight":"-1"}""", "heights must be non-negative")]
    [InlineData("""{"minHeight":"3","maxHeight":"2"}""", "min height 3 can't be greater than max height 2")]
    public async Task Blockchain_BadRange(string args, string data)
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(Err(-32603, "Internal error", data), await s.CallAsync("blockchain", args));
    }

    [Fact]
    public async Task Block_UriForm_MatchesPost()
    {
        await using var s = await RpcTestServer.StartAsync();
        var (status, body, _) = await s.GetAsync("/block?height=2");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Ok(Block2, "-1"), body);
        var (_, quoted, _) = await s.GetAsync("/block?height=%222%22");
        Assert.Equal(body, quoted);
    }
}
