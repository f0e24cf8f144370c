namespace MirrorChain.State;

/// <summary>A key hash read as 64 nibbles, high nibble of each byte first: the tree's path.</summary>
internal static class Nibbles
{
    public const int PerHash = 64;

    public static int At(ReadOnlySpan<byte> hash, int index) =>
        (index & 1) == 0 ? hash[index >> 1] >> 4 : hash[index >> 1] & 0x0F;

    /// <summary>True if the first <paramref name="count"/> nibbles of both hashes are equal.</summary>
    public static bool SharePrefix(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (At(a, i) != At(b, i))
            {
                return false;
            }
        }
        return true;
    }
}
