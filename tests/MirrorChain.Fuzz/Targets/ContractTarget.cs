using System.Text;
using System.Text.Json;
using MirrorChain.Core;
using MirrorChain.Execution;
using MirrorChain.Execution.Contracts;
using MirrorChain.Fuzz.Engine;
using MirrorChain.State;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Fuzz.Targets;

/// <summary>
/// One contract of the devnet deployment, fed mutated execute, query and instantiate messages grown from
/// <see cref="ContractCorpus"/>. Executes run as the router runs a MsgExecuteContract inside a tx (funds first, then
/// the contract, sub-messages, replies) on a message cache over a tx cache over the committed state; instantiates go
/// through the runtime the same way; queries are abci smart queries. Properties: only an <see cref="SdkException"/>
/// (a clean tx error: wasm 4/5/9, out of gas, insufficient funds…) may leave the call; a rejected call writes
/// nothing to the tx cache (its message cache is dropped, as <see cref="TxExecutor"/> drops it).
/// Input: byte 0 selects the entry point (bits 0–1), the sender (bits 2–4: test1, test2, gov, validator, factory, mint,
/// staking, collector — the owners and callers the contracts check for) and funds (bits 5–6: none, 1000, 1340000000
/// or 2000000000 uusd, the collateral amounts of the corpus); the rest is the message.
/// </summary>
public sealed class ContractTarget : IFuzzTarget, IFuzzStats
{
    private readonly DevnetWorld _world;
    private readonly Address _contract;
    private readonly ulong _codeId;
    private readonly List<CorpusMessage> _corpus;
    private readonly JsonMutator _mutator;
    private readonly Router _router;
    private readonly Address[] _senders;

    public ContractTarget(DevnetWorld world, string target)
    {
        _world = world;
        Name = "contract:" + target;
        var contractName = ContractCorpus.Contracts[target];
        _contract = world[contractName];
        _codeId = world.Runtime.ContractInfo(world.Node.State.Committed, _contract)!.CodeId;
        using var genesis = JsonDocument.Parse(File.ReadAllText(RepoRoot.File("genesis/devnet.json")));
        var wasm = genesis.RootElement.GetProperty("app_state").GetProperty("wasm");
        _corpus = [.. ContractCorpus.For(target), .. ContractCorpus.GenesisInstantiates(wasm, _codeId).Take(3), .. ContractCorpus.GenesisExecutes(wasm, contractName).Take(6)];
        _corpus = [.. _corpus.Select(c => c with { Json = Resolve(c.Json) })];
        _mutator = new JsonMutator([.. _corpus.Select(c => c.Json)]);
        _router = new Router(world.Runtime);
        _senders = [world["test1"], world["test2"], world["gov"], world["validator"], world["factory"], world["mint"], world["staking"], world["collector"]];
    }

    public string Name { get; }

    private long _accepted, _rejected, _parseErrors, _queries;

    public string Stats => $"executes/instantiates accepted {_accepted}, rejected {_rejected} (of which parse errors {_parseErrors}); queries {_queries}";

    public IReadOnlyList<CorpusMessage> Corpus => _corpus;

    public byte[] Generate(FuzzRandom random)
    {
        var seed = random.Pick(_corpus);
        var selector = (byte)((int)seed.Entry | (random.Next(8) << 2) | ((random.Chance(50) ? 0 : 1 + random.Next(3)) << 5));
        var msg = random.Chance(4) ? Encoding.UTF8.GetBytes(seed.Json) : _mutator.Mutate(seed.Json, random);
        return [selector, .. msg];
    }

    public string? Run(byte[] input)
    {
        if (input.Length == 0)
        {
            return null;
        }
        var entry = (EntryPoint)(input[0] & 3);
        var sender = _senders[(input[0] >> 2) & 7];
        IReadOnlyList<Coin> funds = ((input[0] >> 5) & 3) switch
        {
            1 => [new Coin("uusd", 1000)],
            2 => [new Coin("uusd", 1_340_000_000)],
            3 => [new Coin("uusd", 2_000_000_000)],
            _ => [],
        };
        var msg = input[1..];
        var committed = _world.Node.State.Committed;
        var block = _world.Node.NextContext();
        if (entry == EntryPoint.Query)
        {
            _queries++;
            try
            {
                _world.Runtime.QuerySmart(committed, block, _contract, msg);
            }
            catch (SdkException e) when (!IsContainedStrayException(e))
            {
            }
            catch (SdkException e)
            {
                return "a stray .NET exception was contained as a Wasm abort (a gap in a parser or a port bug): " + e.Log;
            }
            return null;
        }
        var tx = new StateCache(committed);
        var ctx = new TxContext(block, new StateCache(tx), new GasMeter(50_000_000), GasConfig.Default, ExecutionMode.Deliver, new byte[32], 0);
        try
        {
            if (entry == EntryPoint.Instantiate)
            {
                _world.Runtime.Instantiate(ctx, sender, _codeId, msg, funds, "fuzz", null);
            }
            else
            {
                var execute = new MsgExecuteContract(sender, _contract, msg, funds);
                execute.ValidateBasic();
                _router.Dispatch(ctx, execute);
            }
            ctx.Commit();
            _accepted++;
            return null;
        }
        catch (SdkException e) when (IsContainedStrayException(e))
        {
            return "a stray .NET exception was contained as a Wasm abort (a gap in a parser or a port bug): " + e.Log;
        }
        catch (SdkException e)
        {
            _rejected++;
            if (e.Log.Contains("Error parsing into type", StringComparison.Ordinal) || e.Log.Contains("invalid cw20 hook message", StringComparison.Ordinal))
            {
                _parseErrors++;
            }
            return tx.WriteCount == 0 ? null : $"rejected ({e.Log}) but {tx.WriteCount} keys reached the tx cache";
        }
    }

    /// <summary>
    /// The runtime turns any stray .NET exception into "Error executing Wasm: Aborted: panicked at '&lt;Type&gt;: …'"
    /// (<see cref="ContractFailures"/>), so the tx fails cleanly; the fuzzer still reports it, since the Rust contract
    /// would have failed with its own error there.
    /// </summary>
    private static bool IsContainedStrayException(SdkException e) =>
        System.Text.RegularExpressions.Regex.IsMatch(e.Log, @"Aborted: panicked at '(Error parsing: |[A-Za-z]+Exception: )");

    private string Resolve(string json)
    {
        foreach (var (name, address) in _world.Contracts.OrderByDescending(c => c.Key.Length))
        {
            json = json.Replace("${" + name + "}", address.ToString(), StringComparison.Ordinal)
                .Replace("{" + name + "}", address.ToString(), StringComparison.Ordinal);
        }
        foreach (var (name, key) in _world.Keys)
        {
            json = json.Replace("{" + name + "}", key.Address.ToString(), StringComparison.Ordinal);
        }
        return json;
    }
}
