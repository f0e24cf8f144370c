using MirrorChain.CosmWasm;
using MirrorChain.Execution.Contracts;
using MirrorChain.Node;

namespace MirrorChain.Cli;

/// <summary>
/// Builds the application every node runs: the Cosmos modules plus the contract runtime with every code. Nothing in it
/// depends on the node home (genesis and settings are read by the commands), so it takes no home.
/// </summary>
public static class AppFactory
{
    /// <summary>The chain's code table (see <see cref="CodeIds"/>).</summary>
    public static ContractRegistry Registry() => ContractRegistry.Of(MirrorChain.Contracts.Mirror.MirrorCodes.All());

    /// <summary>A contract runtime over <see cref="Registry"/>.</summary>
    public static ContractRuntime Runtime() => new(Registry());

    public static MirrorApplication Create() => Create(Runtime());

    /// <summary>The application over a given runtime, for a caller that also queries contracts through it.</summary>
    public static MirrorApplication Create(ContractRuntime runtime) => new(runtime);
}
