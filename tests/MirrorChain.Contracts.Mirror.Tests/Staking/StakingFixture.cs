namespace MirrorChain.Contracts.Mirror.Tests.Staking;

/// <summary>
/// mirror_staking wired as in v2.1.4 through the real runtime: real cw20-base tokens (MIR, mAssets, LP tokens), the
/// real mirror_oracle, mirror_short_reward and Terraswap factory/pairs. The upstream tests' actors: owner "owner"
/// (the factory in production), MIR "reward", mint "mint" (a plain account here), stakers addr0000 / addr0001.
/// premium_min_update_interval 3600 as upstream.
/// </summary>
internal sealed class StakingFixture
{
    public const string Uusd = "uusd";
    public const ulong Interval = 3600;

    public static readonly Address Owner = TestAddress.Of("owner");
    public static readonly Address MintAddr = TestAddress.Of("mint");
    public static readonly Address Feeder = TestAddress.Of("feeder0000");
    public static readonly Address Distributor = TestAddress.Of("factory");
    public static readonly Address LiquidityProvider = TestAddress.Of("liquidity0000");
    public static readonly Address Alice = TestAddress.Of("addr0000");
    public static readonly Address Bob = TestAddress.Of("addr0001");
    public static readonly Address Carol = TestAddress.Of("addr0002");

    public static readonly UInt128 Plenty = UInt128.Parse("1000000000000000000", CultureInfo.InvariantCulture);

    public StakingFixture()
    {
        App = new ContractTestApp(TestCodes.Registry());
        Mir = NewToken("MIR", Owner, (Distributor, Plenty));
        Oracle = App.Instantiate(CodeIds.MirrorOracle, Owner, InstantiateMsgs.Oracle(Owner), label: "oracle");
        TerraswapFactory = App.Instantiate(CodeIds.TerraswapFactory, Owner, InstantiateMsgs.TerraswapFactory(), label: "terraswap factory");
        ShortReward = App.Instantiate(CodeIds.MirrorShortReward, Owner, "{}", label: "short reward");
        Staking = App.Instantiate(CodeIds.MirrorStaking, Owner, InstantiateJson(), label: "staking");
    }

    public ContractTestApp App { get; }
    public Address Mir { get; }
    public Address Oracle { get; }
    public Address TerraswapFactory { get; }
    public Address ShortReward { get; }
    public Address Staking { get; }

    public string InstantiateJson() => $$"""
        {"owner":"{{Owner}}","mirror_token":"{{Mir}}","mint_contract":"{{MintAddr}}","oracle_contract":"{{Oracle}}",
         "terraswap_factory":"{{TerraswapFactory}}","base_denom":"{{Uusd}}","premium_min_update_interval":{{Interval}},
         "short_reward_contract":"{{ShortReward}}"}
        """;

    /// <summary>A cw20-base token with the given balances.</summary>
    public Address NewToken(string symbol, Address minter, params (Address Holder, UInt128 Amount)[] balances)
        => App.Instantiate(CodeIds.Cw20Base, Owner, Cw20Token.InstantiateJson($"{symbol} token", symbol, minter, balances), label: symbol);

    /// <summary>An mAsset (held by the stakers and the liquidity provider) and a plain cw20 "LP" token registered as its staking token.</summary>
    public (Address Asset, Address Lp) NewPool(string symbol = "MAPPL")
    {
        var asset = NewToken(symbol, Owner, (Alice, Plenty), (Bob, Plenty), (LiquidityProvider, Plenty));
        var lp = NewToken(symbol + "LP", Owner, (Alice, Plenty), (Bob, Plenty), (Carol, Plenty));
        RegisterAsset(asset, lp);
        return (asset, lp);
    }

    public AppResponse RegisterAsset(Address asset, Address stakingToken, Address? sender = null) =>
        App.Execute(sender ?? Owner, Staking, $"{{\"register_asset\":{{\"asset_token\":\"{asset}\",\"staking_token\":\"{stakingToken}\"}}}}");

    // ---- staking calls ----

    public AppResponse Send(Address user, Address token, Address contract, UInt128 amount, string hook) =>
        App.Execute(user, token, Cw20Token.SendJson(contract, amount, hook));

    public AppResponse Bond(Address user, Address lp, Address asset, UInt128 amount) =>
        Send(user, lp, Staking, amount, $"{{\"bond\":{{\"asset_token\":\"{asset}\"}}}}");

    public AppResponse Unbond(Address user, Address asset, UInt128 amount) =>
        App.Execute(user, Staking, $"{{\"unbond\":{{\"asset_token\":\"{asset}\",\"amount\":\"{amount}\"}}}}");

    public AppResponse Withdraw(Address user, Address? asset = null) =>
        App.Execute(user, Staking, asset is null ? """{"withdraw":{}}""" : $"{{\"withdraw\":{{\"asset_token\":\"{asset}\"}}}}");

    /// <summary>The distributor's MIR <c>send</c> with a deposit_reward hook listing (asset, amount) pairs.</summary>
    public AppResponse DepositReward(params (Address Asset, UInt128 Amount)[] rewards) =>
        DepositRewardFrom(Mir, Sum(rewards), rewards);

