namespace MirrorChain.Cli.Tests;

/// <summary>Runs the mirrorchain entry point in-process with the console captured (tests using it share the "Console" collection).</summary>
internal static class CliRunner
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        await Gate.WaitAsync();
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (o, e) = (new StringWriter(), new StringWriter());
        try
        {
            Console.SetOut(o);
            Console.SetError(e);
            var entry = typeof(HomeLayout).Assembly.EntryPoint!;
            var result = entry.Invoke(null, [args]);
            var code = result switch
            {
                Task<int> t => await t,
                int i => i,
                _ => throw new InvalidOperationException("unexpected entry point result"),
            };
            return (code, o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
            Gate.Release();
        }
    }
}

[CollectionDefinition("Console", DisableParallelization = true)]
public sealed class ConsoleCollection;
