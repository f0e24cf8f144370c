using MirrorChain.Contracts.Terraswap;
using static MirrorChain.Contracts.Mirror.Tests.Staking.StakingFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Staking;

/// <summary>
/// auto_stake and auto_stake_hook (Mirror v2.1.4 contracts/mirror_staking/src/contract.rs, upstream
/// <c>test_auto_stake</c>) with the real Terraswap factory, pair and LP token.
/// </summary>
public sealed class AutoStakeTests
{
    private readonly StakingFixture _f = new();
    private readonly Address _asset;
    private readonly Address _pair;
    private readonly Address _lp;

    public AutoStakeTests()
    {
        _asset = _f.NewToken("MAPPL", Owner, (Alice, Plenty), (LiquidityProvider, Plenty));
        (_pair, _lp) = _f.NewPair(_asset, 1000, 10); // 100 LP to the liquidity provider
        _f.RegisterAsset(_asset, _lp);
    }

    private string AutoStakeJson(string first, string second, string? slippage = null) =>
        $$"""{"auto_stake":{"assets":[{{first}},{{second}}]{{(slippage is null ? "" : $",\"slippage_tolerance\":\"{slippage}\"")}} } }""";

    private static string NativeAsset(UInt128 amount) => $$"""{"info":{{NativeInfo(Uusd)}},"amount":"{{amount}}"}""";

    private string TokenAsset(UInt128 amount) => $$"""{"info":{{TokenInfo(_asset)}},"amount":"{{amount}}"}""";

    private Testing.AppResponse AutoStake(UInt128 uusd, UInt128 token, IReadOnlyList<Coin>? funds = null)
    {
        _f.App.Mint(Alice, new Coin(Uusd, uusd));
        _f.App.Execute(Alice, _asset, $"{{\"increase_allowance\":{{\"spender\":\"{_f.Staking}\",\"amount\":\"{token}\"}}}}");
        return _f.App.Execute(Alice, _f.Staking, AutoStakeJson(NativeAsset(uusd), TokenAsset(token)), funds ?? [new Coin(Uusd, uusd)]);
    }

    /// <summary>
    /// On MirrorChain (tax rate 0): 100 uusd + 1 asset into a 1000:10 pool → provide_liquidity with all 100 uusd,
    /// 10 LP minted to staking and bonded for the sender (prev LP balance 40 from an earlier bond).
    /// </summary>
    [Fact]
    public void auto_stake_provides_and_bonds()
    {
        _f.Bond(LiquidityProvider, _lp, _asset, 40);
        var r = AutoStake(100, 1);

        Assert.Equal([("action", "auto_stake"), ("asset_token", _asset.ToString()), ("tax_amount", "0")], AttributesOf(r, _f.Staking));
        Assert.Equal(
            [("action", "bond"), ("staker_addr", Alice.ToString()), ("asset_token", _asset.ToString()), ("amount", "10")],
            AttributesOf(r, _f.Staking, 1));
        Assert.Equal(
            [
                (_f.Staking.ToString(), "auto_stake"),
                (_asset.ToString(), "transfer_from"),
                (_asset.ToString(), "increase_allowance"),
                (_pair.ToString(), "provide_liquidity"),
                (_asset.ToString(), "transfer_from"),
                (_lp.ToString(), "mint"),
                (_f.Staking.ToString(), "bond"),
            ],
            Actions(r));
        Assert.Equal("100uusd, 1" + _asset, r.WasmAttributes.First(a => a.Key == "assets").Value);

        Assert.Equal("50", Str(_f.PoolInfo(_asset), "total_bond_amount"));
        Assert.Equal((UInt128)50, _f.Cw20Balance(_lp, _f.Staking));
        Assert.Equal(
            $$"""{"staker_addr":"{{Alice}}","reward_infos":[{"asset_token":"{{_asset}}","bond_amount":"10","pending_reward":"0","is_short":false,"should_migrate":null}]}""",
            _f.RewardInfo(Alice).GetRawText());
        Assert.Equal((UInt128)1100, _f.App.Balance(_pair, Uusd));
        Assert.Equal((UInt128)0, _f.App.Balance(_f.Staking, Uusd));
    }

