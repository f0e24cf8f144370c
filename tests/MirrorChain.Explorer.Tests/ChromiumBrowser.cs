namespace MirrorChain.Explorer.Tests;

/// <summary>
/// Debian's Chromium (<c>apt-get install -y chromium</c>), which Playwright drives through <c>ExecutablePath</c>: no
/// browser is ever downloaded. <c>MIRRORCHAIN_CHROMIUM</c> names another binary.
/// </summary>
public static class ChromiumBrowser
{
    public const string Variable = "MIRRORCHAIN_CHROMIUM";

    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium", "/snap/bin/chromium"];

    /// <summary>The browser binary, or null when none is installed.</summary>
    public static string? Executable =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } chosen ? (File.Exists(chosen) ? chosen : null)
            : Candidates.FirstOrDefault(File.Exists);

    /// <summary>True under CI (CI=true): a missing browser is then a failure, not a skip.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string MissingMessage =>
        $"Chromium is not installed (looked for {string.Join(", ", Candidates)} and ${Variable}): run `apt-get install -y chromium` (tools/test installs it when missing)";
}

/// <summary>
/// A test that needs the browser: skipped with <see cref="ChromiumBrowser.MissingMessage"/> when Chromium is missing on
/// a developer machine, but run (and failed by the fixture with that message) under CI=true.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (ChromiumBrowser.Executable is null && !ChromiumBrowser.IsCi)
        {
            Skip = ChromiumBrowser.MissingMessage;
        }
    }
}
