namespace MirrorChain.Contracts.Mirror.Lock;

/// <summary>mirror_lock's error strings (all StdError::generic_err).</summary>
internal static class LockErrors
{
    public static ContractException Unauthorized() => ContractException.Generic("unauthorized");

    public static ContractException NothingToLock() => ContractException.Generic("Nothing to lock");

    public static ContractException ReceiverMismatch() => ContractException.Generic("Receiver address do not match with existing record");

    public static ContractException NoUnlockableFunds() => ContractException.Generic("There are no unlockable funds for the provided positions");

    /// <summary>HEAD's fix (#98), adopted by MirrorChain on top of v2.1.4 (v2.1.4 paid a repeated idx twice).</summary>
    public static ContractException DuplicatePositionIdx() => ContractException.Generic("Duplicate position_idx");
}
