namespace MirrorChain.Cli;

/// <summary>Files of genesis/ compiled into the CLI, so init works from any directory.</summary>
public static class EmbeddedFiles
{
    public static string Read(string name)
    {
        using var stream = typeof(EmbeddedFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"embedded resource {name} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
