using MirrorChain.Contracts.Mirror.Factory;
using MirrorChain.Contracts.Mirror.Tests.Factory.Fakes;

namespace MirrorChain.Contracts.Mirror.Tests.Factory;

/// <summary>
/// A v2.1.4 deployment through the real runtime: mirror_factory with the real cw20 tokens, Terraswap factory/pair,
/// mirror_oracle, collateral oracle, mint and lock, and a stand-in staking (Fakes/FakeRewardStaking). The factory owns
/// oracle, mint and staking; gov (owner0000) owns the factory. The clock starts at the Rust mock time 1_571_797_419, so
/// genesis_time matches the upstream tests. Cw20, Terraswap factory, oracle, mint and staking are wrapped in a
/// <see cref="Recorder"/>: <see cref="Log"/> holds the exact JSON each received.
/// </summary>
internal sealed class FactoryFixture
{
    public const string Uusd = "uusd";
    public const ulong Genesis = 1_571_797_419;
    public static readonly UInt128 EmissionPool = 1_000_000_000_000;

    public static readonly Address GovAddr = TestAddress.Of("owner0000");
    public static readonly Address Feeder = TestAddress.Of("feeder0000");
    public static readonly Address Alice = TestAddress.Of("addr0000");
    public static readonly Address Bob = TestAddress.Of("addr0001");
    public static readonly Address Address0 = TestAddress.Of("address0000");
    public static readonly Address CollectorAddr = TestAddress.Of("collector0000");
    private static readonly Address Placeholder = TestAddress.Of("placeholder0000");

    public FactoryFixture(string schedule = "[]", bool postInitialize = true, bool createMirPair = true)
    {
        ulong[] recorded = [CodeIds.Cw20Base, CodeIds.TerraswapFactory, CodeIds.MirrorOracle, CodeIds.MirrorMint];
        App = new ContractTestApp(TestCodes.Registry((id, code) => recorded.Contains(id) ? new Recorder(code, Log) : code,
            (CodeIds.MirrorStaking, new Recorder(new FakeRewardStaking(), Log)), (CallbackToken.CodeId, new CallbackToken()),
            (ProxyAccount.CodeId, new ProxyAccount())));
        App.SetTime(Genesis);

        Factory = App.Instantiate(CodeIds.MirrorFactory, GovAddr,
            $$$$"""{"token_code_id":{{{{CodeIds.Cw20Base}}}},"base_denom":"{{{{Uusd}}}}","distribution_schedule":{{{{schedule}}}}}""", label: "mirror factory");
        Mir = App.Instantiate(CodeIds.Cw20Base, GovAddr, Cw20Token.InstantiateJson("Mirror Token", "MIR", minter: null, (Factory, EmissionPool)), label: "MIR");
        Oracle = App.Instantiate(CodeIds.MirrorOracle, GovAddr, InstantiateMsgs.Oracle(Factory), label: "oracle");
        Mint = App.Instantiate(CodeIds.MirrorMint, GovAddr, InstantiateMsgs.Mint(GovAddr, Oracle, CollectorAddr, collateralOracle: Placeholder,
            staking: Placeholder, terraswapFactory: Placeholder, lockContract: Placeholder, protocolFeeRate: "0.015"), label: "mint");
        CollateralOracle = App.Instantiate(CodeIds.MirrorCollateralOracle, GovAddr,
            InstantiateMsgs.CollateralOracle(GovAddr, Mint, Oracle, anchorOracle: Placeholder, bandOracle: Placeholder), label: "collateral oracle");
        Lock = App.Instantiate(CodeIds.MirrorLock, GovAddr, InstantiateMsgs.Lock(GovAddr, Mint, lockupPeriod: 100), label: "lock");
        TerraswapFactory = App.Instantiate(CodeIds.TerraswapFactory, GovAddr, InstantiateMsgs.TerraswapFactory(), label: "terraswap factory");
        Staking = App.Instantiate(CodeIds.MirrorStaking, GovAddr, $$$$"""{"owner":"{{{{Factory}}}}","mirror_token":"{{{{Mir}}}}"}""", label: "staking");
        App.Execute(GovAddr, Mint, $$$$"""
            {"update_config":{"owner":"{{{{Factory}}}}","collateral_oracle":"{{{{CollateralOracle}}}}","lock":"{{{{Lock}}}}","staking":"{{{{Staking}}}}","terraswap_factory":"{{{{TerraswapFactory}}}}"}}
            """);
        if (createMirPair)
        {
            App.Execute(Alice, TerraswapFactory, $$$$"""{"create_pair":{"asset_infos":[{{{{NativeInfo(Uusd)}}}},{{{{TokenInfo(Mir)}}}}]}}""");
        }
        if (postInitialize)
        {
            PostInitialize(GovAddr);
        }
        Log.Clear();
    }

