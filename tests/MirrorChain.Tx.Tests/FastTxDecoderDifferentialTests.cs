using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using MirrorChain.Core;
using MirrorChain.Tx.Messages;
using MirrorChain.Tx.Proto.Cosmos.Tx.Signing.V1Beta1;
using MirrorChain.Tx.Proto.Cosmos.Tx.V1Beta1;
using ProtoCoin = MirrorChain.Tx.Proto.Cosmos.Base.V1Beta1.Coin;
using WasmExecute = MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1.MsgExecuteContract;

namespace MirrorChain.Tx.Tests;

/// <summary>
/// The hand-written wire decoder (<see cref="FastTxDecoder"/>) against the Google.Protobuf reference
/// (<see cref="TxDecoder.DecodeReference"/>): whenever the fast decoder answers, the reference accepts the same bytes
/// and builds an equal tx; and <see cref="TxDecoder.Decode(byte[], DecodeOptions)"/> (fast path first) gives exactly
/// the reference's answer — the same tx or the same code and log — for valid txs, random mutations of them and
/// random bytes. Seeded, so every run checks the same inputs.
/// </summary>
public class FastTxDecoderDifferentialTests
{
    private static readonly DecodeOptions Options = new();
    private static readonly DecodeOptions Simulation = new() { Simulate = true };

    [Fact]
    public void Fast_decoder_reads_every_ordinary_tx_shape_and_equals_the_reference()
    {
        foreach (var raw in Seeds())
        {
            foreach (var options in new[] { Options, Simulation })
            {
                var fast = FastTxDecoder.TryDecode(raw, options, hash: null);
                Assert.NotNull(fast);
                AssertSame(TxDecoder.DecodeReference(raw, options, hash: null), fast);
            }
        }
    }

    [Fact]
    public void Fast_decoder_leaves_gas_zero_outside_simulation_to_the_reference()
    {
        var raw = RawTx.Bytes(authInfo: RawTx.AuthInfo(gas: 0));
        Assert.Null(FastTxDecoder.TryDecode(raw, Options, hash: null));
        Assert.NotNull(FastTxDecoder.TryDecode(raw, Simulation, hash: null));
    }

    [Fact]
    public void Decoders_agree_on_every_single_byte_mutation_of_valid_txs()
    {
        var random = new Random(20261203);
        var checkedCount = 0;
        foreach (var seed in Seeds())
        {
            for (var i = 0; i < seed.Length; i++)
            {
                var mutated = (byte[])seed.Clone();
                mutated[i] = (byte)random.Next(256);
                AssertAgree(mutated);
                var flipped = (byte[])seed.Clone();
                flipped[i] ^= (byte)(1 << random.Next(8));
                AssertAgree(flipped);
                checkedCount += 2;
            }
        }
        Assert.True(checkedCount > 1000);
    }

    [Fact]
    public void Decoders_agree_on_random_insertions_deletions_and_splices()
    {
        var random = new Random(9);
        var seeds = Seeds().ToArray();
        for (var n = 0; n < 4000; n++)
        {
            var seed = seeds[random.Next(seeds.Length)];
            var bytes = new List<byte>(seed);
            var edits = 1 + random.Next(3);
            for (var e = 0; e < edits; e++)
            {
                var at = random.Next(bytes.Count + 1);
                switch (random.Next(4))
                {
                    case 0:
                        bytes.Insert(at, (byte)random.Next(256));
                        break;
                    case 1 when bytes.Count > 0:
                        bytes.RemoveAt(Math.Min(at, bytes.Count - 1));
                        break;
                    case 2:
                        var other = seeds[random.Next(seeds.Length)];
                        var from = random.Next(other.Length);
                        bytes.InsertRange(at, other.Skip(from).Take(1 + random.Next(24)));
                        break;
                    default:
                        bytes = [.. bytes.Take(at)];
                        break;
                }
            }
            AssertAgree([.. bytes]);
        }
    }

