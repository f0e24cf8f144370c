using static MirrorChain.Contracts.Mirror.Tests.Mint.MintFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Mint;

/// <summary>
/// Short positions (upstream tests in contracts/mirror_mint/src/testing/short_test.rs: open, mint, burn and close of a
/// short position).
/// </summary>
public sealed class ShortPositionTests
{
    private readonly MintFixture _f = new();

    private (Address Asset, Address Pair) Setup(string mcr = "1.5")
    {
        var asset = _f.NewAsset("mAAA", "1", mcr: mcr, balances: (Alice, 1_000));
        var pair = _f.NewPair(asset, "1", 10_000_000);
        return (asset, pair);
    }

    [Fact]
    public void short_open_mints_to_itself_sells_into_the_pair_locks_the_proceeds_and_bonds_short_tokens()
    {
        var (asset, pair) = Setup();
        var r = _f.OpenNative(Alice, 1_000_000, asset, "1.5", shortParams: "{}");
        Assert.Equal($"666666{asset}", r.Attribute("mint_amount"));
        Assert.Equal("true", r.Attribute("is_short"));
        Assert.Equal(
            [(_f.Mint.ToString(), "open_position"), (asset.ToString(), "mint"), (asset.ToString(), "send"), (pair.ToString(), "swap"),
             (_f.Lock.ToString(), "lock_position_funds_hook"), (_f.Staking.ToString(), "increase_short_token")],
            Actions(r));
        Assert.Equal(_f.Mint.ToString(), AttributesOf(r, asset)["to"]);
        var swap = AttributesOf(r, pair);
        Assert.Equal(("666666", _f.Lock.ToString(), "null", "null"), (swap["offer_amount"], swap["receiver"], swap["belief_price"], swap["max_spread"]));
        var lockHook = AttributesOf(r, _f.Lock);
        Assert.Equal(("1", "666666uusd"), (lockHook["position_idx"], lockHook["locked_amount"]));
        Assert.Equal((UInt128)666666, _f.ShortAmount(asset, Alice));
        Assert.Equal((UInt128)1_000, _f.Cw20Balance(asset, Alice)); // the owner receives no tokens
        Assert.True(_f.Position(1).GetProperty("is_short").GetBoolean());
        var info = _f.App.Query(_f.Lock, "{\"position_lock_info\":{\"position_idx\":\"1\"}}");
        Assert.Equal((Alice.ToString(), "666666"), (info.GetProperty("receiver").GetString(), info.GetProperty("locked_amount").GetString()));
    }

    [Fact]
    public void Short_params_are_passed_to_the_swap()
    {
        var (asset, pair) = Setup();
        var r = _f.OpenNative(Alice, 1_000_000, asset, "2", shortParams: "{\"belief_price\":\"1.1\",\"max_spread\":\"0.01\"}");
        var swap = AttributesOf(r, pair);
        Assert.Equal(("\"1.1\"", "\"0.01\""), (swap["belief_price"], swap["max_spread"]));
    }

    [Fact]
    public void mint_on_a_short_position_always_sells_even_without_short_params()
    {
        var (asset, pair) = Setup();
        _f.OpenNative(Alice, 1_000_000, asset, "2", shortParams: "{}"); // 500000
        var r = _f.MintMore(Alice, 1, asset, 100);
        Assert.Equal($"100{asset}", r.Attribute("mint_amount"));
        Assert.Equal(
            [(_f.Mint.ToString(), "mint"), (asset.ToString(), "mint"), (asset.ToString(), "send"), (pair.ToString(), "swap"),
             (_f.Lock.ToString(), "lock_position_funds_hook"), (_f.Staking.ToString(), "increase_short_token")],
            Actions(r));
        var swap = AttributesOf(r, pair);
        Assert.Equal(("100", "null", "null"), (swap["offer_amount"], swap["belief_price"], swap["max_spread"]));
        Assert.Equal("500100uusd", AttributesOf(r, _f.Lock)["total_locked_amount"]);
        Assert.Equal((UInt128)500_100, _f.ShortAmount(asset, Alice));
    }

    [Fact]
    public void Short_open_without_a_pair_fails_atomically()
    {
        var asset = _f.NewAsset("mAAA", "1");
        Assert.Contains("not found", Fail(() => _f.OpenNative(Alice, 1_000_000, asset, "2", shortParams: "{}")), StringComparison.Ordinal);
        Assert.False(_f.PositionExists(1));
        Assert.Equal("1", _f.App.Query(_f.Mint, "{\"next_position_idx\":{}}").GetProperty("next_position_idx").GetString());
    }

    [Fact]
    public void burn_on_a_short_position_decreases_the_short_tokens()
    {
        var (asset, _) = Setup();
        _f.OpenNative(Alice, 1_000_000, asset, "2", shortParams: "{}");
        var r = _f.Burn(Alice, 1, asset, 100);
        Assert.Equal("1uusd", r.Attribute("protocol_fee"));
        Assert.Equal(
            [(asset.ToString(), "send"), (_f.Mint.ToString(), "burn"), (asset.ToString(), "burn"), (_f.Staking.ToString(), "decrease_short_token")],
            Actions(r));
        Assert.Equal((UInt128)1, _f.App.Balance(CollectorAddr, Uusd));
        Assert.Equal((UInt128)499_900, _f.ShortAmount(asset, Alice));
    }

    [Fact]
    public void closing_a_short_position_releases_the_locked_funds()
    {
        var (asset, _) = Setup(mcr: "2");
        Assert.Equal($"100{asset}", _f.OpenNative(Alice, 200, asset, "2", shortParams: "{}").Attribute("mint_amount"));
        _f.Burn(Alice, 1, asset, 100);
        Assert.Equal((UInt128)199, _f.PositionCollateral(1));
        var r = _f.WithdrawUusd(Alice, 1, 199);
        Assert.Equal([(_f.Mint.ToString(), "withdraw"), (_f.Lock.ToString(), "release_shorting_funds")], Actions(r));
        Assert.False(_f.PositionExists(1));
        Assert.Equal((UInt128)(199 + 100), _f.App.Balance(Alice, Uusd)); // collateral back + the 100 uusd of sale proceeds
        Assert.Equal(UInt128.Zero, _f.App.Balance(_f.Lock, Uusd));
    }

    [Fact]
    public void Auction_of_a_short_position_decreases_short_tokens_and_releases_on_close()
    {
        var (asset, _) = Setup();
        _f.App.Execute(Alice, asset, $"{{\"transfer\":{{\"recipient\":\"{Bob}\",\"amount\":\"1000\"}}}}");
        _f.OpenNative(Alice, 1_000, asset, "1.5", shortParams: "{}"); // 666
        _f.FeedPrice(asset, "2");
        var r = _f.Auction(Bob, 1, asset, 666); // 666 × 2 / 0.8 = 1665 > 1000: refund ⌊665 × 0.4⌋ = 266, liquidated 400
        Assert.Equal($"400{asset}", r.Attribute("liquidated_amount"));
        Assert.Equal(
            [(asset.ToString(), "send"), (_f.Mint.ToString(), "auction"), (asset.ToString(), "transfer"), (asset.ToString(), "burn"),
             (_f.Staking.ToString(), "decrease_short_token"), (_f.Lock.ToString(), "release_shorting_funds")],
            Actions(r));
        Assert.Equal((UInt128)266, _f.ShortAmount(asset, Alice));
        Assert.Equal((UInt128)666, _f.App.Balance(Alice, Uusd)); // the released sale proceeds
    }
}
