using static MirrorChain.Contracts.Mirror.Tests.Collector.CollectorFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Collector;

/// <summary>
/// convert through real Terraswap pairs: an mAsset is sold for UST on its pair (cw20 send + swap hook), and
/// convert(MIR) buys MIR with the whole UST balance (native swap, max_spread 0.5). Expected amounts come from
/// <see cref="SwapFormula"/> over the seeded reserves.
/// </summary>
public sealed class ConvertTests
{
    private const ulong AaplPool = 100_000_000;
    private const ulong AaplUstPool = 15_000_000_000;
    private const ulong MirPool = 500_000_000;
    private const ulong MirUstPool = 1_000_000_000;

    private readonly CollectorFixture _f = new();
    private readonly Address _aaplPair;
    private readonly Address _mirPair;

    public ConvertTests()
    {
        _aaplPair = _f.TokenPair(_f.MAapl, AaplPool, Uusd, AaplUstPool);
        _mirPair = _f.TokenPair(_f.Mir, MirPool, Uusd, MirUstPool);
    }

    [Fact]
    public void MAssetIsSoldForUstOnItsPair()
    {
        _f.MintToken(_f.MAapl, _f.Collector, 1_000_000);

        var res = _f.Convert(_f.MAapl);

        var (net, spread, commission) = SwapFormula.Swap(AaplPool, AaplUstPool, 1_000_000);
        Assert.Equal((UInt128)148_069_307, net); // 15e9 − ⌊1.5e18/1.01e8⌋ = 148_514_851 gross, − 445_544 commission
        Assert.Equal(
            [("action", "convert"), ("swap_type", "direct"), ("asset_token", _f.MAapl.ToString())],
            AttributesOf(res, _f.Collector));
        var pairAttrs = AttributesOf(res, _aaplPair);
        Assert.Contains(("action", "swap"), pairAttrs);
        Assert.Contains(("sender", _f.Collector.ToString()), pairAttrs);
        Assert.Contains(("offer_amount", "1000000"), pairAttrs);
        Assert.Contains(("return_amount", net.ToString()), pairAttrs);
        Assert.Contains(("spread_amount", spread.ToString()), pairAttrs);
        Assert.Contains(("commission_amount", commission.ToString()), pairAttrs);
        Assert.Equal(net, _f.App.Balance(_f.Collector, Uusd));
        Assert.Equal(UInt128.Zero, _f.TokenBalance(_f.MAapl, _f.Collector));
        Assert.Equal((UInt128)(AaplPool + 1_000_000), _f.Reserve(_aaplPair, TokenInfo(_f.MAapl)));
        Assert.Equal(AaplUstPool - net, _f.Reserve(_aaplPair, Native(Uusd)));
    }

    [Fact]
    public void MirConvertBuysMirWithTheWholeUstBalance()
    {
        _f.App.Mint(_f.Collector, new Coin(Uusd, 10_000_000));

        var res = _f.Convert(_f.Mir);

        var net = SwapFormula.Net(MirUstPool, MirPool, 10_000_000);
        Assert.Equal((UInt128)4_935_644, net); // gross 4_950_495, commission 14_851
        Assert.Equal(
            [("action", "convert"), ("swap_type", "direct"), ("asset_token", _f.Mir.ToString())],
            AttributesOf(res, _f.Collector));
        Assert.Contains(("offer_amount", "10000000"), AttributesOf(res, _mirPair));
        Assert.Equal(net, _f.TokenBalance(_f.Mir, _f.Collector));
        Assert.Equal(UInt128.Zero, _f.App.Balance(_f.Collector, Uusd));
        Assert.Equal((UInt128)(MirUstPool + 10_000_000), _f.Reserve(_mirPair, Native(Uusd)));
        Assert.Equal(MirPool - net, _f.Reserve(_mirPair, TokenInfo(_f.Mir)));
    }

    [Fact]
    public void ConvertIsPermissionless()
    {
        _f.MintToken(_f.MAapl, _f.Collector, 500);
        var stranger = Testing.TestAddress.Of("stranger");

        _f.Convert(_f.MAapl, stranger);

        Assert.Equal(SwapFormula.Net(AaplPool, AaplUstPool, 500), _f.App.Balance(_f.Collector, Uusd));
        Assert.Equal(UInt128.Zero, _f.App.Balance(stranger, Uusd));
    }

