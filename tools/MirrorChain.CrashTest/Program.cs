using MirrorChain.LoadGen;

namespace MirrorChain.CrashTest;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (ToolStartup.ReadOptions(args, CrashTestOptions.Parse, o => o.Help, CrashTestOptions.Usage, out var exitCode) is not { } options)
        {
            return exitCode;
        }

        var seed = options.Seed ?? Random.Shared.Next(1, 1_000_000);
        var work = options.Dir is null
            ? Directory.CreateTempSubdirectory("mirrorchain-crashtest.").FullName
            : Path.GetFullPath(options.Dir);
        if (options.Dir is not null && Directory.Exists(work) && Directory.EnumerateFileSystemEntries(work).Any())
        {
            Console.Error.WriteLine($"error: {work} exists and is not empty; the crash test needs a fresh home");
            return 2;
        }
        Directory.CreateDirectory(work);
        var home = Path.Combine(work, "home");
        var nodeLog = Path.Combine(work, "node.log");

        using var cts = ToolStartup.CancelOnCtrlC();

        var run = new CrashRun(options, seed, home, nodeLog, Console.Out);
        bool passed;
        try
        {
            passed = await run.RunAsync(cts.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.WriteLine($"reproduce: tools/crashtest {options.ReproduceArgs(seed)}; home and node log kept in {work}");
            Console.WriteLine($"FAIL crashtest (seed {seed}): {e.GetType().Name}: {e.Message}");
            return 1;
        }
        if (passed)
        {
            if (!options.Keep)
            {
                Directory.Delete(work, recursive: true);
            }
            else
            {
                Console.WriteLine($"home and node log kept in {work}");
            }
            Console.WriteLine($"PASS crashtest: {run.Summary}");
            return 0;
        }
        Console.WriteLine($"reproduce: tools/crashtest {options.ReproduceArgs(seed)}; home and node log kept in {work}");
        Console.WriteLine($"FAIL crashtest: {run.Problems.Count} problem(s); {run.Summary}");
        return 1;
    }
}
