using MirrorChain.Contracts.Mirror.Tests.Collector.Fakes;
using MirrorChain.Contracts.Mirror.Tests.Mint.Fakes;

namespace MirrorChain.Contracts.Mirror.Tests.Collector;

/// <summary>
/// The whole fee path with the real mint: burning mAAPL charges the protocol fee (1 %) on the position's collateral,
/// in UST for a UST position and in mGOOG for an mGOOG-collateral position; the mint sends it to the collector, which
/// sells mGOOG for UST, buys MIR with all its UST and deposits the MIR in (fake) gov. Real cw20, oracle, collateral
/// oracle, mint, lock and Terraswap; staking is the mint tests' stand-in.
/// </summary>
public sealed class RealMintTests
{
    private const string Uusd = "uusd";
    private static readonly Address Owner = TestAddress.Of("owner0000");
    private static readonly Address Feeder = TestAddress.Of("feeder0000");
    private static readonly Address Alice = TestAddress.Of("addr0000");
    private static readonly Address Bob = TestAddress.Of("addr0001");
    private static readonly Address Lp = TestAddress.Of("liquidity0000");

    private readonly ContractTestApp _app = new(TestCodes.Registry((CodeIds.MirrorStaking, new FakeStaking()), (FakeGov.CodeId, new FakeGov())));

    private readonly Address _factory, _oracle, _mint, _collector, _gov, _mir, _aapl, _goog;

    public RealMintTests()
    {
        _factory = _app.Instantiate(CodeIds.TerraswapFactory, Owner, InstantiateMsgs.TerraswapFactory());
        _oracle = _app.Instantiate(CodeIds.MirrorOracle, Owner, InstantiateMsgs.Oracle(Owner));
        _mint = _app.Instantiate(CodeIds.MirrorMint, Owner, InstantiateMsgs.Mint(Owner, _oracle, collector: Owner, collateralOracle: Owner,
            staking: Owner, _factory, lockContract: Owner, protocolFeeRate: "0.01"));
        var collateralOracle = _app.Instantiate(CodeIds.MirrorCollateralOracle, Owner,
            InstantiateMsgs.CollateralOracle(Owner, _mint, _oracle, anchorOracle: Owner, bandOracle: Owner));
        var lockContract = _app.Instantiate(CodeIds.MirrorLock, Owner, InstantiateMsgs.Lock(Owner, _mint, lockupPeriod: 100));
        var staking = _app.Instantiate(CodeIds.MirrorStaking, Owner, $"{{\"mint_contract\":\"{_mint}\"}}");
        _gov = _app.Instantiate(FakeGov.CodeId, Owner, "{}");
        _mir = Token("MIR", Owner);
        _aapl = Token("mAAPL", _mint);
        _goog = Token("mGOOG", _mint, (Lp, 100_000_000), (Bob, 2_000_000));
        _collector = _app.Instantiate(CodeIds.MirrorCollector, Owner, $$$"""
            {"owner":"{{{Owner}}}","distribution_contract":"{{{_gov}}}","terraswap_factory":"{{{_factory}}}","mirror_token":"{{{_mir}}}",
             "base_denom":"uusd","aust_token":"{{{Owner}}}","anchor_market":"{{{Owner}}}","bluna_token":"{{{Owner}}}","lunax_token":"{{{Owner}}}"}
            """);
        _app.Execute(Owner, _mint, $$$"""
            {"update_config":{"collector":"{{{_collector}}}","collateral_oracle":"{{{collateralOracle}}}","lock":"{{{lockContract}}}","staking":"{{{staking}}}"}}
            """);
        foreach (var (token, price) in new[] { (_aapl, "100"), (_goog, "50") })
        {
            _app.Execute(Owner, _mint, $"{{\"register_asset\":{{\"asset_token\":\"{token}\",\"auction_discount\":\"0.2\",\"min_collateral_ratio\":\"1.5\"}}}}");
            _app.Execute(Owner, _oracle, $"{{\"register_asset\":{{\"asset_token\":\"{token}\",\"feeder\":\"{Feeder}\"}}}}");
            _app.Execute(Feeder, _oracle, $"{{\"feed_price\":{{\"prices\":[[\"{token}\",\"{price}\"]]}}}}");
        }
        Seed(_goog, 100_000_000, 5_000_000_000);
        Seed(_mir, 500_000_000, 1_000_000_000);
    }

