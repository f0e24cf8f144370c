using MirrorChain.Node;

namespace MirrorChain.Cli;

/// <summary>Builds the application a home runs (the contract runtime joins it with the Mirror contracts).</summary>
public static class AppFactory
{
    public static IChainApplication Create(HomeLayout home)
    {
        ArgumentNullException.ThrowIfNull(home);
        return new MirrorApplication();
    }
}
