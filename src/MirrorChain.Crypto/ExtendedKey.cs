using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MirrorChain.Crypto;

/// <summary>A BIP-32 extended private key: secp256k1 private key + chain code, with its depth and child number.</summary>
public sealed class ExtendedKey
{
    private readonly byte[] _privateKey;
    private readonly byte[] _chainCode;
    private byte[]? _publicKey;

    internal ExtendedKey(byte[] privateKey, byte[] chainCode, int depth, uint childNumber)
    {
        _privateKey = privateKey;
        _chainCode = chainCode;
        Depth = depth;
        ChildNumber = childNumber;
    }

    /// <summary>0 for the master key, +1 per derivation step.</summary>
    public int Depth { get; }

    /// <summary>The index this key was derived with (≥ 2^31 when hardened); 0 for the master key.</summary>
    public uint ChildNumber { get; }

    /// <summary>A copy of the 32-byte private key. Secret.</summary>
    public byte[] PrivateKey => (byte[])_privateKey.Clone();

    /// <summary>A copy of the 32-byte chain code.</summary>
    public byte[] ChainCode => (byte[])_chainCode.Clone();

    /// <summary>The 33-byte compressed public key.</summary>
    public byte[] PublicKey => (byte[])(_publicKey ??= Secp256k1.GetPublicKey(_privateKey)).Clone();

    /// <summary>CKDpriv: the child at <paramref name="index"/> (hardened when ≥ <see cref="Bip32.HardenedOffset"/>).</summary>
    /// <exception cref="CryptographicException">The child is invalid (probability below 2^-127): BIP-32 says to use the next index.</exception>
    public ExtendedKey Derive(uint index)
    {
        // data = 0x00 ‖ k ‖ ser32(i) for hardened, serP(K) ‖ ser32(i) for normal: 37 bytes either way
        Span<byte> data = stackalloc byte[37];
        if (index >= Bip32.HardenedOffset)
        {
            data[0] = 0;
            _privateKey.CopyTo(data[1..]);
        }
        else
        {
            (_publicKey ??= Secp256k1.GetPublicKey(_privateKey)).CopyTo(data);
        }
        BinaryPrimitives.WriteUInt32BigEndian(data[33..], index);
        Span<byte> i = stackalloc byte[64];
        HMACSHA512.HashData(_chainCode, data, i);
        try
        {
            var child = new byte[Secp256k1.PrivateKeyLength];
            if (!Secp256k1.TryTweakAddPrivateKey(_privateKey, i[..32], child))
            {
                throw new CryptographicException($"BIP-32 child {Bip32.FormatIndex(index)} is invalid; use the next index");
            }
            return new ExtendedKey(child, i[32..].ToArray(), Depth + 1, index);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(data);
            CryptographicOperations.ZeroMemory(i);
        }
    }

    /// <summary>Derives each index in turn.</summary>
    public ExtendedKey Derive(IEnumerable<uint> indexes) => indexes.Aggregate(this, (key, index) => key.Derive(index));

    public override string ToString() => $"ExtendedKey(depth {Depth}, child {Bip32.FormatIndex(ChildNumber)})";
}
