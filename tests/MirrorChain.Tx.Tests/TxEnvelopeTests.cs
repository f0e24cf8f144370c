using MirrorChain.Core;

namespace MirrorChain.Tx.Tests;

public class TxEnvelopeTests
{
    [Fact]
    public void An_envelope_hashes_its_bytes_once_as_cometbft_does()
    {
        var raw = RawTx.Bytes();
        var envelope = new TxEnvelope(raw);
        Assert.Same(raw, envelope.Bytes);
        Assert.Equal(Hashing.TxHash(raw), envelope.HashBytes);
        Assert.Equal(Hash32.FromBytes(Hashing.TxHash(raw)), envelope.Hash);
        Assert.Equal(0, envelope.DecodeCount); // decoding waits until someone asks
    }

    [Fact]
    public void A_second_decode_with_the_same_options_reuses_the_first()
    {
        var envelope = new TxEnvelope(RawTx.Bytes());
        var first = envelope.Decode(new DecodeOptions());
        var second = envelope.Decode(new DecodeOptions()); // equal options, another instance
        Assert.Same(first, second);
        Assert.Equal(1, envelope.DecodeCount);
        Assert.Same(envelope.HashBytes, first.Hash);
        var fresh = TxDecoder.Decode(envelope.Bytes, new DecodeOptions());
        Assert.Equal(fresh.Hash, first.Hash);
        Assert.Equal(fresh.Signer, first.Signer);
        Assert.Equal(fresh.Body, first.Body);
        Assert.Equal(fresh.AuthInfo, first.AuthInfo);
    }

    [Fact]
    public void Other_options_decode_again_and_give_what_a_fresh_decode_gives()
    {
        var envelope = new TxEnvelope(RawTx.Bytes(authInfo: RawTx.AuthInfo(gas: 0)));
        var simulated = envelope.Decode(new DecodeOptions { Simulate = true }); // gas 0 is allowed in a simulation
        var e = Assert.Throws<SdkException>(() => envelope.Decode(new DecodeOptions()));
        var fresh = Assert.Throws<SdkException>(() => TxDecoder.Decode(envelope.Bytes, new DecodeOptions()));
        Assert.Equal((fresh.Error, fresh.Log), (e.Error, e.Log));
        Assert.Equal(2, envelope.DecodeCount);
        Assert.Equal(0UL, simulated.GasLimit);
    }

    [Fact]
    public void A_decode_error_is_remembered_and_thrown_again_with_the_same_code_and_log()
    {
        var envelope = new TxEnvelope([0xff]);
        var first = Assert.Throws<SdkException>(() => envelope.Decode(new DecodeOptions()));
        var second = Assert.Throws<SdkException>(() => envelope.Decode(new DecodeOptions()));
        Assert.Equal((first.Error, first.Log), (second.Error, second.Log));
        Assert.Equal(SdkError.TxDecode, second.Error);
        Assert.Equal(1, envelope.DecodeCount);
    }

    [Fact]
    public void Wrapping_raw_txs_keeps_their_order()
    {
        byte[][] txs = [[1], [2], [3]];
        var envelopes = TxEnvelope.Wrap(txs);
        Assert.Equal(txs, envelopes.Select(e => e.Bytes));
    }
}
