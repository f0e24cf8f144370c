namespace MirrorChain.Contracts.Mirror.CollateralOracle;

/// <summary>mirror_collateral_oracle's error strings (all StdError::generic_err).</summary>
internal static class CollateralOracleErrors
{
    public static ContractException Unauthorized() => ContractException.Generic("unauthorized");

    public static ContractException AlreadyRegistered() => ContractException.Generic("Collateral was already registered");

    public static ContractException ZeroMultiplier() => ContractException.Generic("Multiplier must be bigger than 0");

    /// <summary>Execute paths (revoke / update) on an unknown asset.</summary>
    public static ContractException CollateralNotFound() => ContractException.Generic("Collateral not found");

    /// <summary>Query paths (collateral_price / collateral_asset_info) on an unknown asset.</summary>
    public static ContractException AssetNotFound() => ContractException.Generic("Collateral asset not found");

    public static ContractException InvalidPool() => ContractException.Generic("Invalid pool");

    /// <summary>
    /// MirrorChain only: Terra's native oracle (exchange rates) does not exist here; see
    /// <see cref="CollateralOracleContract"/> for how native rates are resolved instead.
    /// </summary>
    public static ContractException NoNativeRate(string denom) =>
        ContractException.Generic(
            $"No native exchange rate for {denom} (MirrorChain has no Terra oracle: register {denom} as a collateral with a non-native price source)");
}
