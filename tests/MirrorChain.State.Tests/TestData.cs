using System.Text;
using MirrorChain.Core;

namespace MirrorChain.State.Tests;

internal static class TestData
{
    public static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    public static string S(byte[]? b) => b is null ? "<null>" : Encoding.UTF8.GetString(b);

    public static byte[] RandomBytes(Random random, int minLength, int maxLength)
    {
        var bytes = new byte[random.Next(minLength, maxLength + 1)];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A sorted key → value map of <paramref name="count"/> random entries (keys 1–40 bytes, values 0–64).</summary>
    public static SortedDictionary<byte[], byte[]> RandomState(Random random, int count)
    {
        var state = new SortedDictionary<byte[], byte[]>(ByteArrayComparer.Instance);
        while (state.Count < count)
        {
            state[RandomBytes(random, 1, 40)] = RandomBytes(random, 0, 64);
        }
        return state;
    }

    public static List<KeyValuePair<byte[], byte[]?>> Puts(IEnumerable<KeyValuePair<byte[], byte[]>> entries) =>
        [.. entries.Select(e => new KeyValuePair<byte[], byte[]?>(e.Key, e.Value))];

    public static List<KeyValuePair<byte[], byte[]?>> Deletes(IEnumerable<byte[]> keys) =>
        [.. keys.Select(k => new KeyValuePair<byte[], byte[]?>(k, null))];

    public static T[] Shuffled<T>(Random random, IEnumerable<T> items)
    {
        var array = items.ToArray();
        random.Shuffle(array);
        return array;
    }
}
