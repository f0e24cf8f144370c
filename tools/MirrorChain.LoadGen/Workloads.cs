using System.Globalization;
using System.Text;
using MirrorChain.Core;
using MirrorChain.Tx.Messages;

namespace MirrorChain.LoadGen;

/// <summary>
/// The workloads of a mix. Each one prepares (unmeasured setup rounds that must all commit with code 0) and returns
/// the measured round's plans; tx i of a round comes from sender i of <see cref="LoadSession.TakeSenders"/>, so the
/// senders are distinct while the round is not bigger than the pool. Canonical order = <see cref="All"/> (auction
/// last: its price move would make the other CDP workloads' positions unsafe).
/// </summary>
internal static class Workloads
{
    public const string Bank = "bank";
    public const string Swap = "swap";
    public const string ProvideLiquidity = "provide_liquidity";
    public const string OpenPosition = "open_position";
    public const string Deposit = "deposit";
    public const string FeedPrice = "feed_price";
    public const string Auction = "auction";

    public static readonly IReadOnlyList<string> All = [Bank, Swap, ProvideLiquidity, OpenPosition, Deposit, FeedPrice, Auction];

    // Gas limits: about 1.5x the most gas one such tx used on a fresh bench chain (bank 40k, swap 67k, provide 105k,
    // open_position 105k, deposit 61k, feed_price 78k, auction 122k; tools/bench prints "max gas used" on a failure,
    // the load generator with each round). Realistic limits matter: a block holds at most max_gas (1e9) of limits.
    public const ulong SwapGas = 100_000;
    public const ulong SwapAndAllowanceGas = 200_000;
    public const ulong ProvideGas = 160_000;
    public const ulong OpenPositionGas = 160_000;
    public const ulong DepositGas = 100_000;
    public const ulong FeedGas = 120_000;
    public const ulong AuctionGas = 200_000;

    /// <summary>Each swap offers 1 UST.</summary>
    public static readonly UInt128 SwapUusd = 1_000_000;

    /// <summary>Liquidity setup: each provider first buys 20 UST of the mAsset, then provides about 8 UST of it plus the UST to match.</summary>
    public static readonly UInt128 ProviderBuyUusd = 20_000_000;
    public static readonly UInt128 ProvideUusdWorth = 8_000_000;

    /// <summary>Collateral of every opened position: 1000 UST.</summary>
    public static readonly UInt128 CollateralUusd = 1_000_000_000;

    /// <summary>Each deposit adds 100 UST.</summary>
    public static readonly UInt128 DepositUusd = 100_000_000;

    /// <summary>Positions for open_position and deposit: 200% (min 150%).</summary>
    public const string SafeRatio = "2";

    /// <summary>Positions to be auctioned: 155%, then the price rises by <see cref="AuctionPriceMoveBasisPoints"/> (→ ~141%, under 150%).</summary>
    public const string AuctionRatio = "1.55";
    public const int AuctionPriceMoveBasisPoints = 1000;

