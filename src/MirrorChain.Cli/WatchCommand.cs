using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using MirrorChain.Core;
using Decimal = MirrorChain.Core.Numerics.Decimal;

namespace MirrorChain.Cli;

/// <summary>
/// <c>mirrorchain watch --owner ADDR</c>: follows new blocks over the node's WebSocket and, after each, re-reads the
/// owner's mint positions through the same view as <c>query mirror positions</c>; prints (and optionally POSTs) one
/// alert per change of a position's state (<see cref="MarginTracker"/>). Reconnects with backoff; stops cleanly on
/// Ctrl-C/SIGTERM. See docs/alerts.md.
/// </summary>
public static class WatchCommand
{
    /// <summary>Evaluations whose queries straddle a new block are read again, up to this many times.</summary>
    private const int ConsistentReadAttempts = 5;

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public sealed record Options(
        string Node,
        string Owner,
        string Margin = "0.1",
        string? PostUrl = null,
        OutputFormat Format = OutputFormat.Text,
        bool Once = false,
        TimeSpan? PostTimeout = null,
        TimeSpan? InitialBackoff = null);

    /// <summary>--margin: a decimal ≥ 0 such as 0.1 (10 % above the minimum).</summary>
    public static Decimal ParseMargin(string text) =>
        Decimal.TryParse(text, out var margin)
            ? margin
            : throw new FormatException($"--margin must be a decimal ≥ 0 such as 0.1 (10% above the minimum ratio), got {text}");

    /// <summary>Runs until cancelled (0), or with <see cref="Options.Once"/> evaluates once: 2 if a position is within the margin or auctionable, else 0.</summary>
    public static async Task<int> RunAsync(HomeLayout home, Options options, TextWriter output, TextWriter log, CancellationToken ct)
    {
        if (!Address.TryParse(options.Owner, out var ownerAddress, out var error))
        {
            throw new FormatException($"invalid --owner address {options.Owner}: {error}");
        }
        var owner = ownerAddress!.ToString();
        var margin = ParseMargin(options.Margin);
        var postUrl = options.PostUrl is { } u ? AlertPoster.ParseUrl(u) : null;
        var contracts = ContractsFile.Load(home.Contracts);
        using var rpc = new RpcClient(options.Node);
        using var poster = postUrl is null ? null : new AlertPoster(postUrl, options.PostTimeout ?? TimeSpan.FromSeconds(5), log);
        var watch = new Watch(rpc, contracts, owner, new MarginTracker(owner, margin), poster, options.Format, output);

        if (options.Once)
        {
            await watch.EvaluateAsync(missedBlocks: false, ct).ConfigureAwait(false);
            return watch.Tracker.Positions.Any(p => p.State is MarginState.Margin or MarginState.Auctionable) ? 2 : 0;
        }

        using var stop = NodeStartup.StopOnSignals(ct);
        var initialBackoff = options.InitialBackoff ?? TimeSpan.FromSeconds(1);
        var backoff = initialBackoff;
        var connected = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var subscription = await NewBlockSubscription.ConnectAsync(options.Node, TimeSpan.FromSeconds(10), stop.Token).ConfigureAwait(false);
                if (connected)
                {
                    log.WriteLine($"watch: reconnected to {NewBlockSubscription.WebSocketUri(options.Node)}");
                }
                connected = true;
                backoff = initialBackoff;
                await watch.FollowAsync(subscription, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is WebSocketException or RpcException or IOException or HttpRequestException or System.Text.Json.JsonException)
            {
                log.WriteLine($"watch: {e.Message}; reconnecting in {backoff.TotalSeconds:0.###} s");
                try
                {
                    await Task.Delay(backoff, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
            }
        }
        return 0;
    }

    /// <summary>The mint <c>auction</c>s of <paramref name="owner"/>'s positions in a NewBlock event's tx results.</summary>
    public static List<AuctionSeen> AuctionsIn(JsonNode newBlock, string mint, string owner)
    {
        var found = new List<AuctionSeen>();
        foreach (var tx in newBlock["result_finalize_block"]?["tx_results"]?.AsArray() ?? [])
        {
            if ((tx?["code"]?.ToJsonString() ?? "0") != "0")
            {
                continue;
            }
            foreach (var ev in tx!["events"]?.AsArray() ?? [])
            {
                if (ev?["type"]?.GetValue<string>() != "wasm")
                {
                    continue;
                }
                var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var a in ev["attributes"]?.AsArray() ?? [])
                {
                    if (a?["key"]?.GetValue<string>() is { } k && a["value"]?.GetValue<string>() is { } v)
                    {
                        attributes.TryAdd(k, v);
                    }
                }
                if (attributes.GetValueOrDefault("_contract_address") == mint && attributes.GetValueOrDefault("action") == "auction"
                    && attributes.GetValueOrDefault("owner") == owner && attributes.GetValueOrDefault("position_idx") is { } idx)
                {
                    found.Add(new AuctionSeen(idx, attributes.GetValueOrDefault("liquidated_amount") ?? "", attributes.GetValueOrDefault("return_collateral_amount") ?? ""));
                }
            }
        }
        return found;
    }

