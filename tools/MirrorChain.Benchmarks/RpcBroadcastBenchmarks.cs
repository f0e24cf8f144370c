using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using MirrorChain.Crypto;
using MirrorChain.Node;
using MirrorChain.Rpc;
using MirrorChain.Storage;

namespace MirrorChain.Benchmarks;

/// <summary>
/// Admission through the JSON-RPC server without sockets: 1000 <c>broadcast_tx_sync</c> POST requests, one bank send
/// each from 1000 distinct senders funded in the bench genesis, handed one after the other to the RPC server's request
/// handler (<see cref="RpcServer"/>: body read, JSON-RPC parse and dispatch, base64, hashing, signature check, CheckTx,
/// mempool, the answer's JSON) over a node on RocksDB, as <c>tools/bench</c>'s load generator sends them but without
/// Kestrel and TCP. The block that empties the mempool is produced outside the measurement.
/// </summary>
[MemoryDiagnoser]
public class RpcBroadcastBenchmarks
{
    private const int Senders = 1000;

    private readonly MirrorApplication _app = new();
    private string _dir = "";
    private IKeyValueStore _store = null!;
    private ChainNode _node = null!;
    private NodeRpcBackend _backend = null!;
    private RpcServer _server = null!;
    private (PrivateKey Key, ulong AccountNumber)[] _senders = [];
    private ulong _nextSequence;
    private byte[][] _bodies = [];
    private readonly MemoryStream _response = new();
    private readonly ThreadCpuClock.Samples _cpu = new(nameof(BroadcastTxSync1000));

    [GlobalSetup]
    public void Setup()
    {
        var genesis = GenesisDoc.Parse(BenchTxs.DevnetGenesisWith(Senders, keepWasm: false, out var keys));
        _dir = Directory.CreateTempSubdirectory("mirrorchain-bench-").FullName;
        _store = RocksDbStore.Open(_dir);
        _node = ChainNode.Open(_store, genesis, _app, new NodeOptions { MempoolMaxTxs = 10 * Senders });
        _senders = BlockBenchmarks.LoadSenders(_node, keys);
        _backend = new NodeRpcBackend(_node, "bench", "0000000000000000000000000000000000000000", "tcp://127.0.0.1:26657");
        _server = new RpcServer(_backend, new RpcServerOptions(), NullLogger.Instance); // never started: no socket
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _cpu.Print();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _backend.Dispose();
        _node.Dispose();
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>The next 1000 txs (one per sender) as JSON-RPC request bodies, as cosmjs' Tendermint client writes them.</summary>
    [IterationSetup(Target = nameof(BroadcastTxSync1000))]
    public void SignNextRequests()
    {
        var txs = BenchTxs.BankSendsRoundRobin(_senders, 1, _node.Genesis.ChainId, _nextSequence);
        _bodies = [.. txs.Select((tx, i) => Encoding.UTF8.GetBytes(
            "{\"jsonrpc\":\"2.0\",\"id\":" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + ",\"method\":\"broadcast_tx_sync\",\"params\":{\"tx\":\"" + Convert.ToBase64String(tx) + "\"}}"))];
    }

    [IterationCleanup(Target = nameof(BroadcastTxSync1000))]
    public void ProduceAdmittedBlock()
    {
        var time = _node.Genesis.GenesisTime.AddNanoseconds((_node.LatestHeight + 1) * 1_000_000_000L);
        var (block, results) = _node.ProduceBlock(time);
        if (block.Txs.Count != Senders)
        {
            throw new InvalidOperationException($"the block has {block.Txs.Count} txs, expected {Senders}");
        }
        BlockBenchmarks.RequireAllOk(results.TxResults.Select(r => r.Code), "produced block");
        _nextSequence++;
        if (_node.Indexer is { } indexer && !indexer.WaitForHeight(_node.LatestHeight, TimeSpan.FromMinutes(5)))
        {
            throw new InvalidOperationException($"the event indexer did not reach height {_node.LatestHeight}");
        }
    }

    [Benchmark]
    public int BroadcastTxSync1000()
    {
        var started = ThreadCpuClock.NowNanoseconds();
        foreach (var body in _bodies)
        {
            var ctx = new DefaultHttpContext();
            ctx.Request.Method = "POST";
            ctx.Request.Path = "/";
            ctx.Request.ContentType = "application/json";
            ctx.Request.ContentLength = body.Length;
            ctx.Request.Body = new MemoryStream(body, writable: false);
            _response.SetLength(0);
            ctx.Response.Body = _response;
            _server.HandleAsync(ctx).GetAwaiter().GetResult();
            if (ctx.Response.StatusCode != 200 || _response.GetBuffer().AsSpan(0, (int)_response.Length).IndexOf("\"code\":0,"u8) < 0)
            {
                throw new InvalidOperationException($"broadcast_tx_sync answered {ctx.Response.StatusCode}: {Encoding.UTF8.GetString(_response.ToArray())}");
            }
        }
        _cpu.Add(ThreadCpuClock.NowNanoseconds() - started);
        return _bodies.Length;
    }
}
