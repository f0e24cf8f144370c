using System.Text;
using MirrorChain.Core;
using MirrorChain.Crypto;
using MirrorChain.Tx.Messages;
using MirrorChain.Tx.Proto.Cosmos.Tx.Signing.V1Beta1;

namespace MirrorChain.Tx.Tests;

public class Vector35Tests
{
    [Fact]
    public void Decoding_the_vector_gives_the_listed_fields()
    {
        var tx = TxDecoder.Decode(Vector35.TxRaw, 1_048_576);

        Assert.Equal(Vector35.TxHashHex, tx.HashHex);
        Assert.Equal(Vector35.TxRaw, tx.Raw);
        Assert.Equal(Vector35.Body, tx.BodyBytes);
        Assert.Equal(Vector35.AuthInfo, tx.AuthInfoBytes);
        Assert.Equal(Vector35.Signature, Assert.Single(tx.Signatures));
        var msg = Assert.IsType<MsgExecuteContract>(Assert.Single(tx.Messages));
        Assert.Equal(TypeUrls.MsgExecuteContract, msg.TypeUrl);
        Assert.False(msg.IsLegacy);
        Assert.Equal(Vector35.Test1Address, msg.Sender.ToString());
        Assert.Equal(Vector35.Test1Address, msg.Contract.ToString());
        Assert.Equal("{\"ping\":{}}", Encoding.UTF8.GetString(msg.Msg));
        Assert.Empty(msg.Funds);
        Assert.Equal(Vector35.Test1Address, tx.Signer.ToString());
        Assert.Equal("", tx.Memo);
        Assert.Equal([new Coin("uluna", 3000)], tx.Fee);
        Assert.Equal(200_000UL, tx.GasLimit);
        Assert.Equal(0UL, tx.TimeoutHeight);
        Assert.Equal(3UL, tx.Sequence);
        Assert.Equal(SignMode.Direct, tx.SignMode);
        Assert.Equal(Vector35.Test1PubKeyHex, Hex.Lower(tx.PubKey!));
    }

    [Fact]
    public void Sign_bytes_equal_the_vector_sign_doc()
    {
        var tx = TxDecoder.Decode(Vector35.TxRaw, 1_048_576);

        var signBytes = SignDocBuilder.SignBytes(tx, Vector35.ChainId, Vector35.AccountNumber);

        Assert.Equal(Vector35.SignDoc, signBytes);
        Assert.Equal(Vector35.SignDocSha256Hex, Hex.Lower(Hashing.Sha256(signBytes)));
    }

    [Fact]
    public void The_vector_signature_verifies_over_the_sign_doc_hash()
    {
        var tx = TxDecoder.Decode(Vector35.TxRaw, 1_048_576);
        var hash = Hashing.Sha256(SignDocBuilder.SignBytes(tx, Vector35.ChainId, Vector35.AccountNumber));

        Assert.True(Secp256k1.Verify(tx.PubKey!, hash, tx.Signature));
        Assert.False(Secp256k1.Verify(tx.PubKey!, Hashing.Sha256(SignDocBuilder.SignBytes(tx, "mirrorchain-2", 7)), tx.Signature));
        Assert.False(Secp256k1.Verify(tx.PubKey!, Hashing.Sha256(SignDocBuilder.SignBytes(tx, Vector35.ChainId, 8)), tx.Signature));
    }

    [Fact]
    public void TxBuilder_reproduces_the_cosmjs_vector_byte_for_byte()
    {
        var key = PrivateKey.FromMnemonic(Vector35.Test1Mnemonic);
        var test1 = Address.Parse(Vector35.Test1Address);
        var spec = new TxSpec
        {
            Messages = [new MsgExecuteContract(test1, test1, Encoding.UTF8.GetBytes("{\"ping\":{}}"), [])],
            Fee = [new Coin("uluna", 3000)],
            GasLimit = 200_000,
            ChainId = Vector35.ChainId,
            AccountNumber = 7,
            Sequence = 3,
        };

        var built = TxBuilder.Sign(spec, key);

        Assert.Equal(Vector35.BodyHex, Hex.Lower(built.BodyBytes));
        Assert.Equal(Vector35.AuthInfoHex, Hex.Lower(built.AuthInfoBytes));
        Assert.Equal(Vector35.SignDoc, built.SignBytes);
        Assert.Equal(Vector35.SignatureHex, Hex.Lower(built.Signature));
        Assert.Equal(Vector35.TxRaw, built.TxBytes);
        Assert.Equal(Vector35.TxHashHex, built.HashHex);
    }

    [Fact]
    public void Account_number_zero_is_omitted_from_the_sign_doc()
    {
        var signBytes = SignDocBuilder.SignBytes([0x01], [0x02], "c", 0);

        Assert.Equal("0a0101120102" + "1a0163", Hex.Lower(signBytes));
    }
}
