using MirrorChain.Core;
using MirrorChain.Execution;
using MirrorChain.Execution.Contracts;
using MirrorChain.State;
using MirrorChain.Tx;

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

    /// <summary>
    /// Accounts, balances and params, then the <c>wasm</c> deployment steps (contracts instantiated at height 0).
    /// The block gas limit comes from <c>consensus_params.block.max_gas</c> (as the SDK takes consensus params
    /// from InitChain); <c>app_state.params.max_block_gas</c>, if given, must say the same.
    /// </summary>
    public void InitChain(GenesisDoc genesis, IStateWriter state)
    {
        var appState = GenesisAppState.FromJson(genesis.AppState);
        if (genesis.AppState.TryGetProperty("params", out var p) && p.ValueKind == System.Text.Json.JsonValueKind.Object
            && p.TryGetProperty("max_block_gas", out _) && appState.Params.MaxBlockGas != genesis.MaxBlockGas)
        {
            throw new InvalidDataException(
                $"genesis app_state.params.max_block_gas {appState.Params.MaxBlockGas} differs from consensus_params.block.max_gas {genesis.MaxBlockGas}; make them equal or drop the app_state one");
        }
        GenesisApplier.Apply(appState with { Params = appState.Params with { MaxBlockGas = genesis.MaxBlockGas } }, state);
        if (genesis.AppState.TryGetProperty("wasm", out var wasm))
        {
            var runtime = _contracts ?? throw new InvalidDataException("genesis has a wasm section but the node runs without contracts");
            GenesisContracts = WasmGenesis.Apply(wasm, state, runtime, new BlockContext(genesis.ChainId, 0, genesis.GenesisTime));
        }
    }

    public bool[] VerifySignatures(IReadOnlyList<byte[]> txs, IStateReader state, string chainId) =>
        BlockExecutor.PreVerifySignatures(txs, state, chainId);

    public bool[] VerifyEnvelopeSignatures(IReadOnlyList<TxEnvelope> txs, IStateReader state, string chainId) =>
        BlockExecutor.PreVerifyEnvelopes(txs, state, chainId);

    public Func<TxEnvelope, bool> EnvelopeSignatureChecker(IStateReader state, string chainId) =>
        BlockExecutor.EnvelopeSignatureChecker(state, chainId);

    public IReadOnlyList<TxResult> ExecuteBlock(BlockContext ctx, IReadOnlyList<byte[]> txs, StateCache state, bool[] signaturesOk) =>
        _executor.ExecuteBlock(ctx, txs, state, signaturesOk);

    public IReadOnlyList<TxResult> ExecuteEnvelopes(BlockContext ctx, IReadOnlyList<TxEnvelope> txs, StateCache state, bool[] signaturesOk) =>
        _executor.ExecuteEnvelopes(ctx, txs, state, signaturesOk);

    public IEnumerable<byte[]> LikelyReads(IReadOnlyList<TxEnvelope> txs, IStateReader committed) => BlockReadHints.Of(txs, committed);

    public CheckTxResponse CheckTx(byte[] tx, StateCache pending, BlockContext ctx, bool signatureOk) =>
        _executor.TxExecutor.CheckTx(tx, pending, ctx, signatureOk);

    public CheckTxResponse CheckTx(TxEnvelope tx, StateCache pending, BlockContext ctx, bool signatureOk) =>
        _executor.TxExecutor.CheckTx(tx, pending, ctx, signatureOk);

    public IRecheckScope RecheckScope => MirrorRecheckScope.Instance;

    public QueryAnswer Query(string path, byte[] data, IStateReader state, BlockContext ctx) =>
        _queries.Query(path, data, state, ctx);
}
