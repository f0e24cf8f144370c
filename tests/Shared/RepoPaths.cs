namespace MirrorChain.Tests;

/// <summary>Files of the checkout (genesis/devnet.json, …) from a test, found above the test's output folder.</summary>
internal static class RepoPaths
{
    public static string File(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "MirrorChain.sln")))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }
        throw new FileNotFoundException("repository root (MirrorChain.sln) not found above " + AppContext.BaseDirectory);
    }
}
