using static MirrorChain.Contracts.Mirror.Tests.Collector.CollectorFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Collector;

/// <summary>
/// The fee pipeline ending in the real mirror_gov: with voter_weight 0 the whole deposit_reward is staker yield, so
/// the only staker's balance grows by exactly the MIR the collector bought.
/// </summary>
public sealed class RealGovTests
{
    private const ulong AaplPool = 100_000_000;
    private const ulong AaplUstPool = 15_000_000_000;
    private const ulong MirPool = 500_000_000;
    private const ulong MirUstPool = 1_000_000_000;
    private const ulong Staked = 1_000_000;

    private static readonly Address Staker = Testing.TestAddress.Of("staker0000");

    private readonly CollectorFixture _f = new();
    private readonly Address _gov;

    public RealGovTests()
    {
        _f.TokenPair(_f.MAapl, AaplPool, Uusd, AaplUstPool);
        _f.TokenPair(_f.Mir, MirPool, Uusd, MirUstPool);
        _gov = _f.App.Instantiate(CodeIds.MirrorGov, Owner, $$$"""
            {"mirror_token":"{{{_f.Mir}}}","effective_delay":10000,
             "default_poll_config":{"proposal_deposit":"10000000000","voting_period":10000,"quorum":"0.3","threshold":"0.5"},
             "migration_poll_config":{"proposal_deposit":"20000000000","voting_period":20000,"quorum":"0.4","threshold":"0.6"},
             "auth_admin_poll_config":{"proposal_deposit":"30000000000","voting_period":30000,"quorum":"0.5","threshold":"0.7"},
             "voter_weight":"0","snapshot_period":10,"admin_manager":"{{{Owner}}}","poll_gas_limit":4000000}
            """, label: "gov");
        _f.App.Execute(Owner, _f.Collector, $"{{\"update_config\":{{\"distribution_contract\":\"{_gov}\"}}}}");
        _f.MintToken(_f.Mir, Staker, Staked);
        _f.App.Execute(Staker, _f.Mir,
            $"{{\"send\":{{\"contract\":\"{_gov}\",\"amount\":\"{Staked}\",\"msg\":\"{Base64("{\"stake_voting_tokens\":{}}")}\"}}}}");
    }

    [Fact]
    public void FeesBecomeStakerYieldInGov()
    {
        _f.App.Mint(_f.Collector, new Coin(Uusd, 10_000_000));
        _f.MintToken(_f.MAapl, _f.Collector, 1_000_000);

        _f.Convert(_f.MAapl);
        _f.Convert(_f.Mir);
        var res = _f.Distribute();

        var ust = 10_000_000 + SwapFormula.Net(AaplPool, AaplUstPool, 1_000_000);
        var mir = SwapFormula.Net(MirUstPool, MirPool, ust);
        Assert.Equal([("action", "deposit_reward"), ("amount", mir.ToString())], AttributesOf(res, _gov));
        Assert.Equal(Staked + mir, _f.TokenBalance(_f.Mir, _gov));
        Assert.Equal(Staked + mir, Amount(_f.App.Query(_gov, $"{{\"staker\":{{\"address\":\"{Staker}\"}}}}").GetProperty("balance")));
    }
}
