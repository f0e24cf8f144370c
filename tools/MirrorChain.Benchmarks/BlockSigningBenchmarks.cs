using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using MirrorChain.Core;
using MirrorChain.Crypto;
using MirrorChain.Node;

namespace MirrorChain.Benchmarks;

/// <summary>
/// What signing a produced block adds to it (docs/signed-commits.md): CometBFT's precommit sign bytes, the Ed25519
/// signature of them with the devnet validator key (NSec, libsodium), and the stored record; and one verify.
/// </summary>
[MemoryDiagnoser]
public class BlockSigningBenchmarks : IDisposable
{
    private readonly Ed25519Key _key = Ed25519Key.FromSeed(SHA256.HashData("mirrorchain devnet validator"u8));
    private readonly byte[] _hash = SHA256.HashData("block"u8);
    private readonly BlockTime _time = BlockTime.ParseRfc3339("2026-03-02T15:00:00.123Z");
    private BlockSigner _signer = null!;
    private byte[] _signBytes = [];
    private byte[] _signature = [];

    [GlobalSetup]
    public void Setup()
    {
        _signer = new BlockSigner(_key);
        _signBytes = CanonicalVote.PrecommitSignBytes("mirrorchain-devnet-1", 12345, _hash, _time);
        _signature = _key.Sign(_signBytes);
    }

    /// <summary>The sign bytes alone.</summary>
    [Benchmark]
    public byte[] SignBytes() => CanonicalVote.PrecommitSignBytes("mirrorchain-devnet-1", 12345, _hash, _time);

    /// <summary>What the producer does per block: sign bytes, Ed25519 sign, stored record.</summary>
    [Benchmark(Baseline = true)]
    public byte[] SignBlock() => _signer.Sign("mirrorchain-devnet-1", 12345, _hash, _time).Encode();

    /// <summary>What a client does per commit signature.</summary>
    [Benchmark]
    public bool Verify() => Ed25519Key.Verify(_key.PublicKey, _signBytes, _signature);

    public void Dispose()
    {
        _key.Dispose();
        GC.SuppressFinalize(this);
    }
}
