using static MirrorChain.Rpc.Tests.Golden;

namespace MirrorChain.Rpc.Tests;

public sealed class ConsensusParamsTests
{
    [Fact]
    public async Task ConsensusParams_shows_the_genesis_block_limits_at_the_next_height_by_default()
    {
        await using var s = await RpcTestServer.StartAsync();
        Assert.Equal(
            Ok("""{"block_height":"4","consensus_params":{"block":{"max_bytes":"22020096","max_gas":"-1"},"evidence":{"max_age_num_blocks":"100000","max_age_duration":"172800000000000","max_bytes":"1048576"},"validator":{"pub_key_types":["ed25519"]},"version":{"app":"1"},"abci":{"vote_extensions_enable_height":"0"}}}"""),
            await s.CallAsync("consensus_params"));
    }

    [Fact]
    public async Task ConsensusParams_at_a_height_and_out_of_range()
    {
        await using var s = await RpcTestServer.StartAsync(new LimitedBackend());
        Assert.Contains("\"block_height\":\"2\",\"consensus_params\":{\"block\":{\"max_bytes\":\"4194304\",\"max_gas\":\"1000000000\"}",
            await s.CallAsync("consensus_params", """{"height":"2"}"""), StringComparison.Ordinal);
        Assert.Contains("height 9 must be less than or equal to the current blockchain height 4",
            await s.CallAsync("consensus_params", """{"height":"9"}"""), StringComparison.Ordinal);
    }

    private sealed class LimitedBackend : FakeBackend
    {
        public override string GenesisJson => Genesis.Replace("\"max_bytes\":\"22020096\",\"max_gas\":\"-1\"", "\"max_bytes\":\"4194304\",\"max_gas\":\"1000000000\"", StringComparison.Ordinal);
    }
}