    private Address Token(string symbol, Address minter, params (Address Holder, UInt128 Amount)[] balances) =>
        _app.Instantiate(CodeIds.Cw20Base, Owner, Cw20Token.InstantiateJson($"{symbol} token", symbol, minter, balances));

    private void Seed(Address token, UInt128 tokens, UInt128 ust)
    {
        var (pair, _) = TerraswapPools.Create(_app, _factory, Lp, AssetJson.Native(Uusd), AssetJson.Token(token));
        if (token == _mir)
        {
            _app.Execute(Owner, token, $"{{\"mint\":{{\"recipient\":\"{Lp}\",\"amount\":\"{tokens}\"}}}}");
        }
        TerraswapPools.Provide(_app, Lp, pair, Uusd, ust, token, tokens);
    }

    private UInt128 Balance(Address token, Address holder) => Cw20Token.Balance(_app, token, holder);

    private AppResponse Burn(Address user, string idx, UInt128 amount) =>
        _app.Execute(user, _aapl, Cw20Token.SendJson(_mint, amount, $"{{\"burn\":{{\"position_idx\":\"{idx}\"}}}}"));

    [Fact]
    public void MintProtocolFeesInUstAndInAnMAssetReachGovAsMir()
    {
        // Alice: 3_000_000 uusd at cr 2 mints ⌊3_000_000 / 2 / 100⌋ = 15_000 mAAPL; burning them all costs
        // ⌊⌊15_000 × 100⌋ × 0.01⌋ = 15_000 uusd of protocol fee.
        _app.Mint(Alice, new Coin(Uusd, 3_000_000));
        _app.Execute(Alice, _mint, $$$"""
            {"open_position":{"collateral":{"info":{"native_token":{"denom":"uusd"}},"amount":"3000000"},"asset_info":{"token":{"contract_addr":"{{{_aapl}}}"}},"collateral_ratio":"2"}}
            """, [new Coin(Uusd, 3_000_000)]);
        var aliceMinted = Balance(_aapl, Alice);
        Assert.Equal((UInt128)15_000, aliceMinted);
        var ustFee = Burn(Alice, "1", aliceMinted).Attribute("protocol_fee");
        Assert.Equal("15000uusd", ustFee);

        // Bob: 2_000_000 mGOOG (price 50) at cr 2 mints ⌊2_000_000 × 50 / 2 / 100⌋ = 500_000 mAAPL; the fee is
        // ⌊⌊500_000 × (100 / 50)⌋ × 0.01⌋ = 10_000 mGOOG.
        var open = $$$"""{"open_position":{"asset_info":{"token":{"contract_addr":"{{{_aapl}}}"}},"collateral_ratio":"2"}}""";
        _app.Execute(Bob, _goog, $"{{\"send\":{{\"contract\":\"{_mint}\",\"amount\":\"2000000\",\"msg\":\"{CollectorFixture.Base64(open)}\"}}}}");
        var bobMinted = Balance(_aapl, Bob);
        Assert.Equal((UInt128)500_000, bobMinted);
        Assert.Equal($"10000{_goog}", Burn(Bob, "2", bobMinted).Attribute("protocol_fee"));

        Assert.Equal((UInt128)15_000, _app.Balance(_collector, Uusd));
        Assert.Equal((UInt128)10_000, Balance(_goog, _collector));

        _app.Execute(Alice, _collector, $"{{\"convert\":{{\"asset_token\":\"{_goog}\"}}}}");
        _app.Execute(Alice, _collector, $"{{\"convert\":{{\"asset_token\":\"{_mir}\"}}}}");
        _app.Execute(Alice, _collector, "{\"distribute\":{}}");

        var ust = 15_000 + SwapFormula.Net(100_000_000, 5_000_000_000, 10_000);
        var mir = SwapFormula.Net(1_000_000_000, 500_000_000, ust);
        var deposits = Records(_gov);
        Assert.Equal(new FakeGov.Deposit(_mir.ToString(), _collector.ToString(), mir.ToString(), """{"deposit_reward":{}}"""), Assert.Single(deposits));
        Assert.Equal(mir, Balance(_mir, _gov));
        Assert.Equal(UInt128.Zero, _app.Balance(_collector, Uusd));
        Assert.Equal(UInt128.Zero, Balance(_goog, _collector));
    }

    private List<FakeGov.Deposit> Records(Address gov) =>
        System.Text.Json.JsonSerializer.Deserialize<List<FakeGov.Deposit>>(_app.Query(gov, "{\"deposits\":{}}").GetRawText(), ContractJson.Options)!;
}
