using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MirrorChain.Core;
using MirrorChain.Crypto;
using MirrorChain.Execution;
using MirrorChain.Tx;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Cli;

/// <summary>
/// mirrorchain feeder: the devnet's oracle feeder. Every interval it moves each mAsset's price by a random step of
/// at most ±<c>step</c> basis points and posts all prices in one <c>feed_price</c> tx signed by the feeder key
/// (test1 on the devnet) — only while Nasdaq is open unless <c>--always</c>. Prices start from the oracle's
/// current price, or from a built-in table when an asset was never fed.
/// </summary>
public static class FeederCommand
{
    /// <summary>Starting prices in uusd for the devnet's genesis mAssets; others start at 100.</summary>
    public static readonly IReadOnlyDictionary<string, long> StartingPrices = new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["mAAPL"] = 150_000_000, ["mTSLA"] = 670_000_000, ["mGOOGL"] = 2_300_000_000, ["mNFLX"] = 500_000_000, ["mMSFT"] = 250_000_000,
    };

    public sealed record Options(string Node, string From, TimeSpan Interval, bool Always, int StepBasisPoints, bool Once, int Seed);

    public static async Task<int> RunAsync(HomeLayout home, Options options, TextWriter output, CancellationToken ct)
    {
        var (oracle, assets) = ContractsFile.LoadForFeeder(home.Contracts);
        if (assets.Count == 0)
        {
            output.WriteLine("error: contracts.json lists no mAssets to feed");
            return 2;
        }
        var key = new Keyring(home.Keyring).Get(options.From);
        var signer = key.ToPrivateKey();
        using var rpc = new RpcClient(options.Node);
        var chainId = (await rpc.CallAsync("status", [], ct).ConfigureAwait(false))["node_info"]!["network"]!.GetValue<string>();
        var prices = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (symbol, token) in assets)
        {
            prices[symbol] = await CurrentPriceAsync(rpc, oracle, token, ct).ConfigureAwait(false) is > 0 and var p ? p : StartingPrices.GetValueOrDefault(symbol, 100_000_000);
        }
        var random = new Random(options.Seed);
        output.WriteLine($"feeder: {assets.Count} assets, oracle {oracle}, feeder {key.Name} ({key.Address}), every {DurationParser.Format(options.Interval)}{(options.Always ? ", always" : ", Nasdaq hours only")}");
        output.Flush();
        ulong? sequence = null;
        ulong accountNumber = 0;
        while (!ct.IsCancellationRequested)
        {
            if (options.Always || NasdaqHours.IsOpen(DateTimeOffset.UtcNow))
            {
                foreach (var (symbol, _) in assets)
                {
                    prices[symbol] = Step(prices[symbol], random, options.StepBasisPoints);
                }
                if (sequence is null)
                {
                    (accountNumber, var seq) = await TxCommands.QueryAccountAsync(rpc, key.Address, ct).ConfigureAwait(false);
                    sequence = seq;
                }
                var msg = FeedPriceMsg(assets.Select(a => (a.Token, prices[a.Symbol])));
                var tx = TxBuilder.Sign(new TxSpec
                {
                    Messages = [new MsgExecuteContract(key.Address, oracle, Encoding.UTF8.GetBytes(msg), [])],
                    Fee = [new Coin("uluna", GasPrice.Parse("0.015uluna").RequiredFee(FeedGas))],
                    GasLimit = FeedGas,
                    ChainId = chainId,
                    AccountNumber = accountNumber,
                    Sequence = sequence.Value,
                }, signer);
                var answer = await rpc.CallAsync("broadcast_tx_sync", new JsonObject { ["tx"] = Convert.ToBase64String(tx.TxBytes) }, ct).ConfigureAwait(false);
                var code = answer["code"]?.GetValue<long>() ?? 0;
                if (code == 0)
                {
                    sequence++;
                    output.WriteLine($"fed {string.Join(", ", assets.Select(a => $"{a.Symbol} {FormatPrice(prices[a.Symbol])}"))}  tx {tx.HashHex}");
                }
                else
                {
                    sequence = null; // re-read the account next time (e.g. after a sequence mismatch)
                    output.WriteLine($"feed rejected (code {code}): {answer["log"]}");
                }
                output.Flush();
                if (options.Once)
                {
                    return code == 0 ? 0 : 1;
                }
            }
            else if (options.Once)
            {
                output.WriteLine("Nasdaq is closed; nothing fed (use --always)");
                return 0;
            }
            try
            {
                await Task.Delay(options.Interval, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return 0;
    }

    /// <summary>Gas limit of one feed tx (about 1–2 gas units per byte of state touched; generous for ~10 assets).</summary>
    public const ulong FeedGas = 400_000;

    /// <summary>The v2.1.4 oracle message: <c>{"feed_price":{"prices":[["terra1…","670.5"],…]}}</c>.</summary>
    public static string FeedPriceMsg(IEnumerable<(Address Token, long MicroPrice)> prices) =>
        "{\"feed_price\":{\"prices\":[" + string.Join(',', prices.Select(p => $"[\"{p.Token}\",\"{FormatPrice(p.MicroPrice)}\"]")) + "]}}";

    /// <summary>One random-walk step in integer micro-units: ± up to <paramref name="bps"/> basis points, never below 1 micro.</summary>
    public static long Step(long microPrice, Random random, int bps)
    {
        var change = microPrice * random.Next(-bps, bps + 1) / 10_000;
        return Math.Max(1, microPrice + change);
    }

    /// <summary>Micro-units as a CosmWasm decimal string: 670500000 → "670.5".</summary>
    public static string FormatPrice(long micro)
    {
        var whole = micro / 1_000_000;
        var frac = (micro % 1_000_000).ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0');
        return frac.Length == 0 ? whole.ToString(CultureInfo.InvariantCulture) : $"{whole.ToString(CultureInfo.InvariantCulture)}.{frac}";
    }

    private static async Task<long> CurrentPriceAsync(RpcClient rpc, Address oracle, Address token, CancellationToken ct)
    {
        try
        {
            var request = new Tx.Proto.Cosmwasm.Wasm.V1.QuerySmartContractStateRequest
            {
                Address = oracle.ToString(),
                QueryData = Google.Protobuf.ByteString.CopyFromUtf8($"{{\"price\":{{\"base_asset\":\"{token}\",\"quote_asset\":\"uusd\"}}}}"),
            };
            var value = await rpc.QueryAsync("/cosmwasm.wasm.v1.Query/SmartContractState", Google.Protobuf.MessageExtensions.ToByteArray(request), ct).ConfigureAwait(false);
            var answer = JsonNode.Parse(Tx.Proto.Cosmwasm.Wasm.V1.QuerySmartContractStateResponse.Parser.ParseFrom(value).Data.ToStringUtf8())!;
            var rate = MirrorChain.Core.Numerics.Decimal.Parse(answer["rate"]!.GetValue<string>());
            return (long)MirrorChain.Core.Numerics.Decimal.Mul(1_000_000, rate);
        }
        catch (RpcException)
        {
            return 0;
        }
    }
}
