namespace MirrorChain.Contracts.Mirror.Community;

/// <summary>mirror_community's error strings (all StdError::generic_err).</summary>
internal static class CommunityErrors
{
    /// <summary>"Generic error: unauthorized" (lower case, unlike the collector).</summary>
    public static ContractException Unauthorized() => ContractException.Generic("unauthorized");

    public static ContractException SpendLimitExceeded() => ContractException.Generic("Cannot spend more than spend_limit");
}
