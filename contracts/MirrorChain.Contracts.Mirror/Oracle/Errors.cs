namespace MirrorChain.Contracts.Mirror.Oracle;

/// <summary>mirror_oracle's error strings (StdError::generic_err unless noted).</summary>
internal static class OracleErrors
{
    /// <summary>"Generic error: unauthorized" (owner-only messages, feed by a non-feeder).</summary>
    public static ContractException Unauthorized() => ContractException.Generic("unauthorized");
}
