using System.Security.Cryptography;
using MirrorChain.Core;

namespace MirrorChain.Crypto;

/// <summary>Cosmos SDK secp256k1 account addresses: RIPEMD-160(SHA-256(33-byte compressed public key)).</summary>
public static class AddressDerivation
{
    /// <summary>The 20-byte account address of a compressed public key ("terra1…" as a string).</summary>
    /// <exception cref="ArgumentException">Not 33 bytes with a 0x02/0x03 prefix.</exception>
    public static Address AccountAddress(ReadOnlySpan<byte> compressedPubKey33)
    {
        Span<byte> address = stackalloc byte[Ripemd160.HashLength];
        AccountAddressBytes(compressedPubKey33, address);
        return Address.FromBytes(address);
    }

    /// <summary>
    /// Whether <paramref name="compressedPubKey33"/> derives to <paramref name="address"/>: <see cref="AccountAddress"/>
    /// compared by bytes, without building the address's bech32 text.
    /// </summary>
    /// <exception cref="ArgumentException">Not 33 bytes with a 0x02/0x03 prefix.</exception>
    public static bool DerivesTo(ReadOnlySpan<byte> compressedPubKey33, Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> derived = stackalloc byte[Ripemd160.HashLength];
        AccountAddressBytes(compressedPubKey33, derived);
        return derived.SequenceEqual(address.Bytes);
    }

    private static void AccountAddressBytes(ReadOnlySpan<byte> compressedPubKey33, Span<byte> destination)
    {
        if (compressedPubKey33.Length != Secp256k1.CompressedPublicKeyLength
            || (compressedPubKey33[0] != 0x02 && compressedPubKey33[0] != 0x03))
        {
            throw new ArgumentException(
                $"expected a 33-byte compressed secp256k1 public key, got {compressedPubKey33.Length} bytes",
                nameof(compressedPubKey33));
        }
        Span<byte> sha = stackalloc byte[32];
        SHA256.HashData(compressedPubKey33, sha);
        Ripemd160.Hash(sha, destination);
    }
}
