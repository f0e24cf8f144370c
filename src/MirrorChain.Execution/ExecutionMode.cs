namespace MirrorChain.Execution;

/// <summary>Why a tx is being run: mempool admission, block execution, or a gas estimate.</summary>
public enum ExecutionMode
{
    /// <summary>Mempool admission: ante only, against the pending state.</summary>
    CheckTx,

    /// <summary>Block execution: ante and messages; the only mode whose writes reach committed state.</summary>
    Deliver,

    /// <summary>Gas estimation on a throw-away copy: no signature or minimum-fee checks, unlimited gas.</summary>
    Simulate,
}
