using System.Globalization;

namespace MirrorChain.LoadGen;

/// <summary>
/// How the project's command-line tools (load generator, crash test) start: invariant culture, options read with
/// <see cref="CommandLineFlags"/> (a mistake prints it and the usage, exit 2; <c>--help</c> prints the usage, exit 0),
/// and Ctrl-C turned into a cancellation.
/// </summary>
internal static class ToolStartup
{
    /// <summary>The parsed options, or null with the exit code when the tool should stop here.</summary>
    public static T? ReadOptions<T>(IReadOnlyList<string> args, Func<IReadOnlyList<string>, T> parse, Func<T, bool> wantsHelp,
        string usage, out int exitCode)
        where T : class
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        exitCode = 0;
        T options;
        try
        {
            options = parse(args);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine($"error: {e.Message}\n\n{usage}");
            exitCode = 2;
            return null;
        }
        if (wantsHelp(options))
        {
            Console.WriteLine(usage);
            return null;
        }
        return options;
    }

    /// <summary>A cancellation source that Ctrl-C cancels (instead of killing the process).</summary>
    public static CancellationTokenSource CancelOnCtrlC()
    {
        var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        return cts;
    }
}
