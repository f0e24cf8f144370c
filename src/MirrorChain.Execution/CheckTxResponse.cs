namespace MirrorChain.Execution;

/// <summary>
/// The mempool's verdict on a tx: code 0 = admit; otherwise the SDK error. <see cref="Sender"/> is the signer's
/// bech32 address once the tx decoded ("" before), for the mempool's per-sender limit.
/// </summary>
public sealed record CheckTxResponse(uint Code, string Codespace, string Log, long GasWanted, long GasUsed, string Sender = "")
{
    public bool IsOk => Code == 0;

    public static CheckTxResponse Ok(long gasWanted, long gasUsed) => new(0, "", "", gasWanted, gasUsed);
}
