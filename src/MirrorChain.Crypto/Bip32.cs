using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MirrorChain.Crypto;

/// <summary>BIP-32 hierarchical deterministic keys over secp256k1 (private derivation only).</summary>
public static class Bip32
{
    /// <summary>Terra's HD path (coin type 330), the default for every key MirrorChain derives.</summary>
    public const string TerraPath = "m/44'/330'/0'/0/0";

    public const uint HardenedOffset = 0x8000_0000;

    private static readonly byte[] MasterHmacKey = Encoding.ASCII.GetBytes("Bitcoin seed");

    /// <summary>The master key: I = HMAC-SHA512("Bitcoin seed", seed); key = I[0..32], chain code = I[32..64].</summary>
    /// <exception cref="ArgumentException">The seed is not 16–64 bytes.</exception>
    /// <exception cref="CryptographicException">I[0..32] is zero or ≥ n (probability below 2^-127).</exception>
    public static ExtendedKey MasterKeyFromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length is < 16 or > 64)
        {
            throw new ArgumentException($"BIP-32 seed must be 16 to 64 bytes, got {seed.Length}", nameof(seed));
        }
        Span<byte> i = stackalloc byte[64];
        HMACSHA512.HashData(MasterHmacKey, seed, i);
        try
        {
            if (!Secp256k1.IsValidPrivateKey(i[..32]))
            {
                throw new CryptographicException("BIP-32 master key is invalid for this seed");
            }
            return new ExtendedKey(i[..32].ToArray(), i[32..].ToArray(), 0, 0);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(i);
        }
    }

    /// <summary>The key at <paramref name="path"/> (e.g. <see cref="TerraPath"/>) below the seed's master key.</summary>
    public static ExtendedKey DerivePath(ReadOnlySpan<byte> seed, string path)
    {
        var indexes = ParsePath(path);
        return MasterKeyFromSeed(seed).Derive(indexes);
    }

    /// <summary>
    /// Parses "m", "m/44'/330'/0'/0/0" and the like: a leading "m", then '/'-separated decimal indexes below 2^31,
    /// each optionally marked hardened with ', h or H.
    /// </summary>
    /// <exception cref="FormatException">The message names the offending segment.</exception>
    public static uint[] ParsePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/');
        if (segments[0] != "m")
        {
            throw new FormatException($"invalid BIP-32 path \"{path}\": it must start with \"m\"");
        }
        var result = new uint[segments.Length - 1];
        for (var k = 1; k < segments.Length; k++)
        {
            var segment = segments[k];
            var hardened = segment.EndsWith('\'') || segment.EndsWith('h') || segment.EndsWith('H');
            var digits = hardened ? segment[..^1] : segment;
            if (digits.Length == 0)
            {
                throw new FormatException($"invalid BIP-32 path \"{path}\": segment {k} is empty");
            }
            if (!digits.All(char.IsAsciiDigit))
            {
                throw new FormatException($"invalid BIP-32 path \"{path}\": segment {k} (\"{segment}\") is not a number");
            }
            if (!uint.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= HardenedOffset)
            {
                throw new FormatException(
                    $"invalid BIP-32 path \"{path}\": segment {k} ({digits}) must be below 2^31; mark hardened indexes with '");
            }
            result[k - 1] = hardened ? index | HardenedOffset : index;
        }
        return result;
    }

    /// <summary>Formats indexes as a path: "m/44'/330'/0'/0/0".</summary>
    public static string FormatPath(IEnumerable<uint> indexes) =>
        string.Concat(indexes.Select(i => "/" + FormatIndex(i)).Prepend("m"));

    internal static string FormatIndex(uint index) =>
        index >= HardenedOffset
            ? (index - HardenedOffset).ToString(CultureInfo.InvariantCulture) + "'"
            : index.ToString(CultureInfo.InvariantCulture);
}
