using MirrorChain.Core;

namespace MirrorChain.Execution;

/// <summary>
/// The outcome of one tx in a block (CometBFT 0.38 ExecTxResult): code 0 = success; otherwise codespace/code/log
/// name the error. <see cref="Data"/> is the protobuf TxMsgData of the message responses.
/// </summary>
public sealed record TxResult
{
    public uint Code { get; init; }

    public string Codespace { get; init; } = "";

    public string Log { get; init; } = "";

    public string Info { get; init; } = "";

    public byte[] Data { get; init; } = [];

    public long GasWanted { get; init; }

    public long GasUsed { get; init; }

    public IReadOnlyList<Event> Events { get; init; } = [];

    public bool IsOk => Code == 0;
}
