using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using MirrorChain.Core;
using MirrorChain.Tx.Proto.Cosmos.Tx.Signing.V1Beta1;
using MirrorChain.Tx.Proto.Cosmos.Tx.V1Beta1;
using ProtoCoin = MirrorChain.Tx.Proto.Cosmos.Base.V1Beta1.Coin;
using ProtoMsgSend = MirrorChain.Tx.Proto.Cosmos.Bank.V1Beta1.MsgSend;

namespace MirrorChain.Tx.Tests;

/// <summary>Hand-assembled txs with one piece changed, for decoder error paths (signatures are dummies).</summary>
internal static class RawTx
{
    public const string From = CosmjsSignVector.Test1Address;
    public const string To = "terra17lmam6zguazs5q5u6z5mmx76uj63gldnse2pdp";

    public static Any Send(string from = From, string to = To, params (string Denom, string Amount)[] amount)
    {
        var msg = new ProtoMsgSend { FromAddress = from, ToAddress = to };
        foreach (var (d, a) in amount.Length == 0 ? [("uluna", "1")] : amount)
        {
            msg.Amount.Add(new ProtoCoin { Denom = d, Amount = a });
        }
        return new Any { TypeUrl = TypeUrls.MsgSend, Value = msg.ToByteString() };
    }

    public static TxBody Body(params Any[] messages)
    {
        var body = new TxBody();
        body.Messages.AddRange(messages.Length == 0 ? [Send()] : messages);
        return body;
    }

    public static AuthInfo AuthInfo(ulong gas = 200_000, int signerInfos = 1, params (string Denom, string Amount)[] fee)
    {
        var auth = new AuthInfo { Fee = new Fee { GasLimit = gas } };
        foreach (var (d, a) in fee)
        {
            auth.Fee.Amount.Add(new ProtoCoin { Denom = d, Amount = a });
        }
        for (var i = 0; i < signerInfos; i++)
        {
            auth.SignerInfos.Add(new SignerInfo
            {
                PublicKey = TxBuilder.PubKeyAny(Hex.Decode(CosmjsSignVector.Test1PubKeyHex)),
                ModeInfo = new ModeInfo { Single = new ModeInfo.Types.Single { Mode = SignMode.Direct } },
            });
        }
        return auth;
    }

    public static byte[] Bytes(TxBody? body = null, AuthInfo? authInfo = null, int signatures = 1) =>
        Bytes((body ?? Body()).ToByteArray(), (authInfo ?? AuthInfo()).ToByteArray(), signatures);

    public static byte[] Bytes(byte[] body, byte[] authInfo, int signatures = 1) =>
        TxBuilder.RawBytes(body, authInfo, Enumerable.Range(0, signatures).Select(_ => new byte[64]).ToArray());
}
