using System.Text;
using MirrorChain.Core;
using MirrorChain.Crypto;
using MirrorChain.Tx.Messages;
using MirrorChain.Tx.Proto.Cosmos.Tx.Signing.V1Beta1;

namespace MirrorChain.Tx.Tests;

public class CosmjsSignVectorTests
{
    [Fact]
    public void Decoding_the_vector_gives_the_listed_fields()
    {
        var tx = TxDecoder.Decode(CosmjsSignVector.TxRaw, 1_048_576);

        Assert.Equal(CosmjsSignVector.TxHashHex, tx.HashHex);
        Assert.Equal(CosmjsSignVector.TxRaw, tx.Raw);
        Assert.Equal(CosmjsSignVector.Body, tx.BodyBytes);
        Assert.Equal(CosmjsSignVector.AuthInfo, tx.AuthInfoBytes);
        Assert.Equal(CosmjsSignVector.Signature, Assert.Single(tx.Signatures));
        var msg = Assert.IsType<MsgExecuteContract>(Assert.Single(tx.Messages));
        Assert.Equal(TypeUrls.MsgExecuteContract, msg.TypeUrl);
        Assert.False(msg.IsLegacy);
        Assert.Equal(CosmjsSignVector.Test1Address, msg.Sender.ToString());
        Assert.Equal(CosmjsSignVector.Test1Address, msg.Contract.ToString());
        Assert.Equal("{\"ping\":{}}", Encoding.UTF8.GetString(msg.Msg));
        Assert.Empty(msg.Funds);
        Assert.Equal(CosmjsSignVector.Test1Address, tx.Signer.ToString());
        Assert.Equal("", tx.Memo);
        Assert.Equal([new Coin("uluna", 3000)], tx.Fee);
        Assert.Equal(200_000UL, tx.GasLimit);
        Assert.Equal(0UL, tx.TimeoutHeight);
        Assert.Equal(3UL, tx.Sequence);
        Assert.Equal(SignMode.Direct, tx.SignMode);
        Assert.Equal(CosmjsSignVector.Test1PubKeyHex, Hex.Lower(tx.PubKey!));
    }

    [Fact]
    public void Sign_bytes_equal_the_vector_sign_doc()
    {
        var tx = TxDecoder.Decode(CosmjsSignVector.TxRaw, 1_048_576);

        var signBytes = SignDocBuilder.SignBytes(tx, CosmjsSignVector.ChainId, CosmjsSignVector.AccountNumber);

        Assert.Equal(CosmjsSignVector.SignDoc, signBytes);
        Assert.Equal(CosmjsSignVector.SignDocSha256Hex, Hex.Lower(Hashing.Sha256(signBytes)));
    }

    [Fact]
    public void The_vector_signature_verifies_over_the_sign_doc_hash()
    {
        var tx = TxDecoder.Decode(CosmjsSignVector.TxRaw, 1_048_576);
        var hash = Hashing.Sha256(SignDocBuilder.SignBytes(tx, CosmjsSignVector.ChainId, CosmjsSignVector.AccountNumber));

        Assert.True(Secp256k1.Verify(tx.PubKey!, hash, tx.Signature));
        Assert.False(Secp256k1.Verify(tx.PubKey!, Hashing.Sha256(SignDocBuilder.SignBytes(tx, "mirrorchain-2", 7)), tx.Signature));
        Assert.False(Secp256k1.Verify(tx.PubKey!, Hashing.Sha256(SignDocBuilder.SignBytes(tx, CosmjsSignVector.ChainId, 8)), tx.Signature));
    }

    [Fact]
    public void TxBuilder_reproduces_the_cosmjs_vector_byte_for_byte()
    {
        var key = PrivateKey.FromMnemonic(CosmjsSignVector.Test1Mnemonic);
        var test1 = Address.Parse(CosmjsSignVector.Test1Address);
        var spec = new TxSpec
        {
            Messages = [new MsgExecuteContract(test1, test1, Encoding.UTF8.GetBytes("{\"ping\":{}}"), [])],
            Fee = [new Coin("uluna", 3000)],
            GasLimit = 200_000,
            ChainId = CosmjsSignVector.ChainId,
            AccountNumber = 7,
            Sequence = 3,
        };

        var built = TxBuilder.Sign(spec, key);

        Assert.Equal(CosmjsSignVector.BodyHex, Hex.Lower(built.BodyBytes));
        Assert.Equal(CosmjsSignVector.AuthInfoHex, Hex.Lower(built.AuthInfoBytes));
        Assert.Equal(CosmjsSignVector.SignDoc, built.SignBytes);
        Assert.Equal(CosmjsSignVector.SignatureHex, Hex.Lower(built.Signature));
        Assert.Equal(CosmjsSignVector.TxRaw, built.TxBytes);
        Assert.Equal(CosmjsSignVector.TxHashHex, built.HashHex);
    }

    [Fact]
    public void Account_number_zero_is_omitted_from_the_sign_doc()
    {
        var signBytes = SignDocBuilder.SignBytes([0x01], [0x02], "c", 0);

        Assert.Equal("0a0101120102" + "1a0163", Hex.Lower(signBytes));
    }
}
