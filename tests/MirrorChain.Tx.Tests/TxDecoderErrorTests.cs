using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using MirrorChain.Core;
using MirrorChain.Tx.Proto.Cosmos.Tx.V1Beta1;
using ProtoCoin = MirrorChain.Tx.Proto.Cosmos.Base.V1Beta1.Coin;
using WasmExecute = MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1.MsgExecuteContract;

namespace MirrorChain.Tx.Tests;

public class TxDecoderErrorTests
{
    private static SdkException Fails(byte[] raw, DecodeOptions? options = null) =>
        Assert.Throws<SdkException>(() => TxDecoder.Decode(raw, options ?? new DecodeOptions()));

    private static void AssertCode(SdkException e, string codespace, uint code)
    {
        Assert.Equal(codespace, e.Error.Codespace);
        Assert.Equal(code, e.Error.Code);
    }

    [Fact]
    public void A_well_formed_send_decodes()
    {
        var tx = TxDecoder.Decode(RawTx.Bytes(), 1_048_576);

        var send = Assert.IsType<Messages.MsgSend>(Assert.Single(tx.Messages));
        Assert.Equal(RawTx.To, send.ToAddress.ToString());
        Assert.Equal([new Coin("uluna", 1)], send.Amount);
        Assert.Empty(tx.Fee);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ff")]
    [InlineData("0a")]
    [InlineData("0aff01")]
    [InlineData("0a0512")]
    [InlineData("deadbeef")]
    [InlineData("0a02ffff")]
    [InlineData("1a")]
    [InlineData("0800")]
    public void Malformed_bytes_are_code_2(string hex)
    {
        var e = Fails(Hex.Decode(hex));

        AssertCode(e, "sdk", 2);
        Assert.EndsWith(": tx parse error", e.Log);
    }

    [Fact]
    public void Random_garbage_only_ever_gives_sdk_exceptions()
    {
        var rng = new Random(12345);
        var valid = CosmjsSignVector.TxRaw;
        for (var i = 0; i < 3000; i++)
        {
            byte[] bytes;
            if (i % 2 == 0)
            {
                bytes = new byte[rng.Next(1, 200)];
                rng.NextBytes(bytes);
            }
            else
            {
                bytes = (byte[])valid.Clone();
                for (var k = 0; k < 1 + rng.Next(4); k++)
                {
                    bytes[rng.Next(bytes.Length)] = (byte)rng.Next(256);
                }
            }
            try
            {
                TxDecoder.Decode(bytes, 1_048_576);
            }
            catch (SdkException)
            {
            }
        }
    }

    [Fact]
    public void Unknown_fields_are_rejected_as_parse_errors()
    {
        var body = RawTx.Body().ToByteArray().Concat(new byte[] { 0x30, 0x01 }).ToArray(); // field 6 varint
        var e = Fails(RawTx.Bytes(body, RawTx.AuthInfo().ToByteArray()));

        AssertCode(e, "sdk", 2);
        Assert.Equal("unknown field in TxBody: tx parse error", e.Log);
    }

    [Fact]
    public void Unknown_field_inside_a_message_is_rejected()
    {
        var send = RawTx.Send();
        send.Value = ByteString.CopyFrom(send.Value.ToByteArray().Concat(new byte[] { 0x38, 0x05 }).ToArray());
        var e = Fails(RawTx.Bytes(RawTx.Body(send)));

        AssertCode(e, "sdk", 2);
        Assert.Equal("unknown field in MsgSend: tx parse error", e.Log);
    }

    [Fact]
    public void Too_large_is_code_21()
    {
        var raw = RawTx.Bytes();
        var e = Fails(raw, new DecodeOptions { MaxTxBytes = raw.Length - 1 });

        AssertCode(e, "sdk", 21);
        Assert.Equal($"tx size {raw.Length} bytes exceeds the maximum of {raw.Length - 1} bytes: tx too large", e.Log);
        Assert.NotNull(TxDecoder.Decode(raw, raw.Length));
    }

    [Fact]
    public void No_messages_is_code_18()
    {
        var e = Fails(RawTx.Bytes(new TxBody()));

        AssertCode(e, "sdk", 18);
        Assert.Equal("must contain at least one message: invalid request", e.Log);
    }

    [Fact]
    public void Unknown_message_type_is_code_6()
    {
        var e = Fails(RawTx.Bytes(RawTx.Body(new Any { TypeUrl = "/cosmos.staking.v1beta1.MsgDelegate" })));

        AssertCode(e, "sdk", 6);
        Assert.Equal("unrecognized message type: /cosmos.staking.v1beta1.MsgDelegate: unknown request", e.Log);
    }

    [Fact]
    public void Bad_bech32_is_code_7()
    {
        var e = Fails(RawTx.Bytes(RawTx.Body(RawTx.Send(to: "terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38w"))));

        AssertCode(e, "sdk", 7);
        Assert.Equal("invalid to address: decoding bech32 failed: invalid bech32 checksum: invalid address", e.Log);

        var wrongPrefix = Fails(RawTx.Bytes(RawTx.Body(RawTx.Send(from: "cosmos1x46rqay4d3cssq8gxxvqz8xt6nwlz4tdqj9lsd"))));
        AssertCode(wrongPrefix, "sdk", 7);
    }

    [Theory]
    [InlineData("uusd", "5", "uluna", "1")]   // unsorted
    [InlineData("uluna", "5", "uluna", "1")]  // duplicate
    [InlineData("uluna", "0", "uusd", "1")]   // zero
    [InlineData("u", "5", "uusd", "1")]       // bad denom
    public void Invalid_coins_are_code_10(string d1, string a1, string d2, string a2)
    {
        var e = Fails(RawTx.Bytes(RawTx.Body(RawTx.Send(amount: [(d1, a1), (d2, a2)]))));

        AssertCode(e, "sdk", 10);
        Assert.EndsWith(": invalid coins", e.Log);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("abc")]
    public void Unparseable_amounts_are_code_2(string amount)
    {
        var e = Fails(RawTx.Bytes(RawTx.Body(RawTx.Send(amount: [("uluna", amount)]))));

        AssertCode(e, "sdk", 2);
    }

    [Fact]
    public void Memo_over_the_limit_is_code_12()
    {
        var body = RawTx.Body();
        body.Memo = new string('m', 257);
        var e = Fails(RawTx.Bytes(body));

        AssertCode(e, "sdk", 12);
        Assert.Equal("maximum number of characters is 256 but received 257 characters: memo too large", e.Log);

        body.Memo = new string('m', 256);
        Assert.Equal(256, TxDecoder.Decode(RawTx.Bytes(body), 1_048_576).Memo.Length);
    }

    [Fact]
    public void Memo_length_counts_utf8_bytes_like_the_sdk()
    {
        var body = RawTx.Body();
        body.Memo = new string('é', 129); // 258 bytes
        var e = Fails(RawTx.Bytes(body));

        Assert.Equal("maximum number of characters is 256 but received 258 characters: memo too large", e.Log);
    }

    [Fact]
    public void Zero_gas_is_code_41_except_in_simulation()
    {
        var raw = RawTx.Bytes(authInfo: RawTx.AuthInfo(gas: 0));
        var e = Fails(raw);

        AssertCode(e, "sdk", 41);
        Assert.Equal("must provide positive gas: invalid gas limit", e.Log);
        Assert.Equal(0UL, TxDecoder.Decode(raw, new DecodeOptions { Simulate = true }).GasLimit);
    }

    [Fact]
    public void Gas_above_int64_is_code_18()
    {
        var e = Fails(RawTx.Bytes(authInfo: RawTx.AuthInfo(gas: ulong.MaxValue)));

        AssertCode(e, "sdk", 18);
        Assert.Equal("invalid gas supplied; 18446744073709551615 > 9223372036854775807: invalid request", e.Log);
    }

    [Fact]
    public void Extension_options_are_code_31()
    {
        var body = RawTx.Body();
        body.ExtensionOptions.Add(new Any { TypeUrl = "/ethermint.evm.v1.ExtensionOptionsEthereumTx" });
        var e = Fails(RawTx.Bytes(body));

        AssertCode(e, "sdk", 31);
        Assert.Equal("unknown extension options", e.Log);
    }

    [Fact]
    public void Signature_and_signer_info_counts_must_be_one()
    {
        AssertCode(Fails(RawTx.Bytes(signatures: 0)), "sdk", 15);

        var two = Fails(RawTx.Bytes(signatures: 2));
        AssertCode(two, "sdk", 4);
        Assert.Equal("wrong number of signers; expected 1, got 2: unauthorized", two.Log);

        var infos = Fails(RawTx.Bytes(authInfo: RawTx.AuthInfo(signerInfos: 2)));
        AssertCode(infos, "sdk", 4);
        Assert.Equal("invalid number of signer infos; expected: 1, got 2: unauthorized", infos.Log);
    }

    [Fact]
    public void Messages_from_two_signers_are_rejected()
    {
        var body = RawTx.Body(RawTx.Send(), RawTx.Send(from: RawTx.To, to: RawTx.From));
        var e = Fails(RawTx.Bytes(body));

        AssertCode(e, "sdk", 4);
        Assert.Equal("wrong number of signers; expected 2, got 1: unauthorized", e.Log);
    }

    [Fact]
    public void Invalid_fee_coins_are_code_13()
    {
        var e = Fails(RawTx.Bytes(authInfo: RawTx.AuthInfo(fee: [("uusd", "1"), ("uluna", "1")])));

        AssertCode(e, "sdk", 13);
        Assert.StartsWith("invalid fee amount: 1uusd,1uluna", e.Log);
    }

    [Fact]
    public void Unsupported_pubkey_type_is_code_8()
    {
        var auth = RawTx.AuthInfo();
        auth.SignerInfos[0].PublicKey = new Any { TypeUrl = "/cosmos.crypto.ed25519.PubKey", Value = ByteString.CopyFrom(new byte[34]) };
        var e = Fails(RawTx.Bytes(authInfo: auth));

        AssertCode(e, "sdk", 8);
    }

    [Theory]
    [InlineData("", "wasm", 14u, "payload msg: empty")]
    [InlineData("not json", "wasm", 21u, "payload msg: invalid JSON: invalid")]
    [InlineData("[1,2]", "wasm", 21u, "payload msg: must be a JSON object: invalid")]
    [InlineData("{\"a\":1} {}", "wasm", 21u, "payload msg: invalid JSON: invalid")]
    [InlineData("{\"a\":1", "wasm", 21u, "payload msg: invalid JSON: invalid")]
    public void Execute_payload_must_be_a_json_object(string json, string codespace, uint code, string log)
    {
        var msg = new WasmExecute { Sender = RawTx.From, Contract = RawTx.From, Msg = ByteString.CopyFromUtf8(json) };
        var e = Fails(RawTx.Bytes(RawTx.Body(new Any { TypeUrl = TypeUrls.MsgExecuteContract, Value = msg.ToByteString() })));

        AssertCode(e, codespace, code);
        Assert.Equal(log, e.Log);
    }

    [Fact]
    public void Execute_payload_with_invalid_utf8_is_wasm_21()
    {
        var msg = new WasmExecute
        {
            Sender = RawTx.From, Contract = RawTx.From, Msg = ByteString.CopyFrom([.. "{\"a\":\""u8, 0xff, .. "\"}"u8]),
        };
        var e = Fails(RawTx.Bytes(RawTx.Body(new Any { TypeUrl = TypeUrls.MsgExecuteContract, Value = msg.ToByteString() })));

        Assert.Equal("payload msg: not valid UTF-8: invalid", e.Log);
    }

    [Fact]
    public void Legacy_terra_execute_decodes_with_its_type_url()
    {
        var legacy = new Proto.Terra.Wasm.V1Beta1.MsgExecuteContract
        {
            Sender = RawTx.From, Contract = RawTx.To, ExecuteMsg = ByteString.CopyFromUtf8("{\"x\":{}}"),
        };
        legacy.Coins.Add(new ProtoCoin { Denom = "uusd", Amount = "1000" });
        var tx = TxDecoder.Decode(RawTx.Bytes(RawTx.Body(new Any { TypeUrl = TypeUrls.LegacyMsgExecuteContract, Value = legacy.ToByteString() })), 1_048_576);

        var msg = Assert.IsType<Messages.MsgExecuteContract>(Assert.Single(tx.Messages));
        Assert.True(msg.IsLegacy);
        Assert.Equal(TypeUrls.LegacyMsgExecuteContract, msg.TypeUrl);
        Assert.Equal(RawTx.To, msg.Contract.ToString());
        Assert.Equal("{\"x\":{}}", Encoding.UTF8.GetString(msg.Msg));
        Assert.Equal([new Coin("uusd", 1000)], msg.Funds);
        Assert.Equal(legacy.ToByteString(), msg.ToAny().Value);
    }

    [Fact]
    public void Fee_granter_is_not_supported()
    {
        var auth = RawTx.AuthInfo();
        auth.Fee.Granter = RawTx.To;
        var e = Fails(RawTx.Bytes(authInfo: auth));

        AssertCode(e, "sdk", 18);
        Assert.Equal("fee grants are not enabled: invalid request", e.Log);
    }

    [Fact]
    public void Missing_fee_is_an_empty_fee()
    {
        var auth = RawTx.AuthInfo();
        auth.Fee = null;
        var raw = RawTx.Bytes(authInfo: auth);

        AssertCode(Fails(raw), "sdk", 41);
        Assert.Empty(TxDecoder.Decode(raw, new DecodeOptions { Simulate = true }).Fee);
    }

    [Fact]
    public void Simulation_tx_from_the_builder_decodes_in_simulate_mode()
    {
        var raw = TxBuilder.ForSimulation([new Messages.MsgSend(Address.Parse(RawTx.From), Address.Parse(RawTx.To), [new Coin("uluna", 1)])],
            Hex.Decode(CosmjsSignVector.Test1PubKeyHex), 4);

        var tx = TxDecoder.Decode(raw, new DecodeOptions { Simulate = true });

        Assert.Equal(Proto.Cosmos.Tx.Signing.V1Beta1.SignMode.Unspecified, tx.SignMode);
        Assert.Empty(tx.Signature);
        Assert.Equal(4UL, tx.Sequence);
        Assert.Equal(0UL, tx.GasLimit);
    }
}
