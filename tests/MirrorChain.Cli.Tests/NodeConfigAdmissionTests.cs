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

    [Theory]
    [InlineData("-1", -1)]
    [InlineData("0", 0)]
    [InlineData("4", 4)]
    public void Mirrorchain_config_sets_it_minus_one_included(string value, int expected)
    {
        var home = NewHome();
        try
        {
            var output = new StringWriter();
            Assert.Equal(0, ConfigCommand.Run(home, "admission_checks_during_block", value, output));
            Assert.Equal($"admission_checks_during_block = {expected} (in {home.NodeConfig})\n", output.ToString());
            Assert.Equal(expected, NodeConfigFile.Load(home.NodeConfig).AdmissionChecksDuringBlock);
        }
        finally
        {
            Directory.Delete(home.Root, recursive: true);
        }
    }

    [Theory]
    [InlineData("-2")]
    [InlineData("+-1")]
    [InlineData("many")]
    public void Mirrorchain_config_refuses_other_values_and_leaves_the_file(string value)
    {
        var home = NewHome();
        try
        {
            ConfigCommand.Run(home, "admission_checks_during_block", "-1", TextWriter.Null);
            var e = Assert.Throws<FormatException>(() => ConfigCommand.Run(home, "admission_checks_during_block", value, TextWriter.Null));
            Assert.Equal($"admission_checks_during_block must be -1 (no limit), 0 or a positive integer, got {value}", e.Message);
            Assert.Equal(-1, NodeConfigFile.Load(home.NodeConfig).AdmissionChecksDuringBlock);
        }
        finally
        {
            Directory.Delete(home.Root, recursive: true);
        }
    }

    [Fact]
    public void Other_numeric_settings_still_refuse_a_negative_value()
    {
        var home = NewHome();
        var e = Assert.Throws<FormatException>(() => ConfigCommand.Run(home, "mempool_max_txs", "-1", TextWriter.Null));
        Assert.Equal("mempool_max_txs must be a non-negative integer, got -1", e.Message);
        Assert.False(File.Exists(home.NodeConfig)); // nothing written
    }

    private static HomeLayout NewHome() =>
        new(Path.Combine(Path.GetTempPath(), "mc-config-admission-" + Guid.NewGuid().ToString("N")));
}
