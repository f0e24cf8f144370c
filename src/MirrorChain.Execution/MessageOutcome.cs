using Google.Protobuf.WellKnownTypes;
using MirrorChain.Core;

namespace MirrorChain.Execution;

/// <summary>One executed message: its response (an Any for TxMsgData.msg_responses) and its events.</summary>
public sealed record MessageOutcome(Any Response, IReadOnlyList<Event> Events);
