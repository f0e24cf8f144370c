using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using MirrorChain.Crypto;

namespace MirrorChain.LoadGen;

/// <summary>
/// The machine's signature ceiling at this moment: one thread per core verifies pre-made secp256k1 signatures with
/// the project's libsecp256k1 binding (<see cref="Secp256k1.Verify"/>: key parse, signature parse, low-S check,
/// verify, as the node's ante handler does) for a fixed time; the result is signatures per second over all cores.
/// </summary>
internal static class VerifyRate
{
    private const int Samples = 256;
    private const int CheckEvery = 32;

    /// <summary>Verifies for <paramref name="duration"/> on <paramref name="threads"/> threads (default: every core) and returns sig/s.</summary>
    /// <exception cref="InvalidOperationException">A pre-made signature did not verify (a broken binding).</exception>
    public static double Measure(TimeSpan duration, int threads = 0)
    {
        threads = threads > 0 ? threads : Environment.ProcessorCount;
        var pubKeys = new byte[Samples][];
        var hashes = new byte[Samples][];
        var signatures = new byte[Samples][];
        for (var i = 0; i < Samples; i++)
        {
            var key = BenchKeys.Key("mirrorchain-bench verify-rate", i);
            hashes[i] = SHA256.HashData(Encoding.UTF8.GetBytes($"verify-rate sample {i}"));
            pubKeys[i] = key.PublicKey;
            signatures[i] = key.Sign(hashes[i]);
            if (!Secp256k1.Verify(pubKeys[i], hashes[i], signatures[i]))
            {
                throw new InvalidOperationException("a freshly made signature did not verify");
            }
        }

        var counts = new long[threads];
        var start = new Barrier(threads + 1);
        var workers = new Thread[threads];
        var stopAt = 0L;
        for (var t = 0; t < threads; t++)
        {
            var slot = t;
            workers[t] = new Thread(() =>
            {
                start.SignalAndWait();
                var end = Volatile.Read(ref stopAt);
                long n = 0;
                var i = slot * 37;
                while (true)
                {
                    for (var k = 0; k < CheckEvery; k++)
                    {
                        var s = i++ % Samples;
                        if (!Secp256k1.Verify(pubKeys[s], hashes[s], signatures[s]))
                        {
                            throw new InvalidOperationException("a signature stopped verifying");
                        }
                    }
                    n += CheckEvery;
                    if (Stopwatch.GetTimestamp() >= end)
                    {
                        break;
                    }
                }
                counts[slot] = n;
            })
            {
                IsBackground = true,
                Name = $"verify-rate {t}",
            };
            workers[t].Start();
        }
        var began = Stopwatch.GetTimestamp();
        Volatile.Write(ref stopAt, began + (long)(duration.TotalSeconds * Stopwatch.Frequency));
        start.SignalAndWait();
        foreach (var w in workers)
        {
            w.Join();
        }
        var elapsed = Stopwatch.GetElapsedTime(began).TotalSeconds;
        return counts.Sum() / elapsed;
    }
}
