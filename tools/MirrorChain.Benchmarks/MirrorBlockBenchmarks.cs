using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MirrorChain.Contracts.Mirror;
using MirrorChain.Core;
using MirrorChain.Crypto;
using MirrorChain.Execution;
using MirrorChain.Execution.Contracts;
using MirrorChain.Node;
using MirrorChain.State;
using MirrorChain.Storage;

namespace MirrorChain.Benchmarks;

/// <summary>
/// Mirror workloads through the real application (every Mirror, Terraswap and cw20 code): the devnet genesis with its
/// wasm deployment plus 1000 funded bench accounts, in memory; a first block (outside the measurement) has the oracle
/// feeder feed fresh prices. Each case executes one 1000-tx block from 1000 distinct senders over a block cache of the
/// committed state, signatures already checked, nothing committed (so every invocation runs the same block):
/// <list type="bullet">
/// <item><c>ExecuteBankSends</c>: 1 uluna bank sends (the baseline the others are compared with).</item>
/// <item><c>ExecuteSwaps</c>: Terraswap swaps of 1 UST for mTSLA on the mTSLA-UST pair.</item>
/// <item><c>ExecuteOpenPositions</c>: mint <c>open_position</c> with 1000 UST collateral at ratio 2 for mTSLA.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class MirrorBlockBenchmarks
{
    private const int Senders = 1000;

    private MirrorApplication _app = null!;
    private ChainNode _node = null!;
    private IReadOnlyList<byte[]> _sends = [];
    private IReadOnlyList<byte[]> _swaps = [];
    private IReadOnlyList<byte[]> _opens = [];
    private bool[] _allVerified = [];

    [GlobalSetup]
    public void Setup()
    {
        var genesis = GenesisDoc.Parse(BenchTxs.DevnetGenesisWith(Senders, keepWasm: true, out var keys));
        _app = new MirrorApplication(new ContractRuntime(ContractRegistry.Of(MirrorCodes.All())));
        _node = ChainNode.Open(new MemoryKeyValueStore(), genesis, _app, new NodeOptions { MempoolMaxTxs = 10 * Senders });
        var contracts = _app.GenesisContracts.ToDictionary(kv => kv.Key, kv => kv.Value);
        var chainId = _node.Genesis.ChainId;

        // Fresh prices (the mint refuses prices older than 60 s): the feeder test1 feeds them at height 1.
        var feeder = DevnetKey("test1");
        var feederAccount = BlockBenchmarks.LoadSenders(_node, [feeder])[0].Item2;
        var prices = string.Join(",", new[] { "mAAPL", "mTSLA", "mGOOGL", "mNFLX", "mMSFT" }.Select((s, i) =>
            $"[\"{contracts[s]}\",\"{new[] { "150", "670", "2300", "500", "250" }[i]}\"]"));
        var feed = BenchTxs.Execute(feeder, contracts["oracle"], $"{{\"feed_price\":{{\"prices\":[{prices}]}}}}", [], chainId, feederAccount, 0).TxBytes;
        using (var pending = _node.PrepareBlock(NextTime(), [feed]))
        {
            pending.Commit();
            BlockBenchmarks.RequireAllOk(pending.Results.TxResults.Select(r => r.Code), "price feed block");
        }

        var senders = BlockBenchmarks.LoadSenders(_node, keys);
        var pair = contracts["mTSLA.pair"];
        var mint = contracts["mint"];
        var swapMsg = "{\"swap\":{\"offer_asset\":{\"info\":{\"native_token\":{\"denom\":\"uusd\"}},\"amount\":\"1000000\"}}}";
        var openMsg = "{\"open_position\":{\"collateral\":{\"info\":{\"native_token\":{\"denom\":\"uusd\"}},\"amount\":\"1000000000\"},"
            + $"\"asset_info\":{{\"token\":{{\"contract_addr\":\"{contracts["mTSLA"]}\"}}}},\"collateral_ratio\":\"2\"}}}}";
        _sends = Sign(senders, (key, number) => BenchTxs.BankSend(key, BenchTxs.Recipient, chainId, number, 0).TxBytes);
        _swaps = Sign(senders, (key, number) =>
            BenchTxs.Execute(key, pair, swapMsg, [new Coin("uusd", 1_000_000)], chainId, number, 0).TxBytes);
        _opens = Sign(senders, (key, number) =>
            BenchTxs.Execute(key, mint, openMsg, [new Coin("uusd", 1_000_000_000)], chainId, number, 0).TxBytes);
        _allVerified = _app.VerifySignatures(_sends, _node.State.Committed, chainId);
        foreach (var (txs, what) in new[] { (_sends, "bank send"), (_swaps, "swap"), (_opens, "open_position") })
        {
            if (_app.VerifySignatures(txs, _node.State.Committed, chainId).Any(ok => !ok))
            {
                throw new InvalidOperationException($"a signature of the {what} block does not verify");
            }
            BlockBenchmarks.RequireAllOk(Execute(txs).Select(r => r.Code), what + " block");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _node.Dispose();

    [Benchmark]
    public int ExecuteBankSends() => Execute(_sends).Count;

    [Benchmark]
    public int ExecuteSwaps() => Execute(_swaps).Count;

    [Benchmark]
    public int ExecuteOpenPositions() => Execute(_opens).Count;

    private IReadOnlyList<TxResult> Execute(IReadOnlyList<byte[]> txs) =>
        _app.ExecuteBlock(new BlockContext(_node.Genesis.ChainId, _node.LatestHeight + 1, NextTime()), txs,
            new StateCache(_node.State.Committed), _allVerified);

    private BlockTime NextTime() => _node.Genesis.GenesisTime.AddNanoseconds((_node.LatestHeight + 1) * 1_000_000_000L);

    private static byte[][] Sign((PrivateKey Key, ulong Number)[] senders, Func<PrivateKey, ulong, byte[]> build)
    {
        var txs = new byte[senders.Length][];
        Parallel.For(0, senders.Length, i => txs[i] = build(senders[i].Key, senders[i].Number));
        return txs;
    }

    private static PrivateKey DevnetKey(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoFiles.Find("genesis/devnet-accounts.json")));
        var mnemonic = doc.RootElement.GetProperty("accounts").EnumerateArray()
            .First(a => a.GetProperty("name").GetString() == name).GetProperty("mnemonic").GetString()!;
        return PrivateKey.FromMnemonic(mnemonic);
    }
}