    [Fact]
    public void Decoders_agree_on_random_bytes()
    {
        var random = new Random(77);
        for (var n = 0; n < 3000; n++)
        {
            var bytes = new byte[1 + random.Next(200)];
            random.NextBytes(bytes);
            if (n % 2 == 0)
            {
                bytes[0] = 0x0A; // start as a TxRaw body field so the walk goes deeper
            }
            AssertAgree(bytes);
        }
    }

    [Fact]
    public void Decoders_agree_on_txs_built_from_random_field_values()
    {
        var random = new Random(4242);
        string[] addresses = [RawTx.From, RawTx.To, "terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38w", "cosmos1x46rqay4d3cssq8gxxvqz8xt6nwlz4tdqj9lsd", "", "terra1"];
        string[] denoms = ["uluna", "uusd", "ukrw", "Uluna", "u", "", "uluna\u00e9", "ibc/ABC"];
        string[] amounts = ["1", "0", "", "-1", "01", "340282366920938463463374607431768211455", "340282366920938463463374607431768211456", "1e3", "\u0661"];
        string[] memos = ["", "hello", new string('m', 256), new string('m', 257), "h\u00e9llo", "\0"];
        string[] payloads = ["{}", "{\"a\":1}", "", "[]", "{", "{} {}", "\"x\""];
        for (var n = 0; n < 3000; n++)
        {
            var body = new TxBody { Memo = Pick(random, memos), TimeoutHeight = random.Next(4) == 0 ? (ulong)random.Next(100) : 0 };
            var messageCount = random.Next(4);
            for (var m = 0; m < messageCount; m++)
            {
                var from = random.Next(5) == 0 ? Pick(random, addresses) : RawTx.From;
                if (random.Next(3) == 0)
                {
                    var exec = new WasmExecute
                    {
                        Sender = from, Contract = Pick(random, addresses), Msg = ByteString.CopyFromUtf8(Pick(random, payloads)),
                    };
                    AddCoins(random, exec.Funds, denoms, amounts, random.Next(3));
                    var url = random.Next(2) == 0 ? TypeUrls.MsgExecuteContract : TypeUrls.LegacyMsgExecuteContract;
                    body.Messages.Add(new Any { TypeUrl = random.Next(20) == 0 ? "/x.y.Z" : url, Value = exec.ToByteString() });
                }
                else
                {
                    var send = RawTx.Send(from, Pick(random, addresses), []);
                    var proto = Proto.Cosmos.Bank.V1Beta1.MsgSend.Parser.ParseFrom(send.Value);
                    proto.Amount.Clear();
                    AddCoins(random, proto.Amount, denoms, amounts, random.Next(3));
                    body.Messages.Add(new Any { TypeUrl = send.TypeUrl, Value = proto.ToByteString() });
                }
            }
            if (random.Next(30) == 0)
            {
                body.Unordered = true;
            }
            if (random.Next(30) == 0)
            {
                body.TimeoutTimestamp = new Timestamp { Seconds = random.Next(1000) };
            }
            if (random.Next(30) == 0)
            {
                body.NonCriticalExtensionOptions.Add(new Any { TypeUrl = "/x.Y" });
            }
            var auth = RawTx.AuthInfo(gas: random.Next(5) == 0 ? 0UL : (ulong)random.Next(1, 1_000_000), signerInfos: random.Next(10) == 0 ? random.Next(3) : 1);
            AddCoins(random, auth.Fee.Amount, denoms, amounts, random.Next(3));
            if (random.Next(8) == 0)
            {
                auth.Fee.Payer = Pick(random, addresses);
            }
            if (random.Next(20) == 0)
            {
                auth.Fee.Granter = RawTx.To;
            }
            if (random.Next(20) == 0)
            {
                auth.Fee = null;
            }
            if (auth.SignerInfos.Count > 0)
            {
                var info = auth.SignerInfos[0];
                info.Sequence = (ulong)random.Next(3) * 1_000_000_007UL;
                switch (random.Next(12))
                {
                    case 0:
                        info.PublicKey = null;
                        break;
                    case 1:
                        info.PublicKey = new Any { TypeUrl = "/cosmos.crypto.ed25519.PubKey", Value = info.PublicKey.Value };
                        break;
                    case 2:
                        info.PublicKey = TxBuilder.PubKeyAny(new byte[33]);
                        break;
                    case 3:
                        info.ModeInfo = null;
                        break;
                    case 4:
                        info.ModeInfo = new ModeInfo { Multi = new ModeInfo.Types.Multi() };
                        break;
                    case 5:
                        info.ModeInfo = new ModeInfo { Single = new ModeInfo.Types.Single { Mode = (SignMode)random.Next(200) } };
                        break;
                    default:
                        break;
                }
            }
            var raw = RawTx.Bytes(body.ToByteArray(), auth.ToByteArray(), signatures: random.Next(10) == 0 ? random.Next(3) : 1);
            AssertAgree(raw);
        }
    }