    public AppResponse DepositRewardFrom(Address token, UInt128 sent, params (Address Asset, UInt128 Amount)[] rewards) =>
        Send(Distributor, token, Staking, sent,
            $"{{\"deposit_reward\":{{\"rewards\":[{string.Join(",", rewards.Select(r => $"[\"{r.Asset}\",\"{r.Amount}\"]"))}]}}}}");

    public AppResponse IncreaseShort(Address user, Address asset, UInt128 amount, Address? sender = null) =>
        App.Execute(sender ?? MintAddr, Staking,
            $"{{\"increase_short_token\":{{\"asset_token\":\"{asset}\",\"staker_addr\":\"{user}\",\"amount\":\"{amount}\"}}}}");

    public AppResponse DecreaseShort(Address user, Address asset, UInt128 amount, Address? sender = null) =>
        App.Execute(sender ?? MintAddr, Staking,
            $"{{\"decrease_short_token\":{{\"asset_token\":\"{asset}\",\"staker_addr\":\"{user}\",\"amount\":\"{amount}\"}}}}");

    public AppResponse AdjustPremium(params Address[] assets) =>
        App.Execute(Alice, Staking, $"{{\"adjust_premium\":{{\"asset_tokens\":[{string.Join(",", assets.Select(a => $"\"{a}\""))}]}}}}");

    // ---- pricing: oracle + Terraswap pair ----

    /// <summary>Registers the asset in mirror_oracle (feeder0000) and feeds <paramref name="price"/> uusd.</summary>
    public void FeedPrice(Address asset, string price, bool register = true)
    {
        if (register)
        {
            App.Execute(Owner, Oracle, $"{{\"register_asset\":{{\"asset_token\":\"{asset}\",\"feeder\":\"{Feeder}\"}}}}");
        }
        App.Execute(Feeder, Oracle, $"{{\"feed_price\":{{\"prices\":[[\"{asset}\",\"{price}\"]]}}}}");
    }

    /// <summary>Creates the [uusd, asset] pair through the Terraswap factory and provides the given pools.</summary>
    public (Address Pair, Address Lp) NewPair(Address asset, UInt128 uusd, UInt128 assetAmount)
    {
        var (pair, lp) = TerraswapPools.Create(App, TerraswapFactory, Owner, NativeInfo(Uusd), TokenInfo(asset));
        if (uusd > 0 || assetAmount > 0)
        {
            TerraswapPools.Provide(App, LiquidityProvider, pair, Uusd, uusd, asset, assetAmount);
        }
        return (pair, lp);
    }

    /// <summary>
    /// Sets the pool's short_reward_weight through the real path: oracle 100, pool (100 + premium%) uusd : 1 asset,
    /// adjust_premium. premiumPercent 2 gives weight 0.2 and ≥ 8 gives the cap 0.4 (v2.1.4 mirror_short_reward).
    /// </summary>
    public void SetPremium(Address asset, ulong premiumPercent)
    {
        FeedPrice(asset, "100");
        NewPair(asset, 100 + premiumPercent, 1);
        AdjustPremium(asset);
    }

    // ---- queries ----

    public JsonElement PoolInfo(Address asset) => App.Query(Staking, $"{{\"pool_info\":{{\"asset_token\":\"{asset}\"}}}}");

    public JsonElement RewardInfo(Address staker, Address? asset = null) =>
        App.Query(Staking, asset is null
            ? $"{{\"reward_info\":{{\"staker_addr\":\"{staker}\"}}}}"
            : $"{{\"reward_info\":{{\"staker_addr\":\"{staker}\",\"asset_token\":\"{asset}\"}}}}");

    public UInt128 Cw20Balance(Address token, Address holder) => Cw20Token.Balance(App, token, holder);

    /// <summary>Pending reward of all the staker's entries (LP and sLP).</summary>
    public UInt128 PendingOf(Address staker)
    {
        var total = UInt128.Zero;
        foreach (var item in RewardInfo(staker).GetProperty("reward_infos").EnumerateArray())
        {
            total += U(item.GetProperty("pending_reward"));
        }
        return total;
    }

    public static string NativeInfo(string denom) => AssetJson.Native(denom);

    public static string TokenInfo(Address token) => AssetJson.Token(token);

    public static UInt128 U(JsonElement e) => UInt128.Parse(e.GetString()!, CultureInfo.InvariantCulture);

    /// <summary>Checks each named field of <paramref name="e"/> (read as <see cref="Str"/> does) against its expected text.</summary>
    public static void AssertFields(JsonElement e, params (string Name, string Expected)[] fields) =>
        Assert.Equal(fields, fields.Select(f => (f.Name, Str(e, f.Name))).ToArray());

    public static string Str(JsonElement e, string name) => e.GetProperty(name).ValueKind switch
    {
        JsonValueKind.String => e.GetProperty(name).GetString()!,
        _ => e.GetProperty(name).GetRawText(),
    };

    /// <summary>The attributes of the n-th wasm event emitted by <paramref name="contract"/>, in order.</summary>
    public static List<(string Key, string Value)> AttributesOf(AppResponse r, Address contract, int nth = 0) =>
        r.Events.Where(e => e.Type == "wasm" && e.Attributes[0].Value == contract.ToString()).ElementAt(nth)
            .Attributes.Skip(1).Select(a => (a.Key, a.Value)).ToList();

    /// <summary>The (contract, action) of every wasm event in order.</summary>
    public static List<(string Contract, string Action)> Actions(AppResponse r) =>
        r.Events.Where(e => e.Type == "wasm")
            .Select(e => (e.Attributes[0].Value, e.Attributes.FirstOrDefault(a => a.Key == "action")?.Value ?? ""))
            .ToList();

    private static UInt128 Sum((Address Asset, UInt128 Amount)[] rewards)
    {
        var total = UInt128.Zero;
        foreach (var (_, amount) in rewards)
        {
            total += amount;
        }
        return total;
    }
}
