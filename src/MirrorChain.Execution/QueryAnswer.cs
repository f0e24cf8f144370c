namespace MirrorChain.Execution;

/// <summary>An ABCI query answer: code 0 with the response proto bytes, or an SDK error (codespace, code, log).</summary>
public sealed record QueryAnswer(uint Code, string Codespace, string Log, byte[] Value)
{
    public bool IsOk => Code == 0;

    public static QueryAnswer Ok(byte[] value) => new(0, "", "", value);
}
