using System.Text.Json;
using MirrorChain.Contracts.Mirror;
using MirrorChain.Core;
using MirrorChain.Crypto;
using MirrorChain.Execution;
using MirrorChain.Execution.Contracts;
using MirrorChain.Node;
using MirrorChain.Rpc;
using MirrorChain.Storage;
using MirrorChain.Tx;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Fuzz;

/// <summary>
/// The real devnet in memory: genesis/devnet.json (every Mirror, Terraswap and cw20 contract deployed at height 0)
/// in a <see cref="ChainNode"/> over a <see cref="MemoryKeyValueStore"/>, one block with a bank send and an oracle
/// feed so block and tx queries find something, and a <see cref="NodeRpcBackend"/> for the RPC and LCD targets.
/// </summary>
public sealed class DevnetWorld : IDisposable
{
    private DevnetWorld(ChainNode node, MirrorApplication app, ContractRuntime runtime, IReadOnlyDictionary<string, Address> contracts,
        IReadOnlyDictionary<string, PrivateKey> keys, byte[] sendTx, byte[] executeTx)
    {
        Node = node;
        App = app;
        Runtime = runtime;
        Contracts = contracts;
        Keys = keys;
        SendTx = sendTx;
        ExecuteTx = executeTx;
        Backend = new NodeRpcBackend(node, "fuzz", new string('f', 40), "tcp://127.0.0.1:26657");
    }

    public const string ChainId = "mirrorchain-devnet-1";

    public ChainNode Node { get; }

    public MirrorApplication App { get; }

    public ContractRuntime Runtime { get; }

    public NodeRpcBackend Backend { get; }

    /// <summary>Genesis contracts by name (mint, oracle, gov, mTSLA, mTSLA.pair, …).</summary>
    public IReadOnlyDictionary<string, Address> Contracts { get; }

    /// <summary>The devnet test accounts' keys (validator, test1 … test10).</summary>
    public IReadOnlyDictionary<string, PrivateKey> Keys { get; }

    /// <summary>The committed bank send of block 1 (test1 → test2).</summary>
    public byte[] SendTx { get; }

    /// <summary>The committed oracle feed of block 1 (test1 feeds mTSLA).</summary>
    public byte[] ExecuteTx { get; }

    public static DevnetWorld Create()
    {
        var genesis = GenesisDoc.Parse(File.ReadAllText(RepoRoot.File("genesis/devnet.json")));
        var runtime = new ContractRuntime(ContractRegistry.Of(MirrorCodes.All()));
        var app = new MirrorApplication(runtime);
        var node = ChainNode.Open(new MemoryKeyValueStore(), genesis, app);
        var contracts = new Dictionary<string, Address>(StringComparer.Ordinal);
        foreach (var (name, address) in app.GenesisContracts)
        {
            contracts[name] = address;
        }
        using var accounts = JsonDocument.Parse(File.ReadAllText(RepoRoot.File("genesis/devnet-accounts.json")));
        var keys = accounts.RootElement.GetProperty("accounts").EnumerateArray()
            .ToDictionary(a => a.GetProperty("name").GetString()!, a => PrivateKey.FromMnemonic(a.GetProperty("mnemonic").GetString()!), StringComparer.Ordinal);

        var test1 = keys["test1"];
        var send = Sign(node, test1, new MsgSend(test1.Address, keys["test2"].Address, [new Coin("uluna", 1000)]), 0);
        var feed = Sign(node, test1, new MsgExecuteContract(test1.Address, contracts["oracle"],
            System.Text.Encoding.UTF8.GetBytes($$$"""{"feed_price":{"prices":[["{{{contracts["mTSLA"]}}}","670"]]}}"""), []), 1);
        foreach (var tx in new[] { send, feed })
        {
            var check = node.SubmitTx(tx);
            if (check.Code != 0)
            {
                throw new InvalidOperationException($"seed tx rejected: {check.Log}");
            }
        }
        node.ProduceBlock(genesis.GenesisTime.AddNanoseconds(1_000_000_000));
        return new DevnetWorld(node, app, runtime, contracts, keys, send, feed);
    }

    /// <summary>Signs one message with the sender's current account number.</summary>
    public static byte[] Sign(ChainNode node, PrivateKey key, ITxMessage message, ulong sequence, ulong gas = 2_000_000) =>
        TxBuilder.Sign(new TxSpec
        {
            Messages = [message],
            Fee = [new Coin("uluna", 30_000 + gas / 50)],
            GasLimit = gas,
            ChainId = ChainId,
            AccountNumber = Accounts.Get(node.State.Committed, key.Address)!.AccountNumber,
            Sequence = sequence,
        }, key).TxBytes;

    public Address this[string name] => Contracts.TryGetValue(name, out var c) ? c : Keys[name].Address;

    public void Dispose() => Node.Dispose();
}

/// <summary>The checkout's root (where MirrorChain.sln is), found above the running assembly or the working directory.</summary>
public static class RepoRoot
{
    public static string File(string relative)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (System.IO.File.Exists(Path.Combine(dir.FullName, "MirrorChain.sln")))
                {
                    return Path.Combine(dir.FullName, relative);
                }
            }
        }
        throw new FileNotFoundException("repository root (MirrorChain.sln) not found");
    }
}
