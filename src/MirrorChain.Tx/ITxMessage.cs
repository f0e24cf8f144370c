using Google.Protobuf.WellKnownTypes;
using MirrorChain.Core;

namespace MirrorChain.Tx;

/// <summary>A decoded transaction message the router knows how to execute.</summary>
public interface ITxMessage
{
    /// <summary>The Any type URL the message arrived with (e.g. "/cosmos.bank.v1beta1.MsgSend").</summary>
    string TypeUrl { get; }

    /// <summary>The account that must sign the message (MsgSend: from_address; wasm messages: sender).</summary>
    Address Signer { get; }

    /// <summary>Stateless checks (coins, payload); throws <see cref="SdkException"/> with the SDK code.</summary>
    void ValidateBasic();

    /// <summary>The message packed as an Any with <see cref="TypeUrl"/>.</summary>
    Any ToAny();
}
