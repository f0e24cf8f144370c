using MirrorChain.Storage;

namespace MirrorChain.Rpc.Tests;

/// <summary>
/// A real node on <see cref="DevnetBankChain"/>'s genesis with the real application, over <typeparamref name="TStore"/>,
/// and the RPC backend in front of it; disposing it closes backend, node and store.
/// </summary>
internal sealed class DevnetBankNode<TStore> : IDisposable
    where TStore : IKeyValueStore
{
    public DevnetBankNode(TStore store, NodeOptions? options = null)
    {
        Store = store;
        Node = ChainNode.Open(store, DevnetBankChain.GenesisWithoutContracts(), new MirrorApplication(), options);
        Backend = new NodeRpcBackend(Node, "test", new string('a', 40), "tcp://127.0.0.1:0");
    }

    public TStore Store { get; }

    public ChainNode Node { get; }

    public NodeRpcBackend Backend { get; }

    public void Dispose()
    {
        Backend.Dispose();
        Node.Dispose();
        Store.Dispose();
    }
}