    /// <summary>"swap,open_position" → the names in canonical order; "" or "all" → every workload.</summary>
    /// <exception cref="FormatException">An unknown name.</exception>
    public static IReadOnlyList<string> ParseMix(string text)
    {
        if (text.Length == 0 || text == "all")
        {
            return All;
        }
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var n in names)
        {
            if (!All.Contains(n))
            {
                throw new FormatException($"--mix: unknown workload '{n}' (known: {string.Join(", ", All)}, or all)");
            }
        }
        return [.. All.Where(names.Contains)];
    }

    /// <summary>Runs the workload's setup and returns the plans of its measured round of <paramref name="txs"/> txs.</summary>
    public static async Task<IReadOnlyList<TxPlan>> PrepareAsync(string workload, LoadSession s, int txs, Address recipient, CancellationToken ct)
    {
        switch (workload)
        {
            case Bank:
                return [.. s.TakeSenders(txs).Select(a => TxPresigner.BankSend(a, recipient))];
            case Swap:
            {
                var d = s.Deployment;
                return [.. s.TakeSenders(txs).Select((a, i) => SwapPlan(a, d.Assets[i % d.Assets.Count], SwapUusd, SwapGas))];
            }
            case ProvideLiquidity:
                return await PrepareProvideAsync(s, txs, ct).ConfigureAwait(false);
            case OpenPosition:
            {
                await s.FeedAsync(0, ct).ConfigureAwait(false);
                var d = s.Deployment;
                return [.. s.TakeSenders(txs).Select((a, i) => OpenPositionPlan(a, d, d.Assets[i % d.Assets.Count], SafeRatio))];
            }
            case Deposit:
                return await PrepareDepositAsync(s, txs, ct).ConfigureAwait(false);
            case FeedPrice:
            {
                var feeder = await s.FeederAsync(ct).ConfigureAwait(false);
                var prices = await s.PricesAsync(ct).ConfigureAwait(false);
                return [.. Enumerable.Range(0, txs).Select(i => FeedPlan(s, feeder, prices, i % 2))];
            }
            case Auction:
                return await PrepareAuctionAsync(s, txs, ct).ConfigureAwait(false);
            default:
                throw new FormatException($"unknown workload '{workload}'");
        }
    }

    private static async Task<IReadOnlyList<TxPlan>> PrepareProvideAsync(LoadSession s, int txs, CancellationToken ct)
    {
        var d = s.Deployment;
        var senders = s.TakeSenders(txs);
        // setup: each provider buys the mAsset and lets the pair pull it (one tx, two messages)
        var setup = senders.Select((a, i) =>
        {
            var asset = d.Assets[i % d.Assets.Count];
            return new TxPlan(a,
            [
                Execute(a, asset.Pair, MirrorMsgs.Swap(ProviderBuyUusd, "0.5"), new Coin(MirrorMsgs.BaseDenom, ProviderBuyUusd)),
                Execute(a, asset.Token, MirrorMsgs.IncreaseAllowance(asset.Pair, UInt128.MaxValue / 2)),
            ], SwapAndAllowanceGas);
        }).ToList();
        await s.SetupAsync("buy the mAsset and approve the pair", setup, keepEvents: false, ct).ConfigureAwait(false);
        var pools = new Dictionary<Address, (UInt128 Token, UInt128 Uusd)>();
        foreach (var asset in d.Assets)
        {
            pools[asset.Token] = await ContractQueries.PoolAsync(s.ReadRpc, asset.Pair, ct).ConfigureAwait(false);
        }
        return [.. senders.Select((a, i) =>
        {
            var asset = d.Assets[i % d.Assets.Count];
            var (tokenReserve, uusdReserve) = pools[asset.Token];
            var (tokenAmount, uusd) = ProvideAmounts(tokenReserve, uusdReserve, ProvideUusdWorth);
            return new TxPlan(a, [Execute(a, asset.Pair, MirrorMsgs.ProvideLiquidity(asset.Token, tokenAmount, uusd, "0.02"), new Coin(MirrorMsgs.BaseDenom, uusd))], ProvideGas);
        })];
    }

    /// <summary>
    /// About <paramref name="uusdWorth"/> of the token at the pool's ratio, and the UST that matches it (rounded up),
    /// so the deposit keeps the pool's ratio.
    /// </summary>
    public static (UInt128 Token, UInt128 Uusd) ProvideAmounts(UInt128 tokenReserve, UInt128 uusdReserve, UInt128 uusdWorth)
    {
        if (tokenReserve == 0 || uusdReserve == 0)
        {
            throw new SetupFailedException("a pool is empty");
        }
        var token = UInt128.Max(1, uusdWorth * tokenReserve / uusdReserve);
        return (token, (token * uusdReserve + tokenReserve - 1) / tokenReserve);
    }

    private static async Task<IReadOnlyList<TxPlan>> PrepareDepositAsync(LoadSession s, int txs, CancellationToken ct)
    {
        var d = s.Deployment;
        var senders = s.TakeSenders(txs);
        var open = senders.Select((a, i) => OpenPositionPlan(a, d, d.Assets[i % d.Assets.Count], SafeRatio)).ToList();
        var outcomes = await s.SetupAsync("open a position per deposit", open, keepEvents: true, ct, c => s.FeedAsync(0, c)).ConfigureAwait(false);
        var idx = PositionIndexes(outcomes);
        return [.. senders.Select((a, i) => new TxPlan(a,
            [Execute(a, d.Mint, MirrorMsgs.Deposit(idx[i], MirrorMsgs.BaseDenom, DepositUusd), new Coin(MirrorMsgs.BaseDenom, DepositUusd))], DepositGas))];
    }

    private static async Task<IReadOnlyList<TxPlan>> PrepareAuctionAsync(LoadSession s, int txs, CancellationToken ct)
    {
        var d = s.Deployment;
        var senders = s.TakeSenders(txs);
        // tx i and tx i^1 use the same mAsset: each buyer liquidates its neighbour's position with what it minted itself
        var open = senders.Select((a, i) => OpenPositionPlan(a, d, d.Assets[i / 2 % d.Assets.Count], AuctionRatio)).ToList();
        var outcomes = await s.SetupAsync("open a position near the minimum ratio per auction", open, keepEvents: true, ct, c => s.FeedAsync(0, c)).ConfigureAwait(false);
        var idx = PositionIndexes(outcomes);
        var before = new Dictionary<Address, long>(await s.PricesAsync(ct).ConfigureAwait(false));
        await s.FeedAsync(AuctionPriceMoveBasisPoints, ct).ConfigureAwait(false);
        return [.. senders.Select((a, i) =>
        {
            var asset = d.Assets[i / 2 % d.Assets.Count];
            var target = AuctionTarget(i, txs);
            var amount = AuctionAmount(CollateralUusd, before[asset.Token]);
            return new TxPlan(a, [Execute(a, asset.Token, MirrorMsgs.Cw20Send(d.Mint, amount, MirrorMsgs.AuctionHook(idx[target])))], AuctionGas);
        })];
    }

    /// <summary>The position (by setup tx index) that auction tx <paramref name="i"/> liquidates: its pair neighbour i xor 1 (itself when it has none).</summary>
    public static int AuctionTarget(int i, int count) => (i ^ 1) < count ? i ^ 1 : i;

    /// <summary>
    /// mAsset each buyer sends: the value of a 16th of the collateral at the price the positions were opened at, about
    /// a tenth of what a 155% position of that collateral minted (so the buyer holds it and the debt covers it).
    /// </summary>
    public static UInt128 AuctionAmount(UInt128 collateralUusd, long openPriceMicros) =>
        collateralUusd * 1_000_000 / ((UInt128)openPriceMicros * 16);

    private static UInt128[] PositionIndexes(TxOutcome[] outcomes) => [.. outcomes.Select((o, i) =>
        o.WasmAttribute("position_idx") is { } text ? UInt128.Parse(text, CultureInfo.InvariantCulture)
            : throw new SetupFailedException($"open_position setup tx {i} has no position_idx attribute"))];

    public static TxPlan SwapPlan(SenderAccount a, MAsset asset, UInt128 uusd, ulong gas) =>
        new(a, [Execute(a, asset.Pair, MirrorMsgs.Swap(uusd, "0.5"), new Coin(MirrorMsgs.BaseDenom, uusd))], gas);

    public static TxPlan OpenPositionPlan(SenderAccount a, MirrorDeployment d, MAsset asset, string ratio) =>
        new(a, [Execute(a, d.Mint, MirrorMsgs.OpenPosition(MirrorMsgs.BaseDenom, CollateralUusd, asset.Token, ratio), new Coin(MirrorMsgs.BaseDenom, CollateralUusd))], OpenPositionGas);

    /// <summary>A feed of every mAsset at the given prices, each plus <paramref name="jitterMicros"/> (so consecutive feeds differ).</summary>
    public static TxPlan FeedPlan(LoadSession s, SenderAccount feeder, IReadOnlyDictionary<Address, long> prices, int jitterMicros) =>
        new(feeder, [Execute(feeder, s.Deployment.Oracle, MirrorMsgs.FeedPrice(s.Deployment.Assets.Select(a => (a.Token, prices[a.Token] + jitterMicros))))], FeedGas);

    public static MsgExecuteContract Execute(SenderAccount sender, Address contract, string json, params Coin[] funds) =>
        new(sender.Address, contract, Encoding.UTF8.GetBytes(json), funds);
}
