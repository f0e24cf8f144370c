using MirrorChain.Contracts.Mirror.Tests.Collector.Fakes;
using MirrorChain.Contracts.Mirror.Tests.Mint.Fakes;

namespace MirrorChain.Contracts.Mirror.Tests.Collector;

/// <summary>
/// A collector on the real runtime with real cw20-base tokens (MIR, mAAPL, aUST, bLuna, LunaX), the real Terraswap
/// factory and pairs, a <see cref="FakeGov"/> as distribution contract and a <see cref="FakeAnchorMarket"/>.
/// The pools are seeded by the liquidity provider <see cref="Lp"/>.
/// </summary>
internal sealed class CollectorFixture
{
    public const string Uusd = "uusd";
    public const string Uluna = "uluna";
    public const string AnchorRate = "1.2";

    public static readonly Address Owner = TestAddress.Of("owner0000");
    public static readonly Address Addr0 = TestAddress.Of("addr0000");
    public static readonly Address Lp = TestAddress.Of("liquidity0000");
    public static readonly Address Minter = TestAddress.Of("minter0000");

    public CollectorFixture()
    {
        App = new ContractTestApp(TestCodes.Registry((FakeGov.CodeId, new FakeGov()), (Recorder.CodeId, new Recorder()),
            (FakeAnchorMarket.CodeId, new FakeAnchorMarket()), (MockFactoryCodeId, new FakeTerraswapFactory())));
        Factory = App.Instantiate(CodeIds.TerraswapFactory, Owner, InstantiateMsgs.TerraswapFactory(), label: "terraswap factory");
        Mir = NewToken("MIR");
        MAapl = NewToken("mAAPL");
        Aust = NewToken("aUST");
        Bluna = NewToken("bLUNA");
        Lunax = NewToken("LunaX");
        Gov = App.Instantiate(FakeGov.CodeId, Owner, "{}", label: "gov");
        AnchorMarket = App.Instantiate(FakeAnchorMarket.CodeId, Owner, $"{{\"exchange_rate\":\"{AnchorRate}\"}}", label: "anchor market");
        App.Mint(AnchorMarket, new Coin(Uusd, 1_000_000_000_000));
        Collector = Instantiate(Factory);
    }

    public const ulong MockFactoryCodeId = 914;

    public ContractTestApp App { get; }
    public Address Factory { get; }
    public Address Mir { get; }
    public Address MAapl { get; }
    public Address Aust { get; }
    public Address Bluna { get; }
    public Address Lunax { get; }
    public Address Gov { get; }
    public Address AnchorMarket { get; }
    public Address Collector { get; }

    public Address Instantiate(Address factory, Address? mirUstPair = null) =>
        App.Instantiate(CodeIds.MirrorCollector, Addr0, InstantiateJson(factory, mirUstPair), label: "collector");

    public string InstantiateJson(Address factory, Address? mirUstPair = null) => $$$"""
        {"owner":"{{{Owner}}}","distribution_contract":"{{{Gov}}}","terraswap_factory":"{{{factory}}}","mirror_token":"{{{Mir}}}",
         "base_denom":"uusd","aust_token":"{{{Aust}}}","anchor_market":"{{{AnchorMarket}}}","bluna_token":"{{{Bluna}}}",
         "lunax_token":"{{{Lunax}}}","mir_ust_pair":{{{(mirUstPair is null ? "null" : $"\"{mirUstPair}\"")}}}}
        """;

    public Address NewToken(string symbol) =>
        App.Instantiate(CodeIds.Cw20Base, Minter, Cw20Token.InstantiateJson($"{symbol} token", symbol, Minter), label: symbol);

    public void MintToken(Address token, Address to, UInt128 amount) =>
        App.Execute(Minter, token, $"{{\"mint\":{{\"recipient\":\"{to}\",\"amount\":\"{amount}\"}}}}");

    public UInt128 TokenBalance(Address token, Address holder) => Cw20Token.Balance(App, token, holder);

    public static string Native(string denom) => AssetJson.Native(denom);

    public static string TokenInfo(Address token) => AssetJson.Token(token);

    /// <summary>Creates the pair [native denom, token] through the factory and seeds it with the given reserves.</summary>
    public Address TokenPair(Address token, UInt128 tokenReserve, string denom, UInt128 nativeReserve)
    {
        var pair = CreatePair(Native(denom), TokenInfo(token));
        MintToken(token, Lp, tokenReserve);
        TerraswapPools.Provide(App, Lp, pair, denom, nativeReserve, token, tokenReserve);
        return pair;
    }

    /// <summary>Creates the native pair [uluna, uusd] through the factory and seeds it.</summary>
    public Address LunaUstPair(UInt128 lunaReserve, UInt128 ustReserve)
    {
        var pair = CreatePair(Native(Uluna), Native(Uusd));
        App.Mint(Lp, new Coin(Uluna, lunaReserve), new Coin(Uusd, ustReserve));
        App.Execute(Lp, pair, $$$"""
            {"provide_liquidity":{"assets":[{"info":{{{Native(Uluna)}}},"amount":"{{{lunaReserve}}}"},{"info":{{{Native(Uusd)}}},"amount":"{{{ustReserve}}}"}]}}
            """, [new Coin(Uluna, lunaReserve), new Coin(Uusd, ustReserve)]);
        return pair;
    }

    private Address CreatePair(string info0, string info1) => TerraswapPools.Create(App, Factory, Addr0, info0, info1).Pair;

    /// <summary>The pair's reserve of <paramref name="info"/> (its <c>pool</c> answer).</summary>
    public UInt128 Reserve(Address pair, string info)
    {
        using var wanted = JsonDocument.Parse(info);
        foreach (var asset in App.Query(pair, "{\"pool\":{}}").GetProperty("assets").EnumerateArray())
        {
            if (asset.GetProperty("info").GetRawText() == wanted.RootElement.GetRawText())
            {
                return Amount(asset.GetProperty("amount"));
            }
        }
        throw new InvalidOperationException("asset not in pool");
    }

    public AppResponse Convert(Address token, Address? sender = null) =>
        App.Execute(sender ?? Addr0, Collector, $"{{\"convert\":{{\"asset_token\":\"{token}\"}}}}");

    public AppResponse Distribute(Address? sender = null) => App.Execute(sender ?? Addr0, Collector, "{\"distribute\":{}}");

    public AppResponse LunaSwapHook(Address? sender = null) => App.Execute(sender ?? Addr0, Collector, "{\"luna_swap_hook\":{}}");

    public List<FakeGov.Deposit> GovDeposits() =>
        JsonSerializer.Deserialize<List<FakeGov.Deposit>>(App.Query(Gov, "{\"deposits\":{}}").GetRawText(), ContractJson.Options)!;

    public static List<Recorder.Record> Records(ContractTestApp app, Address contract) =>
        JsonSerializer.Deserialize<List<Recorder.Record>>(app.Query(contract, "{\"records\":{}}").GetRawText(), ContractJson.Options)!;

    /// <summary>The wasm attributes emitted by <paramref name="contract"/> in this response, in order.</summary>
    public static List<(string Key, string Value)> AttributesOf(AppResponse response, Address contract) =>
        response.Events.Where(e => e.Type == "wasm" && e.Attributes.Count > 0 && e.Attributes[0].Value == contract.ToString())
            .SelectMany(e => e.Attributes.Skip(1)).Select(a => (a.Key, a.Value)).ToList();

    public static string Base64(string json) => Cw20Token.Base64(json);

    public static UInt128 Amount(JsonElement e) => UInt128.Parse(e.GetString()!, CultureInfo.InvariantCulture);

}
