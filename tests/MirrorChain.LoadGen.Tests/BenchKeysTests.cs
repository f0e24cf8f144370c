using System.Numerics;
using MirrorChain.Crypto;

namespace MirrorChain.LoadGen.Tests;

public class BenchKeysTests
{
    // Computed independently with Python: n = secp256k1 order;
    // (int.from_bytes(sha256(b"mirrorchain-bench" + struct.pack(">I", i)).digest(), "big") % (n - 1)) + 1
    [Theory]
    [InlineData(0, "4b92ae5424829b788b603e0ce1117c61b55603cee041642a35263b8b45647134")]
    [InlineData(1, "387e3c15189cab3afd0782cb705686de76331212712529dd41bbb99a84db3092")]
    [InlineData(9999, "84081fd2976ff007c30a3bff126b112cf4f55896883b9596b441fb34b3eff87d")]
    public void Secret_is_the_sha256_of_seed_and_big_endian_index_reduced_into_the_scalar_range(int index, string expectedHex)
    {
        Assert.Equal(expectedHex, Convert.ToHexStringLower(BenchKeys.Secret(BenchKeys.DefaultSeed, index)));
    }

    [Fact]
    public void The_same_seed_gives_the_same_keys_and_another_seed_other_keys()
    {
        var a = BenchKeys.Keys("seed-a", 20);
        var again = BenchKeys.Keys("seed-a", 20);
        var b = BenchKeys.Keys("seed-b", 20);

        Assert.Equal(a.Select(k => k.Address), again.Select(k => k.Address));
        Assert.Empty(a.Select(k => k.Address).Intersect(b.Select(k => k.Address)));
        Assert.Equal(20, a.Select(k => k.Address).Distinct().Count());
    }

    [Fact]
    public void Keys_derived_in_parallel_are_in_index_order()
    {
        var keys = BenchKeys.Keys(BenchKeys.DefaultSeed, 64);

        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(BenchKeys.Key(BenchKeys.DefaultSeed, i).Address, keys[i].Address);
        }
    }

    [Fact]
    public void Reduction_maps_zero_the_order_and_the_largest_digest_to_valid_secrets()
    {
        var order = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber,
            System.Globalization.CultureInfo.InvariantCulture);
        byte[] Bytes(BigInteger v)
        {
            var raw = v.ToByteArray(isUnsigned: true, isBigEndian: true);
            var padded = new byte[32];
            raw.CopyTo(padded.AsSpan(32 - raw.Length));
            return padded;
        }

        var zero = BenchKeys.Reduce(new byte[32]);
        var orderMinusOne = BenchKeys.Reduce(Bytes(order - 1));
        var orderItself = BenchKeys.Reduce(Bytes(order));
        var largest = BenchKeys.Reduce(Enumerable.Repeat((byte)0xFF, 32).ToArray());

        Assert.Equal(Bytes(1), zero);
        Assert.Equal(Bytes(1), orderMinusOne);
        Assert.Equal(Bytes(2), orderItself);
        foreach (var secret in new[] { zero, orderMinusOne, orderItself, largest })
        {
            Assert.True(Secp256k1.IsValidPrivateKey(secret));
        }
    }
}