    public List<Recorded> Log { get; } = [];

    public ContractTestApp App { get; }
    public Address Factory { get; }
    public Address Mir { get; }
    public Address Oracle { get; }
    public Address Mint { get; }
    public Address CollateralOracle { get; }
    public Address Lock { get; }
    public Address TerraswapFactory { get; }
    public Address Staking { get; }

    public string PostInitializeJson(Address owner) => $$$$"""
        {"post_initialize":{"owner":"{{{{owner}}}}","terraswap_factory":"{{{{TerraswapFactory}}}}","mirror_token":"{{{{Mir}}}}","staking_contract":"{{{{Staking}}}}",
         "oracle_contract":"{{{{Oracle}}}}","mint_contract":"{{{{Mint}}}}","commission_collector":"{{{{CollectorAddr}}}}"}}
        """;

    public AppResponse PostInitialize(Address sender, Address? owner = null) => App.Execute(sender, Factory, PostInitializeJson(owner ?? GovAddr));

    public static string ParamsJson(string discount = "0.05", string mcr = "1.5", uint? weight = null, ulong? mintPeriod = null,
        string? mcrAfterIpo = null, string? preIpoPrice = null)
    {
        var sb = new StringBuilder($"{{\"auction_discount\":\"{discount}\",\"min_collateral_ratio\":\"{mcr}\"");
        if (weight is { } w) sb.Append(CultureInfo.InvariantCulture, $",\"weight\":{w}");
        if (mintPeriod is { } p) sb.Append(CultureInfo.InvariantCulture, $",\"mint_period\":{p}");
        if (mcrAfterIpo is not null) sb.Append(CultureInfo.InvariantCulture, $",\"min_collateral_ratio_after_ipo\":\"{mcrAfterIpo}\"");
        if (preIpoPrice is not null) sb.Append(CultureInfo.InvariantCulture, $",\"pre_ipo_price\":\"{preIpoPrice}\"");
        return sb.Append('}').ToString();
    }

    public static string WhitelistJson(string name, string symbol, Address feeder, string paramsJson) =>
        $$$$"""{"whitelist":{"name":"{{{{name}}}}","symbol":"{{{{symbol}}}}","oracle_feeder":"{{{{feeder}}}}","params":{{{{paramsJson}}}}}}""";

    public AppResponse Whitelist(string name, string symbol, string? paramsJson = null, Address? feeder = null, Address? sender = null) =>
        App.Execute(sender ?? GovAddr, Factory, WhitelistJson(name, symbol, feeder ?? Feeder, paramsJson ?? ParamsJson()));

    /// <summary>Whitelists an mAsset and returns its token address (the reply's asset_token_addr).</summary>
    public Address NewAsset(string symbol, uint? weight = null, Address? feeder = null, string discount = "0.05", string mcr = "1.5") =>
        Address.Parse(Whitelist($"{symbol} token", symbol, ParamsJson(discount, mcr, weight), feeder).Attribute("asset_token_addr")!);

    public AppResponse Distribute(Address? sender = null) => App.Execute(sender ?? Bob, Factory, "{\"distribute\":{}}");

    public AppResponse Revoke(Address sender, Address asset, string? endPrice)
    {
        var price = endPrice is null ? "" : $",\"end_price\":\"{endPrice}\"";
        return App.Execute(sender, Factory, $"{{\"revoke_asset\":{{\"asset_token\":\"{asset}\"{price}}}}}");
    }

    public AppResponse Migrate(Address sender, string name, string symbol, Address from, string endPrice) =>
        App.Execute(sender, Factory,
            $"{{\"migrate_asset\":{{\"name\":\"{name}\",\"symbol\":\"{symbol}\",\"from_token\":\"{from}\",\"end_price\":\"{endPrice}\"}}}}");

