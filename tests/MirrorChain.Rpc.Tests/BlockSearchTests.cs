using System.Text.Json.Nodes;
using static MirrorChain.Rpc.Tests.Golden;

namespace MirrorChain.Rpc.Tests;

public sealed class BlockSearchTests
{
    /// <summary>The heights found, comma-separated in answer order, and total_count.</summary>
    private static async Task<(string Heights, string Total)> SearchAsync(RpcTestServer s, string args)
    {
        var result = JsonNode.Parse(await s.CallAsync("block_search", args))!["result"]!;
        var heights = result["blocks"]!.AsArray().Select(b => b!["block"]!["header"]!["height"]!.GetValue<string>()).ToList();
        return (string.Join(',', heights), result["total_count"]!.GetValue<string>());
    }

    [Fact]
    public async Task BlockSearch_on_block_height_answers_newest_first_by_default()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(("3,2", "2"), await SearchAsync(s, """{"query":"block.height > 1"}"""));
        Assert.Equal(("2,3", "2"), await SearchAsync(s, """{"query":"block.height >= 2","order_by":"asc"}"""));
        Assert.Equal(("2", "1"), await SearchAsync(s, """{"query":"block.height = 2"}"""));
        Assert.Equal(("1,2", "2"), await SearchAsync(s, """{"query":"block.height <= 2 AND block.height > 0","order_by":"asc"}"""));
        Assert.Equal(("", "0"), await SearchAsync(s, """{"query":"block.height > 3"}"""));
    }

    [Fact]
    public async Task BlockSearch_answers_result_blocks_as_the_block_method_does()
    {
        await using var s = await RpcTestServer.StartAsync();
        var found = JsonNode.Parse(await s.CallAsync("block_search", """{"query":"block.height = 3"}"""))!["result"]!["blocks"]![0]!;
        var block = JsonNode.Parse(await s.CallAsync("block", """{"height":"3"}"""))!["result"]!;
        Assert.Equal(block.ToJsonString(), found.ToJsonString());
    }

    [Fact]
    public async Task BlockSearch_pages_with_per_page_and_refuses_a_page_out_of_range()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(("2", "3"), await SearchAsync(s, """{"query":"block.height > 0","page":"2","per_page":"1"}"""));
        Assert.Equal(Err(-32603, "Internal error", "page should be within [1, 3] range, given 4"),
            await s.CallAsync("block_search", """{"query":"block.height > 0","page":"4","per_page":"1"}"""));
    }

    [Fact]
    public async Task BlockSearch_on_an_event_tag_matches_no_block_because_blocks_have_no_finalize_events()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(("", "0"), await SearchAsync(s, """{"query":"block.height > 0 AND begin_block.proposer EXISTS"}"""));
    }

    [Fact]
    public async Task BlockSearch_refuses_bad_queries_and_order()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Contains("invalid query", await s.CallAsync("block_search", """{"query":"block.height >"}"""), StringComparison.Ordinal);
        Assert.Equal(Err(-32603, "Internal error", "expected order_by to be either `asc` or `desc` or empty"),
            await s.CallAsync("block_search", """{"query":"block.height > 0","order_by":"up"}"""));
        Assert.Contains("query", await s.CallAsync("block_search", "{}"), StringComparison.Ordinal);
    }
}