    /// <summary>
    /// The upstream test's tax case: Terra's tax at 1% with cap 1_000_000 takes 1 of 100 (99 provided); MirrorChain's
    /// rate is 0.
    /// </summary>
    [Fact]
    public void tax_formula_at_one_percent()
    {
        Assert.Equal((UInt128)1, TerraTax.Compute(100, 10_000_000_000_000_000, 1_000_000));
        Assert.Equal((UInt128)0, TerraTax.Compute(100, 0, 1_000_000));
    }

    [Fact]
    public void missing_assets_and_fund_mismatch()
    {
        _f.App.Mint(Alice, new Coin(Uusd, 1000));
        Assert.Equal(Generic("Missing token asset"), Support.Fail.Execute(() =>
            _f.App.Execute(Alice, _f.Staking, AutoStakeJson(NativeAsset(100), NativeAsset(100)), [new Coin(Uusd, 100)])));
        Assert.Equal(Generic("Missing native asset"), Support.Fail.Execute(() =>
            _f.App.Execute(Alice, _f.Staking, AutoStakeJson(TokenAsset(1), TokenAsset(1)))));
        Assert.Equal(Generic("Native token balance mismatch between the argument and the transferred"), Support.Fail.Execute(() =>
            _f.App.Execute(Alice, _f.Staking, AutoStakeJson(NativeAsset(100), TokenAsset(1)))));
        Assert.Equal(Generic("Native token balance mismatch between the argument and the transferred"), Support.Fail.Execute(() =>
            _f.App.Execute(Alice, _f.Staking, AutoStakeJson(NativeAsset(100), TokenAsset(1)), [new Coin(Uusd, 99)])));
    }

    /// <summary>The pool's staking token must be the pair's LP token.</summary>
    [Fact]
    public void Invalid_staking_token()
    {
        var other = _f.NewToken("OTHER", Owner, (Alice, Plenty), (LiquidityProvider, Plenty));
        _f.NewPair(other, 1000, 10);
        var plainLp = _f.NewToken("PLAINLP", Owner);
        _f.RegisterAsset(other, plainLp);
        _f.App.Mint(Alice, new Coin(Uusd, 100));
        Assert.Equal(Generic("Invalid staking token"), Support.Fail.Execute(() =>
            _f.App.Execute(Alice, _f.Staking,
                AutoStakeJson(NativeAsset(100), $$"""{"info":{{TokenInfo(other)}},"amount":"1"}"""), [new Coin(Uusd, 100)])));
    }

    /// <summary>The hook is for the contract itself only.</summary>
    [Fact]
    public void hook_is_self_only()
    {
        var hook = $$"""{"auto_stake_hook":{"asset_token":"{{_asset}}","staking_token":"{{_lp}}","staker_addr":"{{Alice}}","prev_staking_token_amount":"0"} }""";
        Assert.Equal(Generic("unauthorized"), Support.Fail.Execute(() => _f.App.Execute(Alice, _f.Staking, hook)));
    }

    /// <summary>Without an allowance for staking the token's transfer_from fails and nothing happens.</summary>
    [Fact]
    public void Auto_stake_without_allowance_reverts()
    {
        _f.App.Mint(Alice, new Coin(Uusd, 100));
        var log = Support.Fail.Execute(() =>
            _f.App.Execute(Alice, _f.Staking, AutoStakeJson(NativeAsset(100), TokenAsset(1)), [new Coin(Uusd, 100)]));
        Assert.Equal(Exec("No allowance for this account"), log);
        Assert.Equal((UInt128)100, _f.App.Balance(Alice, Uusd));
    }

    /// <summary>The asset order in the message does not matter (the pair is looked up by both infos).</summary>
    [Fact]
    public void Token_first_order_works()
    {
        _f.App.Mint(Alice, new Coin(Uusd, 200));
        _f.App.Execute(Alice, _asset, $"{{\"increase_allowance\":{{\"spender\":\"{_f.Staking}\",\"amount\":\"2\"}}}}");
        var r = _f.App.Execute(Alice, _f.Staking, AutoStakeJson(TokenAsset(2), NativeAsset(200)), [new Coin(Uusd, 200)]);
        Assert.Equal("20", AttributesOf(r, _f.Staking, 1).First(a => a.Key == "amount").Value);
        Assert.Equal("20", Str(_f.PoolInfo(_asset), "total_bond_amount"));
    }
}
