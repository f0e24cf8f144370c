namespace MirrorChain.Fuzz.Engine;

/// <summary>
/// One thing to fuzz. <see cref="Generate"/> makes the input of one iteration from the seed corpus; <see cref="Run"/>
/// feeds it to the code under test and returns null when every property held (a clean error or a success, no
/// escaped host exception, no state changed by a rejected input), or a description of the violation.
/// </summary>
public interface IFuzzTarget
{
    string Name { get; }

    /// <summary>The input of one iteration (bytes; how they are read is the target's business).</summary>
    byte[] Generate(FuzzRandom random);

    /// <summary>Null when the input was handled cleanly; otherwise what went wrong (an escape or a property broken).</summary>
    string? Run(byte[] input);
}

/// <summary>A target that counts how its inputs ended (to see whether mutations get past parsing).</summary>
public interface IFuzzStats
{
    /// <summary>E.g. "accepted 120, rejected 1880 (parse errors 900)".</summary>
    string Stats { get; }
}
