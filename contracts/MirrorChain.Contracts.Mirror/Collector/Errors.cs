namespace MirrorChain.Contracts.Mirror.Collector;

/// <summary>mirror_collector's <c>ContractError</c> texts (StdErrors display as themselves).</summary>
internal static class CollectorErrors
{
    /// <summary><c>ContractError::Unauthorized</c>: "Unauthorized" (capital U, no "Generic error").</summary>
    public static ContractException Unauthorized() => ContractException.Unauthorized();

    /// <summary>
    /// MirrorChain only: Terra's native market swap does not exist here, so uluna is sold on a Terraswap
    /// uluna/base_denom pair; without one the luna swap fails with this StdError.
    /// </summary>
    public static ContractException NoLunaPair(string baseDenom) =>
        ContractException.Generic($"Market swap is not available on MirrorChain: no terraswap pair for uluna and {baseDenom}");
}
