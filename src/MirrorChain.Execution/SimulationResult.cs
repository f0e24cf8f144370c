using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using MirrorChain.Core;
using MirrorChain.Tx.Proto.Cosmos.Base.Abci.V1Beta1;
using MirrorChain.Tx.Proto.Cosmos.Tx.V1Beta1;

namespace MirrorChain.Execution;

/// <summary>
/// The outcome of <see cref="TxExecutor.Simulate"/>: gas (wanted = the tx's gas limit, used = what the run
/// consumed) and either the result (code 0: data, events, msg responses) or the error (code, codespace, log).
/// </summary>
public sealed record SimulationResult
{
    public uint Code { get; init; }

    public string Codespace { get; init; } = "";

    public string Log { get; init; } = "";

    public ulong GasWanted { get; init; }

    public ulong GasUsed { get; init; }

    /// <summary>TxMsgData bytes, as a delivered tx's data.</summary>
    public byte[] Data { get; init; } = [];

    public IReadOnlyList<Event> Events { get; init; } = [];

    public IReadOnlyList<Any> MsgResponses { get; init; } = [];

    public bool IsOk => Code == 0;

    /// <summary>The SimulateResponse a successful simulation answers with.</summary>
    public SimulateResponse ToProto()
    {
        var result = new Result { Log = Log };
#pragma warning disable CS0612 // Result.data is deprecated but SDK 0.50 still fills it
        result.Data = ByteString.CopyFrom(Data);
#pragma warning restore CS0612
        result.Events.AddRange(Events.Select(EventConversions.ToProto));
        result.MsgResponses.AddRange(MsgResponses);
        return new SimulateResponse { GasInfo = new GasInfo { GasWanted = GasWanted, GasUsed = GasUsed }, Result = result };
    }
}
