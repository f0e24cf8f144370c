using static MirrorChain.Contracts.Mirror.Tests.Mint.MintFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Mint;

/// <summary>
/// deposit, mint and withdraw (upstream tests <c>deposit</c>, <c>mint</c> and <c>withdraw</c> in
/// contracts/mirror_mint/src/testing/positions_test.rs).
/// </summary>
public sealed class DepositWithdrawMintTests
{
    private readonly MintFixture _f = new();

    [Fact]
    public void deposit_native_and_cw20_adds_collateral_only()
    {
        var asset = _f.NewAsset("mAAA", "1");
        var collateral = _f.NewAsset("mBBB", "0.5", balances: (Alice, 2_000_000));
        _f.OpenNative(Alice, 1_000_000, asset, "1.5");
        var r = _f.DepositNative(Alice, 1, 1_000_000);
        Assert.Equal([("action", "deposit"), ("position_idx", "1"), ("deposit_amount", "1000000uusd")], r.WasmAttributes.Skip(1));
        Assert.Equal(((UInt128)2_000_000, (UInt128)666666), (_f.PositionCollateral(1), _f.PositionAsset(1)));

        Assert.Equal($"333333{asset}", _f.OpenCw20(Alice, collateral, 1_000_000, asset, "1.5").Attribute("mint_amount"));
        _f.SendHook(Alice, collateral, 1_000_000, "{\"deposit\":{\"position_idx\":\"2\"}}");
        Assert.Equal(((UInt128)2_000_000, (UInt128)333333), (_f.PositionCollateral(2), _f.PositionAsset(2)));

        var cw20Deposit = $"{{\"deposit\":{{\"position_idx\":\"2\",\"collateral\":{{\"info\":{TokenInfo(collateral)},\"amount\":\"1\"}}}}}}";
        Assert.Equal(Unauthorized, Fail(() => _f.App.Execute(Alice, _f.Mint, cw20Deposit)));
    }

    [Fact]
    public void Deposit_checks_owner_then_collateral()
    {
        var asset = _f.NewAsset("mAAA", "1");
        _f.OpenNative(Alice, 1_000_000, asset, "1.5");
        Assert.Equal(Unauthorized, Fail(() => _f.DepositNative(Bob, 1, 10)));
        _f.App.Mint(Alice, new Coin("uluna", 10));
        var wrong = $"{{\"deposit\":{{\"position_idx\":\"1\",\"collateral\":{{\"info\":{NativeInfo("uluna")},\"amount\":\"10\"}}}}}}";
        Assert.Equal("Generic error: Wrong collateral: execute wasm contract failed",
            Fail(() => _f.App.Execute(Alice, _f.Mint, wrong, [new Coin("uluna", 10)])));
        Assert.Equal("mirror_mint::state::Position not found: execute wasm contract failed", Fail(() => _f.DepositNative(Alice, 9, 10)));
    }

    [Fact]
    public void mint_up_to_the_minimum_ratio_and_not_one_unit_more()
    {
        var asset = _f.NewAsset("mAAA", "100");
        Assert.Equal($"6666{asset}", _f.OpenNative(Alice, 1_000_000, asset, "1.5").Attribute("mint_amount"));
        _f.DepositNative(Alice, 1, 1_000_000);
        // (6666 + 6668) × 100 × 1.5 = 2 000 100 > 2 000 000
        Assert.Equal("Generic error: Cannot mint asset over than min collateral ratio: execute wasm contract failed",
            Fail(() => _f.MintMore(Alice, 1, asset, 6668)));
        var r = _f.MintMore(Alice, 1, asset, 6667);
        Assert.Equal([("action", "mint"), ("position_idx", "1"), ("mint_amount", $"6667{asset}")], r.WasmAttributes.Skip(1).Take(3));
        Assert.Equal([(_f.Mint.ToString(), "mint"), (asset.ToString(), "mint")], Actions(r));
        Assert.Equal((UInt128)13333, _f.PositionAsset(1));
        Assert.Equal((UInt128)13333, _f.Cw20Balance(asset, Alice));
    }

    [Fact]
    public void Mint_checks_owner_and_asset()
    {
        var asset = _f.NewAsset("mAAA", "100");
        var other = _f.NewAsset("mBBB", "100");
        _f.OpenNative(Alice, 1_000_000, asset, "3");
        Assert.Equal(Unauthorized, Fail(() => _f.MintMore(Bob, 1, asset, 1)));
        Assert.Equal("Generic error: Wrong asset: execute wasm contract failed", Fail(() => _f.MintMore(Alice, 1, other, 1)));
        Assert.Equal("Generic error: Wrong asset: execute wasm contract failed", Fail(() => _f.MintMore(Alice, 1, asset, 0)));
    }

