namespace MirrorChain.Contracts.Mirror.Tests.Support;

/// <summary>The instantiate messages of the v2.1.4 contracts the fixtures deploy (base denom uusd unless given).</summary>
internal static class InstantiateMsgs
{
    /// <summary>Terraswap factory creating pairs and LP tokens with the registered pair and cw20 codes.</summary>
    public static string TerraswapFactory() => $"{{\"pair_code_id\":{CodeIds.TerraswapPair},\"token_code_id\":{CodeIds.Cw20Base}}}";

    public static string Oracle(Address owner, string baseAsset = "uusd") => $"{{\"owner\":\"{owner}\",\"base_asset\":\"{baseAsset}\"}}";

    public static string Mint(Address owner, Address oracle, Address collector, Address collateralOracle, Address staking,
        Address terraswapFactory, Address lockContract, string protocolFeeRate, string baseDenom = "uusd") => $$"""
        {"owner":"{{owner}}","oracle":"{{oracle}}","collector":"{{collector}}","collateral_oracle":"{{collateralOracle}}",
         "staking":"{{staking}}","terraswap_factory":"{{terraswapFactory}}","lock":"{{lockContract}}","base_denom":"{{baseDenom}}",
         "token_code_id":{{CodeIds.Cw20Base}},"protocol_fee_rate":"{{protocolFeeRate}}"}
        """;

    public static string CollateralOracle(Address owner, Address mint, Address mirrorOracle, Address anchorOracle, Address bandOracle,
        string baseDenom = "uusd") => $$"""
        {"owner":"{{owner}}","mint_contract":"{{mint}}","base_denom":"{{baseDenom}}","mirror_oracle":"{{mirrorOracle}}",
         "anchor_oracle":"{{anchorOracle}}","band_oracle":"{{bandOracle}}"}
        """;

    public static string Lock(Address owner, Address mint, ulong lockupPeriod, string baseDenom = "uusd") =>
        $"{{\"owner\":\"{owner}\",\"mint_contract\":\"{mint}\",\"base_denom\":\"{baseDenom}\",\"lockup_period\":{lockupPeriod}}}";
}
