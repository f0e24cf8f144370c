namespace MirrorChain.Core;

/// <summary>Byte-key range helpers shared by the app state, contract storage and the node's block store.</summary>
public static class KeyRanges
{
    /// <summary>
    /// The smallest key greater than every key starting with <paramref name="prefix"/>: the prefix with its last
    /// byte below 0xFF incremented and everything after it dropped; null when there is none (empty or all 0xFF), i.e.
    /// the range runs to the end of the key space.
    /// </summary>
    public static byte[]? PrefixEnd(byte[] prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var end = (byte[])prefix.Clone();
        for (var i = end.Length - 1; i >= 0; i--)
        {
            if (end[i] != 0xFF)
            {
                end[i]++;
                return end[..(i + 1)];
            }
        }
        return null;
    }
}
