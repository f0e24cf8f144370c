namespace MirrorChain.Abci.Tests;

/// <summary>
/// Golden frames, derived by hand from the protobuf encoding and CometBFT's framing (an unsigned varint length, then
/// the message): a frame the server writes must be byte for byte what CometBFT's Go client decodes.
/// </summary>
public sealed class AbciFramingTests
{
    [Fact]
    public void Echo_request_frame_is_length_then_field_1_holding_the_message()
    {
        // Request.echo (field 1, wire type 2) = 0x0A, length 7; RequestEcho.message (field 1) = 0x0A, length 5, "hello".
        var frame = AbciFraming.Frame(new Request { Echo = new RequestEcho { Message = "hello" } });
        Assert.Equal(Convert.FromHexString("090A070A0568656C6C6F"), frame);
    }

    [Fact]
    public void Flush_frames_are_three_bytes_each_way()
    {
        // Request.flush is field 2 (0x12), Response.flush field 3 (0x1A); an empty message still writes its tag and length 0.
        Assert.Equal(Convert.FromHexString("021200"), AbciFraming.Frame(new Request { Flush = new RequestFlush() }));
        Assert.Equal(Convert.FromHexString("021A00"), AbciFraming.Frame(new Response { Flush = new ResponseFlush() }));
    }

    [Fact]
    public void Info_response_frame_has_height_in_field_4_and_app_hash_in_field_5()
    {
        var frame = AbciFraming.Frame(new Response
        {
            Info = new ResponseInfo { Data = "mc", LastBlockHeight = 300, LastBlockAppHash = ByteString.CopyFrom(0xAB, 0xCD) },
        });
        // Response.info = field 4 (0x22), length 11: data "mc" (0A 02 6D 63), height 300 as varint AC 02 (20 AC 02),
        // app hash (2A 02 AB CD).
        Assert.Equal(Convert.FromHexString("0D220B0A026D6320AC022A02ABCD"), frame);
    }

    [Fact]
    public void Long_messages_take_a_multi_byte_length_prefix()
    {
        var frame = AbciFraming.Frame(new Request { Echo = new RequestEcho { Message = new string('x', 200) } });
        // body: 0A, len(echo)=203 as varint CB 01, then 0A C8 01 and 200 bytes: 206 bytes = varint CE 01.
        Assert.Equal(0xCE, frame[0]);
        Assert.Equal(0x01, frame[1]);
        Assert.Equal(208, frame.Length);
    }

    [Fact]
    public async Task A_frame_reads_back_as_the_message_written()
    {
        var request = new Request { CheckTx = new RequestCheckTx { Tx = ByteString.CopyFrom(1, 2, 3), Type = CheckTxType.Recheck } };
        using var stream = new MemoryStream(AbciFraming.Frame(request));
        var body = await AbciFraming.ReadMessageAsync(stream, 1024, CancellationToken.None);
        Assert.Equal(request, Request.Parser.ParseFrom(body));
        Assert.Null(await AbciFraming.ReadMessageAsync(stream, 1024, CancellationToken.None));
    }

    [Fact]
    public async Task A_frame_over_the_limit_is_refused_before_its_body_is_read()
    {
        using var stream = new MemoryStream(Convert.FromHexString("E807")); // 1000 bytes announced, none sent
        var e = await Assert.ThrowsAsync<AbciProtocolException>(() => AbciFraming.ReadMessageAsync(stream, 999, CancellationToken.None).AsTask());
        Assert.Contains("1000 bytes exceeds the limit of 999", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_frame_is_a_protocol_error()
    {
        using var stream = new MemoryStream(Convert.FromHexString("050A03"));
        var e = await Assert.ThrowsAsync<AbciProtocolException>(() => AbciFraming.ReadMessageAsync(stream, 1024, CancellationToken.None).AsTask());
        Assert.Contains("after 2 of 5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_length_prefix_longer_than_64_bits_is_a_protocol_error()
    {
        using var stream = new MemoryStream(Convert.FromHexString("FFFFFFFFFFFFFFFFFF7F"));
        await Assert.ThrowsAsync<AbciProtocolException>(() => AbciFraming.ReadMessageAsync(stream, 1024, CancellationToken.None).AsTask());
    }
}
