using MirrorChain.Core;

namespace MirrorChain.Tx;

/// <summary>Registered errors the Core registry does not list yet.</summary>
public static class TxErrors
{
    /// <summary>SDK 0.53 ErrTxTimeout: the block time passed the tx's timeout_timestamp.</summary>
    public static readonly SdkError TxTimeout = new("sdk", 42, "tx timeout");
}