    /// <summary>One watcher's loop state: the tracker, the auctions not yet reported, the last height evaluated.</summary>
    private sealed class Watch(RpcClient rpc, MirrorContracts contracts, string owner, MarginTracker tracker, AlertPoster? poster, OutputFormat format, TextWriter output)
    {
        private readonly List<(long Height, AuctionSeen Auction)> _pendingAuctions = [];
        private long _evaluated = -1;

        public MarginTracker Tracker => tracker;

        /// <summary>
        /// Evaluates once now (blocks may have gone unseen before a reconnect), then after every batch of NewBlock
        /// events; returns when the connection fails (throws) or <paramref name="ct"/> is cancelled.
        /// </summary>
        public async Task FollowAsync(NewBlockSubscription subscription, CancellationToken ct)
        {
            var blocks = Channel.CreateUnbounded<JsonNode>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            using var pumpStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var pump = Task.Run(async () =>
            {
                try
                {
                    while (true)
                    {
                        blocks.Writer.TryWrite(await subscription.NextAsync(pumpStop.Token).ConfigureAwait(false));
                    }
                }
                catch (Exception e)
                {
                    blocks.Writer.TryComplete(e);
                }
            }, CancellationToken.None);
            try
            {
                var times = new Dictionary<long, string>();
                long lastReceived = 0;
                var missed = _evaluated >= 0; // a reconnect: blocks since the last evaluation went unseen
                await EvaluateAsync(missed, ct).ConfigureAwait(false);
                while (true)
                {
                    void Take(JsonNode block)
                    {
                        var header = block["block"]?["header"];
                        var height = long.Parse(header?["height"]?.GetValue<string>() ?? "0", NumberStyles.None, CultureInfo.InvariantCulture);
                        if (lastReceived > 0 && height > lastReceived + 1)
                        {
                            missed = true;
                        }
                        lastReceived = Math.Max(lastReceived, height);
                        times[height] = header?["time"]?.GetValue<string>() ?? "";
                        if (height > _evaluated)
                        {
                            _pendingAuctions.AddRange(AuctionsIn(block, contracts.Mint, owner).Select(a => (height, a)));
                        }
                    }

                    Take(await blocks.Reader.ReadAsync(ct).ConfigureAwait(false));
                    while (blocks.Reader.TryRead(out var more))
                    {
                        Take(more);
                    }
                    if (lastReceived <= _evaluated)
                    {
                        continue;
                    }
                    var (positions, height) = await ReadPositionsAsync(ct).ConfigureAwait(false);
                    while (lastReceived < height)
                    {
                        Take(await blocks.Reader.ReadAsync(ct).ConfigureAwait(false)); // this state's own block (and its auctions) is on its way
                    }
                    await ReportAsync(positions, height, times.GetValueOrDefault(height) ?? await BlockTimeAsync(height, ct).ConfigureAwait(false), missed, ct).ConfigureAwait(false);
                    missed = false;
                    foreach (var h in times.Keys.Where(h => h < height).ToList())
                    {
                        times.Remove(h);
                    }
                }
            }
            catch (ChannelClosedException e) when (e.InnerException is { } inner)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            }
            finally
            {
                await pumpStop.CancelAsync().ConfigureAwait(false);
                await pump.ConfigureAwait(false);
            }
        }

