namespace MirrorChain.Crypto.Tests;

public class Ripemd160Tests
{
    // test vectors from the RIPEMD-160 authors' page
    [Theory]
    [InlineData("", "9c1185a5c5e9fc54612808977ee8f548b2258d31")]
    [InlineData("a", "0bdc9d2d256b3ee9daae347be6f4dc835a467ffe")]
    [InlineData("abc", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc")]
    [InlineData("message digest", "5d0689ef49d2fae572b881b123a85ffa21595f36")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "12a053384a9c0c88e405a06c27dcf49ada62eb2b")]
    public void KnownVectors(string input, string expectedHex)
    {
        Assert.Equal(expectedHex, Hex.Lower(Ripemd160.Hash(Encoding.ASCII.GetBytes(input))));
    }

    [Fact]
    public void HashIntoSpan()
    {
        Span<byte> destination = stackalloc byte[20];
        Ripemd160.Hash("abc"u8, destination);

        Assert.Equal("8eb208f7e05d987a9b044a8e98c6b087f15a0bfc", Hex.Lower(destination));
        Assert.Throws<ArgumentException>(() => Ripemd160.Hash("abc"u8, new byte[19]));
    }
}
