using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using MirrorChain.Abci.Proto;
using MirrorChain.Core;
using MirrorChain.Execution;

namespace MirrorChain.Abci;

/// <summary>Between the node's records and the ABCI wire messages.</summary>
public static class AbciConversions
{
    /// <summary>A protobuf Timestamp as block time; a missing one is the Unix epoch (CometBFT always sends one).</summary>
    public static BlockTime ToBlockTime(Timestamp? time) => time is null ? new BlockTime(0, 0) : new BlockTime(time.Seconds, time.Nanos);

    public static Timestamp ToTimestamp(BlockTime time) => new() { Seconds = time.Seconds, Nanos = time.Nanos };

    public static ExecTxResult ToExecTxResult(TxResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var r = new ExecTxResult
        {
            Code = result.Code,
            Data = ByteString.CopyFrom(result.Data),
            Log = result.Log,
            Info = result.Info,
            GasWanted = result.GasWanted,
            GasUsed = result.GasUsed,
            Codespace = result.Codespace,
        };
        foreach (var e in result.Events)
        {
            r.Events.Add(ToEvent(e));
        }
        return r;
    }

    public static Proto.Event ToEvent(Core.Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var wire = new Proto.Event { Type = e.Type };
        foreach (var a in e.Attributes)
        {
            wire.Attributes.Add(new Proto.EventAttribute { Key = a.Key, Value = a.Value, Index = a.Index });
        }
        return wire;
    }

    public static ResponseCheckTx ToResponseCheckTx(CheckTxResponse r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new ResponseCheckTx { Code = r.Code, Codespace = r.Codespace, Log = r.Log, GasWanted = r.GasWanted, GasUsed = r.GasUsed };
    }
}
