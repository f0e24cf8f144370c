using MirrorChain.CosmWasm;
using MirrorChain.Execution.Contracts;
using MirrorChain.Node;

namespace MirrorChain.Cli;

/// <summary>Builds the application a home runs: the Cosmos modules plus the contract runtime with every code.</summary>
public static class AppFactory
{
    /// <summary>The chain's code table (see <see cref="CodeIds"/>).</summary>
    public static ContractRegistry Registry() => ContractRegistry.Of(MirrorChain.Contracts.Mirror.MirrorCodes.All());

    public static MirrorApplication Create(HomeLayout home)
    {
        ArgumentNullException.ThrowIfNull(home);
        return new MirrorApplication(new ContractRuntime(Registry()));
    }
}
