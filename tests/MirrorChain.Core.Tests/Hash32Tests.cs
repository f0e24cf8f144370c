namespace MirrorChain.Core.Tests;

public class Hash32Tests
{
    private static byte[] Bytes(int seed) => Hashing.Sha256([(byte)seed, (byte)(seed >> 8)]);

    [Fact]
    public void A_hash_round_trips_through_its_bytes_and_prints_as_uppercase_hex()
    {
        var bytes = Bytes(1);
        var hash = Hash32.FromBytes(bytes);
        Assert.Equal(bytes, hash.ToArray());
        Assert.Equal(Hex.Upper(bytes), hash.ToString());
        Assert.Equal(hash, Hash32.OfTx([1, 0]));
    }

    [Fact]
    public void Equal_bytes_give_equal_keys_and_one_differing_byte_anywhere_gives_a_different_key()
    {
        var bytes = Bytes(2);
        var a = Hash32.FromBytes(bytes);
        var b = Hash32.FromBytes((byte[])bytes.Clone());
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        for (var i = 0; i < 32; i++)
        {
            var changed = (byte[])bytes.Clone();
            changed[i] ^= 0x01;
            var c = Hash32.FromBytes(changed);
            Assert.True(a != c, $"byte {i}");
            Assert.False(a.Equals((object)c));
        }
    }

    [Fact]
    public void Hashes_order_as_their_bytes_do_unsigned_and_lexicographic()
    {
        var arrays = Enumerable.Range(0, 200).Select(Bytes).ToList();
        // words whose top bit is set (unsigned order must hold) and hashes that differ only in a late word
        arrays.Add([0x80, .. new byte[31]]);
        arrays.Add([0x7f, .. Enumerable.Repeat((byte)0xff, 31)]);
        arrays.Add([.. new byte[24], 0xff, .. new byte[7]]);
        arrays.Add([.. new byte[24], 0x01, .. new byte[7]]);
        var byBytes = arrays.OrderBy(a => a, ByteArrayComparer.Instance).Select(a => Hex.Upper(a)).ToList();
        var byHash = arrays.Select(a => Hash32.FromBytes(a)).Order().Select(h => h.ToString()).ToList();
        Assert.Equal(byBytes, byHash);
        var low = Hash32.FromBytes(arrays[^1]);
        var high = Hash32.FromBytes(arrays[^2]);
        Assert.True(low < high && low <= high && high > low && high >= low && low.CompareTo(low) == 0);
    }

    [Fact]
    public void Hashes_work_as_dictionary_keys()
    {
        var map = new Dictionary<Hash32, int>();
        for (var i = 0; i < 1000; i++)
        {
            map[Hash32.FromBytes(Bytes(i))] = i;
        }
        Assert.Equal(1000, map.Count);
        Assert.Equal(123, map[Hash32.FromBytes(Bytes(123))]);
        Assert.False(map.ContainsKey(Hash32.FromBytes(Bytes(5000))));
    }

    [Fact]
    public void Only_32_bytes_make_a_hash()
    {
        Assert.Throws<ArgumentException>(() => Hash32.FromBytes(new byte[31]));
        Assert.Throws<ArgumentException>(() => Hash32.FromBytes(new byte[33]));
        Assert.Throws<ArgumentException>(() => Hash32.FromBytes(Bytes(1)).CopyTo(new byte[31]));
    }
}
