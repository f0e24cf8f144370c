namespace MirrorChain.CosmWasm;

/// <summary>What a query entry point may use: its storage (read-only), address helpers and the querier.</summary>
public class QueryDeps(IReadOnlyContractStorage storage, ContractApi api, Querier querier)
{
    public IReadOnlyContractStorage Storage { get; } = storage;

    public ContractApi Api { get; } = api;

    public Querier Querier { get; } = querier;
}

/// <summary>What execute/instantiate/reply may use: writable storage, address helpers and the querier.</summary>
public sealed class Deps(IContractStorage storage, ContractApi api, Querier querier) : QueryDeps(storage, api, querier)
{
    public new IContractStorage Storage { get; } = storage;
}