    public void FeedPrice(Address asset, string price, Address? feeder = null) =>
        App.Execute(feeder ?? Feeder, Oracle, $"{{\"feed_price\":{{\"prices\":[[\"{asset}\",\"{price}\"]]}}}}");

    public JsonElement Config() => App.Query(Factory, "{\"config\":{}}");

    /// <summary>The factory's stored total_weight (not exposed by any query), read from its storage.</summary>
    public uint TotalWeight() => FactoryState.TotalWeight.Load(new ContractStorage(App.State, Factory, readOnly: true));

    /// <summary>distribution_info's weights as (asset, weight), in the answer's order.</summary>
    public List<(string Asset, uint Weight)> Weights() =>
        [.. DistributionInfo().GetProperty("weights").EnumerateArray().Select(w => (w[0].GetString()!, w[1].GetUInt32()))];

    public JsonElement DistributionInfo() => App.Query(Factory, "{\"distribution_info\":{}}");

    /// <summary>The [uusd, asset] pair from the Terraswap factory: (pair, LP token).</summary>
    public (Address Pair, Address Lp) PairOf(Address asset)
    {
        var info = App.Query(TerraswapFactory, $"{{\"pair\":{{\"asset_infos\":[{NativeInfo(Uusd)},{TokenInfo(asset)}]}}}}");
        return (Address.Parse(info.GetProperty("contract_addr").GetString()!), Address.Parse(info.GetProperty("liquidity_token").GetString()!));
    }

    public JsonElement MintAssetConfig(Address asset) => App.Query(Mint, $"{{\"asset_config\":{{\"asset_token\":\"{asset}\"}}}}");

    public string OracleFeeder(Address asset) => App.Query(Oracle, $"{{\"feeder\":{{\"asset_token\":\"{asset}\"}}}}").GetProperty("feeder").GetString()!;

    public JsonElement StakingPool(Address asset) => App.Query(Staking, $"{{\"pool_info\":{{\"asset_token\":\"{asset}\"}}}}");

    public UInt128 Cw20Balance(Address token, Address holder) => Cw20Token.Balance(App, token, holder);

    /// <summary>The JSON texts the recorded contract <paramref name="contract"/> was executed with (since the last clear).</summary>
    public List<string> ExecutedAt(Address contract) => [.. Log.Where(r => r.Entry == "execute" && r.Contract == contract).Select(r => r.Json)];

    /// <summary>The JSON texts of recorded instantiates (token and LP creations) since the last clear.</summary>
    public List<Recorded> Instantiated() => [.. Log.Where(r => r.Entry == "instantiate")];

    /// <summary>Opens a uusd-collateralised position on <paramref name="asset"/> (the price must be fresh).</summary>
    public AppResponse OpenPosition(Address user, UInt128 collateral, Address asset, string cr)
    {
        App.Mint(user, new Coin(Uusd, collateral));
        return App.Execute(user, Mint, $$$$"""
            {"open_position":{"collateral":{"info":{{{{NativeInfo(Uusd)}}}},"amount":"{{{{collateral}}}}"},"asset_info":{{{{TokenInfo(asset)}}}},"collateral_ratio":"{{{{cr}}}}"}}
            """, [new Coin(Uusd, collateral)]);
    }

    /// <summary>cw20 <c>send</c> of <paramref name="token"/> to <paramref name="contract"/> with a hook.</summary>
    public AppResponse SendHook(Address user, Address token, Address contract, UInt128 amount, string hook) =>
        App.Execute(user, token, Cw20Token.SendJson(contract, amount, hook));

    public static string NativeInfo(string denom) => AssetJson.Native(denom);

    public static string TokenInfo(Address token) => AssetJson.Token(token);

    /// <summary>Addresses in canonical-byte order (the order of the factory's weight bucket).</summary>
    public static List<Address> Canonical(params Address[] addresses) => [.. addresses.Order()];

    /// <summary>The attributes of the n-th wasm event emitted by <paramref name="contract"/>, without _contract_address.</summary>
    public static List<(string Key, string Value)> AttributesOf(AppResponse r, Address contract, int nth = 0) =>
        [.. r.Events.Where(e => e.Type == "wasm" && e.Attributes[0].Value == contract.ToString()).ElementAt(nth)
            .Attributes.Skip(1).Select(a => (a.Key, a.Value))];

    public static string Fail(Action action) => Support.Fail.Execute(action);
}
