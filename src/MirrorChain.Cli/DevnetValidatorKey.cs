using System.Security.Cryptography;
using System.Text;
using MirrorChain.Crypto;

namespace MirrorChain.Cli;

/// <summary>
/// The devnet's validator (block-signing) key: Ed25519, its seed the SHA-256 of the public sentence
/// <see cref="SeedSentence"/>, so the devnet genesis can name its public key and every fresh devnet has the same
/// validator. Anyone can sign as it: a devnet only (docs/signed-commits.md says what real networks do instead).
/// </summary>
public static class DevnetValidatorKey
{
    /// <summary>The sentence whose SHA-256 is the key's 32-byte seed (genesis/generate-devnet.py names the public key).</summary>
    public const string SeedSentence = "mirrorchain devnet validator";

    /// <summary>A new instance of the key (the caller disposes it).</summary>
    public static Ed25519Key Create() => Ed25519Key.FromSeed(SHA256.HashData(Encoding.UTF8.GetBytes(SeedSentence)));
}
