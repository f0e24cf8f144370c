namespace MirrorChain.Cli.Tests;

public sealed class TxCommandsTests
{
    [Theory]
    [InlineData(100_000UL, "1.4", 140_000UL)]
    [InlineData(31_064UL, "1.4", 43_490UL)]   // 43489.6 rounds up
    [InlineData(31_064UL, "1", 31_064UL)]
    [InlineData(1UL, "1.75", 2UL)]
    public void Scales_simulated_gas_up_with_integer_math(ulong used, string adjustment, ulong expected) =>
        Assert.Equal(expected, TxCommands.ScaleGas(used, adjustment));

    [Fact]
    public void Home_layout_expands_tilde_and_names_its_files()
    {
        var home = HomeLayout.From("~/mc-test-home");
        var profile = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Equal(Path.Combine(profile, "mc-test-home"), home.Root);
        Assert.Equal(Path.Combine(profile, "mc-test-home", "config", "genesis.json"), home.Genesis);
        Assert.Equal(Path.Combine(profile, "mc-test-home", "data"), home.Data);
    }
}
