using MirrorChain.Core;

namespace MirrorChain.Execution;

/// <summary>What execution may know about the block it runs in: chain id, height and the header's time.</summary>
public sealed record BlockContext(string ChainId, long Height, BlockTime Time);
