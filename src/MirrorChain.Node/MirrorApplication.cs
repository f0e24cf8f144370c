using MirrorChain.Core;
using MirrorChain.Execution;
using MirrorChain.Execution.Contracts;
using MirrorChain.State;

namespace MirrorChain.Node;

/// <summary>
/// The MirrorChain application behind the node: genesis from <c>app_state</c>, Cosmos SDK ante + bank, contract
/// messages routed to the contract runtime, and the gRPC-style query paths.
/// </summary>
public sealed class MirrorApplication : IChainApplication
{
    private readonly BlockExecutor _executor;
    private readonly QueryRouter _queries;
    private readonly ContractRuntime? _contracts;

    public MirrorApplication(ContractRuntime? contracts = null)
    {
        _contracts = contracts;
        _executor = new BlockExecutor(contracts);
        _queries = new QueryRouter(_executor.TxExecutor);
    }

    /// <summary>Contracts the genesis deployment named (name → address, in step order), after <see cref="InitChain"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, Address>> GenesisContracts { get; private set; } = [];

    /// <summary>Accounts, balances and params, then the <c>wasm</c> deployment steps (contracts instantiated at height 0).</summary>
    public void InitChain(GenesisDoc genesis, IStateWriter state)
    {
        GenesisApplier.Apply(GenesisAppState.FromJson(genesis.AppState), state);
        if (genesis.AppState.TryGetProperty("wasm", out var wasm))
        {
            var runtime = _contracts ?? throw new InvalidDataException("genesis has a wasm section but the node runs without contracts");
            GenesisContracts = WasmGenesis.Apply(wasm, state, runtime, new BlockContext(genesis.ChainId, 0, genesis.GenesisTime));
        }
    }

    public bool[] VerifySignatures(IReadOnlyList<byte[]> txs, IStateReader state, string chainId) =>
        BlockExecutor.PreVerifySignatures(txs, state, chainId);

    public IReadOnlyList<TxResult> ExecuteBlock(BlockContext ctx, IReadOnlyList<byte[]> txs, StateCache state, bool[] signaturesOk) =>
        _executor.ExecuteBlock(ctx, txs, state, signaturesOk);

    public CheckTxOutcome CheckTx(byte[] tx, StateCache pending, BlockContext ctx, bool signatureOk)
    {
        var r = _executor.TxExecutor.CheckTx(tx, pending, ctx, signatureOk);
        return new CheckTxOutcome(r.Code, r.Codespace, r.Log, r.GasWanted, r.GasUsed);
    }

    public AppQueryResult Query(string path, byte[] data, IStateReader state, BlockContext ctx)
    {
        var a = _queries.Query(path, data, state, ctx);
        return new AppQueryResult(a.Code, a.Codespace, a.Log, a.Value);
    }
}
