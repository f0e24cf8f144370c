namespace MirrorChain.LoadGen;

/// <summary>Command-line settings of the load generator.</summary>
internal sealed record LoadGenOptions
{
    public const string Usage = """
        mirrorchain-loadgen: pre-signs bank sends, broadcasts them to a running node and waits until they are committed.

          --rpc URL            node JSON-RPC endpoint (default http://127.0.0.1:26657)
          --txs N              number of txs (default 2000)
          --senders K          devnet accounts test1..testK sign them, round-robin (1-10, default 10)
          --concurrency C      concurrent broadcast_tx_sync requests (default 8; one in flight per sender)
          --warmup N           first send N txs the same way (rounds of up to 2000, each waiting for its commit),
                               unmeasured: lets a fresh node's JIT tier up (default 0)
          --timeout SECONDS    give up waiting for commits this long after the last broadcast (default 120)
          --accounts PATH      devnet-accounts.json with the mnemonics (default: genesis/devnet-accounts.json found
                               upwards from the current directory or the program's directory)
          --to ADDRESS         recipient (default: a fixed fresh address that no sender uses)
          --wait-ready SECONDS wait up to this long for the node to answer status at height >= 1 (default 0: no wait)
          --poll-ms MS         status polling interval of the commit watcher (default 50)
          --summary-file PATH  also write the results as key=value lines (for tools/bench)
        Exit code: 0 when every accepted tx was committed with code 0; 1 otherwise; 2 on a usage or connection error.
        """;

    public Uri Rpc { get; init; } = new("http://127.0.0.1:26657/");

    public int Txs { get; init; } = 2000;

    public int Senders { get; init; } = 10;

    public int Warmup { get; init; }

    public int Concurrency { get; init; } = 8;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    public string? AccountsFile { get; init; }

    public string? Recipient { get; init; }

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    public TimeSpan WaitReady { get; init; } = TimeSpan.Zero;

    public string? SummaryFile { get; init; }

    public bool Help { get; init; }

    /// <exception cref="FormatException">An unknown flag or a bad value; the message says which.</exception>
    public static LoadGenOptions Parse(IReadOnlyList<string> args)
    {
        return CommandLineFlags.Fold(args, new LoadGenOptions(), static (o, f) => f.Name switch
        {
            "-h" or "--help" => o with { Help = true },
            "--rpc" => o with { Rpc = ParseUri(f.Value()) },
            "--txs" => o with { Txs = f.Int(1, 1_000_000) },
            "--warmup" => o with { Warmup = f.Int(0, 1_000_000) },
            "--senders" => o with { Senders = f.Int(1, DevnetAccounts.MaxTestAccounts) },
            "--concurrency" => o with { Concurrency = f.Int(1, 1024) },
            "--timeout" => o with { Timeout = TimeSpan.FromSeconds(f.Int(1, 86_400)) },
            "--accounts" => o with { AccountsFile = f.Value() },
            "--to" => o with { Recipient = f.Value() },
            "--wait-ready" => o with { WaitReady = TimeSpan.FromSeconds(f.Int(0, 3600)) },
            "--poll-ms" => o with { PollInterval = TimeSpan.FromMilliseconds(f.Int(1, 60_000)) },
            "--summary-file" => o with { SummaryFile = f.Value() },
            _ => throw f.Unknown(),
        });
    }

    private static Uri ParseUri(string text)
    {
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new FormatException($"--rpc must be an http URL, got '{text}'");
        }
        return uri;
    }
}
