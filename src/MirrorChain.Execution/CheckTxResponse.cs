namespace MirrorChain.Execution;

/// <summary>The mempool's verdict on a tx: code 0 = admit; otherwise the SDK error.</summary>
public sealed record CheckTxResponse(uint Code, string Codespace, string Log, long GasWanted, long GasUsed)
{
    public bool IsOk => Code == 0;
}
