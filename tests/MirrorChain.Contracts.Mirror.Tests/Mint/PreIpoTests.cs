using static MirrorChain.Contracts.Mirror.Tests.Mint.MintFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Mint;

/// <summary>
/// Pre-IPO assets (upstream test <c>pre_ipo_assets</c> in v2.1.4 contracts/mirror_mint/src/testing/pre_ipo_test.rs,
/// where the asset's oracle feeder triggers the IPO).
/// </summary>
public sealed class PreIpoTests
{
    private readonly MintFixture _f = new();

    private (Address Asset, ulong MintEnd) Register(long window = 10)
    {
        var mintEnd = _f.App.Seconds + (ulong)window;
        var ipo = $"{{\"mint_end\":{mintEnd},\"pre_ipo_price\":\"1\",\"min_collateral_ratio_after_ipo\":\"1.5\"}}";
        var asset = _f.NewAsset("mPRE", "10", discount: "0.2", mcr: "10", ipoParams: ipo, balances: (Alice, 1_000_000));
        return (asset, mintEnd);
    }

    [Fact]
    public void pre_ipo_lifecycle()
    {
        var (asset, mintEnd) = Register();
        Assert.Contains("Collateral asset not found",
            Fail(() => _f.App.Query(_f.CollateralOracle, $"{{\"collateral_asset_info\":{{\"asset\":\"{asset}\"}}}}")), StringComparison.Ordinal);

        _f.App.AdvanceTime(1);
        Assert.Equal($"100000000{asset}", _f.OpenNative(Alice, 2_000_000_000, asset, "20").Attribute("mint_amount"));
        _f.MintMore(Alice, 1, asset, 2_000_000);
        Assert.Equal("10000uusd", _f.Burn(Alice, 1, asset, 1_000_000).Attribute("protocol_fee"));

        _f.App.AdvanceTime(10);
        Assert.Equal($"Generic error: The minting period for this asset ended at time {mintEnd}: execute wasm contract failed",
            Fail(() => _f.OpenNative(Alice, 1_000_000_000, asset, "100")));
        Assert.Equal($"Generic error: The minting period for this asset ended at time {mintEnd}: execute wasm contract failed",
            Fail(() => _f.MintMore(Alice, 1, asset, 1)));
        Assert.Contains($"Generic error: Burning is disabled for assets with limitied minting time. Mint period ended at time {mintEnd}",
            Fail(() => _f.Burn(Alice, 1, asset, 1)), StringComparison.Ordinal);
        // deposit and withdraw stay open at the pre-IPO price
        _f.DepositNative(Alice, 1, 1);
        _f.WithdrawUusd(Alice, 1, 1);

        Assert.Equal(Unauthorized,
            Fail(() => _f.App.Execute(Owner, _f.Mint, $"{{\"trigger_i_p_o\":{{\"asset_token\":\"{asset}\"}}}}")));
        var r = _f.App.Execute(Feeder, _f.Mint, $"{{\"trigger_i_p_o\":{{\"asset_token\":\"{asset}\"}}}}");
        Assert.Equal([("action", "trigger_ipo"), ("asset_token", asset.ToString())], AttributesOf(r, _f.Mint).Select(kv => (kv.Key, kv.Value)));
        var info = _f.App.Query(_f.CollateralOracle, $"{{\"collateral_asset_info\":{{\"asset\":\"{asset}\"}}}}");
        Assert.Equal(("mirror_oracle", "1", false),
            (info.GetProperty("source_type").GetString(), info.GetProperty("multiplier").GetString(), info.GetProperty("is_revoked").GetBoolean()));
        Assert.Equal($"{{\"token\":\"{asset}\",\"auction_discount\":\"0.2\",\"min_collateral_ratio\":\"1.5\",\"end_price\":null,\"ipo_params\":null}}",
            _f.App.Query(_f.Mint, $"{{\"asset_config\":{{\"asset_token\":\"{asset}\"}}}}").GetRawText());

        _f.FeedPrice(asset, "10");
        var post = _f.OpenNative(Alice, 9000, asset, "1.5");
        Assert.Equal(($"599{asset}", "2"), (post.Attribute("mint_amount"), post.Attribute("position_idx")));
        _f.Burn(Alice, 1, asset, 1); // burning works again
    }

    [Fact]
    public void Pre_ipo_uses_the_fixed_price_without_any_oracle_feed_and_mint_end_itself_is_inside()
    {
        var mintEnd = _f.App.Seconds + 100;
        var asset = _f.NewToken("mPRE");
        _f.RegisterAsset(asset, "0.2", "2", $"{{\"mint_end\":{mintEnd},\"pre_ipo_price\":\"0.5\",\"min_collateral_ratio_after_ipo\":\"1.5\"}}");
        _f.App.SetTime(mintEnd);
        Assert.Equal($"1000{asset}", _f.OpenNative(Alice, 1000, asset, "2").Attribute("mint_amount")); // ⌊1000 × 2⌋ × 0.5
    }

    [Fact]
    public void Pre_ipo_accepts_only_base_denom_collateral()
    {
        var (asset, _) = Register(window: 1000);
        _f.RegisterFixedCollateral("uluna", "1", "1");
        Assert.Equal("Generic error: Only uusd can be used as collateral for preIPO assets: execute wasm contract failed",
            Fail(() => _f.OpenNative(Alice, 1000, asset, "20", denom: "uluna")));
    }

    [Fact]
    public void trigger_ipo_needs_the_oracle_feeder_and_ipo_params()
    {
        var normal = _f.NewAsset("mAAA", "1");
        var unknown = _f.NewToken("mZZZ");
        Assert.Equal("Generic error: Failed to fetch the oracle feeder: execute wasm contract failed",
            Fail(() => _f.App.Execute(Feeder, _f.Mint, $"{{\"trigger_i_p_o\":{{\"asset_token\":\"{unknown}\"}}}}")));
        Assert.Equal("Generic error: Asset does not have IPO params: execute wasm contract failed",
            Fail(() => _f.App.Execute(Feeder, _f.Mint, $"{{\"trigger_i_p_o\":{{\"asset_token\":\"{normal}\"}}}}")));
        Assert.Equal(Unauthorized,
            Fail(() => _f.App.Execute(Alice, _f.Mint, $"{{\"trigger_i_p_o\":{{\"asset_token\":\"{normal}\"}}}}")));
    }
}
