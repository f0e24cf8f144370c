namespace MirrorChain.Benchmarks;

/// <summary>Finds checked-in files (genesis/…) upwards from the working directory or the program's directory.</summary>
internal static class RepoFiles
{
    /// <exception cref="FileNotFoundException">Not found anywhere upwards.</exception>
    public static string Find(string relativePath)
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
        throw new FileNotFoundException($"{relativePath} not found upwards from {Environment.CurrentDirectory} or {AppContext.BaseDirectory}");
    }
}
