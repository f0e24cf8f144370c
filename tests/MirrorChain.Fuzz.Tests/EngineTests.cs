using System.Text;
using System.Text.Json;
using MirrorChain.Fuzz.Engine;

namespace MirrorChain.Fuzz.Tests;

public sealed class EngineTests(WorldFixture fixture) : IClassFixture<WorldFixture>
{
    [Fact]
    public void The_same_seed_and_iteration_give_the_same_input()
    {
        var a = FuzzTargets.Create("contract:mint", fixture.World);
        var b = FuzzTargets.Create("contract:mint", fixture.World);
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(a.Generate(FuzzRandom.ForIteration(7, i)), b.Generate(FuzzRandom.ForIteration(7, i)));
        }
        Assert.NotEqual(a.Generate(FuzzRandom.ForIteration(7, 1)), a.Generate(FuzzRandom.ForIteration(8, 1)));
    }

    [Fact]
    public void The_json_mutator_produces_nulls_type_swaps_lone_surrogates_and_deep_nesting()
    {
        var mutator = new JsonMutator(["""{"open_position":{"collateral":{"info":{"native_token":{"denom":"uusd"}},"amount":"1"},"collateral_ratio":"2"}}"""]);
        var outputs = Enumerable.Range(0, 3000)
            .Select(i => Encoding.UTF8.GetString(mutator.Mutate("""{"open_position":{"collateral":{"info":{"native_token":{"denom":"uusd"}},"amount":"1"},"collateral_ratio":"2"}}""", FuzzRandom.ForIteration(1, i))))
            .ToList();
        Assert.Contains(outputs, o => o.Contains(":null", StringComparison.Ordinal));
        Assert.Contains(outputs, o => o.Contains("\\ud800", StringComparison.Ordinal));
        Assert.Contains(outputs, o => o.Contains("\"amount\":-1", StringComparison.Ordinal) || o.Contains("\"amount\":0", StringComparison.Ordinal));
        Assert.Contains(outputs, o => o.Contains("fuzz_unknown_", StringComparison.Ordinal));
        Assert.Contains(outputs, o => o.Count(c => c is '[' or '{') > 60);
        Assert.Contains(outputs, o => !IsJson(o));
    }

    [Fact]
    public void A_reproducer_file_replays_the_finding()
    {
        var dir = Path.Combine(Path.GetTempPath(), "mirrorchain-fuzz-test-" + Environment.ProcessId);
        var finding = new FuzzFinding("contract:oracle", 5, 42, [0, .. "{\"feed_price\":{}}"u8.ToArray()], "example");
        var file = FuzzRunner.SaveReproducer(finding, dir);
        Assert.Equal(finding.Input, File.ReadAllBytes(file));
        Assert.Contains("--replay", File.ReadAllText(Path.ChangeExtension(file, ".txt")), StringComparison.Ordinal);
        Assert.Null(FuzzRunner.Replay(FuzzTargets.Create("contract:oracle", fixture.World), File.ReadAllBytes(file)));
        Directory.Delete(dir, recursive: true);
    }

    private static bool IsJson(string s)
    {
        try
        {
            using var _ = JsonDocument.Parse(s);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
