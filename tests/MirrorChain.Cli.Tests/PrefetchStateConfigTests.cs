using MirrorChain.Node;

namespace MirrorChain.Cli.Tests;

public sealed class PrefetchStateConfigTests
{
    [Fact]
    public void Prefetch_state_is_on_by_default_and_node_json_can_turn_it_off()
    {
        var byDefault = NodeConfigFile.FromJson("{}", "node.json");
        var off = NodeConfigFile.FromJson("""{ "prefetch_state": false }""", "node.json");

        Assert.True(byDefault.PrefetchState);
        Assert.True(NodeStartup.Options(byDefault, _ => { }, NoNodeMetrics.Instance).PrefetchState);
        Assert.False(NodeStartup.Options(off, _ => { }, NoNodeMetrics.Instance).PrefetchState);
        Assert.Contains("\"prefetch_state\": true", byDefault.ToJson(), StringComparison.Ordinal);
    }
}
