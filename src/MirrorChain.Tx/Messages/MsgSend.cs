using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using MirrorChain.Core;
using ProtoMsgSend = MirrorChain.Tx.Proto.Cosmos.Bank.V1Beta1.MsgSend;

namespace MirrorChain.Tx.Messages;

/// <summary><c>/cosmos.bank.v1beta1.MsgSend</c>: move native coins from the signer to another address.</summary>
public sealed class MsgSend(Address fromAddress, Address toAddress, IReadOnlyList<Coin> amount) : ITxMessage
{
    public Address FromAddress { get; } = fromAddress;

    public Address ToAddress { get; } = toAddress;

    public IReadOnlyList<Coin> Amount { get; } = amount;

    public string TypeUrl => TypeUrls.MsgSend;

    public Address Signer => FromAddress;

    public void ValidateBasic() => CoinConversion.RequireValid(Amount, allowEmpty: false);

    public Any ToAny()
    {
        var proto = new ProtoMsgSend { FromAddress = FromAddress.ToString(), ToAddress = ToAddress.ToString() };
        CoinConversion.AddTo(proto.Amount, Amount);
        return new Any { TypeUrl = TypeUrl, Value = proto.ToByteString() };
    }

    /// <summary>Builds the wrapper from the wire message; bad addresses are code 7, bad amounts code 2.</summary>
    public static MsgSend FromProto(ProtoMsgSend proto) => new(
        MessageAddresses.Parse(proto.FromAddress, "from"),
        MessageAddresses.Parse(proto.ToAddress, "to"),
        CoinConversion.FromProto(proto.Amount, "amount"));
}
