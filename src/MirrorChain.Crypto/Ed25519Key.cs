using System.Security.Cryptography;
using NSec.Cryptography;

namespace MirrorChain.Crypto;

/// <summary>
/// An Ed25519 key pair as CometBFT uses them for validators and p2p nodes (crypto/ed25519 in CometBFT), through
/// NSec (libsodium). The private key is the 32-byte seed; CometBFT's JSON files carry seed ‖ public key (64 bytes).
/// </summary>
public sealed class Ed25519Key : IDisposable
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private static KeyCreationParameters Exportable => new() { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };

    private readonly Key _key;

    private Ed25519Key(Key key)
    {
        _key = key;
        PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    /// <summary>The 32-byte public key.</summary>
    public byte[] PublicKey { get; }

    /// <summary>CometBFT's address of the key: the first 20 bytes of SHA-256 of the public key.</summary>
    public byte[] Address => AddressOf(PublicKey);

    /// <summary>A new key from the operating system's random source.</summary>
    public static Ed25519Key Generate() => new(Key.Create(Algorithm, Exportable));

    /// <summary>The key of a 32-byte seed (RFC 8032's private key).</summary>
    public static Ed25519Key FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != 32)
        {
            throw new ArgumentException($"an Ed25519 seed is 32 bytes, got {seed.Length}", nameof(seed));
        }
        return new Ed25519Key(Key.Import(Algorithm, seed, KeyBlobFormat.RawPrivateKey, Exportable));
    }

    /// <summary>The key of CometBFT's 64-byte private key (seed ‖ public key); the public half must match the seed.</summary>
    public static Ed25519Key FromCometBftPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != 64)
        {
            throw new ArgumentException($"a CometBFT Ed25519 private key is 64 bytes (seed and public key), got {privateKey.Length}", nameof(privateKey));
        }
        var key = FromSeed(privateKey[..32]);
        if (!privateKey[32..].SequenceEqual(key.PublicKey))
        {
            key.Dispose();
            throw new ArgumentException("the public half of the private key does not belong to its seed", nameof(privateKey));
        }
        return key;
    }

    /// <summary>The 32-byte seed.</summary>
    public byte[] Seed() => _key.Export(KeyBlobFormat.RawPrivateKey);

    /// <summary>CometBFT's 64-byte private key: seed ‖ public key.</summary>
    public byte[] CometBftPrivateKey() => [.. Seed(), .. PublicKey];

    /// <summary>The 64-byte RFC 8032 signature of <paramref name="message"/>.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) => Algorithm.Sign(_key, message);

    /// <summary>Whether <paramref name="signature"/> is a valid signature of <paramref name="message"/> by <paramref name="publicKey"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != 32 || signature.Length != 64)
        {
            return false;
        }
        return NSec.Cryptography.PublicKey.TryImport(Algorithm, publicKey, KeyBlobFormat.RawPublicKey, out var key)
            && key is not null
            && Algorithm.Verify(key, message, signature);
    }

    /// <summary>First 20 bytes of SHA-256 of a public key: CometBFT's validator address and node id.</summary>
    public static byte[] AddressOf(ReadOnlySpan<byte> publicKey) => SHA256.HashData(publicKey)[..20];

    public void Dispose() => _key.Dispose();
}
