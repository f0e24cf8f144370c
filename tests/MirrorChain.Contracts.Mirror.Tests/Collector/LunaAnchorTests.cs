using static MirrorChain.Contracts.Mirror.Tests.Collector.CollectorFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Collector;

/// <summary>
/// The collateral routes: aUST is redeemed at the (fake) Anchor market; bLuna / LunaX are sold for uluna on their
/// real [uluna, token] pairs and the collector's own luna_swap_hook then sells the uluna. MirrorChain has no Terra
/// market swap, so the hook sells on the real Terraswap [uluna, uusd] pair, or fails when there is none.
/// </summary>
public sealed class LunaAnchorTests
{
    private const ulong BlunaPool = 1_000_000_000;
    private const ulong BlunaLunaPool = 1_000_000_000;
    private const ulong LunaxPool = 1_000_000_000;
    private const ulong LunaxLunaPool = 1_100_000_000;
    private const ulong LunaPool = 1_000_000_000;
    private const ulong LunaUstPool = 80_000_000_000;
    private const string NoLunaPair = "Generic error: Market swap is not available on MirrorChain: no terraswap pair for uluna and uusd";

    private const string RedeemStable = """{"redeem_stable":{}}""";

    private readonly CollectorFixture _f = new();

    [Fact]
    public void AustIsRedeemedAtTheAnchorMarket()
    {
        _f.MintToken(_f.Aust, _f.Collector, 100);

        var res = _f.Convert(_f.Aust);

        Assert.Equal(
            [("action", "convert"), ("swap_type", "anchor_redeem"), ("asset_token", _f.Aust.ToString())],
            AttributesOf(res, _f.Collector));
        var record = Assert.Single(Records(_f.App, _f.AnchorMarket));
        Assert.Equal(_f.Aust.ToString(), record.Sender);
        Assert.Equal($$$"""{"receive":{"sender":"{{{_f.Collector}}}","amount":"100","msg":"{{{Base64(RedeemStable)}}}"}}""", record.Msg);
        Assert.Equal(UInt128.Zero, _f.TokenBalance(_f.Aust, _f.Collector));
        Assert.Equal((UInt128)100, _f.TokenBalance(_f.Aust, _f.AnchorMarket));
        Assert.Equal(Decimal.Mul(100, Decimal.Parse(AnchorRate)), _f.App.Balance(_f.Collector, Uusd)); // 120
    }

    [Fact]
    public void ZeroAustSendsNothing()
    {
        var res = _f.Convert(_f.Aust);

        Assert.Equal(3, AttributesOf(res, _f.Collector).Count);
        Assert.Empty(Records(_f.App, _f.AnchorMarket));
    }

    [Fact]
    public void BlunaIsSoldForLunaThenLunaForUst()
    {
        var blunaPair = _f.TokenPair(_f.Bluna, BlunaPool, Uluna, BlunaLunaPool);
        var lunaPair = _f.LunaUstPair(LunaPool, LunaUstPool);
        _f.MintToken(_f.Bluna, _f.Collector, 10_000_000);

        var res = _f.Convert(_f.Bluna);

        var luna = SwapFormula.Net(BlunaPool, BlunaLunaPool, 10_000_000);
        var ust = SwapFormula.Net(LunaPool, LunaUstPool, luna);
        Assert.Equal(
            [("action", "convert"), ("swap_type", "bluna_swap"), ("asset_token", _f.Bluna.ToString()), ("action", "luna_swap_hook")],
            AttributesOf(res, _f.Collector));
        Assert.Contains(("return_amount", luna.ToString()), AttributesOf(res, blunaPair));
        Assert.Contains(("offer_amount", luna.ToString()), AttributesOf(res, lunaPair));
        Assert.Equal(ust, _f.App.Balance(_f.Collector, Uusd));
        Assert.Equal(UInt128.Zero, _f.App.Balance(_f.Collector, Uluna));
        Assert.Equal(UInt128.Zero, _f.TokenBalance(_f.Bluna, _f.Collector));
        Assert.Equal((UInt128)(LunaPool + luna), _f.Reserve(lunaPair, Native(Uluna)));
    }

