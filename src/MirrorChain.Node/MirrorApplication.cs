using MirrorChain.Execution;
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

    public MirrorApplication(IContractRuntime? contracts = null)
    {
        _executor = new BlockExecutor(contracts);
        _queries = new QueryRouter(_executor.TxExecutor);
    }

    public void InitChain(GenesisDoc genesis, IStateWriter state) =>
        GenesisApplier.Apply(GenesisAppState.FromJson(genesis.AppState), state);

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