    [Fact]
    public void withdraw_keeps_the_minimum_ratio_and_charges_no_fee()
    {
        var asset = _f.NewAsset("mAAA", "100");
        var collateral = _f.NewAsset("mBBB", "50", balances: (Alice, 1_000_000));
        _f.OpenNative(Alice, 1_000_000, asset, "1.5");      // 6666, needs 999 900
        _f.OpenCw20(Alice, collateral, 1_000_000, asset, "1.5"); // 333333, needs 999 999

        Assert.Equal("Generic error: Cannot withdraw collateral over than minimum collateral ratio: execute wasm contract failed",
            Fail(() => _f.WithdrawUusd(Alice, 1, 101)));
        var r = _f.WithdrawUusd(Alice, 1, 100);
        Assert.Equal([("action", "withdraw"), ("position_idx", "1"), ("withdraw_amount", "100uusd"), ("tax_amount", "0uusd")],
            r.WasmAttributes.Skip(1));
        Assert.Equal((UInt128)100, _f.App.Balance(Alice, Uusd));
        Assert.Equal((UInt128)999_900, _f.PositionCollateral(1));
        Assert.Equal(UInt128.Zero, _f.App.Balance(CollectorAddr, Uusd));

        Assert.Contains("Cannot withdraw collateral over than minimum collateral ratio",
            Fail(() => _f.Withdraw(Alice, 2, TokenInfo(collateral), 2)), StringComparison.Ordinal);
        r = _f.Withdraw(Alice, 2, TokenInfo(collateral), 1);
        Assert.Equal($"0{collateral}", r.Attribute("tax_amount"));
        Assert.Equal([(_f.Mint.ToString(), "withdraw"), (collateral.ToString(), "transfer")], Actions(r));
        Assert.Equal((UInt128)1, _f.Cw20Balance(collateral, Alice));
    }

    [Fact]
    public void tax_on_the_withdraw_payout_at_1_percent_is_1_of_100()
    {
        Assert.Equal((UInt128)1, Terraswap.TerraTax.Compute(100, Core.Numerics.Decimal.Percent(1).Atomics, 1_000_000));
        Assert.Equal(UInt128.Zero, Terraswap.TerraTax.Compute(100, UInt128.Zero, 1_000_000));
        Assert.Equal((UInt128)1_000_000, Terraswap.TerraTax.Compute(200_000_000, Core.Numerics.Decimal.Percent(1).Atomics, 1_000_000));
    }

    [Fact]
    public void Withdraw_errors_and_withdraw_all_of_an_empty_position_removes_it()
    {
        var asset = _f.NewAsset("mAAA", "1");
        _f.OpenNative(Alice, 1_000_000, asset, "2");  // 500000
        Assert.Equal(Unauthorized, Fail(() => _f.WithdrawUusd(Bob, 1, 1)));
        Assert.Equal("Generic error: Wrong collateral: execute wasm contract failed", Fail(() => _f.WithdrawUusd(Alice, 1, 0)));
        Assert.Equal("Generic error: Cannot withdraw more than you provide: execute wasm contract failed",
            Fail(() => _f.WithdrawUusd(Alice, 1, 1_000_001)));

        _f.Burn(Alice, 1, asset, 500_000); // fee 5000 from collateral
        Assert.Equal((UInt128)995_000, _f.PositionCollateral(1));
        var r = _f.App.Execute(Alice, _f.Mint, "{\"withdraw\":{\"position_idx\":\"1\"}}");
        Assert.Equal("995000uusd", r.Attribute("withdraw_amount"));
        Assert.False(_f.PositionExists(1));
        Assert.Equal((UInt128)995_000, _f.App.Balance(Alice, Uusd));
        Assert.Empty(_f.App.Query(_f.Mint, $"{{\"positions\":{{\"owner_addr\":\"{Alice}\"}}}}").GetProperty("positions").EnumerateArray());
        Assert.Empty(_f.App.Query(_f.Mint, $"{{\"positions\":{{\"asset_token\":\"{asset}\"}}}}").GetProperty("positions").EnumerateArray());
    }

    [Fact]
    public void Price_rise_from_670_to_800_moves_a_200_percent_mTSLA_position_to_167_5_percent()
    {
        var tsla = _f.NewAsset("mTSLA", "670");
        _f.OpenNative(Alice, 1_340_000_000, tsla, "2");
        var collateral = _f.PositionCollateral(1);
        var asset = _f.PositionAsset(1);
        Assert.Equal(((UInt128)1_340_000_000, (UInt128)999_999), (collateral, asset));
        Assert.Equal((UInt128)20_000, collateral * 10_000 / (asset * 670)); // 200.00 %
        _f.FeedPrice(tsla, "800");
        Assert.Equal((UInt128)16_750, collateral * 10_000 / (asset * 800)); // 167.50 %
        // still above the 150 % minimum: not liquidatable, and 1 340 000 000 − ⌊999 999 × 800⌋ × 1.5 = 140 001 200 can be withdrawn
        Assert.Contains("Cannot liquidate a safely collateralized position",
            Fail(() => _f.Auction(Alice, 1, tsla, 1)), StringComparison.Ordinal);
        Assert.Contains("Cannot withdraw collateral", Fail(() => _f.WithdrawUusd(Alice, 1, 140_001_201)), StringComparison.Ordinal);
        _f.WithdrawUusd(Alice, 1, 140_001_200);
        Assert.Equal((UInt128)1_199_998_800, _f.PositionCollateral(1));
    }
}
