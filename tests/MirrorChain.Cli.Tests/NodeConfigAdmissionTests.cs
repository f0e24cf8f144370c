namespace MirrorChain.Cli.Tests;

/// <summary>node.json's <c>admission_checks_during_block</c> (docs/node-limits.md): default, parsing, refusal.</summary>
public sealed class NodeConfigAdmissionTests
{
    [Fact]
    public void Absent_it_defaults_to_zero_and_reaches_the_node_options()
    {
        var config = NodeConfigFile.FromJson("{}", "node.json");
        Assert.Equal(0, config.AdmissionChecksDuringBlock);
        Assert.Equal(0, NodeStartup.Options(config, _ => { }, MirrorChain.Node.NoNodeMetrics.Instance).AdmissionChecksDuringBlock);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(3)]
    public void A_given_value_is_kept(int value)
    {
        var config = NodeConfigFile.FromJson($$"""{"admission_checks_during_block": {{value}}}""", "node.json");
        Assert.Equal(value, NodeStartup.Options(config, _ => { }, MirrorChain.Node.NoNodeMetrics.Instance).AdmissionChecksDuringBlock);
    }

    [Fact]
    public void A_value_below_minus_one_is_refused_with_the_file_named()
    {
        var e = Assert.Throws<InvalidDataException>(() => NodeConfigFile.FromJson("""{"admission_checks_during_block": -2}""", "/h/config/node.json"));
        Assert.Equal("/h/config/node.json is not valid: admission_checks_during_block is -2; it must be -1 (no limit), 0 (broadcasts wait for the block) or a positive number of CheckTxs", e.Message);
    }

    [Fact]
    public void A_saved_file_names_the_setting()
    {
        Assert.Contains("\"admission_checks_during_block\": 0", new NodeConfigFile().ToJson(), StringComparison.Ordinal);
    }
}
