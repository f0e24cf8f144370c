using MirrorChain.Contracts.Mirror.Tests.Mint.Fakes;

namespace MirrorChain.Contracts.Mirror.Tests.Mint;

/// <summary>
/// A mint wired as in v2.1.4, through the real runtime: the real cw20-base tokens, mirror_oracle and collateral
/// oracle, and stand-ins for staking and the Terraswap factory/pair (see Fakes/). Addresses are named after
/// the Rust tests' mock addresses (owner0000, addr0000, …).
/// </summary>
internal sealed class MintFixture
{
    public const string Uusd = "uusd";
    public const ulong LockupPeriod = 100;

    public static readonly Address Owner = TestAddress.Of("owner0000");
    public static readonly Address Feeder = TestAddress.Of("feeder0000");
    public static readonly Address CollectorAddr = TestAddress.Of("collector0000");
    public static readonly Address Alice = TestAddress.Of("addr0000");
    public static readonly Address Bob = TestAddress.Of("addr0001");
    private static readonly Address Placeholder = TestAddress.Of("placeholder0000");

    public MintFixture(string protocolFeeRate = "0.01")
    {
        App = new ContractTestApp(TestCodes.Registry(
            (CodeIds.MirrorStaking, new FakeStaking()), (CodeIds.TerraswapFactory, new FakeTerraswapFactory()), (CodeIds.TerraswapPair, new FakePair())));
        Oracle = App.Instantiate(CodeIds.MirrorOracle, Owner, InstantiateMsgs.Oracle(Owner), label: "oracle");
        Mint = App.Instantiate(CodeIds.MirrorMint, Owner, InstantiateMsgs.Mint(Owner, Oracle, CollectorAddr, collateralOracle: Placeholder,
            staking: Placeholder, terraswapFactory: Placeholder, lockContract: Placeholder, protocolFeeRate), label: "mint");
        CollateralOracle = App.Instantiate(CodeIds.MirrorCollateralOracle, Owner,
            InstantiateMsgs.CollateralOracle(Owner, Mint, Oracle, anchorOracle: Placeholder, bandOracle: Placeholder), label: "collateral oracle");
        Lock = App.Instantiate(CodeIds.MirrorLock, Owner, InstantiateMsgs.Lock(Owner, Mint, LockupPeriod), label: "lock");
        Staking = App.Instantiate(CodeIds.MirrorStaking, Owner, $"{{\"mint_contract\":\"{Mint}\"}}", label: "staking");
        Factory = App.Instantiate(CodeIds.TerraswapFactory, Owner, "{}", label: "factory");
        App.Execute(Owner, Mint, $$$"""
            {"update_config":{"collateral_oracle":"{{{CollateralOracle}}}","lock":"{{{Lock}}}","staking":"{{{Staking}}}","terraswap_factory":"{{{Factory}}}"}}
            """);
    }

    public ContractTestApp App { get; }
    public Address Oracle { get; }
    public Address Mint { get; }
    public Address CollateralOracle { get; }
    public Address Lock { get; }
    public Address Staking { get; }
    public Address Factory { get; }

    /// <summary>A cw20 token (minter = the mint) with optional initial balances.</summary>
    public Address NewToken(string symbol, params (Address Holder, UInt128 Amount)[] balances)
    {
        return App.Instantiate(CodeIds.Cw20Base, Owner, Cw20Token.InstantiateJson($"{symbol} token", symbol, Mint, balances), label: symbol);
    }

    /// <summary>Registers an mAsset in the mint (by the owner) and in the oracle (feeder0000), and feeds its price now.</summary>
    public Address NewAsset(string symbol, string price, string discount = "0.2", string mcr = "1.5", string? ipoParams = null,
        params (Address Holder, UInt128 Amount)[] balances)
    {
        var token = NewToken(symbol, balances);
        RegisterAsset(token, discount, mcr, ipoParams);
        App.Execute(Owner, Oracle, $"{{\"register_asset\":{{\"asset_token\":\"{token}\",\"feeder\":\"{Feeder}\"}}}}");
        FeedPrice(token, price);
        return token;
    }