    [Fact]
    public void LunaxIsSoldForLunaThenLunaForUst()
    {
        _f.TokenPair(_f.Lunax, LunaxPool, Uluna, LunaxLunaPool);
        _f.LunaUstPair(LunaPool, LunaUstPool);
        _f.MintToken(_f.Lunax, _f.Collector, 3_000_000);

        var res = _f.Convert(_f.Lunax);

        var luna = SwapFormula.Net(LunaxPool, LunaxLunaPool, 3_000_000);
        Assert.Equal(
            [("action", "convert"), ("swap_type", "lunax_swap"), ("asset_token", _f.Lunax.ToString()), ("action", "luna_swap_hook")],
            AttributesOf(res, _f.Collector));
        Assert.Equal(SwapFormula.Net(LunaPool, LunaUstPool, luna), _f.App.Balance(_f.Collector, Uusd));
        Assert.Equal(UInt128.Zero, _f.App.Balance(_f.Collector, Uluna));
    }

    [Fact]
    public void BlunaWithoutLunaUstPairRevertsTheWholeConvert()
    {
        _f.TokenPair(_f.Bluna, BlunaPool, Uluna, BlunaLunaPool);
        _f.MintToken(_f.Bluna, _f.Collector, 10_000_000);

        Assert.Equal(Exec(NoLunaPair), Support.Fail.Execute(() => _f.Convert(_f.Bluna)));
        Assert.Equal((UInt128)10_000_000, _f.TokenBalance(_f.Bluna, _f.Collector));
        Assert.Equal(UInt128.Zero, _f.App.Balance(_f.Collector, Uluna));
    }

    [Fact]
    public void BlunaWithoutItsPairFails()
    {
        _f.MintToken(_f.Bluna, _f.Collector, 10);

        Assert.Equal(
            Exec("Generic error: Querier contract error: terraswap::asset::PairInfoRaw not found"),
            Support.Fail.Execute(() => _f.Convert(_f.Bluna)));
    }

    [Fact]
    public void ZeroBlunaSendsNothingAndSkipsTheHook()
    {
        _f.TokenPair(_f.Bluna, BlunaPool, Uluna, BlunaLunaPool);

        var res = _f.Convert(_f.Bluna);

        Assert.Equal(
            [("action", "convert"), ("swap_type", "bluna_swap"), ("asset_token", _f.Bluna.ToString())],
            AttributesOf(res, _f.Collector));
    }

    [Fact]
    public void LunaSwapHookSellsNativeLunaFeesForAnyone()
    {
        var lunaPair = _f.LunaUstPair(LunaPool, LunaUstPool);
        _f.App.Mint(_f.Collector, new Coin(Uluna, 5_000_000));

        var res = _f.LunaSwapHook(TestAddress.Of("anyone"));

        var ust = SwapFormula.Net(LunaPool, LunaUstPool, 5_000_000);
        Assert.Equal([("action", "luna_swap_hook")], AttributesOf(res, _f.Collector));
        Assert.Contains(("return_amount", ust.ToString()), AttributesOf(res, lunaPair));
        Assert.Equal(ust, _f.App.Balance(_f.Collector, Uusd));
        Assert.Equal(UInt128.Zero, _f.App.Balance(_f.Collector, Uluna));
    }

    [Fact]
    public void LunaSwapHookWithoutLunaDoesNothingEvenWithoutPair()
    {
        var res = _f.LunaSwapHook();

        Assert.Equal([("action", "luna_swap_hook")], AttributesOf(res, _f.Collector));
        Assert.Single(res.Events, e => e.Type == "wasm");
    }

    [Fact]
    public void LunaSwapHookWithLunaButNoPairFails()
    {
        _f.App.Mint(_f.Collector, new Coin(Uluna, 1));

        Assert.Equal(Exec(NoLunaPair), Support.Fail.Execute(() => _f.LunaSwapHook()));
        Assert.Equal((UInt128)1, _f.App.Balance(_f.Collector, Uluna));
    }
}
