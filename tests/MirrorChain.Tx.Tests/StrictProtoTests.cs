using Google.Protobuf;
using MirrorChain.Core;
using MirrorChain.Tx.Proto.Cosmos.Tx.V1Beta1;
using ProtoMsgSend = MirrorChain.Tx.Proto.Cosmos.Bank.V1Beta1.MsgSend;

namespace MirrorChain.Tx.Tests;

/// <summary>
/// <see cref="StrictProto"/> decides unknown fields with a walk over the wire bytes and falls back to the exact check
/// (parse again discarding unknown fields, compare sizes) only when the walk is not sure: the verdict must always be
/// the exact check's.
/// </summary>
public class StrictProtoTests
{
    [Fact]
    public void A_well_formed_tx_is_proven_clean_by_the_wire_walk_alone()
    {
        var raw = TxRaw.Parser.ParseFrom(CosmjsSignVector.TxRaw);
        Assert.True(KnownFieldScan.IsClean(CosmjsSignVector.TxRaw, TxRaw.Descriptor));
        Assert.True(KnownFieldScan.IsClean(raw.BodyBytes.Span, TxBody.Descriptor));
        Assert.True(KnownFieldScan.IsClean(raw.AuthInfoBytes.Span, AuthInfo.Descriptor));
        Assert.True(KnownFieldScan.IsClean(RawTx.Send().Value.Span, ProtoMsgSend.Descriptor));
    }

    [Fact]
    public void A_known_field_number_with_the_wrong_wire_type_is_an_unknown_field()
    {
        // TxBody.memo is field 2 (a string); as a varint the generated parser keeps it as an unknown field.
        var body = RawTx.Body().ToByteArray().Concat(new byte[] { 0x10, 0x01 }).ToArray();

        Assert.False(KnownFieldScan.IsClean(body, TxBody.Descriptor));
        var e = Assert.Throws<SdkException>(() => StrictProto.Parse(TxBody.Parser, body, "TxBody"));
        Assert.Equal("unknown field in TxBody: tx parse error", e.Log);
    }

    [Fact]
    public void Unknown_field_verdicts_match_the_discarding_reparse_on_mutated_messages()
    {
        var rng = new Random(20261203);
        var raw = TxRaw.Parser.ParseFrom(CosmjsSignVector.TxRaw);
        var samples = new (byte[] Bytes, Func<byte[], string> Strict, Func<byte[], string> Exact)[]
        {
            (CosmjsSignVector.TxRaw, b => Strict(TxRaw.Parser, b), b => Exact(TxRaw.Parser, b)),
            (raw.BodyBytes.ToByteArray(), b => Strict(TxBody.Parser, b), b => Exact(TxBody.Parser, b)),
            (raw.AuthInfoBytes.ToByteArray(), b => Strict(AuthInfo.Parser, b), b => Exact(AuthInfo.Parser, b)),
            (RawTx.AuthInfo(fee: ("uluna", "3000")).ToByteArray(), b => Strict(AuthInfo.Parser, b), b => Exact(AuthInfo.Parser, b)),
            (RawTx.Send().Value.ToByteArray(), b => Strict(ProtoMsgSend.Parser, b), b => Exact(ProtoMsgSend.Parser, b)),
        };
        var verdicts = new Dictionary<string, int>();
        for (var i = 0; i < 20_000; i++)
        {
            var (original, strict, exact) = samples[i % samples.Length];
            var mutated = Mutate(rng, original);
            var expected = exact(mutated);
            Assert.Equal(expected, strict(mutated));
            verdicts[expected] = verdicts.GetValueOrDefault(expected) + 1;
        }
        // The mutations reach all three outcomes, so the comparison above covers each.
        Assert.True(verdicts.GetValueOrDefault("ok") > 1000, "ok");
        Assert.True(verdicts.GetValueOrDefault("unknown") > 1000, "unknown");
        Assert.True(verdicts.GetValueOrDefault("malformed") > 1000, "malformed");
    }

