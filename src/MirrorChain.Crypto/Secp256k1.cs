using System.Security.Cryptography;
using static MirrorChain.Crypto.Secp256k1Native;

namespace MirrorChain.Crypto;

/// <summary>
/// secp256k1 ECDSA over libsecp256k1, with Cosmos SDK rules: 33-byte compressed public keys, 64-byte r‖s
/// signatures, 32-byte message hashes, low-S required.
/// </summary>
/// <remarks>
/// One process-wide context is created (and blinded with <c>secp256k1_context_randomize</c>) once, before any
/// other use. After that every call here passes the context as <c>const</c>, which libsecp256k1 documents as
/// safe to use from any number of threads at once: verification AND signing run concurrently without locks.
/// </remarks>
public static unsafe class Secp256k1
{
    public const int PrivateKeyLength = 32;
    public const int CompressedPublicKeyLength = 33;
    public const int UncompressedPublicKeyLength = 65;
    public const int SignatureLength = 64;
    public const int MessageHashLength = 32;

    private static readonly ContextHandle Context = CreateContext();

    /// <summary>
    /// Verifies an r‖s signature of a 32-byte hash. Returns false (never throws) for a malformed key, a malformed
    /// or out-of-range signature, a high-S signature (rejected, not normalised), wrong lengths, or a mismatch.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> compressedPubKey33, ReadOnlySpan<byte> messageHash32, ReadOnlySpan<byte> signature64)
    {
        if (!HasCompressedShape(compressedPubKey33) || messageHash32.Length != MessageHashLength || signature64.Length != SignatureLength)
        {
            return false;
        }
        var pubkey = stackalloc byte[OpaqueStructSize];
        var sig = stackalloc byte[OpaqueStructSize];
        fixed (byte* pk = compressedPubKey33, hash = messageHash32, rs = signature64)
        {
            if (EcPubkeyParse(Context, pubkey, pk, CompressedPublicKeyLength) != 1)
            {
                return false;
            }
            if (EcdsaSignatureParseCompact(Context, sig, rs) != 1)
            {
                return false;
            }
            // Returns 1 exactly when the signature was high-S; the Cosmos SDK rejects those.
            if (EcdsaSignatureNormalize(Context, null, sig) != 0)
            {
                return false;
            }
            return EcdsaVerify(Context, sig, hash, pubkey) == 1;
        }
    }

    /// <summary>Signs a 32-byte hash: deterministic RFC 6979 nonce, low-S, 64-byte r‖s.</summary>
    /// <exception cref="ArgumentException">Wrong lengths or a private key that is zero or ≥ the curve order.</exception>
    public static byte[] Sign(ReadOnlySpan<byte> privateKey32, ReadOnlySpan<byte> messageHash32)
    {
        RequireLength(privateKey32, PrivateKeyLength, nameof(privateKey32));
        RequireLength(messageHash32, MessageHashLength, nameof(messageHash32));
        var sig = stackalloc byte[OpaqueStructSize];
        var result = new byte[SignatureLength];
        fixed (byte* sk = privateKey32, hash = messageHash32, output = result)
        {
            if (EcdsaSign(Context, sig, hash, sk, IntPtr.Zero, IntPtr.Zero) != 1)
            {
                throw new ArgumentException("invalid secp256k1 private key", nameof(privateKey32));
            }
            if (EcdsaSignatureSerializeCompact(Context, output, sig) != 1)
            {
                throw new CryptographicException("secp256k1_ecdsa_signature_serialize_compact failed");
            }
        }
        return result;
    }

    /// <summary>The 33-byte compressed public key of a private key.</summary>
    /// <exception cref="ArgumentException">Wrong length or a private key that is zero or ≥ the curve order.</exception>
    public static byte[] GetPublicKey(ReadOnlySpan<byte> privateKey32)
    {
        RequireLength(privateKey32, PrivateKeyLength, nameof(privateKey32));
        var pubkey = stackalloc byte[OpaqueStructSize];
        fixed (byte* sk = privateKey32)
        {
            if (EcPubkeyCreate(Context, pubkey, sk) != 1)
            {
                throw new ArgumentException("invalid secp256k1 private key", nameof(privateKey32));
            }
        }
        return Serialize(pubkey, compressed: true);
    }

