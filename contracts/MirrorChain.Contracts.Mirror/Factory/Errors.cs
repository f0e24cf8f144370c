namespace MirrorChain.Contracts.Mirror.Factory;

/// <summary>mirror_factory v2.1.4's error texts. All are <c>StdError::generic_err</c>, displayed "Generic error: …".</summary>
internal static class FactoryErrors
{
    public static ContractException Unauthorized() => ContractException.Generic("unauthorized");

    public static ContractException WhitelistInProgress() => ContractException.Generic("A whitelist process is in progress");

    /// <summary>v2.1.4 only: reply 1 found no stored params.</summary>
    public static ContractException NoWhitelistInProgress() => ContractException.Generic("No whitelist process in progress");

    public static ContractException InvalidReplyId() => ContractException.Generic("reply id is invalid");

    public static ContractException NoDistributionInfo() => ContractException.Generic("No distribution info stored");

    public static ContractException DistributeBeforeInterval() => ContractException.Generic("Cannot distribute mirror token before interval");

    public static ContractException MintAssetConfigFetch() => ContractException.Generic("Failed to fetch the mint asset config");

    /// <summary>v2.1.4 only: the asset's mirror_oracle feeder could not be read (revoke with end_price, migrate).</summary>
    public static ContractException FeederFetch() => ContractException.Generic("Failed to fetch the oracle feeder");

    /// <summary>The reply data of the token instantiate is not a MsgInstantiateContractResponse.</summary>
    public static ContractException InstantiateResponseParse() =>
        ContractException.Parse("MsgInstantiateContractResponse", "failed to parse data");
}
