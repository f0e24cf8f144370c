using BenchmarkDotNet.Attributes;
using MirrorChain.Crypto;
using MirrorChain.Node;
using MirrorChain.Storage;

namespace MirrorChain.Benchmarks;

/// <summary>
/// The tx path from admission to commit, in memory (no disk: the CPU and allocations of the path itself), 1000
/// bank sends from 10 bench accounts added to the devnet genesis (<see cref="BenchTxs.DevnetGenesisWith"/>) per block:
/// <list type="bullet">
/// <item><c>Admit1000</c>: 1000 × <see cref="ChainNode.SubmitTx(byte[])"/> (hash, cache, signature, CheckTx, mempool).</item>
/// <item><c>ProduceBlockFromMempool</c>: the block producer's step after those 1000 were admitted: reap, data
/// hash, signatures (known from CheckTx), execution, Merkle apply, commit, mempool update.</item>
/// <item><c>PrepareRawBlock</c>: a block given as raw bytes (as a replayed or received block): decode, verify,
/// execute, stage; dropped.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class TxPathBenchmarks
{
    private const int Senders = 10;
    private const int TxsPerSender = 100;

    private readonly MirrorApplication _app = new();
    private ChainNode _node = null!;
    private (PrivateKey Key, ulong AccountNumber)[] _senders = [];
    private ulong _nextSequence;
    private IReadOnlyList<byte[]> _txs = [];

    [GlobalSetup]
    public void Setup()
    {
        var genesis = GenesisDoc.Parse(BenchTxs.DevnetGenesisWith(Senders, keepWasm: false, out var keys));
        _node = ChainNode.Open(new MemoryKeyValueStore(), genesis, _app, new NodeOptions { MempoolMaxTxs = 10 * Senders * TxsPerSender });
        _senders = BlockBenchmarks.LoadSenders(_node, keys);
        _txs = SignBlock(_nextSequence);
    }

    [GlobalCleanup]
    public void Cleanup() => _node.Dispose();

    [IterationSetup(Targets = [nameof(Admit1000), nameof(PrepareRawBlock)])]
    public void SignNextBlock() => _txs = SignBlock(_nextSequence);

    [IterationCleanup(Target = nameof(Admit1000))]
    public void ProduceAdmittedBlock() => Produce();

    [IterationSetup(Target = nameof(ProduceBlockFromMempool))]
    public void AdmitNextBlock()
    {
        _txs = SignBlock(_nextSequence);
        Admit1000();
    }

    [Benchmark]
    public int Admit1000() => BenchTxs.SubmitAll(_node, _txs);

    [Benchmark]
    public long ProduceBlockFromMempool() => Produce();

    [Benchmark]
    public byte[] PrepareRawBlock()
    {
        using var pending = _node.PrepareBlock(NextTime(), _txs);
        return pending.Results.AppHash;
    }

    private long Produce()
    {
        var (block, results) = _node.ProduceBlock(NextTime());
        if (block.Txs.Count != _txs.Count || results.TxResults.Any(r => r.Code != 0))
        {
            throw new InvalidOperationException($"the produced block has {block.Txs.Count} txs, {results.TxResults.Count(r => r.Code != 0)} failed");
        }
        _nextSequence += TxsPerSender;
        return block.Header.Height;
    }

    private Core.BlockTime NextTime() => _node.Genesis.GenesisTime.AddNanoseconds((_node.LatestHeight + 1) * 1_000_000_000L);

    private IReadOnlyList<byte[]> SignBlock(ulong firstSequence) =>
        BenchTxs.BankSendsRoundRobin(_senders, TxsPerSender, _node.Genesis.ChainId, firstSequence);

}