    /// <summary>Valid txs of every shape the fast decoder reads.</summary>
    private static IEnumerable<byte[]> Seeds()
    {
        yield return RawTx.Bytes();
        yield return RawTx.Bytes(authInfo: RawTx.AuthInfo(fee: [("uluna", "3000"), ("uusd", "15")]));
        yield return RawTx.Bytes(RawTx.Body(RawTx.Send(amount: [("uluna", "7"), ("uusd", "340282366920938463463374607431768211455")]), RawTx.Send()));
        var withMemo = RawTx.Body();
        withMemo.Memo = "a memo";
        withMemo.TimeoutHeight = 12345678901;
        yield return RawTx.Bytes(withMemo);
        var payer = RawTx.AuthInfo(fee: ("ukrw", "1"));
        payer.Fee.Payer = RawTx.From;
        payer.SignerInfos[0].Sequence = ulong.MaxValue;
        yield return RawTx.Bytes(authInfo: payer);
        var noKey = RawTx.AuthInfo();
        noKey.SignerInfos[0].PublicKey = null;
        noKey.SignerInfos[0].ModeInfo = new ModeInfo { Single = new ModeInfo.Types.Single { Mode = SignMode.LegacyAminoJson } };
        yield return RawTx.Bytes(authInfo: noKey);
        var noMode = RawTx.AuthInfo();
        noMode.SignerInfos[0].ModeInfo = new ModeInfo();
        yield return RawTx.Bytes(authInfo: noMode);
        var exec = new WasmExecute { Sender = RawTx.From, Contract = RawTx.To, Msg = ByteString.CopyFromUtf8("{\"swap\":{\"offer\":\"1\"}}") };
        exec.Funds.Add(new ProtoCoin { Denom = "uusd", Amount = "100" });
        yield return RawTx.Bytes(RawTx.Body(new Any { TypeUrl = TypeUrls.MsgExecuteContract, Value = exec.ToByteString() }));
        yield return RawTx.Bytes(RawTx.Body(
            new Any { TypeUrl = TypeUrls.LegacyMsgExecuteContract, Value = exec.ToByteString() }, RawTx.Send()));
        // Explicit defaults on the wire (proto3 writers may emit them): unordered = false, empty strings, gas 0 field.
        var explicitDefaults = RawTx.Body().ToByteArray().Concat(new byte[] { 0x20, 0x00, 0x12, 0x00, 0x18, 0x00 }).ToArray();
        yield return RawTx.Bytes(explicitDefaults, RawTx.AuthInfo().ToByteArray());
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static void AddCoins(Random random, Google.Protobuf.Collections.RepeatedField<ProtoCoin> target, string[] denoms, string[] amounts, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var denom = random.Next(4) == 0 ? Pick(random, denoms) : (i == 0 ? "uluna" : "uusd");
            var amount = random.Next(4) == 0 ? Pick(random, amounts) : random.Next(1, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            target.Add(new ProtoCoin { Denom = denom, Amount = amount });
        }
    }

    /// <summary>Fast answer ⇒ reference accepts with an equal tx; the public decode equals the reference, error or not.</summary>
    private static void AssertAgree(byte[] raw)
    {
        foreach (var options in new[] { Options, Simulation })
        {
            var reference = Outcome(() => TxDecoder.DecodeReference(raw, options, hash: null));
            if (raw.Length > 0 && FastTxDecoder.TryDecode(raw, options, hash: null) is { } fast)
            {
                Assert.True(reference.Tx is not null, $"fast decoder accepted {Convert.ToHexString(raw)}; reference: {reference.Error?.Log}");
                AssertSame(reference.Tx!, fast);
            }
            var decoded = Outcome(() => TxDecoder.Decode(raw, options));
            if (raw.Length == 0)
            {
                continue; // the size checks run before either decoder
            }
            if (reference.Tx is { } expected)
            {
                Assert.True(decoded.Tx is not null, $"decode rejected {Convert.ToHexString(raw)}: {decoded.Error?.Log}");
                AssertSame(expected, decoded.Tx!);
            }
            else
            {
                Assert.NotNull(decoded.Error);
                Assert.Equal(reference.Error!.Error, decoded.Error!.Error);
                Assert.Equal(reference.Error.Log, decoded.Error.Log);
            }
        }
    }

    private static (DecodedTx? Tx, SdkException? Error) Outcome(Func<DecodedTx> decode)
    {
        try
        {
            return (decode(), null);
        }
        catch (SdkException e)
        {
            return (null, e);
        }
    }

    private static void AssertSame(DecodedTx expected, DecodedTx actual)
    {
        Assert.Equal(expected.Raw, actual.Raw);
        Assert.Equal(expected.Hash, actual.Hash);
        Assert.Equal(expected.BodyBytes, actual.BodyBytes);
        Assert.Equal(expected.AuthInfoBytes, actual.AuthInfoBytes);
        Assert.Equal(expected.Body, actual.Body);
        Assert.Equal(expected.AuthInfo, actual.AuthInfo);
        Assert.Equal(expected.Signatures, actual.Signatures);
        Assert.Equal(expected.Memo, actual.Memo);
        Assert.Equal(expected.Fee, actual.Fee);
        Assert.Equal(expected.GasLimit, actual.GasLimit);
        Assert.Equal(expected.TimeoutHeight, actual.TimeoutHeight);
        Assert.Equal(expected.TimeoutTimestamp, actual.TimeoutTimestamp);
        Assert.Equal(expected.Signer, actual.Signer);
        Assert.Equal(expected.PubKey, actual.PubKey);
        Assert.Equal(expected.Sequence, actual.Sequence);
        Assert.Equal(expected.SignMode, actual.SignMode);
        Assert.Equal(expected.Messages.Count, actual.Messages.Count);
        for (var i = 0; i < expected.Messages.Count; i++)
        {
            Assert.Equal(expected.Messages[i].GetType(), actual.Messages[i].GetType());
            Assert.Equal(expected.Messages[i].TypeUrl, actual.Messages[i].TypeUrl);
            Assert.Equal(expected.Messages[i].Signer, actual.Messages[i].Signer);
            Assert.Equal(expected.Messages[i].ToAny(), actual.Messages[i].ToAny());
            switch (expected.Messages[i], actual.Messages[i])
            {
                case (MsgSend a, MsgSend b):
                    Assert.Equal(a.ToAddress, b.ToAddress);
                    Assert.Equal(a.Amount, b.Amount);
                    break;
                case (MsgExecuteContract a, MsgExecuteContract b):
                    Assert.Equal(a.Contract, b.Contract);
                    Assert.Equal(a.Msg, b.Msg);
                    Assert.Equal(a.Funds, b.Funds);
                    Assert.Equal(a.IsLegacy, b.IsLegacy);
                    break;
                default:
                    Assert.Fail($"unexpected message types {expected.Messages[i].GetType()} / {actual.Messages[i].GetType()}");
                    break;
            }
        }
    }
}
