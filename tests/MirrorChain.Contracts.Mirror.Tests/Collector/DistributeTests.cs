using static MirrorChain.Contracts.Mirror.Tests.Collector.CollectorFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Collector;

/// <summary>distribute: the whole MIR balance goes to gov as a cw20 send with the deposit_reward hook.</summary>
public sealed class DistributeTests
{
    private readonly CollectorFixture _f = new();

    [Fact]
    public void WholeMirBalanceIsSentToGovDepositReward()
    {
        _f.MintToken(_f.Mir, _f.Collector, 100);

        var res = _f.Distribute();

        Assert.Equal([("action", "distribute"), ("amount", "100")], AttributesOf(res, _f.Collector));
        var deposit = Assert.Single(_f.GovDeposits());
        Assert.Equal(new Fakes.FakeGov.Deposit(_f.Mir.ToString(), _f.Collector.ToString(), "100", """{"deposit_reward":{}}"""), deposit);
        Assert.Equal((UInt128)100, _f.TokenBalance(_f.Mir, _f.Gov));
        Assert.Equal(UInt128.Zero, _f.TokenBalance(_f.Mir, _f.Collector));
        Assert.Contains(("action", "send"), AttributesOf(res, _f.Mir));
    }

    [Fact]
    public void AnyoneMayDistribute()
    {
        _f.MintToken(_f.Mir, _f.Collector, 7);

        _f.Distribute(TestAddress.Of("stranger"));

        Assert.Equal((UInt128)7, _f.TokenBalance(_f.Mir, _f.Gov));
    }

    [Fact]
    public void ZeroBalanceEmitsASendOfZeroThatTheTokenRefuses()
    {
        Assert.Equal(Exec("Invalid zero amount"), Support.Fail.Execute(() => _f.Distribute()));
        Assert.Empty(_f.GovDeposits());
    }

    [Fact]
    public void OtherTokensAreNotDistributed()
    {
        _f.MintToken(_f.MAapl, _f.Collector, 50);
        _f.MintToken(_f.Mir, _f.Collector, 1);

        _f.Distribute();

        Assert.Equal((UInt128)50, _f.TokenBalance(_f.MAapl, _f.Collector));
        Assert.Equal("1", Assert.Single(_f.GovDeposits()).Amount);
    }
}
