namespace MirrorChain.Rpc.Tests;

/// <summary>A fact that needs Node.js and an installed tests/compat (npm ci); skipped, with the reason, otherwise.</summary>
public sealed class NodeCompatFactAttribute : FactAttribute
{
    public NodeCompatFactAttribute()
    {
        if (CompatDirectory is null)
        {
            Skip = "tests/compat/node_modules is not installed (run npm ci in tests/compat)";
        }
        else if (NodeExecutable is null)
        {
            Skip = "node is not on PATH";
        }
    }

    /// <summary>tests/compat with node_modules, found by walking up from the test binaries.</summary>
    public static string? CompatDirectory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var compat = Path.Combine(dir.FullName, "tests", "compat");
                if (Directory.Exists(Path.Combine(compat, "node_modules", "@cosmjs", "tendermint-rpc")))
                {
                    return compat;
                }
            }
            return null;
        }
    }

    public static string? NodeExecutable =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "node"))
            .FirstOrDefault(File.Exists);
}
