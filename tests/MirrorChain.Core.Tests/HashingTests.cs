using System.Text;

namespace MirrorChain.Core.Tests;

/// <summary>
/// Expected roots computed by hand from RFC 6962 §2.1 (leaf = SHA-256(0x00‖d), node = SHA-256(0x01‖l‖r),
/// split at the largest power of two smaller than n) with an independent script.
/// </summary>
public class HashingTests
{
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("a", "022a6979e6dab7aa5ae4c3e5e45f7e977112a7e63593820dbec1ec738a24f93c")]
    [InlineData("a,b", "b137985ff484fb600db93107c77b0365c80d78f5b429ded0fd97361d077999eb")]
    [InlineData("a,b,c", "36642e73c2540ab121e3a6bf9545b0a24982cd830eb13d3cd19de3ce6c021ec1")]
    [InlineData("a,b,c,d", "33376a3bd63e9993708a84ddfe6c28ae58b83505dd1fed711bd924ec5a6239f0")]
    [InlineData("a,b,c,d,e", "fe14a5426fbd70c0fa73f52342afed0da0bd23c4838662ccf6b88a3070ead97b")]
    public void MerkleRootMatchesRfc6962(string items, string expectedHex)
    {
        var list = items.Length == 0 ? [] : items.Split(',').Select(Encoding.ASCII.GetBytes).ToList();

        Assert.Equal(expectedHex, Hex.Lower(Hashing.MerkleRoot(list)));
    }

    [Fact]
    public void MerkleRootOfOneEmptyItemIsTheLeafHashOfNothing()
    {
        Assert.Equal("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", Hex.Lower(Hashing.MerkleRoot([[]])));
    }

    [Fact]
    public void MerkleRootOfThreeSpelledOut()
    {
        static byte[] Sha(params byte[][] parts) => Hashing.Sha256(parts.SelectMany(p => p).ToArray());
        var leafA = Sha([0], "a"u8.ToArray());
        var leafB = Sha([0], "b"u8.ToArray());
        var leafC = Sha([0], "c"u8.ToArray());
        var expected = Sha([1], Sha([1], leafA, leafB), leafC);

        Assert.Equal("36642e73c2540ab121e3a6bf9545b0a24982cd830eb13d3cd19de3ce6c021ec1", Hex.Lower(expected));
        Assert.Equal(Hex.Lower(expected), Hex.Lower(Hashing.MerkleRoot(["a"u8.ToArray(), "b"u8.ToArray(), "c"u8.ToArray()])));
    }

    [Fact]
    public void Sha256AndTxHash()
    {
        Span<byte> destination = stackalloc byte[32];
        Hashing.Sha256("abc"u8, destination);

        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hex.Lower(Hashing.Sha256("abc"u8)));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hex.Lower(destination));
        Assert.Equal("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", Hex.Upper(Hashing.TxHash("abc"u8)));
    }
}
