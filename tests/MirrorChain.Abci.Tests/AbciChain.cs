using System.Text;
using MirrorChain.Execution.Contracts;
using MirrorChain.Rpc;
using MirrorChain.Storage;

namespace MirrorChain.Abci.Tests;

/// <summary>
/// The devnet's genesis (accounts, Mirror deployment) behind an ABCI server on a loopback port, over an in-memory
/// store that outlives the server so a test can "crash" the app and start it again on the same data.
/// </summary>
internal sealed class AbciChain : IAsyncDisposable
{
    public static readonly GenesisDoc Genesis = GenesisDoc.Load(MirrorChain.Tests.RepoPaths.File("genesis/devnet.json"));

    private AbciChain(MemoryKeyValueStore db, ChainNode node, NodeRpcBackend backend, MirrorAbciApplication app, AbciServer server, List<string> log)
    {
        Log = log;
        Db = db;
        Node = node;
        Backend = backend;
        App = app;
        Server = server;
    }

    public MemoryKeyValueStore Db { get; }

    public ChainNode Node { get; }

    public NodeRpcBackend Backend { get; }

    public MirrorAbciApplication App { get; }

    public AbciServer Server { get; }

    /// <summary>What the app and server logged (lock it to read while the server runs).</summary>
    public List<string> Log { get; }

    public static MirrorApplication Application() => new(new ContractRuntime(ContractRegistry.Of(MirrorChain.Contracts.Mirror.MirrorCodes.All())));

    /// <summary>Opens the node over <paramref name="db"/> (a fresh store when null) and starts the server.</summary>
    public static AbciChain Start(MemoryKeyValueStore? db = null)
    {
        db ??= new MemoryKeyValueStore();
        var node = ChainNode.Open(db, Genesis, Application());
        var backend = new NodeRpcBackend(node, "abci-test", "0000000000000000000000000000000000000000", "tcp://127.0.0.1:0");
        var log = new List<string>();
        var app = new MirrorAbciApplication(node, backend, line => { lock (log) { log.Add(line); } });
        var server = new AbciServer(app, line => { lock (log) { log.Add(line); } });
        server.Start("tcp://127.0.0.1:0");
        return new AbciChain(db, node, backend, app, server, log);
    }

    public AbciTestClient Connect() => new(Server.ListenAddress!);

    public static Request InitChain() => new()
    {
        InitChain = new RequestInitChain
        {
            ChainId = Genesis.ChainId,
            InitialHeight = 1,
            Time = AbciConversions.ToTimestamp(Genesis.GenesisTime),
            AppStateBytes = ByteString.CopyFromUtf8(Genesis.AppState.GetRawText()),
            ConsensusParams = new ConsensusParams { Block = new BlockParams { MaxBytes = Genesis.MaxBlockBytes, MaxGas = Genesis.MaxBlockGas } },
        },
    };

    public static Request Finalize(long height, BlockTime time, IEnumerable<byte[]> txs, byte[]? hash = null)
    {
        var request = new RequestFinalizeBlock
        {
            Height = height,
            Time = AbciConversions.ToTimestamp(time),
            Hash = ByteString.CopyFrom(hash ?? Hashing.Sha256(Encoding.UTF8.GetBytes($"block {height}"))),
            ProposerAddress = ByteString.CopyFrom(Genesis.Validators[0].Address),
        };
        request.Txs.AddRange(txs.Select(ByteString.CopyFrom));
        return new Request { FinalizeBlock = request };
    }

    public static Request Commit() => new() { Commit = new RequestCommit() };

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        App.Dispose();
        Backend.Dispose();
        Node.Dispose();
    }
}
