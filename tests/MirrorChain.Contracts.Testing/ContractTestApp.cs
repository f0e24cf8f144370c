using System.Text;
using System.Text.Json;
using MirrorChain.Core;
using MirrorChain.CosmWasm;
using MirrorChain.Execution;
using MirrorChain.Execution.Contracts;
using MirrorChain.State;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Contracts.Testing;

/// <summary>
/// A cw-multi-test-style app for contract tests: in-memory state, a block clock the test moves, and every call going
/// through the real router, contract runtime and bank (funds move first, sub-messages dispatch, replies, events).
/// Each <see cref="Execute"/> is atomic like a tx: on error nothing it did remains and an <see cref="SdkException"/>
/// carries the code and log a tx would have.
/// </summary>
public sealed class ContractTestApp
{
    private readonly StateCache _state = new(new EmptyState());
    private readonly Router _router;

    public ContractTestApp(ContractRegistry registry, BlockTime? start = null, string chainId = "mirrorchain-test-1")
    {
        Runtime = new ContractRuntime(registry);
        _router = new Router(Runtime);
        ChainId = chainId;
        Time = start ?? BlockTime.ParseRfc3339("2021-05-20T12:00:00Z");
    }

    public ContractRuntime Runtime { get; }

    public string ChainId { get; }

    public long Height { get; private set; } = 1;

    public BlockTime Time { get; private set; }

    /// <summary>Seconds since the epoch of the current block.</summary>
    public ulong Seconds => (ulong)Time.Seconds;

    public IStateReader State => _state;

    public BlockContext Block => new(ChainId, Height, Time);

    /// <summary>Moves to a new block <paramref name="seconds"/> later (height + 1).</summary>
    public void AdvanceTime(long seconds)
    {
        Time = Time.AddNanoseconds(checked(seconds * 1_000_000_000L));
        Height++;
    }

    public void SetTime(ulong unixSeconds)
    {
        Time = new BlockTime((long)unixSeconds, 0);
        Height++;
    }

    public void Mint(Address to, params Coin[] coins) => Bank.Mint(_state, to, coins);

    public UInt128 Balance(Address address, string denom) => Bank.GetBalance(_state, address, denom);

    public Address Instantiate(ulong codeId, Address sender, string json, IReadOnlyList<Coin>? funds = null, string label = "", Address? admin = null) =>
        Atomically(ctx => Runtime.Instantiate(ctx, sender, codeId, Encoding.UTF8.GetBytes(json), funds ?? [], label, admin)).Address;

    /// <summary>Executes like a MsgExecuteContract in a tx; throws <see cref="SdkException"/> (state untouched) on failure.</summary>
    public AppResponse Execute(Address sender, Address contract, string json, IReadOnlyList<Coin>? funds = null)
    {
        var outcome = Atomically(ctx => _router.Dispatch(ctx, new MsgExecuteContract(sender, contract, Encoding.UTF8.GetBytes(json), funds ?? [])));
        var data = Tx.Proto.Cosmwasm.Wasm.V1.MsgExecuteContractResponse.Parser.ParseFrom(outcome.Response.Value).Data.ToByteArray();
        return new AppResponse(outcome.Events, data);
    }

    /// <summary>
    /// Runs a genesis <c>app_state.wasm</c> deployment (see <see cref="WasmGenesis"/>) at the current block, e.g. the
    /// devnet's whole Mirror deployment; returns the named addresses (a later name wins).
    /// </summary>
    public IReadOnlyDictionary<string, Address> ApplyWasmGenesis(JsonElement wasm)
    {
        var tx = new StateCache(_state);
        var names = WasmGenesis.Apply(wasm, tx, Runtime, Block);
        tx.WriteTo(_state);
        var byName = new Dictionary<string, Address>(StringComparer.Ordinal);
        foreach (var (name, address) in names)
        {
            byName[name] = address;
        }
        return byName;
    }

    /// <summary>Bank send between accounts (e.g. to fund a contract).</summary>
    public void Send(Address from, Address to, params Coin[] coins) => Atomically(ctx => Bank.Send(ctx.State, from, to, coins));

    /// <summary>A smart query at the current block; throws <see cref="SdkException"/> (wasm 9) with the contract's error.</summary>
    public JsonElement Query(Address contract, string json)
    {
        var bytes = Runtime.QuerySmart(_state, Block, contract, Encoding.UTF8.GetBytes(json));
        using var doc = JsonDocument.Parse(bytes);
        return doc.RootElement.Clone();
    }

    public T Query<T>(Address contract, string json, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<T>(Runtime.QuerySmart(_state, Block, contract, Encoding.UTF8.GetBytes(json)), options)!;

    private T Atomically<T>(Func<TxContext, T> action)
    {
        var tx = new StateCache(_state);
        var ctx = new TxContext(Block, tx, GasMeter.Infinite(), GasConfig.Default, ExecutionMode.Deliver, new byte[32], 0);
        var result = action(ctx);
        tx.WriteTo(_state);
        return result;
    }

    private sealed class EmptyState : IStateReader
    {
        public byte[]? Get(byte[] key) => null;

        public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false) => [];
    }
}

/// <summary>The events and response data of one execute.</summary>
public sealed record AppResponse(IReadOnlyList<Event> Events, byte[] Data)
{
    /// <summary>All attributes of the <c>wasm</c> events, in order.</summary>
    public IReadOnlyList<(string Key, string Value)> WasmAttributes =>
        Events.Where(e => e.Type == "wasm").SelectMany(e => e.Attributes).Select(a => (a.Key, a.Value)).ToList();

    /// <summary>The first <c>wasm</c> attribute named <paramref name="key"/>.</summary>
    public string? Attribute(string key) => WasmAttributes.FirstOrDefault(a => a.Key == key).Value;
}

/// <summary>Deterministic test addresses: 20 bytes of SHA-256(name).</summary>
public static class TestAddress
{
    public static Address Of(string name) => Address.FromBytes(Hashing.Sha256(Encoding.UTF8.GetBytes(name)).AsSpan(0, 20));
}
