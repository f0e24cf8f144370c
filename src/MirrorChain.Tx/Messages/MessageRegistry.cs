using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using MirrorChain.Core;
using LegacyExecute = MirrorChain.Tx.Proto.Terra.Wasm.V1Beta1.MsgExecuteContract;
using ProtoMsgSend = MirrorChain.Tx.Proto.Cosmos.Bank.V1Beta1.MsgSend;
using WasmExecute = MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1.MsgExecuteContract;

namespace MirrorChain.Tx.Messages;

/// <summary>Maps an Any's type URL to its typed message wrapper.</summary>
public static class MessageRegistry
{
    public static IReadOnlyList<string> KnownTypeUrls { get; } =
        [TypeUrls.MsgSend, TypeUrls.MsgExecuteContract, TypeUrls.LegacyMsgExecuteContract];

    /// <summary>
    /// Unpacks one message. Unknown type URL → code 6 "unrecognized message type"; undecodable value or
    /// unknown fields → code 2; bad bech32 → code 7; malformed amount → code 2.
    /// </summary>
    public static ITxMessage Unpack(Any any) => any.TypeUrl switch
    {
        TypeUrls.MsgSend => MsgSend.FromProto(Parse(ProtoMsgSend.Parser, any, "MsgSend")),
        TypeUrls.MsgExecuteContract => MsgExecuteContract.FromProto(Parse(WasmExecute.Parser, any, "MsgExecuteContract")),
        TypeUrls.LegacyMsgExecuteContract => MsgExecuteContract.FromProto(Parse(LegacyExecute.Parser, any, "MsgExecuteContract")),
        _ => throw SdkError.UnknownRequest.Wrap($"unrecognized message type: {any.TypeUrl}"),
    };

    private static T Parse<T>(MessageParser<T> parser, Any any, string name)
        where T : IMessage<T> => StrictProto.Parse(parser, any.Value.Span, name);
}
