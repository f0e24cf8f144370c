using System.Text;
using MirrorChain.Core;
using MirrorChain.Crypto;
using MirrorChain.Tx.Amino;
using MirrorChain.Tx.Messages;
using MirrorChain.Tx.Proto.Cosmos.Tx.Signing.V1Beta1;

namespace MirrorChain.Tx.Tests;

/// <summary>
/// SIGN_MODE_LEGACY_AMINO_JSON sign docs. The expected strings are written by hand from the Cosmos SDK's
/// StdSignDoc rules (keys sorted at every level, no whitespace, integers as strings, &amp; &lt; &gt; escaped as
/// \u0026 \u003c \u003e, memo always present, timeout_height only when not 0, wasm msg inline) and were checked
/// once against cosmjs 0.38.1: <c>serializeSignDoc(makeSignDoc(...))</c> from @cosmjs/amino run with node in
/// tests/compat gives exactly these bytes, and <c>Secp256k1HdWallet.signAmino</c> (LocalTerra test1) gives the
/// signatures below.
/// </summary>
public class AminoSignDocTests
{
    private const string Test2 = "terra17lmam6zguazs5q5u6z5mmx76uj63gldnse2pdp";
    private static readonly Address Test1Address = Address.Parse(CosmjsSignVector.Test1Address);
    private static readonly Address Test2Address = Address.Parse(Test2);
    private static readonly byte[] Test1PubKey = Hex.Decode(CosmjsSignVector.Test1PubKeyHex);

    private const string SendSignDoc =
        "{\"account_number\":\"7\",\"chain_id\":\"mirrorchain-1\","
        + "\"fee\":{\"amount\":[{\"amount\":\"3000\",\"denom\":\"uluna\"}],\"gas\":\"200000\"},"
        + "\"memo\":\"Ledger \\u003c3 \\u0026 \\\"amino\\\"\","
        + "\"msgs\":[{\"type\":\"cosmos-sdk/MsgSend\",\"value\":{\"amount\":[{\"amount\":\"1000\",\"denom\":\"uluna\"}],"
        + "\"from_address\":\"terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v\",\"to_address\":\"terra17lmam6zguazs5q5u6z5mmx76uj63gldnse2pdp\"}}],"
        + "\"sequence\":\"3\"}";

    private const string SendCosmjsSignature =
        "7f3315cdbd93c7a3dcdfa87f4fe0ea304e96b70e9bca2a3aa3dc807effc4b1525b3e28a1bc806e9d2d9cf72e7a936d233d196503749f6ff239e7d9133c4900b1";

    /// <summary>Whitespace, unsorted keys, numbers in several spellings, escapes, and array-index keys.</summary>
    private const string ExecuteMsgJson =
        "{ \"transfer\": {\"recipient\": \"terra17lmam6zguazs5q5u6z5mmx76uj63gldnse2pdp\", \"amount\": \"1000\"}, "
        + "\"z\": [1e3, -0.0, 2.50, 1E-7, 123e19], \"a\": {\"y\": null, \"x\": true, \"10\": \"t\", \"9\": \"n\", \"B\": \"\\u00e9\\n\"} }";

    private const string ExecuteSignDoc =
        "{\"account_number\":\"0\",\"chain_id\":\"mirrorchain-1\",\"fee\":{\"amount\":[],\"gas\":\"150000\"},\"memo\":\"\","
        + "\"msgs\":[{\"type\":\"wasm/MsgExecuteContract\",\"value\":{\"contract\":\"terra17lmam6zguazs5q5u6z5mmx76uj63gldnse2pdp\","
        + "\"funds\":[{\"amount\":\"5\",\"denom\":\"uusd\"}],"
        + "\"msg\":{\"a\":{\"9\":\"n\",\"10\":\"t\",\"B\":\"\u00e9\\n\",\"x\":true,\"y\":null},"
        + "\"transfer\":{\"amount\":\"1000\",\"recipient\":\"terra17lmam6zguazs5q5u6z5mmx76uj63gldnse2pdp\"},"
        + "\"z\":[1000,0,2.5,1e-7,1.23e+21]},"
        + "\"sender\":\"terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v\"}},"
        + "{\"type\":\"wasm/MsgExecuteContract\",\"value\":{\"contract\":\"terra17lmam6zguazs5q5u6z5mmx76uj63gldnse2pdp\","
        + "\"funds\":[],\"msg\":{\"ping\":{}},\"sender\":\"terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v\"}}],"
        + "\"sequence\":\"0\",\"timeout_height\":\"12\"}";

    private const string ExecuteCosmjsSignature =
        "50f1d126d7ff0faa62f641e63c3aa0526160b824c23d9aa7fc93b8ddc8e9f9614b14ba4994a5c91c305195956e6cbfa7f6c6f9c83bcf766a092c46275b69cace";

    private static DecodedTx AminoTx(IReadOnlyList<ITxMessage> messages, ulong sequence, string fee, ulong gas, string memo = "",
        ulong timeoutHeight = 0)
    {
        var body = TxBuilder.BodyBytes(messages, memo, timeoutHeight);
        var auth = TxBuilder.AuthInfoBytes(Test1PubKey, sequence, Coins.Parse(fee), gas, SignMode.LegacyAminoJson);
        return TxDecoder.Decode(TxBuilder.RawBytes(body, auth, new byte[64]), 1_048_576);
    }

    private static DecodedTx SendTx() =>
        AminoTx([new MsgSend(Test1Address, Test2Address, Coins.Parse("1000uluna"))], 3, "3000uluna", 200_000, "Ledger <3 & \"amino\"");