    public AppResponse RegisterAsset(Address token, string discount, string mcr, string? ipoParams = null, Address? sender = null)
    {
        var ipo = ipoParams is null ? "" : $",\"ipo_params\":{ipoParams}";
        return App.Execute(sender ?? Owner, Mint,
            $"{{\"register_asset\":{{\"asset_token\":\"{token}\",\"auction_discount\":\"{discount}\",\"min_collateral_ratio\":\"{mcr}\"{ipo}}}}}");
    }

    public void FeedPrice(Address token, string price) =>
        App.Execute(Feeder, Oracle, $"{{\"feed_price\":{{\"prices\":[[\"{token}\",\"{price}\"]]}}}}");

    public void SetMultiplier(Address collateralToken, string multiplier) =>
        App.Execute(Owner, CollateralOracle,
            $"{{\"update_collateral_multiplier\":{{\"asset\":{{\"token\":{{\"contract_addr\":\"{collateralToken}\"}}}},\"multiplier\":\"{multiplier}\"}}}}");

    /// <summary>A native collateral registered in the collateral oracle at a fixed price.</summary>
    public void RegisterFixedCollateral(string denom, string price, string multiplier) =>
        App.Execute(Owner, CollateralOracle, $$$"""
            {"register_collateral_asset":{"asset":{"native_token":{"denom":"{{{denom}}}"}},"price_source":{"fixed_price":{"price":"{{{price}}}"}},"multiplier":"{{{multiplier}}}"}}
            """);

    public AppResponse OpenNative(Address user, UInt128 amount, Address asset, string cr, string? shortParams = null, string denom = Uusd)
    {
        App.Mint(user, new Coin(denom, amount));
        return App.Execute(user, Mint, OpenNativeJson(amount, asset, cr, shortParams, denom), [new Coin(denom, amount)]);
    }

    public static string OpenNativeJson(UInt128 amount, Address asset, string cr, string? shortParams = null, string denom = Uusd)
    {
        var sp = shortParams is null ? "" : $",\"short_params\":{shortParams}";
        return $$$"""
            {"open_position":{"collateral":{"info":{"native_token":{"denom":"{{{denom}}}"}},"amount":"{{{amount}}}"},"asset_info":{"token":{"contract_addr":"{{{asset}}}"}},"collateral_ratio":"{{{cr}}}"{{{sp}}}}}
            """;
    }

    /// <summary>cw20 <c>send</c> of <paramref name="token"/> to the mint with the hook <paramref name="hook"/>.</summary>
    public AppResponse SendHook(Address user, Address token, UInt128 amount, string hook) => App.Execute(user, token, Cw20Token.SendJson(Mint, amount, hook));

    public AppResponse OpenCw20(Address user, Address collateral, UInt128 amount, Address asset, string cr) =>
        SendHook(user, collateral, amount, $"{{\"open_position\":{{\"asset_info\":{{\"token\":{{\"contract_addr\":\"{asset}\"}}}},\"collateral_ratio\":\"{cr}\"}}}}");

    public AppResponse DepositNative(Address user, UInt128 idx, UInt128 amount)
    {
        App.Mint(user, new Coin(Uusd, amount));
        return App.Execute(user, Mint,
            $"{{\"deposit\":{{\"position_idx\":\"{idx}\",\"collateral\":{{\"info\":{{\"native_token\":{{\"denom\":\"{Uusd}\"}}}},\"amount\":\"{amount}\"}}}}}}",
            [new Coin(Uusd, amount)]);
    }

    public AppResponse Withdraw(Address user, UInt128 idx, string collateralInfoJson, UInt128 amount) =>
        App.Execute(user, Mint, $"{{\"withdraw\":{{\"position_idx\":\"{idx}\",\"collateral\":{{\"info\":{collateralInfoJson},\"amount\":\"{amount}\"}}}}}}");

