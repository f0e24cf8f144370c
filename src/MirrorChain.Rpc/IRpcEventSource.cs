using MirrorChain.Node;

namespace MirrorChain.Rpc;

/// <summary>
/// A backend that announces committed blocks, for the <c>/websocket</c> subscriptions. The RPC server subscribes when
/// the backend implements it; without it the endpoint still serves methods but no event ever fires. Handlers must
/// be quick and never block (the server only queues the block).
/// </summary>
public interface IRpcEventSource
{
    /// <summary>Raised once per committed block, in height order, with its results.</summary>
    event Action<Block, BlockResults>? BlockCommitted;
}
