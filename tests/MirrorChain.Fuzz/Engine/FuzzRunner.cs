using System.Globalization;

namespace MirrorChain.Fuzz.Engine;

/// <summary>An escape: the iteration, its input and what happened.</summary>
public sealed record FuzzFinding(string Target, ulong Seed, long Iteration, byte[] Input, string Problem);

/// <summary>What one run did.</summary>
public sealed record FuzzReport(string Target, ulong Seed, long Inputs, IReadOnlyList<FuzzFinding> Findings);

/// <summary>
/// Runs a target for a number of iterations; iteration i's input depends only on (seed, i), so a finding is
/// reproduced by its seed and iteration alone (or by the saved input file).
/// </summary>
public static class FuzzRunner
{
    public static FuzzReport Run(IFuzzTarget target, ulong seed, long iterations, int maxFindings = 20, Action<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var findings = new List<FuzzFinding>();
        long i = 0;
        for (; i < iterations && findings.Count < maxFindings; i++)
        {
            var input = target.Generate(FuzzRandom.ForIteration(seed, i));
            string? problem;
            try
            {
                problem = target.Run(input);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                problem = $"escaped {e.GetType().FullName}: {e.Message}\n{e.StackTrace}";
            }
            if (problem is not null)
            {
                findings.Add(new FuzzFinding(target.Name, seed, i, input, problem));
            }
            if (progress is not null && i % 1000 == 999)
            {
                progress(i + 1);
            }
        }
        return new FuzzReport(target.Name, seed, i, findings);
    }

    /// <summary>Re-runs one saved input.</summary>
    public static string? Replay(IFuzzTarget target, byte[] input)
    {
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            return target.Run(input);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"escaped {e.GetType().FullName}: {e.Message}\n{e.StackTrace}";
        }
    }

    /// <summary>Writes a finding's input (raw bytes) and a description next to it; returns the input file's path.</summary>
    public static string SaveReproducer(FuzzFinding finding, string directory)
    {
        ArgumentNullException.ThrowIfNull(finding);
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture,
            $"{finding.Target.Replace(':', '-')}-seed{finding.Seed}-iter{finding.Iteration}"));
        File.WriteAllBytes(stem + ".bin", finding.Input);
        File.WriteAllText(stem + ".txt", string.Create(CultureInfo.InvariantCulture,
            $"target {finding.Target}\nseed {finding.Seed}\niteration {finding.Iteration}\nreplay: tools/fuzz --target {finding.Target} --replay {stem}.bin\n\n{finding.Problem}\n"));
        return stem + ".bin";
    }
}
