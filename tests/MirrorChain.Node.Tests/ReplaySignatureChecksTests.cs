namespace MirrorChain.Node.Tests;

/// <summary>
/// Replay's shared signature checks: each tx is checked exactly once and its answer lands at its index, whether the
/// verifier threads or the executing thread (<see cref="ReplaySignatureChecks.Await"/>) take it; failures surface.
/// </summary>
public sealed class ReplaySignatureChecksTests
{
    [Fact]
    public void Await_alone_checks_every_tx_once_and_returns_the_answers_in_order()
    {
        var calls = new int[21];
        var checks = new ReplaySignatureChecks(calls.Length, i =>
        {
            Interlocked.Increment(ref calls[i]);
            return i % 3 == 0;
        });
        var answers = checks.Await();
        Assert.Equal(Enumerable.Range(0, 21).Select(i => i % 3 == 0), answers);
        Assert.All(calls, c => Assert.Equal(1, c));
        Assert.False(checks.HasUnclaimed);
        Assert.False(checks.RunChunk());
    }

    [Fact]
    public void A_block_without_txs_has_nothing_to_check()
    {
        var checks = new ReplaySignatureChecks(0, _ => throw new InvalidOperationException("no tx to check"));
        Assert.Empty(checks.Await());
    }

    [Fact]
    public void Verifier_threads_and_the_executing_thread_together_check_each_tx_of_each_block_once()
    {
        const int Blocks = 30, Txs = 101;
        var calls = new int[Blocks, Txs];
        var all = Enumerable.Range(0, Blocks).Select(b => new ReplaySignatureChecks(Txs, i =>
        {
            Interlocked.Increment(ref calls[b, i]);
            return (b + i) % 2 == 0;
        })).ToList();
        using (var threads = new ReplayVerifierThreads(2, "test verify"))
        {
            foreach (var checks in all)
            {
                threads.Add(checks);
            }
            for (var b = 0; b < Blocks; b++)
            {
                Assert.Equal(Enumerable.Range(0, Txs).Select(i => (b + i) % 2 == 0), all[b].Await());
            }
        }
        for (var b = 0; b < Blocks; b++)
        {
            for (var i = 0; i < Txs; i++)
            {
                Assert.Equal(1, calls[b, i]);
            }
        }
    }

    [Fact]
    public void A_failing_check_surfaces_from_Await_with_its_cause()
    {
        var checks = new ReplaySignatureChecks(ReplaySignatureChecks.ChunkSize + 3, i => i == ReplaySignatureChecks.ChunkSize + 1 ? throw new FormatException("bad key") : true);
        var e = Assert.Throws<InvalidOperationException>(checks.Await);
        Assert.IsType<FormatException>(e.InnerException);
        Assert.Contains("bad key", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checks_left_when_the_verifier_threads_stop_are_finished_by_Await()
    {
        var threads = new ReplayVerifierThreads(1, "test verify");
        threads.Dispose();
        var checks = new ReplaySignatureChecks(10, i => i < 5);
        threads.Add(checks); // after Dispose: nobody takes it but the executing thread
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i < 5), checks.Await());
    }
}
