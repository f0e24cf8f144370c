namespace MirrorChain.Rpc.Tests;

/// <summary>
/// A <see cref="FakeBackend"/> whose tx searches block until released (or, when <see cref="HonourCancellation"/>,
/// until their token fires), recording how many are inside and whether they saw cancellation.
/// </summary>
internal sealed class BlockingSearchBackend : FakeBackend, IRpcBackend
{
    private readonly ManualResetEventSlim _release = new(false);
    private int _inside;
    private int _finished;

    public bool HonourCancellation { get; init; } = true;

    public int Inside => Volatile.Read(ref _inside);

    public int Finished => Volatile.Read(ref _finished);

    /// <summary>Completes when a search observed its token cancelled.</summary>
    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _release.Set();

    public async Task WaitUntilInsideAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Inside < count)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    TxSearchResult IRpcBackend.SearchTxs(TxQuery query, int page, int perPage, bool descending, CancellationToken ct)
    {
        Interlocked.Increment(ref _inside);
        var cancelled = false;
        try
        {
            try
            {
                _release.Wait(HonourCancellation ? ct : CancellationToken.None);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }
            return SearchTxs(query.Text, page, perPage, descending);
        }
        finally
        {
            Interlocked.Decrement(ref _inside);
            Interlocked.Increment(ref _finished);
            if (cancelled)
            {
                Cancelled.TrySetResult(); // after leaving: a test that saw it may assert Inside == 0
            }
        }
    }
}
