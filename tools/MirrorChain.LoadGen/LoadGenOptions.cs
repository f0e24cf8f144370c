using System.Globalization;

namespace MirrorChain.LoadGen;

/// <summary>Command-line settings of the load generator.</summary>
internal sealed record LoadGenOptions
{
    public const string Usage = """
        mirrorchain-loadgen: pre-signs txs, broadcasts them to a running node and waits until they are committed.

        usage: mirrorchain-loadgen [flags]                 run the load (below)
               mirrorchain-loadgen make-genesis --help     write a bench genesis with N extra funded accounts
               mirrorchain-loadgen verify-rate --help      measure the all-core signature verify rate

          --rpc URL            node JSON-RPC endpoint (default http://127.0.0.1:26657)
          --txs N              txs per measured round (default 2000)
          --bench-accounts N   senders are the N bench accounts of --seed (keys as in make-genesis; the chain's
                               genesis must fund them): tx i of a round comes from the next account, round-robin,
                               so every tx has its own sender while N >= txs (default 0: use --senders)
          --seed TEXT          seed of the bench account keys (default mirrorchain-bench)
          --senders K          devnet accounts test1..testK sign, round-robin (1-10, default 10; not with --bench-accounts)
          --mix LIST           workloads, each measured in its own round after its unmeasured setup, in this order:
                               bank, swap, provide_liquidity, open_position, deposit, feed_price, auction
                               (comma-separated subset, or all; default bank)
          --contracts PATH     the node home's config/contracts.json (needed by every workload but bank)
          --concurrency C      concurrent broadcast_tx_sync requests (default 8; one in flight per sender)
          --batch N            txs per request: 1 = one broadcast_tx_sync request per tx (the default); N > 1 =
                               JSON-RPC batches of up to N broadcast_tx_sync requests of distinct senders, as cosmjs'
                               HttpBatchClient sends them (at most 20: a MirrorChain node refuses larger batches)
          --warmup N           first send N bank txs the same way (rounds of up to 2000, each waiting for its commit),
                               unmeasured: lets a fresh node's JIT tier up (default 0)
          --verify-seconds S   before each measured round, wait until the node's mempool is empty, then verify
                               signatures on all cores for S seconds and report the rate and the ratios to it
                               (default 0 = skip; tools/bench passes 2.5)
          --timeout SECONDS    give up waiting for commits this long after the last broadcast (default 120)
          --accounts PATH      devnet-accounts.json with the mnemonics (default: genesis/devnet-accounts.json found
                               upwards from the current directory or the program's directory)
          --to ADDRESS         bank recipient (default: a fixed fresh address that no sender uses)
          --wait-ready SECONDS wait up to this long for the node to answer status at height >= 1 (default 0: no wait)
          --poll-ms MS         status polling interval of the commit watcher (default 50)
          --summary-file PATH  also write the (first) workload's results as key=value lines
          --summary-dir DIR    write each workload's results as DIR/<workload>.txt (for tools/bench)
        Exit code: 0 when every accepted tx was committed with code 0; 1 otherwise; 2 on a usage or connection error.
        """;

    public Uri Rpc { get; init; } = new("http://127.0.0.1:26657/");

    public int Txs { get; init; } = 2000;

    public int Senders { get; init; } = 10;

    public bool SendersGiven { get; init; }

    public int BenchAccounts { get; init; }

    public string Seed { get; init; } = BenchKeys.DefaultSeed;

    public IReadOnlyList<string> Mix { get; init; } = [Workloads.Bank];

    public string? ContractsFile { get; init; }

    public int Warmup { get; init; }

    public int Concurrency { get; init; } = 8;

    /// <summary>The most a MirrorChain node accepts in one JSON-RPC batch (its RpcServerOptions.DefaultMaxBatchRequests).</summary>
    public const int MaxBatch = 20;

    /// <summary>Txs per broadcast request: 1 = single requests, more = JSON-RPC batches of up to this many.</summary>
    public int Batch { get; init; } = 1;

    public double VerifySeconds { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    public string? AccountsFile { get; init; }

    public string? Recipient { get; init; }

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    public TimeSpan WaitReady { get; init; } = TimeSpan.Zero;

    public string? SummaryFile { get; init; }

    public string? SummaryDir { get; init; }

    public bool Help { get; init; }

    /// <exception cref="FormatException">An unknown flag or a bad value; the message says which.</exception>
    public static LoadGenOptions Parse(IReadOnlyList<string> args)
    {
        var o = CommandLineFlags.Fold(args, new LoadGenOptions(), static (o, f) => f.Name switch
        {
            "-h" or "--help" => o with { Help = true },
            "--rpc" => o with { Rpc = ParseUri(f.Value()) },
            "--txs" => o with { Txs = f.Int(1, 1_000_000) },
            "--warmup" => o with { Warmup = f.Int(0, 1_000_000) },
            "--senders" => o with { Senders = f.Int(1, DevnetAccounts.MaxTestAccounts), SendersGiven = true },
            "--bench-accounts" => o with { BenchAccounts = f.Int(0, 10_000_000) },
            "--seed" => o with { Seed = f.Value() },
            "--mix" => o with { Mix = Workloads.ParseMix(f.Value()) },
            "--contracts" => o with { ContractsFile = f.Value() },
            "--concurrency" => o with { Concurrency = f.Int(1, 1024) },
            "--batch" => o with { Batch = f.Int(1, MaxBatch) },
            "--verify-seconds" => o with { VerifySeconds = Seconds(f, 60) },
            "--timeout" => o with { Timeout = TimeSpan.FromSeconds(f.Int(1, 86_400)) },
            "--accounts" => o with { AccountsFile = f.Value() },
            "--to" => o with { Recipient = f.Value() },
            "--wait-ready" => o with { WaitReady = TimeSpan.FromSeconds(f.Int(0, 3600)) },
            "--poll-ms" => o with { PollInterval = TimeSpan.FromMilliseconds(f.Int(1, 60_000)) },
            "--summary-file" => o with { SummaryFile = f.Value() },
            "--summary-dir" => o with { SummaryDir = f.Value() },
            _ => throw f.Unknown(),
        });
        if (o.BenchAccounts > 0 && o.SendersGiven)
        {
            throw new FormatException("--senders (devnet test accounts) and --bench-accounts (generated accounts) exclude each other");
        }
        if (o.Mix.Count == 0)
        {
            throw new FormatException("--mix names no workload");
        }
        return o;
    }

    /// <summary>A non-negative number of seconds (decimals allowed) up to <paramref name="max"/>.</summary>
    public static double Seconds(CommandLineFlags.Flag f, double max)
    {
        var text = f.Value();
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) || v < 0 || v > max)
        {
            throw new FormatException($"{f.Name} must be a number of seconds in [0, {max.ToString(CultureInfo.InvariantCulture)}], got '{text}'");
        }
        return v;
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
