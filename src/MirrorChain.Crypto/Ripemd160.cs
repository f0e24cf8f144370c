using Org.BouncyCastle.Crypto.Digests;

namespace MirrorChain.Crypto;

/// <summary>RIPEMD-160 (not in the .NET BCL), via BouncyCastle's managed digest (BouncyCastle.Cryptography 2.x, span API).</summary>
public static class Ripemd160
{
    public const int HashLength = 20;

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var result = new byte[HashLength];
        Hash(data, result);
        return result;
    }

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.Length < HashLength)
        {
            throw new ArgumentException($"destination needs {HashLength} bytes", nameof(destination));
        }
        var digest = new RipeMD160Digest();
        digest.BlockUpdate(data);
        digest.DoFinal(destination);
    }
}
