using System.Security.Cryptography;
using MirrorChain.Core;

namespace MirrorChain.Crypto;

/// <summary>
/// A secp256k1 account key as the Cosmos SDK uses it: 33-byte compressed public key, "terra1…" address,
/// SHA-256-then-ECDSA signatures. <see cref="ToString"/> shows only the address; the secret is never printed.
/// </summary>
public sealed class PrivateKey
{
    private readonly byte[] _secret;
    private readonly byte[] _publicKey;

    private PrivateKey(byte[] secret)
    {
        _secret = secret;
        _publicKey = Secp256k1.GetPublicKey(secret);
        Address = AddressDerivation.AccountAddress(_publicKey);
    }

    /// <summary>The 33-byte compressed public key (a copy).</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    /// <summary>The account address: RIPEMD-160(SHA-256(public key)).</summary>
    public Address Address { get; }

    /// <summary>
    /// The key of a BIP-39 mnemonic at an HD path (default Terra's m/44'/330'/0'/0/0). The mnemonic is
    /// validated (words and checksum) after whitespace normalisation.
    /// </summary>
    /// <exception cref="FormatException">Invalid mnemonic or path; the message says why.</exception>
    public static PrivateKey FromMnemonic(string mnemonic, string path = Bip32.TerraPath, string passphrase = "")
    {
        if (!Bip39.IsValid(mnemonic, out var error))
        {
            throw new FormatException($"invalid mnemonic: {error}");
        }
        var indexes = Bip32.ParsePath(path);
        var seed = Bip39.ToSeed(mnemonic, passphrase);
        try
        {
            return new PrivateKey(Bip32.MasterKeyFromSeed(seed).Derive(indexes).PrivateKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>A key from its 32 raw bytes.</summary>
    /// <exception cref="ArgumentException">Not 32 bytes, zero, or ≥ the curve order.</exception>
    public static PrivateKey FromBytes(ReadOnlySpan<byte> privateKey32)
    {
        if (!Secp256k1.IsValidPrivateKey(privateKey32))
        {
            throw new ArgumentException("invalid secp256k1 private key (must be 32 bytes in [1, n-1])", nameof(privateKey32));
        }
        return new PrivateKey(privateKey32.ToArray());
    }

    /// <summary>A fresh random key.</summary>
    public static PrivateKey Generate()
    {
        var secret = new byte[Secp256k1.PrivateKeyLength];
        do
        {
            RandomNumberGenerator.Fill(secret);
        }
        while (!Secp256k1.IsValidPrivateKey(secret));
        return new PrivateKey(secret);
    }

    /// <summary>Signs a 32-byte hash (RFC 6979, low-S, 64-byte r‖s).</summary>
    public byte[] Sign(ReadOnlySpan<byte> messageHash32) => Secp256k1.Sign(_secret, messageHash32);

    /// <summary>Signs SHA-256(message), as Cosmos signs SignDoc bytes.</summary>
    public byte[] SignSha256(ReadOnlySpan<byte> message)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(message, hash);
        return Secp256k1.Sign(_secret, hash);
    }

    /// <summary>A copy of the 32 secret bytes. Handle with care: never log it.</summary>
    public byte[] ExportSecret() => (byte[])_secret.Clone();

    public override string ToString() => $"PrivateKey({Address})";
}
