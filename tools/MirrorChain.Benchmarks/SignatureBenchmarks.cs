using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using MirrorChain.Crypto;

namespace MirrorChain.Benchmarks;

/// <summary>
/// libsecp256k1 verification of real SignDoc signatures (bank sends from 100 keys): one on the calling thread, and
/// 1000 with Parallel.For (reported per signature, so the two rows compare directly); and one signature.
/// </summary>
[MemoryDiagnoser]
public class SignatureBenchmarks
{
    private const int Count = 1000;
    private readonly byte[][] _pubKeys = new byte[Count][];
    private readonly byte[][] _hashes = new byte[Count][];
    private readonly byte[][] _signBytes = new byte[Count][];
    private readonly byte[][] _signatures = new byte[Count][];
    private readonly byte[][] _privateKeys = new byte[Count][];
    private readonly Secp256k1Net.Secp256k1 _packageApi = new();
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var keys = Enumerable.Range(0, 100).Select(BenchTxs.Key).ToArray();
        for (var i = 0; i < Count; i++)
        {
            var key = keys[i % keys.Length];
            var tx = BenchTxs.BankSend(key, BenchTxs.Recipient, BenchTxs.ChainId, (ulong)(i % keys.Length), (ulong)(i / keys.Length));
            _pubKeys[i] = key.PublicKey;
            _privateKeys[i] = key.ExportSecret();
            _signBytes[i] = tx.SignBytes;
            _hashes[i] = SHA256.HashData(tx.SignBytes);
            _signatures[i] = tx.Signature;
            if (!Secp256k1.Verify(_pubKeys[i], _hashes[i], _signatures[i]))
            {
                throw new InvalidOperationException($"signature {i} does not verify");
            }
        }
    }

    /// <summary>One verify (pubkey parse + signature parse + low-S check + ecdsa_verify), single thread.</summary>
    [Benchmark(Baseline = true)]
    public bool Verify()
    {
        var i = _next;
        _next = (i + 1) % Count;
        return Secp256k1.Verify(_pubKeys[i], _hashes[i], _signatures[i]);
    }

    /// <summary>SHA-256 of the SignDoc bytes plus the verify: the whole per-tx signature check.</summary>
    [Benchmark]
    public bool HashSignDocAndVerify()
    {
        var i = _next;
        _next = (i + 1) % Count;
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(_signBytes[i], hash);
        return Secp256k1.Verify(_pubKeys[i], hash, _signatures[i]);
    }

    /// <summary>One RFC 6979 signature of a SignDoc hash (low-S), as the keyring and the load generator sign.</summary>
    [Benchmark]
    public byte[] Sign()
    {
        var i = _next;
        _next = (i + 1) % Count;
        return Secp256k1.Sign(_privateKeys[i], _hashes[i]);
    }

    /// <summary>
    /// The same verify through the Secp256k1.Net package's own API (same packaged native library): pubkey parse,
    /// compact signature parse, verify. For the binding choice in docs/dependencies.md.
    /// </summary>
    [Benchmark]
    public bool VerifyWithSecp256k1NetApi()
    {
        var i = _next;
        _next = (i + 1) % Count;
        Span<byte> pubkey = stackalloc byte[64];
        Span<byte> sig = stackalloc byte[64];
        return _packageApi.EcPubkeyParse(pubkey, _pubKeys[i])
            && _packageApi.EcdsaSignatureParseCompact(sig, _signatures[i])
            && _packageApi.EcdsaVerify(sig, _hashes[i], pubkey);
    }

    /// <summary>The same signature through the Secp256k1.Net package's own API (sign + compact serialization).</summary>
    [Benchmark]
    public byte[] SignWithSecp256k1NetApi()
    {
        var i = _next;
        _next = (i + 1) % Count;
        Span<byte> sig = stackalloc byte[64];
        var output = new byte[64];
        if (!_packageApi.EcdsaSign(sig, _hashes[i], _privateKeys[i]) || !_packageApi.EcdsaSignatureSerializeCompact(output, sig))
        {
            throw new InvalidOperationException("Secp256k1.Net failed to sign");
        }
        return output;
    }

    /// <summary>1000 verifies with Parallel.For over all cores; the time shown is per signature.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int VerifyParallel1000()
    {
        var ok = 0;
        Parallel.For(0, Count, i =>
        {
            if (Secp256k1.Verify(_pubKeys[i], _hashes[i], _signatures[i]))
            {
                Interlocked.Increment(ref ok);
            }
        });
        return ok == Count ? ok : throw new InvalidOperationException("a signature failed to verify");
    }
}
