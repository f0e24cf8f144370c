using static MirrorChain.Contracts.Mirror.Tests.Collector.CollectorFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Collector;

/// <summary>
/// The fee pipeline: protocol fees reach the collector (as the mint sends them: a bank send of UST, a cw20 transfer
/// of the collateral or mAsset), convert(fee token) → UST, convert(MIR) → MIR, distribute → gov deposit_reward.
/// Every amount is the Terraswap formula applied to the seeded reserves.
/// </summary>
public sealed class EndToEndTests
{
    private const ulong AaplPool = 100_000_000;
    private const ulong AaplUstPool = 15_000_000_000;
    private const ulong MirPool = 500_000_000;
    private const ulong MirUstPool = 1_000_000_000;

    private static readonly Address Payer = Testing.TestAddress.Of("mint0000");

    private readonly CollectorFixture _f = new();

    public EndToEndTests()
    {
        _f.TokenPair(_f.MAapl, AaplPool, Uusd, AaplUstPool);
        _f.TokenPair(_f.Mir, MirPool, Uusd, MirUstPool);
    }

    /// <summary>One fee round: the fees arrive, the collector converts mAAPL to UST and UST to MIR, and distributes.</summary>
    private void PayConvertAndDistribute(UInt128 ust, UInt128 aapl)
    {
        PayFees(ust, aapl);
        _f.Convert(_f.MAapl);
        _f.Convert(_f.Mir);
        _f.Distribute();
    }

    private void PayFees(UInt128 ust, UInt128 aapl)
    {
        _f.App.Mint(Payer, new Coin(Uusd, ust));
        _f.App.Send(Payer, _f.Collector, new Coin(Uusd, ust));
        _f.MintToken(_f.MAapl, Payer, aapl);
        _f.App.Execute(Payer, _f.MAapl, $"{{\"transfer\":{{\"recipient\":\"{_f.Collector}\",\"amount\":\"{aapl}\"}}}}");
    }

    [Fact]
    public void UstAndMAssetFeesReachGovAsMir()
    {
        PayFees(ust: 10_000_000, aapl: 1_000_000);

        _f.Convert(_f.MAapl);
        var ust = 10_000_000 + SwapFormula.Net(AaplPool, AaplUstPool, 1_000_000);
        Assert.Equal(ust, _f.App.Balance(_f.Collector, Uusd));
        _f.Convert(_f.Mir);
        var mir = SwapFormula.Net(MirUstPool, MirPool, ust);
        Assert.Equal(mir, _f.TokenBalance(_f.Mir, _f.Collector));
        var res = _f.Distribute();

        Assert.Equal((UInt128)158_069_307, ust);
        Assert.Equal([("action", "distribute"), ("amount", mir.ToString())], AttributesOf(res, _f.Collector));
        var deposit = Assert.Single(_f.GovDeposits());
        Assert.Equal(mir.ToString(), deposit.Amount);
        Assert.Equal(_f.Collector.ToString(), deposit.Sender);
        Assert.Equal(mir, _f.TokenBalance(_f.Mir, _f.Gov));
        Assert.Equal(UInt128.Zero, _f.TokenBalance(_f.Mir, _f.Collector));
        Assert.Equal(UInt128.Zero, _f.App.Balance(_f.Collector, Uusd));
        Assert.Equal(UInt128.Zero, _f.TokenBalance(_f.MAapl, _f.Collector));
    }

    [Fact]
    public void TwoRoundsCompoundOnTheMovedPools()
    {
        PayConvertAndDistribute(ust: 2_000_000, aapl: 300_000);

        var ust1 = 2_000_000 + SwapFormula.Net(AaplPool, AaplUstPool, 300_000);
        var mir1 = SwapFormula.Net(MirUstPool, MirPool, ust1);
        var aaplPool = AaplPool + 300_000;
        var aaplUstPool = AaplUstPool - SwapFormula.Net(AaplPool, AaplUstPool, 300_000);
        var mirUstPool = MirUstPool + ust1;
        var mirPool = MirPool - mir1;

        PayConvertAndDistribute(ust: 5_000_000, aapl: 700_000);

        var ust2 = 5_000_000 + SwapFormula.Net(aaplPool, aaplUstPool, 700_000);
        var mir2 = SwapFormula.Net(mirUstPool, mirPool, ust2);
        Assert.Equal([mir1.ToString(), mir2.ToString()], _f.GovDeposits().Select(d => d.Amount));
        Assert.Equal(mir1 + mir2, _f.TokenBalance(_f.Mir, _f.Gov));
    }

    [Fact]
    public void CollateralFeesJoinThePipeline()
    {
        // aUST redeemed at 1.2, bLuna sold via uluna, plus UST: one MIR purchase for the sum.
        _f.TokenPair(_f.Bluna, 1_000_000_000, Uluna, 1_000_000_000);
        _f.LunaUstPair(1_000_000_000, 80_000_000_000);
        _f.MintToken(_f.Aust, _f.Collector, 1_000_000);
        _f.MintToken(_f.Bluna, _f.Collector, 2_000_000);
        _f.App.Mint(_f.Collector, new Coin(Uusd, 3_000_000));

        _f.Convert(_f.Aust);
        _f.Convert(_f.Bluna);
        _f.Convert(_f.Mir);
        _f.Distribute();

        var luna = SwapFormula.Net(1_000_000_000, 1_000_000_000, 2_000_000);
        var ust = 3_000_000 + Decimal.Mul(1_000_000, Decimal.Parse(AnchorRate)) + SwapFormula.Net(1_000_000_000, 80_000_000_000, luna);
        var mir = SwapFormula.Net(MirUstPool, MirPool, ust);
        Assert.Equal(mir.ToString(), Assert.Single(_f.GovDeposits()).Amount);
        Assert.Equal(UInt128.Zero, _f.App.Balance(_f.Collector, Uusd));
        Assert.Equal(UInt128.Zero, _f.App.Balance(_f.Collector, Uluna));
    }
}
