using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using MirrorChain.Crypto;

namespace MirrorChain.LoadGen;

/// <summary>
/// The bench chain's extra accounts: key i of a seed is <c>(SHA-256(UTF-8(seed) ‖ uint32-big-endian(i)) mod (n − 1)) + 1</c>
/// as a 32-byte big-endian secp256k1 secret (n = the curve order), so every index gives a valid key in [1, n − 1]
/// without retries. Anyone can recompute them (docs/bench.md has a Python one-liner). Devnet-only keys: never use
/// them for anything of value.
/// </summary>
internal static class BenchKeys
{
    public const string DefaultSeed = "mirrorchain-bench";

    /// <summary>The order n of the secp256k1 group.</summary>
    private static readonly BigInteger CurveOrder = BigInteger.Parse(
        "0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber,
        System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The 32 secret bytes of key <paramref name="index"/> of <paramref name="seed"/>.</summary>
    public static byte[] Secret(string seed, int index)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var seedBytes = Encoding.UTF8.GetBytes(seed);
        var input = new byte[seedBytes.Length + 4];
        seedBytes.CopyTo(input, 0);
        BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(seedBytes.Length), (uint)index);
        return Reduce(SHA256.HashData(input));
    }

    /// <summary>(a 32-byte big-endian number mod (n − 1)) + 1, as 32 big-endian bytes: always a valid secret.</summary>
    public static byte[] Reduce(ReadOnlySpan<byte> digest32)
    {
        var scalar = new BigInteger(digest32, isUnsigned: true, isBigEndian: true) % (CurveOrder - 1) + 1;
        var secret = new byte[32];
        var written = scalar.ToByteArray(isUnsigned: true, isBigEndian: true);
        written.CopyTo(secret.AsSpan(32 - written.Length));
        return secret;
    }

    public static PrivateKey Key(string seed, int index) => PrivateKey.FromBytes(Secret(seed, index));

    /// <summary>Keys 0 … <paramref name="count"/> − 1, derived on all cores.</summary>
    public static PrivateKey[] Keys(string seed, int count)
    {
        var keys = new PrivateKey[count];
        Parallel.For(0, count, i => keys[i] = Key(seed, i));
        return keys;
    }
}
