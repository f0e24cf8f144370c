using MirrorChain.Execution;

namespace MirrorChain.Node.Tests;

public sealed class MirrorGenesisLimitsTests
{
    private static GenesisDoc Genesis(string maxGas, string? appStateMaxGas) => GenesisDoc.Parse(TestGenesis.Json
        .Replace("\"max_gas\": \"-1\"", $"\"max_gas\": \"{maxGas}\"", StringComparison.Ordinal)
        .Replace("\"app_state\": {}", appStateMaxGas is null
            ? "\"app_state\": {}"
            : $"\"app_state\": {{ \"params\": {{ \"max_block_gas\": {appStateMaxGas} }} }}", StringComparison.Ordinal));

    [Fact]
    public void The_block_gas_limit_reaches_the_ante_from_consensus_params()
    {
        using var db = new MemoryKeyValueStore();
        using var node = ChainNode.Open(db, Genesis("5000000", null), new MirrorApplication());
        Assert.Equal(5_000_000, ChainParams.Load(node.State.Committed).MaxBlockGas);
    }

    [Fact]
    public void App_state_max_block_gas_must_agree_with_consensus_params()
    {
        using (var db = new MemoryKeyValueStore())
        using (var node = ChainNode.Open(db, Genesis("5000000", "5000000"), new MirrorApplication()))
        {
            Assert.Equal(5_000_000, ChainParams.Load(node.State.Committed).MaxBlockGas);
        }
        using var other = new MemoryKeyValueStore();
        var e = Assert.Throws<InvalidDataException>(() => ChainNode.Open(other, Genesis("5000000", "-1"), new MirrorApplication()));
        Assert.Equal("genesis app_state.params.max_block_gas -1 differs from consensus_params.block.max_gas 5000000; make them equal or drop the app_state one", e.Message);
    }

    [Fact]
    public void The_devnet_genesis_limits_are_consistent()
    {
        var devnet = GenesisDoc.Load(MirrorChain.Tests.RepoPaths.File("genesis/devnet.json"));
        Assert.Equal((4_194_304L, 1_000_000_000L), (devnet.MaxBlockBytes, devnet.MaxBlockGas));
        Assert.Equal(1_000_000_000L, devnet.AppState.GetProperty("params").GetProperty("max_block_gas").GetInt64());
    }
}
