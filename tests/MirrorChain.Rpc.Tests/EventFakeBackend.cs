namespace MirrorChain.Rpc.Tests;

/// <summary><see cref="FakeBackend"/> that also announces blocks, so tests decide when a block is "committed".</summary>
internal sealed class EventFakeBackend : FakeBackend, IRpcEventSource
{
    public event Action<Block, BlockResults>? BlockCommitted;

    /// <summary>Announces stored block <paramref name="height"/> (1–3) again.</summary>
    public void Commit(long height) => BlockCommitted?.Invoke(GetBlock(height)!, GetBlockResults(height)!);

    public void Commit(Block block, BlockResults results) => BlockCommitted?.Invoke(block, results);

    public bool HasListeners => BlockCommitted is not null;
}
