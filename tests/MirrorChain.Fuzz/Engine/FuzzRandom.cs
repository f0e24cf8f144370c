namespace MirrorChain.Fuzz.Engine;

/// <summary>
/// A seeded xoshiro256** generator (state from SplitMix64): the same seed gives the same inputs on every machine
/// and .NET version, which <see cref="System.Random"/> does not promise.
/// </summary>
public sealed class FuzzRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public FuzzRandom(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    public ulong NextU64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, n).</summary>
    public int Next(int n) => n <= 0 ? 0 : (int)(NextU64() % (ulong)n);

    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A derived generator for one iteration, so iteration i's input depends only on (seed, i).</summary>
    public static FuzzRandom ForIteration(ulong seed, long iteration) => new(seed * 0x9E3779B97F4A7C15UL ^ (ulong)iteration);

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
