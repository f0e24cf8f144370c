namespace MirrorChain.Contracts.Mirror.Tests.Support;

/// <summary>Real Terraswap pairs for the fixtures: created through the factory, seeded by a liquidity provider.</summary>
internal static class TerraswapPools
{
    /// <summary>Creates the pair of two <c>AssetInfo</c>s (JSON) through <paramref name="factory"/>: its pair and LP token.</summary>
    public static (Address Pair, Address Lp) Create(ContractTestApp app, Address factory, Address sender, string info0, string info1)
    {
        app.Execute(sender, factory, $"{{\"create_pair\":{{\"asset_infos\":[{info0},{info1}]}}}}");
        var pair = app.Query(factory, $"{{\"pair\":{{\"asset_infos\":[{info0},{info1}]}}}}");
        return (Address.Parse(pair.GetProperty("contract_addr").GetString()!), Address.Parse(pair.GetProperty("liquidity_token").GetString()!));
    }

    /// <summary>
    /// <paramref name="provider"/> (given the native coins) provides <paramref name="nativeAmount"/> of
    /// <paramref name="denom"/> and <paramref name="tokenAmount"/> of <paramref name="token"/> (it must hold them) to the
    /// [denom, token] <paramref name="pair"/>.
    /// </summary>
    public static void Provide(ContractTestApp app, Address provider, Address pair, string denom, UInt128 nativeAmount, Address token, UInt128 tokenAmount)
    {
        app.Mint(provider, new Coin(denom, nativeAmount));
        app.Execute(provider, token, $"{{\"increase_allowance\":{{\"spender\":\"{pair}\",\"amount\":\"{tokenAmount}\"}}}}");
        app.Execute(provider, pair,
            $"{{\"provide_liquidity\":{{\"assets\":[{AssetJson.Asset(AssetJson.Native(denom), nativeAmount)},{AssetJson.Asset(AssetJson.Token(token), tokenAmount)}]}}}}",
            [new Coin(denom, nativeAmount)]);
    }
}
