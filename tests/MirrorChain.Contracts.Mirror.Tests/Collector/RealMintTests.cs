using System.Globalization;
using MirrorChain.Contracts.Cw20;
using MirrorChain.Contracts.Mirror.CollateralOracle;
using MirrorChain.Contracts.Mirror.Collector;
using MirrorChain.Contracts.Mirror.Lock;
using MirrorChain.Contracts.Mirror.Mint;
using MirrorChain.Contracts.Mirror.Oracle;
using MirrorChain.Contracts.Mirror.Tests.Collector.Fakes;
using MirrorChain.Contracts.Mirror.Tests.Mint.Fakes;
using MirrorChain.Contracts.Testing;
using MirrorChain.Core;
using MirrorChain.Execution.Contracts;
using TerraswapFactory = MirrorChain.Contracts.Terraswap.Factory.FactoryContract;
using TerraswapPair = MirrorChain.Contracts.Terraswap.Pair.PairContract;

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

    private readonly ContractTestApp _app = new(new ContractRegistry()
        .Register(CodeIds.Cw20Base, new Cw20BaseContract())
        .Register(CodeIds.TerraswapPair, new TerraswapPair())
        .Register(CodeIds.TerraswapFactory, new TerraswapFactory())
        .Register(CodeIds.MirrorOracle, new OracleContract())
        .Register(CodeIds.MirrorCollateralOracle, new CollateralOracleContract())
        .Register(CodeIds.MirrorMint, new MintContract())
        .Register(CodeIds.MirrorLock, new LockContract())
        .Register(CodeIds.MirrorStaking, new FakeStaking())
        .Register(CodeIds.MirrorCollector, new CollectorContract())
        .Register(FakeGov.CodeId, new FakeGov()));

    private readonly Address _factory, _oracle, _mint, _collector, _gov, _mir, _aapl, _goog;

    public RealMintTests()
    {
        _factory = _app.Instantiate(CodeIds.TerraswapFactory, Owner, $"{{\"pair_code_id\":{CodeIds.TerraswapPair},\"token_code_id\":{CodeIds.Cw20Base}}}");
        _oracle = _app.Instantiate(CodeIds.MirrorOracle, Owner, $"{{\"owner\":\"{Owner}\",\"base_asset\":\"{Uusd}\"}}");
        _mint = _app.Instantiate(CodeIds.MirrorMint, Owner, $$$"""
            {"owner":"{{{Owner}}}","oracle":"{{{_oracle}}}","collector":"{{{Owner}}}","collateral_oracle":"{{{Owner}}}",
             "staking":"{{{Owner}}}","terraswap_factory":"{{{_factory}}}","lock":"{{{Owner}}}","base_denom":"uusd",
             "token_code_id":1,"protocol_fee_rate":"0.01"}
            """);
        var collateralOracle = _app.Instantiate(CodeIds.MirrorCollateralOracle, Owner, $$$"""
            {"owner":"{{{Owner}}}","mint_contract":"{{{_mint}}}","base_denom":"uusd","mirror_oracle":"{{{_oracle}}}",
             "anchor_oracle":"{{{Owner}}}","band_oracle":"{{{Owner}}}"}
            """);
        var lockContract = _app.Instantiate(CodeIds.MirrorLock, Owner,
            $"{{\"owner\":\"{Owner}\",\"mint_contract\":\"{_mint}\",\"base_denom\":\"uusd\",\"lockup_period\":100}}");
        var staking = _app.Instantiate(CodeIds.MirrorStaking, Owner, $"{{\"mint_contract\":\"{_mint}\"}}");
        _gov = _app.Instantiate(FakeGov.CodeId, Owner, "{}");
        _mir = Token("MIR", Owner, "");
        _aapl = Token("mAAPL", _mint, "");
        _goog = Token("mGOOG", _mint, $"{{\"address\":\"{Lp}\",\"amount\":\"100000000\"}},{{\"address\":\"{Bob}\",\"amount\":\"2000000\"}}");
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

    private Address Token(string symbol, Address minter, string initialBalances) => _app.Instantiate(CodeIds.Cw20Base, Owner, $$$"""
        {"name":"{{{symbol}}} token","symbol":"{{{symbol}}}","decimals":6,"initial_balances":[{{{initialBalances}}}],"mint":{"minter":"{{{minter}}}","cap":null}}
        """);

    private void Seed(Address token, UInt128 tokens, UInt128 ust)
    {
        var native = "{\"native_token\":{\"denom\":\"uusd\"}}";
        var info = $"{{\"token\":{{\"contract_addr\":\"{token}\"}}}}";
        _app.Execute(Lp, _factory, $"{{\"create_pair\":{{\"asset_infos\":[{native},{info}]}}}}");
        var pair = Address.Parse(_app.Query(_factory, $"{{\"pair\":{{\"asset_infos\":[{native},{info}]}}}}").GetProperty("contract_addr").GetString()!);
        if (token == _mir)
        {
            _app.Execute(Owner, token, $"{{\"mint\":{{\"recipient\":\"{Lp}\",\"amount\":\"{tokens}\"}}}}");
        }
        _app.Mint(Lp, new Coin(Uusd, ust));
        _app.Execute(Lp, token, $"{{\"increase_allowance\":{{\"spender\":\"{pair}\",\"amount\":\"{tokens}\"}}}}");
        _app.Execute(Lp, pair, $$$"""
            {"provide_liquidity":{"assets":[{"info":{{{native}}},"amount":"{{{ust}}}"},{"info":{{{info}}},"amount":"{{{tokens}}}"}]}}
            """, [new Coin(Uusd, ust)]);
    }

    private UInt128 Balance(Address token, Address holder) => UInt128.Parse(
        _app.Query(token, $"{{\"balance\":{{\"address\":\"{holder}\"}}}}").GetProperty("balance").GetString()!, CultureInfo.InvariantCulture);

    private AppResponse Burn(Address user, string idx, UInt128 amount) => _app.Execute(user, _aapl,
        $"{{\"send\":{{\"contract\":\"{_mint}\",\"amount\":\"{amount}\",\"msg\":\"{CollectorFixture.Base64($"{{\"burn\":{{\"position_idx\":\"{idx}\"}}}}")}\"}}}}");

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
