using MirrorChain.Core;

namespace MirrorChain.Crypto;

/// <summary>One stored key of the <see cref="Keyring"/>. <see cref="ToString"/> leaves the mnemonic out.</summary>
public sealed class KeyInfo
{
    private readonly byte[] _publicKey;

    public KeyInfo(string name, Address address, ReadOnlySpan<byte> publicKey, string mnemonic)
    {
        Name = name;
        Address = address;
        _publicKey = publicKey.ToArray();
        Mnemonic = mnemonic;
    }

    public string Name { get; }

    public Address Address { get; }

    /// <summary>The 33-byte compressed public key (a copy).</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    /// <summary>The public key as the keyring file and the Cosmos CLI show it.</summary>
    public string PublicKeyBase64 => Convert.ToBase64String(_publicKey);

    /// <summary>The BIP-39 mnemonic (secret; the "test" backend stores it in the clear).</summary>
    public string Mnemonic { get; }

    /// <summary>The signing key (HD path <see cref="Bip32.TerraPath"/>).</summary>
    public PrivateKey ToPrivateKey() => PrivateKey.FromMnemonic(Mnemonic);

    public override string ToString() => $"{Name} {Address}";
}
