using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using MirrorChain.Core;
using LegacyExecute = MirrorChain.Tx.Proto.Terra.Wasm.V1Beta1.MsgExecuteContract;
using WasmExecute = MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1.MsgExecuteContract;

namespace MirrorChain.Tx.Messages;

/// <summary>
/// Execute a contract with a JSON message and optional funds: <c>/cosmwasm.wasm.v1.MsgExecuteContract</c>, or the
/// Terra classic <c>/terra.wasm.v1beta1.MsgExecuteContract</c> (same field numbers, <see cref="IsLegacy"/>).
/// </summary>
public sealed class MsgExecuteContract(Address sender, Address contract, byte[] msg, IReadOnlyList<Coin> funds, bool isLegacy = false)
    : ITxMessage
{
    public Address Sender { get; } = sender;

    public Address Contract { get; } = contract;

    /// <summary>The UTF-8 JSON message exactly as received.</summary>
    public byte[] Msg { get; } = msg;

    public IReadOnlyList<Coin> Funds { get; } = funds;

    /// <summary>True for the Terra classic type URL; the response then uses the classic response type URL.</summary>
    public bool IsLegacy { get; } = isLegacy;

    public string TypeUrl => IsLegacy ? TypeUrls.LegacyMsgExecuteContract : TypeUrls.MsgExecuteContract;

    public string ResponseTypeUrl => IsLegacy ? TypeUrls.LegacyMsgExecuteContractResponse : TypeUrls.MsgExecuteContractResponse;

    public Address Signer => Sender;

    /// <summary>
    /// Funds: code 10 unless sorted/unique/positive (empty allowed). Payload: wasm code 14 "empty" when absent,
    /// wasm code 21 "invalid" unless it is a UTF-8 JSON object — wasmd only asks for valid JSON; an object is
    /// required here because every contract message is one, so the error surfaces before any gas is spent.
    /// </summary>
    public void ValidateBasic()
    {
        CoinConversion.RequireValid(Funds, allowEmpty: true);
        JsonPayload.RequireObject(Msg, "payload msg");
    }

    public Any ToAny()
    {
        ByteString value;
        if (IsLegacy)
        {
            var legacy = new LegacyExecute
            {
                Sender = Sender.ToString(), Contract = Contract.ToString(), ExecuteMsg = ByteString.CopyFrom(Msg),
            };
            CoinConversion.AddTo(legacy.Coins, Funds);
            value = legacy.ToByteString();
        }
        else
        {
            var wasm = new WasmExecute { Sender = Sender.ToString(), Contract = Contract.ToString(), Msg = ByteString.CopyFrom(Msg) };
            CoinConversion.AddTo(wasm.Funds, Funds);
            value = wasm.ToByteString();
        }
        return new Any { TypeUrl = TypeUrl, Value = value };
    }

    public static MsgExecuteContract FromProto(WasmExecute proto) => new(
        MessageAddresses.Parse(proto.Sender, "sender"),
        MessageAddresses.Parse(proto.Contract, "contract"),
        proto.Msg.ToByteArray(),
        CoinConversion.FromProto(proto.Funds, "funds"));

    public static MsgExecuteContract FromProto(LegacyExecute proto) => new(
        MessageAddresses.Parse(proto.Sender, "sender"),
        MessageAddresses.Parse(proto.Contract, "contract"),
        proto.ExecuteMsg.ToByteArray(),
        CoinConversion.FromProto(proto.Coins, "coins"),
        isLegacy: true);
}
