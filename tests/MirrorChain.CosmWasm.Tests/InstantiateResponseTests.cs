using Google.Protobuf;
using Proto = MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1.MsgInstantiateContractResponse;

namespace MirrorChain.CosmWasm.Tests;

/// <summary>
/// Contracts decode an instantiate reply's data themselves (no protobuf library in the contract surface); the decoder
/// must agree with Google.Protobuf, which the host encodes it with, on every input.
/// </summary>
public sealed class InstantiateResponseTests
{
    [Fact]
    public void Decodes_what_the_host_encodes()
    {
        var bytes = new Proto { Address = "terra1qxyz", Data = ByteString.CopyFrom(1, 2, 3) }.ToByteArray();
        var r = InstantiateResponse.Parse(bytes);
        Assert.Equal("terra1qxyz", r.Address);
        Assert.Equal([1, 2, 3], r.Data);
        var empty = InstantiateResponse.Parse([]);
        Assert.Equal(("", 0), (empty.Address, empty.Data.Length));
    }

    [Theory]
    [InlineData(new byte[] { 0x0A, 0x05, 0x61 })]        // address claims 5 bytes, 1 present
    [InlineData(new byte[] { 0x00 })]                    // field number 0
    [InlineData(new byte[] { 0x0C })]                    // end-group without a start
    [InlineData(new byte[] { 0x0E })]                    // wire type 6
    [InlineData(new byte[] { 0x08, 0x80 })]              // truncated varint
    [InlineData(new byte[] { 0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F })] // negative length
    [InlineData(new byte[] { 0x1B, 0x24 })]              // group 3 closed by field 4's end tag
    public void Malformed_data_is_a_decode_error(byte[] bytes)
    {
        Assert.ThrowsAny<InvalidProtocolBufferException>(() => Proto.Parser.ParseFrom(bytes));
        Assert.Throws<ProtobufDecodeException>(() => InstantiateResponse.Parse(bytes));
    }

    [Fact]
    public void Agrees_with_google_protobuf_on_random_field_sequences()
    {
        var random = new Random(20261203);
        var (decoded, refused) = (0, 0);
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = RandomMessage(random);
            var expected = Decode(() => { var p = Proto.Parser.ParseFrom(bytes); return (p.Address, Convert.ToHexString(p.Data.Span)); });
            var actual = Decode(() => { var r = InstantiateResponse.Parse(bytes); return (r.Address, Convert.ToHexString(r.Data)); });
            Assert.True(expected == actual, $"{Convert.ToHexString(bytes)}: protobuf {expected}, ours {actual}");
            (decoded, refused) = expected is null ? (decoded, refused + 1) : (decoded + 1, refused);
        }
        Assert.True(decoded > 1000 && refused > 1000, $"{decoded} decoded, {refused} refused: the generator must cover both");
    }

    private static (string, string)? Decode(Func<(string, string)> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or ProtobufDecodeException)
        {
            return null;
        }
    }

    /// <summary>A few fields with mostly valid, sometimes broken encodings (random tags, lengths, truncation, groups).</summary>
    private static byte[] RandomMessage(Random random)
    {
        var output = new List<byte>();
        var fields = random.Next(0, 5);
        for (var f = 0; f < fields; f++)
        {
            var field = random.Next(10) < 8 ? random.Next(1, 4) : random.Next(0, 40);
            var wireType = random.Next(10) < 7 ? 2 : random.Next(0, 8);
            WriteVarint(output, ((ulong)field << 3) | (uint)wireType);
            switch (wireType)
            {
                case 0:
                    WriteVarint(output, (ulong)random.NextInt64());
                    break;
                case 1:
                    output.AddRange(RandomBytes(random, 8));
                    break;
                case 2:
                    var payload = random.Next(10) < 7 ? ValidUtf8(random) : RandomBytes(random, random.Next(0, 6));
                    WriteVarint(output, random.Next(10) < 9 ? (ulong)payload.Length : (ulong)random.Next(0, 300));
                    output.AddRange(payload);
                    break;
                case 3:
                    if (random.Next(2) == 0)
                    {
                        WriteVarint(output, 8);
                        WriteVarint(output, 7);
                    }
                    WriteVarint(output, ((ulong)(random.Next(4) == 0 ? field + 1 : field) << 3) | 4);
                    break;
                case 5:
                    output.AddRange(RandomBytes(random, 4));
                    break;
                default:
                    break;
            }
        }
        if (random.Next(10) == 0 && output.Count > 0)
        {
            output.RemoveRange(random.Next(output.Count), 1); // truncate or misalign
        }
        return [.. output];
    }

    private static byte[] ValidUtf8(Random random) =>
        System.Text.Encoding.UTF8.GetBytes(random.Next(3) == 0 ? "terra1é✓" : "terra1" + random.Next());

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static void WriteVarint(List<byte> output, ulong value)
    {
        while (value >= 0x80)
        {
            output.Add((byte)(value | 0x80));
            value >>= 7;
        }
        output.Add((byte)value);
    }
}
