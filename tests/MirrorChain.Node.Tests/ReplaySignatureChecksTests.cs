namespace MirrorChain.Node.Tests;

/// <summary>
/// Replay's shared signature checks: each tx's answer lands at its index, whether the verifier threads or the
/// executing thread (<see cref="ReplaySignatureChecks.Await"/>) take it; a tx is checked twice only when the executing
/// thread finds it still in progress elsewhere; failures surface.
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
        Assert.False(checks.RunNext());
    }

    [Fact]
    public void A_block_without_txs_has_nothing_to_check()
    {
        var checks = new ReplaySignatureChecks(0, _ => throw new InvalidOperationException("no tx to check"));
        Assert.Empty(checks.Await());
    }

    [Fact]
    public void Verifier_threads_and_the_executing_thread_check_each_tx_once_except_one_in_progress_per_verifier_thread()
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
        // Await checks again a tx a verifier thread still holds (it never waits for one), so a tx is checked once,
        // or twice when it was in progress on a verifier thread as the executing thread reached its block: at most
        // one such tx per verifier thread and block. How many depends on the scheduler; these bounds do not.
        for (var b = 0; b < Blocks; b++)
        {
            var twice = 0;
            for (var i = 0; i < Txs; i++)
            {
                Assert.InRange(calls[b, i], 1, 2);
                twice += calls[b, i] - 1;
            }
            Assert.InRange(twice, 0, 2);
        }
    }

    [Fact]
    public void A_check_failing_on_a_verifier_thread_is_checked_again_and_surfaces_from_Await_with_its_cause()
    {
        var calls = 0;
        var checks = new ReplaySignatureChecks(5, i => i == 3 && Interlocked.Increment(ref calls) > 0 ? throw new FormatException("bad key") : true);
        while (checks.RunNext()) // as a verifier thread: the failure leaves tx 3 unanswered
        {
        }
        var e = Assert.Throws<InvalidOperationException>(checks.Await);
        Assert.IsType<FormatException>(e.InnerException);
        Assert.Contains("bad key", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Await_does_not_wait_for_a_tx_a_verifier_thread_holds_and_checks_it_itself()
    {
        using var held = new ManualResetEventSlim(false);
        using var release = new ManualResetEventSlim(false);
        var calls = new int[3];
        var checks = new ReplaySignatureChecks(3, i =>
        {
            if (Interlocked.Increment(ref calls[i]) == 1 && i == 0)
            {
                held.Set();
                release.Wait(); // the verifier thread stalls inside tx 0 (preempted, say)
            }
            return i != 1;
        });
        var verifier = new Thread(() => checks.RunNext()); // claims tx 0 only
        verifier.Start();
        held.Wait();
        Assert.Equal([true, false, true], checks.Await()); // tx 0 checked again here, txs 1 and 2 claimed here
        Assert.Equal([2, 1, 1], calls);
        release.Set();
        verifier.Join();
        Assert.Equal([true, false, true], checks.Await()); // the late answer is the same
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
