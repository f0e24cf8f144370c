using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using MirrorChain.Crypto;
using MirrorChain.Node;
using MirrorChain.Storage;
using MirrorChain.Tx.Proto.Cosmos.Auth.V1Beta1;

namespace MirrorChain.Benchmarks;

/// <summary>
/// The tx path from admission to commit, in memory (no disk: the CPU and allocations of the path itself), 1000
/// bank sends from test1..test10 of genesis/devnet.json per block:
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
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepoFiles.Find("genesis/devnet.json")))!;
        json["app_state"]!.AsObject().Remove("wasm");
        var genesis = GenesisDoc.Parse(json.ToJsonString());
        _node = ChainNode.Open(new MemoryKeyValueStore(), genesis, _app, new NodeOptions { MempoolMaxTxs = 10 * Senders * TxsPerSender });
        _senders = LoadSenders(_node);
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
    public int Admit1000()
    {
        var accepted = 0;
        foreach (var tx in _txs)
        {
            var outcome = _node.SubmitTx(tx);
            if (outcome.Code != 0)
            {
                throw new InvalidOperationException($"CheckTx rejected a tx: code {outcome.Code}: {outcome.Log}");
            }
            accepted++;
        }
        return accepted;
    }

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

    private IReadOnlyList<byte[]> SignBlock(ulong firstSequence)
    {
        var perSender = new byte[Senders][][];
        Parallel.For(0, Senders, s =>
        {
            var (key, number) = _senders[s];
            perSender[s] = [.. Enumerable.Range(0, TxsPerSender).Select(n =>
                BenchTxs.BankSend(key, BenchTxs.Recipient, _node.Genesis.ChainId, number, firstSequence + (ulong)n).TxBytes)];
        });
        var txs = new List<byte[]>(Senders * TxsPerSender);
        for (var n = 0; n < TxsPerSender; n++)
        {
            for (var s = 0; s < Senders; s++)
            {
                txs.Add(perSender[s][n]);
            }
        }
        return txs;
    }

    private static (PrivateKey, ulong)[] LoadSenders(ChainNode node)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoFiles.Find("genesis/devnet-accounts.json")));
        var mnemonics = doc.RootElement.GetProperty("accounts").EnumerateArray()
            .ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("mnemonic").GetString()!);
        var senders = new (PrivateKey, ulong)[Senders];
        for (var i = 0; i < Senders; i++)
        {
            var key = PrivateKey.FromMnemonic(mnemonics[$"test{i + 1}"]);
            var request = new QueryAccountRequest { Address = key.Address.ToString() }.ToByteArray();
            var (answer, _) = node.Query("/cosmos.auth.v1beta1.Query/Account", request);
            var account = BaseAccount.Parser.ParseFrom(QueryAccountResponse.Parser.ParseFrom(answer.Value).Account.Value);
            senders[i] = (key, account.AccountNumber);
        }
        return senders;
    }
}
