using System.Globalization;
using System.Text;
using System.Text.Json;
using MirrorChain.Contracts.Cw20;
using MirrorChain.Contracts.Mirror.Collector;
using MirrorChain.Contracts.Mirror.Tests.Collector.Fakes;
using MirrorChain.Contracts.Mirror.Tests.Mint.Fakes;
using MirrorChain.Contracts.Testing;
using MirrorChain.Core;
using MirrorChain.Execution.Contracts;
using TerraswapFactory = MirrorChain.Contracts.Terraswap.Factory.FactoryContract;
using TerraswapPair = MirrorChain.Contracts.Terraswap.Pair.PairContract;

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
        App = new ContractTestApp(new ContractRegistry()
            .Register(CodeIds.Cw20Base, new Cw20BaseContract())
            .Register(CodeIds.TerraswapPair, new TerraswapPair())
            .Register(CodeIds.TerraswapFactory, new TerraswapFactory())
            .Register(CodeIds.MirrorCollector, new CollectorContract())
            .Register(CodeIds.MirrorGov, new global::MirrorChain.Contracts.Mirror.Gov.GovContract())
            .Register(FakeGov.CodeId, new FakeGov())
            .Register(Recorder.CodeId, new Recorder())
            .Register(FakeAnchorMarket.CodeId, new FakeAnchorMarket())
            .Register(MockFactoryCodeId, new FakeTerraswapFactory()));
        Factory = App.Instantiate(CodeIds.TerraswapFactory, Owner,
            $"{{\"pair_code_id\":{CodeIds.TerraswapPair},\"token_code_id\":{CodeIds.Cw20Base}}}", label: "terraswap factory");
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

    public Address NewToken(string symbol) => App.Instantiate(CodeIds.Cw20Base, Minter, $$$"""
        {"name":"{{{symbol}}} token","symbol":"{{{symbol}}}","decimals":6,"initial_balances":[],"mint":{"minter":"{{{Minter}}}","cap":null}}
        """, label: symbol);

    public void MintToken(Address token, Address to, UInt128 amount) =>
        App.Execute(Minter, token, $"{{\"mint\":{{\"recipient\":\"{to}\",\"amount\":\"{amount}\"}}}}");

    public UInt128 TokenBalance(Address token, Address holder) =>
        Amount(App.Query(token, $"{{\"balance\":{{\"address\":\"{holder}\"}}}}").GetProperty("balance"));

    public static string Native(string denom) => $"{{\"native_token\":{{\"denom\":\"{denom}\"}}}}";

    public static string TokenInfo(Address token) => $"{{\"token\":{{\"contract_addr\":\"{token}\"}}}}";

    /// <summary>Creates the pair [native denom, token] through the factory and seeds it with the given reserves.</summary>
    public Address TokenPair(Address token, UInt128 tokenReserve, string denom, UInt128 nativeReserve)
    {
        var pair = CreatePair(Native(denom), TokenInfo(token));
        MintToken(token, Lp, tokenReserve);
        App.Mint(Lp, new Coin(denom, nativeReserve));
        App.Execute(Lp, token, $"{{\"increase_allowance\":{{\"spender\":\"{pair}\",\"amount\":\"{tokenReserve}\"}}}}");
        App.Execute(Lp, pair, $$$"""
            {"provide_liquidity":{"assets":[{"info":{{{Native(denom)}}},"amount":"{{{nativeReserve}}}"},{"info":{{{TokenInfo(token)}}},"amount":"{{{tokenReserve}}}"}]}}
            """, [new Coin(denom, nativeReserve)]);
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

    private Address CreatePair(string info0, string info1)
    {
        App.Execute(Addr0, Factory, $"{{\"create_pair\":{{\"asset_infos\":[{info0},{info1}]}}}}");
        var pair = App.Query(Factory, $"{{\"pair\":{{\"asset_infos\":[{info0},{info1}]}}}}");
        return Address.Parse(pair.GetProperty("contract_addr").GetString()!);
    }

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

    public static string Base64(string json) => System.Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    public static UInt128 Amount(JsonElement e) => UInt128.Parse(e.GetString()!, CultureInfo.InvariantCulture);

    public static string Exec(string reason) => reason + ": execute wasm contract failed";
}
