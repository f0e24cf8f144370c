using System.Globalization;
using MirrorChain.Fuzz.Engine;

namespace MirrorChain.Fuzz.Tests;

/// <summary>
/// A bounded seeded run of every target (tools/fuzz runs them longer): no input may end in an escaped host exception,
/// an unexpected-exception log, code 1 "internal" or a state change by a rejected input.
/// </summary>
public sealed class BoundedFuzzRunTests(WorldFixture fixture) : IClassFixture<WorldFixture>
{
    private const ulong Seed = 20261203;
    private const long Iterations = 2500;

    public static TheoryData<string> Targets => [.. FuzzTargets.Names];

    [Theory]
    [MemberData(nameof(Targets))]
    public void No_input_escapes_the_error_model(string target)
    {
        var report = FuzzRunner.Run(FuzzTargets.Create(target, fixture.World), Seed, Iterations);
        Assert.Equal(Iterations, report.Inputs);
        if (report.Findings.Count > 0)
        {
            var dir = Path.Combine(Path.GetTempPath(), "mirrorchain-fuzz-findings");
            var text = string.Join("\n\n", report.Findings.Select(f =>
                string.Create(CultureInfo.InvariantCulture, $"iteration {f.Iteration} (reproducer {FuzzRunner.SaveReproducer(f, dir)}):\n{f.Problem}")));
            Assert.Fail($"{report.Findings.Count} escapes in {target} with seed {Seed}:\n{text}");
        }
    }

    [Fact]
    public void Every_contract_of_the_deployment_has_a_target()
    {
        var contracts = FuzzTargets.Names.Where(n => n.StartsWith("contract:", StringComparison.Ordinal)).ToList();
        Assert.Equal(13, contracts.Count);
        foreach (var name in contracts)
        {
            var target = (MirrorChain.Fuzz.Targets.ContractTarget)FuzzTargets.Create(name, fixture.World);
            Assert.Contains(target.Corpus, c => c.Entry == MirrorChain.Fuzz.Targets.EntryPoint.Execute);
            Assert.Contains(target.Corpus, c => c.Entry == MirrorChain.Fuzz.Targets.EntryPoint.Query);
        }
    }
}
