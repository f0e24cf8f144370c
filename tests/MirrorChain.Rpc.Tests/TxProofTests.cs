namespace MirrorChain.Rpc.Tests;

/// <summary>Proof vectors computed independently (Python hashlib) for CometBFT's tx Merkle tree over tx hashes.</summary>
public sealed class TxProofTests
{
    [Fact]
    public void ThreeTxs_LastIndex()
    {
        var txs = new[] { "a"u8.ToArray(), "b"u8.ToArray(), "c"u8.ToArray() };
        var p = TxProof.Build(txs, 2);
        Assert.Equal("CAC3D448D4E20A2AD5EAE1F500E63C2A7F9217CD14572BA7FD22E26DC1EC2648", Hex.Upper(p.RootHash));
        Assert.Equal("aj/BG3n4Nr2jQOdciQbpYbit9NagiiuZLj84zW/zjr8=", Convert.ToBase64String(p.LeafHash));
        Assert.Equal(new[] { "rVymzdwLJ8aoPjMr8oARdpI25sah94br97UmezelvSI=" }, p.Aunts.Select(Convert.ToBase64String));
        Assert.Equal((3L, 2L), (p.Total, p.Index));
        Assert.Equal("c"u8.ToArray(), p.Tx);
    }

    [Fact]
    public void ThreeTxs_FirstIndex_AuntsBottomUp()
    {
        var txs = new[] { "a"u8.ToArray(), "b"u8.ToArray(), "c"u8.ToArray() };
        var p = TxProof.Build(txs, 0);
        Assert.Equal("ojvVsG2pBII4pls/HZ0LnhX6493iYmiOZImqTHY9GCA=", Convert.ToBase64String(p.LeafHash));
        Assert.Equal(
            new[] { "oNnwpQs1uffX7cV/tk9Hcd3vD+/qyk5vlJoVFNtbE20=", "aj/BG3n4Nr2jQOdciQbpYbit9NagiiuZLj84zW/zjr8=" },
            p.Aunts.Select(Convert.ToBase64String));
    }

    [Fact]
    public void FiveTxs_RootMatchesMerkleRootOfTxHashes()
    {
        var txs = Enumerable.Range(0, 5).Select(i => new[] { (byte)i }).ToArray();
        var p = TxProof.Build(txs, 3);
        Assert.Equal("6B313B611B40676B9E1DFD70C4503F2379F88F0F1C2740FB7E1CACC32C113465", Hex.Upper(p.RootHash));
        Assert.Equal(Hashing.MerkleRoot(txs.Select(t => Hashing.TxHash(t)).ToList()), p.RootHash);
        Assert.Equal(
            new[] { "J9Asj3E8kOoMN5ARKduGrAMYbuIqH28T2mfmtbzuIEQ=", "YE1UDwkmi5FnKrAROU1SZszX1EhNDRCUEaVYSBJqGyw=", "EtJClxZP/d/Y/rvQInXDxf8kkW3HHV80dpMUgIVLMRM=" },
            p.Aunts.Select(Convert.ToBase64String));
    }

    [Fact]
    public void SingleTx_HasNoAunts()
    {
        var p = TxProof.Build([Encoding.ASCII.GetBytes("only")], 0);
        Assert.Empty(p.Aunts);
        Assert.Equal(p.LeafHash, p.RootHash);
    }
}
