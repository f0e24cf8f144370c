namespace MirrorChain.Contracts.Mirror.Staking;

/// <summary>
/// mirror_staking's error strings (all StdError::generic_err, so displayed "Generic error: …"). auto_stake's fund check
/// raises terraswap's "Native token balance mismatch between the argument and the transferred" through
/// <c>Asset.AssertSentNativeTokenBalance</c>; missing pools and positions are cosmwasm NotFound errors
/// ("mirror_staking::state::PoolInfo not found", "mirror_staking::state::RewardInfo not found").
/// </summary>
internal static class StakingErrors
{
    public static ContractException Unauthorized() => ContractException.Generic("unauthorized");

    public static ContractException InvalidHook() => Common.Cw20Hook.Invalid();

    public static ContractException RewardsMismatch() => ContractException.Generic("rewards amount miss matched");

    public static ContractException AlreadyRegistered() => ContractException.Generic("Asset was already registered");

    public static ContractException AlreadyMigrated() => ContractException.Generic("This asset LP token has already been migrated");

    public static ContractException StakingTokenMigrated(string newToken) =>
        ContractException.Generic($"The staking token for this asset has been migrated to {newToken}");

    public static ContractException LpDeprecated() => ContractException.Generic(
        "The LP token for this asset has been deprecated, withdraw all your deprecated tokens to migrate your position");

    public static ContractException UnbondTooMuch() => ContractException.Generic("Cannot unbond more than bond amount");

    public static ContractException PremiumTooEarly() =>
        ContractException.Generic("cannot adjust premium before premium_min_update_interval passed");

    public static ContractException MissingNativeAsset() => ContractException.Generic("Missing native asset");

    public static ContractException MissingTokenAsset() => ContractException.Generic("Missing token asset");

    public static ContractException InvalidStakingToken() => ContractException.Generic("Invalid staking token");
}
