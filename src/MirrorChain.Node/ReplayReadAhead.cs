using System.Collections.Concurrent;
using MirrorChain.State;
using MirrorChain.Tx;

namespace MirrorChain.Node;

/// <summary>
/// A stored block ready to replay: the block, its stored results record (compared as written,
/// <see cref="ReplayComparison.CompareWithRecord"/>), and its signature checks under way (null = to be checked by
/// execution) over its txs wrapped once (null = not wrapped), so execution reuses the decode the checks made.
/// </summary>
internal sealed record ReplayItem(Block Block, byte[] ExpectedRecord, ReplaySignatureChecks? Checks, IReadOnlyList<TxEnvelope>? Envelopes = null);

/// <summary>
/// Replay's read-ahead: one thread reads and decodes blocks 1..last and reads their stored results, in height order, at
/// most <c>depth</c> blocks ahead of execution, and queues each block's signature checks
/// (<see cref="IChainApplication.EnvelopeSignatureChecker"/>, one tx at a time) for <see cref="ReplayVerifierThreads"/>;
/// the executing thread checks what they have not reached when it gets to the block. The checks run against the
/// target's committed state of the moment. That state is at or before the one the block starts from, which is
/// enough: execution keeps the true answers and checks the false ones again
/// (<see cref="ChainNode.PrepareStoredBlock(Block, bool[], IReadOnlyList{Tx.TxEnvelope})"/>). A read failure is
/// handed over in order, at the height where it happened.
/// </summary>
internal sealed class ReplayReadAhead : IDisposable
{
    private readonly BlockingCollection<(ReplayItem? Item, Exception? Error)> _queue;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _worker;
    private readonly ReplayVerifierThreads _verifiers = new(ReplayVerifierThreads.DefaultThreads, "replay verify");

    public ReplayReadAhead(BlockStore stored, IChainApplication app, IStateReader state, string chainId, long last, int depth)
    {
        _queue = new BlockingCollection<(ReplayItem?, Exception?)>(depth);
        _worker = new Thread(() => Work(stored, app, state, chainId, last)) { IsBackground = true, Name = "replay read-ahead" };
        _worker.Start();
    }

    /// <summary>Reads block <paramref name="height"/> and its stored results, without checking signatures.</summary>
    public static ReplayItem Read(BlockStore stored, long height)
    {
        var block = stored.GetBlock(height) ?? throw new InvalidDataException($"block {height} is missing from the store");
        var expected = stored.GetResultsRecord(height) ?? throw new InvalidDataException($"results of block {height} are missing");
        return new ReplayItem(block, expected, null);
    }

    /// <summary>The next block, which must be <paramref name="height"/>; rethrows the worker's failure at that height.</summary>
    public ReplayItem Take(long height, CancellationToken ct)
    {
        var (item, error) = _queue.Take(ct);
        if (error is not null)
        {
            throw error is InvalidDataException ? new InvalidDataException(error.Message, error) : new InvalidOperationException($"replay read-ahead failed at block {height}: {error.Message}", error);
        }
        return item!.Block.Header.Height == height
            ? item
            : throw new InvalidOperationException($"replay read-ahead handed block {item.Block.Header.Height} where {height} was due");
    }

    private void Work(BlockStore stored, IChainApplication app, IStateReader state, string chainId, long last)
    {
        var ct = _stop.Token;
        try
        {
            for (var h = 1L; h <= last; h++)
            {
                ReplayItem item;
                try
                {
                    item = Read(stored, h);
                    var envelopes = TxEnvelope.Wrap(item.Block.Txs);
                    var check = app.EnvelopeSignatureChecker(state, chainId);
                    var checks = new ReplaySignatureChecks(envelopes.Count, i => check(envelopes[i]));
                    _verifiers.Add(checks);
                    item = item with { Checks = checks, Envelopes = envelopes };
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _queue.Add((null, e), ct);
                    return;
                }
                _queue.Add((item, null), ct);
            }
        }
        catch (OperationCanceledException)
        {
            // replay stopped early (mismatch, cancel): nobody takes more
        }
        catch (ObjectDisposedException)
        {
            // the store was closed under a stopped replay
        }
        finally
        {
            try
            {
                _queue.CompleteAdding(); // a Take past the end fails instead of waiting forever
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _worker.Join();
        _verifiers.Dispose();
        _stop.Dispose();
        _queue.Dispose();
    }
}
