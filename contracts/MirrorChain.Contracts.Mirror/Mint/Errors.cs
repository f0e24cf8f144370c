namespace MirrorChain.Contracts.Mirror.Mint;

/// <summary>mirror_mint v2.1.4's error texts. All are <c>StdError::generic_err</c>, displayed "Generic error: …".</summary>
internal static class MintErrors
{
    public static ContractException Unauthorized() => ContractException.Generic("unauthorized");

    public static ContractException InvalidHook() => Common.Cw20Hook.Invalid();

    public static ContractException WrongCollateral() => ContractException.Generic("Wrong collateral");

    public static ContractException WrongAsset() => ContractException.Generic("Wrong asset");

    public static ContractException NoAssetData() => ContractException.Generic("no asset data stored");

    public static ContractException AlreadyRegistered() => ContractException.Generic("Asset was already registered");

    public static ContractException NoIpoParams() => ContractException.Generic("Asset does not have IPO params");

    public static ContractException AuctionDiscount() => ContractException.Generic("auction_discount must be smaller than 1");

    public static ContractException MinCollateralRatio() =>
        ContractException.Generic("min_collateral_ratio must be bigger or equal than 1.1");

    public static ContractException ProtocolFeeRate() => ContractException.Generic("protocol_fee_rate must be smaller than 1");

    public static ContractException DeprecatedAsset() => ContractException.Generic("Operation is not allowed for the deprecated asset");

    public static ContractException RevokedCollateral() => ContractException.Generic("The collateral asset provided is no longer valid");

    public static ContractException LowOpenRatio() =>
        ContractException.Generic("Can not open a position with low collateral ratio than minimum");

    public static ContractException CollateralTooSmall() => ContractException.Generic("collateral is too small");

    public static ContractException WithdrawMoreThanProvided() => ContractException.Generic("Cannot withdraw more than you provide");

    public static ContractException WithdrawBelowMin() =>
        ContractException.Generic("Cannot withdraw collateral over than minimum collateral ratio");

    public static ContractException MintBelowMin() => ContractException.Generic("Cannot mint asset over than min collateral ratio");

    public static ContractException BurnMoreThanMinted() => ContractException.Generic("Cannot burn asset more than you mint");

    public static ContractException LiquidateTooMuch() => ContractException.Generic("Cannot liquidate more than the position amount");

    public static ContractException SafelyCollateralized() => ContractException.Generic("Cannot liquidate a safely collateralized position");

    public static ContractException MintPeriodEnded(ulong mintEnd) =>
        ContractException.Generic($"The minting period for this asset ended at time {mintEnd}");

    public static ContractException BurnDisabled(ulong mintEnd) =>
        ContractException.Generic($"Burning is disabled for assets with limitied minting time. Mint period ended at time {mintEnd}");

    public static ContractException PreIpoCollateral(string baseDenom) =>
        ContractException.Generic($"Only {baseDenom} can be used as collateral for preIPO assets");

    public static ContractException PriceTooOld() => ContractException.Generic("Price is too old");

    public static ContractException CollateralPriceTooOld() => ContractException.Generic("Collateral price is too old");

    public static ContractException FeederFetch() => ContractException.Generic("Failed to fetch the oracle feeder");

    /// <summary>Where the Rust code panics ("DO NOT ENTER HERE": a native asset_info); a port returns an error.</summary>
    public static ContractException NativeAssetInfo() => ContractException.Generic("DO NOT ENTER HERE");
}