    [Fact]
    public void ZeroTokenBalanceSendsNothing()
    {
        var res = _f.Convert(_f.MAapl);

        Assert.Equal(
            [("action", "convert"), ("swap_type", "direct"), ("asset_token", _f.MAapl.ToString())],
            AttributesOf(res, _f.Collector));
        Assert.Empty(AttributesOf(res, _f.MAapl));
        Assert.Empty(AttributesOf(res, _aaplPair));
        Assert.Equal((UInt128)AaplPool, _f.Reserve(_aaplPair, TokenInfo(_f.MAapl)));
    }

    [Fact]
    public void ZeroUstBalanceBuysNoMir()
    {
        var res = _f.Convert(_f.Mir);

        Assert.Equal(3, AttributesOf(res, _f.Collector).Count);
        Assert.Empty(AttributesOf(res, _mirPair));
        Assert.Equal(UInt128.Zero, _f.TokenBalance(_f.Mir, _f.Collector));
    }

    [Fact]
    public void ATokenWithoutPairFailsEvenWithNothingToSell()
    {
        var orphan = _f.NewToken("ORPHAN");
        _f.MintToken(orphan, _f.Collector, 100);

        Assert.Equal(
            Exec("Generic error: Querier contract error: terraswap::asset::PairInfoRaw not found"),
            Support.Fail.Execute(() => _f.Convert(orphan)));
        Assert.Equal((UInt128)100, _f.TokenBalance(orphan, _f.Collector));
        var empty = _f.NewToken("EMPTY");
        Assert.Equal(
            Exec("Generic error: Querier contract error: terraswap::asset::PairInfoRaw not found"),
            Support.Fail.Execute(() => _f.Convert(empty)));
    }

    [Fact]
    public void MirWithoutMirUstPairFails()
    {
        var f = new CollectorFixture();
        f.App.Mint(f.Collector, new Coin(Uusd, 1_000));

        Assert.Equal(
            Exec("Generic error: Querier contract error: terraswap::asset::PairInfoRaw not found"),
            Support.Fail.Execute(() => f.Convert(f.Mir)));
        Assert.Equal((UInt128)1_000, f.App.Balance(f.Collector, Uusd));
    }

    [Fact]
    public void InvalidAssetTokenAddressFails()
    {
        var log = Support.Fail.Execute(() => _f.App.Execute(Addr0, _f.Collector, "{\"convert\":{\"asset_token\":\"uusd\"}}"));

        Assert.Equal(Exec("Generic error: addr_validate errored: decoding bech32 failed: invalid bech32 length 4"), log);
    }

    [Fact]
    public void MirSwapKeepsMaxSpreadHalf()
    {
        // With max_spread only, the pair fails iff S/(R+S) > 0.5 for the gross return R; that is x/(P_o+x) > 0.5, x > P_o.
        _f.App.Mint(_f.Collector, new Coin(Uusd, MirUstPool + 100_000_000));
        var (net, spread, commission) = SwapFormula.Swap(MirUstPool, MirPool, MirUstPool + 100_000_000);
        Assert.True((spread * 2) > net + commission + spread); // the formula agrees the spread exceeds 50 %

        Assert.Equal(Exec("Max spread assertion"), Support.Fail.Execute(() => _f.Convert(_f.Mir)));
        Assert.Equal((UInt128)(MirUstPool + 100_000_000), _f.App.Balance(_f.Collector, Uusd));
    }

    [Fact]
    public void MirSwapJustBelowHalfSpreadSucceeds()
    {
        const ulong offer = MirUstPool - 100_000_000;
        _f.App.Mint(_f.Collector, new Coin(Uusd, offer));
        var (net, spread, commission) = SwapFormula.Swap(MirUstPool, MirPool, offer);
        Assert.True((spread * 2) <= net + commission + spread);

        _f.Convert(_f.Mir);

        Assert.Equal(net, _f.TokenBalance(_f.Mir, _f.Collector));
    }

    [Fact]
    public void TaxHookAtOnePercentOffers99Of100()
    {
        // MirrorChain's tax rate is 0 (so 100 of 100 is offered, see MessageShapeTests); the hook's arithmetic at the
        // upstream test's 1 % rate and 1_000_000 cap gives the upstream 99.
        var tax = Terraswap.TerraTax.Compute(100, Decimal.Percent(1).Atomics, 1_000_000);
        Assert.Equal(SwapFormula.Tax(100, 1, 1_000_000), tax);
        Assert.Equal((UInt128)99, 100 - tax);
    }
}
