using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace MirrorChain.Crypto.Tests;

/// <summary>An independent secp256k1 implementation (BouncyCastle, managed) to cross-check libsecp256k1 results.</summary>
internal static class BouncyCastleReference
{
    private static readonly Org.BouncyCastle.Asn1.X9.X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");
    private static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H);

    public static BigInteger Order => Curve.N;

    public static byte[] PublicKey(byte[] privateKey, bool compressed = true) =>
        Curve.G.Multiply(new BigInteger(1, privateKey)).Normalize().GetEncoded(compressed);

    /// <summary>Plain ECDSA verification: accepts high-S signatures too.</summary>
    public static bool Verify(byte[] compressedPubKey, byte[] hash, byte[] signature)
    {
        var signer = new ECDsaSigner();
        signer.Init(false, new ECPublicKeyParameters(Curve.Curve.DecodePoint(compressedPubKey), Domain));
        return signer.VerifySignature(hash, new BigInteger(1, signature, 0, 32), new BigInteger(1, signature, 32, 32));
    }

    public static byte[] ToBytes32(BigInteger value)
    {
        var raw = value.ToByteArrayUnsigned();
        var result = new byte[32];
        raw.CopyTo(result, 32 - raw.Length);
        return result;
    }
}
