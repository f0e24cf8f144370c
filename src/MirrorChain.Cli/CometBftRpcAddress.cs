using MirrorChain.Rpc.Remote;

namespace MirrorChain.Cli;

/// <summary>
/// Where <c>start --abci</c> finds CometBFT's RPC when <c>--cometbft-rpc</c> is not given: the <c>[rpc] laddr</c> of
/// the CometBFT home that <c>mirrorchain init --cometbft</c> writes (HOME/cometbft/config/config.toml), else
/// CometBFT's default <see cref="CometBftRpcClient.DefaultAddress"/>.
/// </summary>
public static class CometBftRpcAddress
{
    public static string Resolve(HomeLayout home, string? flag)
    {
        ArgumentNullException.ThrowIfNull(home);
        if (!string.IsNullOrWhiteSpace(flag))
        {
            return flag;
        }
        var config = Path.Combine(home.Root, "cometbft", "config", "config.toml");
        return File.Exists(config) && FromConfigToml(File.ReadAllText(config)) is { } laddr ? laddr : CometBftRpcClient.DefaultAddress;
    }

    /// <summary>The <c>laddr</c> of the <c>[rpc]</c> table of a config.toml, or null (a unix socket is not served over HTTP here).</summary>
    public static string? FromConfigToml(string toml)
    {
        ArgumentNullException.ThrowIfNull(toml);
        var table = "";
        foreach (var raw in toml.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                table = line.Trim('[', ']', ' ');
                continue;
            }
            if (table != "rpc" || !line.StartsWith("laddr", StringComparison.Ordinal))
            {
                continue;
            }
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            var value = eq < 0 ? "" : line[(eq + 1)..].Trim().Trim('"');
            return value.StartsWith("tcp://", StringComparison.Ordinal) || value.StartsWith("http://", StringComparison.Ordinal) ? value : null;
        }
        return null;
    }
}
