namespace MirrorChain.LoadGen;

/// <summary>Finds a file of the checkout upwards from the current directory or the program's directory.</summary>
internal static class RepoFile
{
    public static string? Locate(string relativePath)
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