        /// <summary>Reads the positions now and reports the changes (the first call reports every position's status).</summary>
        public async Task EvaluateAsync(bool missedBlocks, CancellationToken ct)
        {
            var (positions, height) = await ReadPositionsAsync(ct).ConfigureAwait(false);
            await ReportAsync(positions, height, await BlockTimeAsync(height, ct).ConfigureAwait(false), missedBlocks, ct).ConfigureAwait(false);
        }

        private async Task ReportAsync(List<PositionHealth> positions, long height, string time, bool missedBlocks, CancellationToken ct)
        {
            var auctions = new Dictionary<string, AuctionSeen>(StringComparer.Ordinal);
            foreach (var (h, a) in _pendingAuctions.Where(x => x.Height <= height))
            {
                auctions[a.PositionIdx] = a;
            }
            _pendingAuctions.RemoveAll(x => x.Height <= height);
            _evaluated = height;
            foreach (var alert in tracker.Observe(positions, auctions, missedBlocks, height, time))
            {
                var json = MarginAlertFormat.ToJson(alert);
                output.WriteLine(format == OutputFormat.Json ? json.ToJsonString() : MarginAlertFormat.ToText(alert));
                output.Flush();
                if (poster is not null)
                {
                    await poster.PostAsync(json, ct).ConfigureAwait(false); // bounded by its timeout; a failure is logged
                }
            }
        }

        /// <summary>
        /// The owner's positions as one block's state: the queries are repeated while their answers come from
        /// different heights (a block committed in between), then the newest height is taken.
        /// </summary>
        private async Task<(List<PositionHealth>, long)> ReadPositionsAsync(CancellationToken ct)
        {
            for (var attempt = 1; ; attempt++)
            {
                rpc.ResetQueryHeights();
                var view = await MirrorCommands.PositionsViewAsync(new MirrorChainReader(rpc, contracts), owner, ct).ConfigureAwait(false);
                var (min, max) = rpc.QueryHeights ?? throw new RpcException("the node answered the position queries without a height");
                if (min == max || attempt == ConsistentReadAttempts)
                {
                    return ([.. view["positions"]!.AsArray().Select(p => Health(p!, tracker.Margin))], max);
                }
            }
        }

        private async Task<string> BlockTimeAsync(long height, CancellationToken ct)
        {
            var header = await rpc.CallAsync("header", new JsonObject { ["height"] = height.ToString(CultureInfo.InvariantCulture) }, ct).ConfigureAwait(false);
            return header["header"]?["time"]?.GetValue<string>() ?? "";
        }
    }

    /// <summary>A position view of <c>query mirror positions</c> (MirrorCommands.Describe) as the tracker's input.</summary>
    public static PositionHealth Health(JsonNode view, Decimal margin)
    {
        var ratio = view["collateral_ratio"]?.GetValue<string>() is { } r ? Decimal.Parse(r) : (Decimal?)null;
        var minimum = Decimal.Parse(view["min_collateral_ratio"]!.GetValue<string>());
        var state = MarginBand.Classify(ratio, minimum, margin, view["auctionable"]?.GetValue<bool>() ?? false, view["asset_price"] is not null);
        return new PositionHealth(
            view["idx"]!.GetValue<string>(),
            view["asset"]!["symbol"]!.GetValue<string>(),
            UInt128.Parse(view["asset"]!["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            view["collateral"]!["symbol"]!.GetValue<string>(),
            UInt128.Parse(view["collateral"]!["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            ratio,
            minimum,
            state);
    }
}