    private static DecodedTx ExecuteTx() => AminoTx(
    [
        new MsgExecuteContract(Test1Address, Test2Address, Encoding.UTF8.GetBytes(ExecuteMsgJson), Coins.Parse("5uusd")),
        new MsgExecuteContract(Test1Address, Test2Address, "{\"ping\":{}}"u8.ToArray(), []),
    ], 0, "", 150_000, timeoutHeight: 12);

    [Fact]
    public void MsgSend_sign_doc_is_the_sorted_canonical_json_with_escaped_memo()
    {
        var bytes = AminoSignDoc.SignBytes(SendTx(), "mirrorchain-1", 7);

        Assert.Equal(SendSignDoc, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void MsgExecuteContract_sign_doc_inlines_the_contract_message_sorted_with_javascript_numbers()
    {
        var bytes = AminoSignDoc.SignBytes(ExecuteTx(), "mirrorchain-1", 0);

        Assert.Equal(ExecuteSignDoc, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Cosmjs_amino_signatures_verify_over_the_sign_doc_hash_and_fail_for_another_account_number()
    {
        var send = Hashing.Sha256(AminoSignDoc.SignBytes(SendTx(), "mirrorchain-1", 7));
        var execute = Hashing.Sha256(AminoSignDoc.SignBytes(ExecuteTx(), "mirrorchain-1", 0));

        Assert.True(Secp256k1.Verify(Test1PubKey, send, Hex.Decode(SendCosmjsSignature)));
        Assert.True(Secp256k1.Verify(Test1PubKey, execute, Hex.Decode(ExecuteCosmjsSignature)));
        Assert.False(Secp256k1.Verify(Test1PubKey, Hashing.Sha256(AminoSignDoc.SignBytes(SendTx(), "mirrorchain-1", 8)),
            Hex.Decode(SendCosmjsSignature)));
    }

    [Fact]
    public void Fee_payer_is_written_only_when_set()
    {
        var body = TxBuilder.BodyBytes([new MsgSend(Test1Address, Test2Address, Coins.Parse("1uluna"))]);
        var authInfo = Proto.Cosmos.Tx.V1Beta1.AuthInfo.Parser.ParseFrom(
            TxBuilder.AuthInfoBytes(Test1PubKey, 0, Coins.Parse("3000uluna"), 100, SignMode.LegacyAminoJson));
        authInfo.Fee.Payer = CosmjsSignVector.Test1Address;
        var tx = TxDecoder.Decode(TxBuilder.RawBytes(body, Google.Protobuf.MessageExtensions.ToByteArray(authInfo), new byte[64]), 1_048_576);

        var json = Encoding.UTF8.GetString(AminoSignDoc.SignBytes(tx, "c", 1));

        Assert.Contains("\"fee\":{\"amount\":[{\"amount\":\"3000\",\"denom\":\"uluna\"}],\"gas\":\"100\",\"payer\":\"terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v\"}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("granter", json, StringComparison.Ordinal);
        Assert.DoesNotContain("payer", Encoding.UTF8.GetString(AminoSignDoc.SignBytes(SendTx(), "c", 1)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("-0.000e5", "0")]
    [InlineData("10", "10")]
    [InlineData("-12.340", "-12.34")]
    [InlineData("1e21", "1e+21")]
    [InlineData("999999999999999e6", "999999999999999000000")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("0.0000001", "1e-7")]
    [InlineData("12.5e-10", "1.25e-9")]
    [InlineData("9007199254740992", "9007199254740992")]
    [InlineData("123456789012345", "123456789012345")]
    public void Numbers_take_their_javascript_form(string token, string expected) =>
        Assert.Equal(expected, AminoJsonParser.NormalizeNumber(token));

    [Theory]
    [InlineData("9007199254740993")]
    [InlineData("0.1234567890123456")]
    [InlineData("1e400")]
    [InlineData("1e-400")]
    public void Numbers_javascript_would_round_are_refused_with_code_4(string token)
    {
        var e = Assert.Throws<SdkException>(() => AminoJsonParser.NormalizeNumber(token));

        Assert.Equal(4u, e.Error.Code);
        Assert.Contains($"number {token} cannot be represented exactly", e.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void Lone_surrogates_and_control_characters_are_escaped_like_json_stringify()
    {
        var value = AminoJsonParser.Parse("{\"k\":\"\\ud800\\u0001\\u001f\\b\\f\\t\\r/\\u2028\\ud83d\\ude00\"}"u8);

        Assert.Equal("{\"k\":\"\\ud800\\u0001\\u001f\\b\\f\\t\\r/\u2028\U0001F600\"}", Encoding.UTF8.GetString(value.ToCanonicalBytes()));
    }

    [Fact]
    public void The_terra_classic_execute_message_has_no_amino_form_here()
    {
        var legacy = new MsgExecuteContract(Test1Address, Test2Address, "{\"ping\":{}}"u8.ToArray(), [], isLegacy: true);
        var tx = AminoTx([legacy], 0, "3000uluna", 200_000);

        var e = Assert.Throws<SdkException>(() => AminoSignDoc.SignBytes(tx, "c", 0));

        Assert.Equal(4u, e.Error.Code);
        Assert.Equal("cannot build the SIGN_MODE_LEGACY_AMINO_JSON sign doc: message /terra.wasm.v1beta1.MsgExecuteContract has no legacy "
            + "amino JSON form here; amino-signable messages: /cosmos.bank.v1beta1.MsgSend (cosmos-sdk/MsgSend), "
            + "/cosmwasm.wasm.v1.MsgExecuteContract (wasm/MsgExecuteContract); sign this tx with SIGN_MODE_DIRECT: unauthorized", e.Log);
    }
}