    /// <summary>True for 32 bytes encoding a scalar in [1, n-1].</summary>
    public static bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey32)
    {
        if (privateKey32.Length != PrivateKeyLength)
        {
            return false;
        }
        fixed (byte* sk = privateKey32)
        {
            return EcSeckeyVerify(Context, sk) == 1;
        }
    }

    /// <summary>True for a 33-byte compressed SEC1 point (0x02/0x03 prefix) that lies on the curve.</summary>
    public static bool IsValidPublicKey(ReadOnlySpan<byte> compressedPubKey33)
    {
        if (!HasCompressedShape(compressedPubKey33))
        {
            return false;
        }
        var pubkey = stackalloc byte[OpaqueStructSize];
        fixed (byte* pk = compressedPubKey33)
        {
            return EcPubkeyParse(Context, pubkey, pk, CompressedPublicKeyLength) == 1;
        }
    }

    /// <summary>The 65-byte uncompressed form (0x04 ‖ X ‖ Y) of a compressed public key.</summary>
    /// <exception cref="ArgumentException">Not a valid compressed public key.</exception>
    public static byte[] DecompressPublicKey(ReadOnlySpan<byte> compressedPubKey33)
    {
        var pubkey = stackalloc byte[OpaqueStructSize];
        fixed (byte* pk = compressedPubKey33)
        {
            if (!HasCompressedShape(compressedPubKey33) || EcPubkeyParse(Context, pubkey, pk, CompressedPublicKeyLength) != 1)
            {
                throw new ArgumentException("invalid compressed secp256k1 public key", nameof(compressedPubKey33));
            }
        }
        return Serialize(pubkey, compressed: false);
    }

    /// <summary>
    /// (privateKey + tweak) mod n into <paramref name="result"/> (32 bytes). False when the tweak is ≥ n, the
    /// private key is invalid, or the sum is zero; <paramref name="result"/> is then zeroed.
    /// </summary>
    public static bool TryTweakAddPrivateKey(ReadOnlySpan<byte> privateKey32, ReadOnlySpan<byte> tweak32, Span<byte> result)
    {
        if (privateKey32.Length != PrivateKeyLength || tweak32.Length != PrivateKeyLength || result.Length != PrivateKeyLength)
        {
            return false;
        }
        privateKey32.CopyTo(result);
        fixed (byte* sk = result, tweak = tweak32)
        {
            if (EcSeckeyVerify(Context, sk) == 1 && EcSeckeyTweakAdd(Context, sk, tweak) == 1)
            {
                return true;
            }
        }
        CryptographicOperations.ZeroMemory(result);
        return false;
    }

    /// <summary>(privateKey + tweak) mod n, as BIP-32 child derivation needs.</summary>
    /// <exception cref="ArgumentException">Wrong lengths, invalid key, tweak ≥ n, or a zero result.</exception>
    public static byte[] TweakAddPrivateKey(ReadOnlySpan<byte> privateKey32, ReadOnlySpan<byte> tweak32)
    {
        RequireLength(privateKey32, PrivateKeyLength, nameof(privateKey32));
        RequireLength(tweak32, PrivateKeyLength, nameof(tweak32));
        var result = new byte[PrivateKeyLength];
        if (!TryTweakAddPrivateKey(privateKey32, tweak32, result))
        {
            throw new ArgumentException("tweak is out of range or yields an invalid private key", nameof(tweak32));
        }
        return result;
    }

    private static bool HasCompressedShape(ReadOnlySpan<byte> key) =>
        key.Length == CompressedPublicKeyLength && (key[0] == 0x02 || key[0] == 0x03);

    private static void RequireLength(ReadOnlySpan<byte> value, int length, string name)
    {
        if (value.Length != length)
        {
            throw new ArgumentException($"expected {length} bytes, got {value.Length}", name);
        }
    }

    private static byte[] Serialize(byte* pubkey, bool compressed)
    {
        var result = new byte[compressed ? CompressedPublicKeyLength : UncompressedPublicKeyLength];
        var length = (nuint)result.Length;
        fixed (byte* output = result)
        {
            if (EcPubkeySerialize(Context, output, &length, pubkey, compressed ? EcCompressed : EcUncompressed) != 1
                || length != (nuint)result.Length)
            {
                throw new CryptographicException("secp256k1_ec_pubkey_serialize failed");
            }
        }
        return result;
    }

    private static ContextHandle CreateContext()
    {
        var context = ContextCreate(ContextSignVerify);
        if (context.IsInvalid)
        {
            throw new CryptographicException("secp256k1_context_create failed");
        }
        var seed = stackalloc byte[32];
        var seedSpan = new Span<byte>(seed, 32);
        RandomNumberGenerator.Fill(seedSpan);
        try
        {
            // The only call that needs exclusive access to the context; it runs before the context is published.
            if (ContextRandomize(context, seed) != 1)
            {
                context.Dispose();
                throw new CryptographicException("secp256k1_context_randomize failed");
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seedSpan);
        }
        return context;
    }
}