    public AppResponse WithdrawUusd(Address user, UInt128 idx, UInt128 amount) => Withdraw(user, idx, NativeInfo(Uusd), amount);

    public AppResponse MintMore(Address user, UInt128 idx, Address asset, UInt128 amount, string? shortParams = null)
    {
        var sp = shortParams is null ? "" : $",\"short_params\":{shortParams}";
        return App.Execute(user, Mint,
            $"{{\"mint\":{{\"position_idx\":\"{idx}\",\"asset\":{{\"info\":{TokenInfo(asset)},\"amount\":\"{amount}\"}}{sp}}}}}");
    }

    public AppResponse Burn(Address user, UInt128 idx, Address asset, UInt128 amount) =>
        SendHook(user, asset, amount, $"{{\"burn\":{{\"position_idx\":\"{idx}\"}}}}");

    public AppResponse Auction(Address user, UInt128 idx, Address asset, UInt128 amount) =>
        SendHook(user, asset, amount, $"{{\"auction\":{{\"position_idx\":\"{idx}\"}}}}");

    public static string NativeInfo(string denom) => AssetJson.Native(denom);

    public static string TokenInfo(Address token) => AssetJson.Token(token);

    public JsonElement Position(UInt128 idx) => App.Query(Mint, $"{{\"position\":{{\"position_idx\":\"{idx}\"}}}}");

    public UInt128 PositionCollateral(UInt128 idx) => Amount(Position(idx).GetProperty("collateral"));

    public UInt128 PositionAsset(UInt128 idx) => Amount(Position(idx).GetProperty("asset"));

    public bool PositionExists(UInt128 idx)
    {
        try
        {
            Position(idx);
            return true;
        }
        catch (SdkException)
        {
            return false;
        }
    }

    public UInt128 Cw20Balance(Address token, Address holder) => Cw20Token.Balance(App, token, holder);

    public UInt128 TotalSupply(Address token) =>
        UInt128.Parse(App.Query(token, "{\"token_info\":{}}").GetProperty("total_supply").GetString()!, CultureInfo.InvariantCulture);

    public UInt128 ShortAmount(Address asset, Address staker) =>
        UInt128.Parse(App.Query(Staking, $"{{\"short_amount\":{{\"asset_token\":\"{asset}\",\"staker_addr\":\"{staker}\"}}}}")
            .GetProperty("amount").GetString()!, CultureInfo.InvariantCulture);

    /// <summary>A pair for base/asset paying <paramref name="price"/> uusd per asset unit, funded with uusd.</summary>
    public Address NewPair(Address asset, string price, UInt128 funding)
    {
        var pair = App.Instantiate(CodeIds.TerraswapPair, Owner, $"{{\"price\":\"{price}\",\"denom\":\"{Uusd}\"}}", label: "pair");
        App.Mint(pair, new Coin(Uusd, funding));
        App.Execute(Owner, Factory, $"{{\"register_pair\":{{\"asset_infos\":[{NativeInfo(Uusd)},{TokenInfo(asset)}],\"pair\":\"{pair}\"}}}}");
        return pair;
    }

    public static UInt128 Amount(JsonElement asset) => UInt128.Parse(asset.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture);

    /// <summary>The (contract, action) of every wasm event in order: which contracts ran which messages.</summary>
    public static List<(string Contract, string Action)> Actions(AppResponse r) =>
        r.Events.Where(e => e.Type == "wasm")
            .Select(e => (e.Attributes[0].Value, e.Attributes.FirstOrDefault(a => a.Key == "action")?.Value ?? ""))
            .ToList();

    /// <summary>The attributes of the first wasm event emitted by <paramref name="contract"/>.</summary>
    public static Dictionary<string, string> AttributesOf(AppResponse r, Address contract, int nth = 0) =>
        r.Events.Where(e => e.Type == "wasm" && e.Attributes[0].Value == contract.ToString()).ElementAt(nth)
            .Attributes.Skip(1).GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.First().Value);

    public static string Fail(Action action) => Support.Fail.Execute(action);
}