    private static string Strict<T>(MessageParser<T> parser, byte[] bytes)
        where T : IMessage<T>
    {
        try
        {
            StrictProto.Parse(parser, bytes, "M");
            return "ok";
        }
        catch (SdkException e) when (e.Error.Code == 2)
        {
            return e.Log.StartsWith("unknown field", StringComparison.Ordinal) ? "unknown" : "malformed";
        }
    }

    /// <summary>The exact check on its own: both parses, then the sizes.</summary>
    private static string Exact<T>(MessageParser<T> parser, byte[] bytes)
        where T : IMessage<T>
    {
        T kept;
        T discarded;
        try
        {
            kept = parser.ParseFrom(bytes);
            discarded = parser.WithDiscardUnknownFields(true).ParseFrom(bytes);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or ArgumentException or InvalidOperationException or FormatException)
        {
            return "malformed";
        }
        return kept.CalculateSize() != discarded.CalculateSize() ? "unknown" : "ok";
    }

    /// <summary>One of: a well-formed field (any number 1–20, any wire type) inserted at a field boundary, at the top
    /// or inside a length-delimited field (lengths fixed up); a byte changed; a byte removed.</summary>
    private static byte[] Mutate(Random rng, byte[] original)
    {
        switch (rng.Next(4))
        {
            case 0:
            case 1:
                return InsertField(rng, original, depth: 0);
            case 2:
            {
                var bytes = (byte[])original.Clone();
                bytes[rng.Next(bytes.Length)] = (byte)rng.Next(256);
                return bytes;
            }
            default:
            {
                var at = rng.Next(original.Length);
                return [.. original.AsSpan(0, at), .. original.AsSpan(at + 1)];
            }
        }
    }

    private static byte[] InsertField(Random rng, byte[] message, int depth)
    {
        var boundaries = new List<(int Start, int End, int PayloadStart)>(); // each top-level field
        var pos = 0;
        while (pos < message.Length)
        {
            var start = pos;
            if (!TryVarint(message, ref pos, out var tag))
            {
                return message;
            }
            var payloadStart = -1;
            switch ((int)(tag & 7))
            {
                case 0:
                    if (!TryVarint(message, ref pos, out _))
                    {
                        return message;
                    }
                    break;
                case 1:
                    pos += 8;
                    break;
                case 5:
                    pos += 4;
                    break;
                case 2:
                    if (!TryVarint(message, ref pos, out var length))
                    {
                        return message;
                    }
                    payloadStart = pos;
                    pos += (int)length;
                    break;
                default:
                    return message;
            }
            if (pos > message.Length)
            {
                return message;
            }
            boundaries.Add((start, pos, payloadStart));
        }
        var nested = boundaries.Where(b => b.PayloadStart >= 0).ToList();
        if (depth < 3 && nested.Count > 0 && rng.Next(2) == 0)
        {
            var (start, end, payloadStart) = nested[rng.Next(nested.Count)];
            var inner = InsertField(rng, message[payloadStart..end], depth + 1);
            var tagLength = 0;
            while (message[start + tagLength] >= 0x80)
            {
                tagLength++;
            }
            tagLength++;
            return [.. message.AsSpan(0, start), .. message.AsSpan(start, tagLength), .. Varint((ulong)inner.Length), .. inner, .. message.AsSpan(end)];
        }
        var slot = rng.Next(boundaries.Count + 1);
        var at = slot == boundaries.Count ? message.Length : boundaries[slot].Start;
        return [.. message.AsSpan(0, at), .. RandomField(rng), .. message.AsSpan(at)];
    }

    private static byte[] RandomField(Random rng)
    {
        var number = (ulong)rng.Next(1, 21);
        var wire = new ulong[] { 0, 1, 2, 5 }[rng.Next(4)];
        var tag = Varint((number << 3) | wire);
        var payload = wire switch
        {
            0 => Varint((ulong)rng.Next(0, 300)),
            1 => new byte[8],
            5 => new byte[4],
            _ => new byte[] { 3, 0x61, 0x62, 0x63 },
        };
        return [.. tag, .. payload];
    }

    private static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }
        bytes.Add((byte)value);
        return [.. bytes];
    }

    private static bool TryVarint(byte[] data, ref int pos, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (pos >= data.Length)
            {
                return false;
            }
            var b = data[pos++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }
        return false;
    }
}
