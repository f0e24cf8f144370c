using MirrorChain.Core;

using ProtoEvent = MirrorChain.Tx.Proto.Tendermint.Abci.Event;
using ProtoEventAttribute = MirrorChain.Tx.Proto.Tendermint.Abci.EventAttribute;

namespace MirrorChain.Execution;

/// <summary>Events as tendermint.abci protobuf messages (simulation results, ABCI answers).</summary>
public static class EventConversions
{
    public static ProtoEvent ToProto(Event e)
    {
        var proto = new ProtoEvent { Type = e.Type };
        proto.Attributes.AddRange(e.Attributes.Select(a => new ProtoEventAttribute { Key = a.Key, Value = a.Value, Index = a.Index }));
        return proto;
    }

    public static Event FromProto(ProtoEvent e) =>
        new(e.Type, e.Attributes.Select(a => new EventAttribute(a.Key, a.Value, a.Index)).ToList());
}
