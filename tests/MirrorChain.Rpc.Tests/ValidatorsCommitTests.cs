using System.Text.Json.Nodes;
using static MirrorChain.Rpc.Tests.Golden;

namespace MirrorChain.Rpc.Tests;

public sealed class ValidatorsCommitTests
{
    private const string DevValidator =
        """{"address":"1111111111111111111111111111111111111111","pub_key":{"type":"tendermint/PubKeyEd25519","value":"IiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiI="},"voting_power":"10","proposer_priority":"0"}""";

    [Fact]
    public async Task Validators_lists_the_node_validator_at_the_next_height_by_default()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Ok($$"""{"block_height":"4","validators":[{{DevValidator}}],"count":"1","total":"1"}"""),
            await s.CallAsync("validators"));
        Assert.Equal(
            Ok($$"""{"block_height":"2","validators":[{{DevValidator}}],"count":"1","total":"1"}"""),
            await s.CallAsync("validators", """{"height":"2"}"""));
    }

    [Theory]
    [InlineData("""{"height":"5"}""", "height 5 must be less than or equal to the current blockchain height 4")]
    [InlineData("""{"height":"0"}""", "height must be greater than 0, but got 0")]
    [InlineData("""{"page":"2"}""", "page should be within [1, 1] range, given 2")]
    public async Task Validators_refuses_heights_and_pages_out_of_range(string args, string error)
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(Err(-32603, "Internal error", error), await s.CallAsync("validators", args));
    }

    [Fact]
    public async Task Validators_pages_a_larger_set_with_count_and_total()
    {
        await using var s = await RpcTestServer.StartAsync(new ThreeValidators());
        var page2 = JsonNode.Parse(await s.CallAsync("validators", """{"page":"2","per_page":"2"}"""))!["result"]!;
        Assert.Equal("1", page2["count"]!.GetValue<string>());
        Assert.Equal("3", page2["total"]!.GetValue<string>());
        Assert.Equal("3333333333333333333333333333333333333333", page2["validators"]![0]!["address"]!.GetValue<string>());
        var all = JsonNode.Parse(await s.CallAsync("validators", """{"per_page":"100"}"""))!["result"]!;
        Assert.Equal(["1111111111111111111111111111111111111111", "2222222222222222222222222222222222222222", "3333333333333333333333333333333333333333"],
            all["validators"]!.AsArray().Select(v => v!["address"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Commit_of_an_earlier_block_is_canonical_and_carries_its_header_and_block_id()
    {
        await using var s = await RpcTestServer.StartAsync();
        var result = JsonNode.Parse(await s.CallAsync("commit", """{"height":"2"}"""))!["result"]!;
        var block = JsonNode.Parse(await s.CallAsync("block", """{"height":"2"}"""))!["result"]!;
        Assert.True(result["canonical"]!.GetValue<bool>());
        Assert.Equal(block["block"]!["header"]!.ToJsonString(), result["signed_header"]!["header"]!.ToJsonString());
        var commit = result["signed_header"]!["commit"]!;
        Assert.Equal(
            $$"""{"height":"2","round":0,"block_id":{{block["block_id"]!.ToJsonString()}},"signatures":[]}""",
            commit.ToJsonString());
    }

    [Fact]
    public async Task Commit_of_the_latest_block_is_not_canonical_and_defaults_to_it()
    {
        await using var s = await RpcTestServer.StartAsync();
        var latest = JsonNode.Parse(await s.CallAsync("commit"))!["result"]!;
        Assert.False(latest["canonical"]!.GetValue<bool>());
        Assert.Equal("3", latest["signed_header"]!["header"]!["height"]!.GetValue<string>());
        Assert.Equal("3", latest["signed_header"]!["commit"]!["height"]!.GetValue<string>());
        Assert.Equal(Err(-32603, "Internal error", "height 4 must be less than or equal to the current blockchain height 3"),
            await s.CallAsync("commit", """{"height":"4"}"""));
    }

    [Fact]
    public async Task Commit_serves_the_signatures_the_backend_supplies_as_CommitSig_json()
    {
        await using var s = await RpcTestServer.StartAsync(new SignedCommits());
        var sigs = JsonNode.Parse(await s.CallAsync("commit", """{"height":"1"}"""))!["result"]!["signed_header"]!["commit"]!["signatures"]!;
        Assert.Equal(
            """[{"block_id_flag":2,"validator_address":"1111111111111111111111111111111111111111","timestamp":"2025-01-01T00:00:01Z","signature":"q6urqw=="},"""
            + """{"block_id_flag":1,"validator_address":"","timestamp":"2025-01-01T00:00:00Z","signature":null}]""",
            sigs.ToJsonString());
    }

    [Fact]
    public async Task Block_last_commit_carries_the_previous_blocks_commit_signatures()
    {
        await using var s = await RpcTestServer.StartAsync(new SignedCommits());
        var block2 = JsonNode.Parse(await s.CallAsync("block", """{"height":"2"}"""))!["result"]!["block"]!["last_commit"]!;
        var commit1 = JsonNode.Parse(await s.CallAsync("commit", """{"height":"1"}"""))!["result"]!["signed_header"]!["commit"]!;
        Assert.Equal("1", block2["height"]!.GetValue<string>());
        Assert.Equal(commit1["signatures"]!.ToJsonString(), block2["signatures"]!.ToJsonString());
        Assert.Equal(commit1["block_id"]!.ToJsonString(), block2["block_id"]!.ToJsonString());
        var block1 = JsonNode.Parse(await s.CallAsync("block", """{"height":"1"}"""))!["result"]!["block"]!["last_commit"]!;
        Assert.Empty(block1["signatures"]!.AsArray()); // no commit before the first block
    }

    private sealed class ThreeValidators : FakeBackend
    {
        public override IReadOnlyList<RpcValidator> ValidatorsAt(long height) =>
        [
            new(Pattern(0x11, 20), "tendermint/PubKeyEd25519", Pattern(0x22, 32), 10, 0),
            new(Pattern(0x22, 20), "tendermint/PubKeyEd25519", Pattern(0x33, 32), 10, 0),
            new(Pattern(0x33, 20), "tendermint/PubKeyEd25519", Pattern(0x44, 32), 10, 0),
        ];
    }

    private sealed class SignedCommits : FakeBackend
    {
        public override IReadOnlyList<CommitSignature> CommitSignatures(long height) =>
        [
            new(2, Pattern(0x11, 20), BaseTime.AddNanoseconds(1_000_000_000), Pattern(0xAB, 4)),
            new(1, [], BaseTime, []),
        ];
    }
}
