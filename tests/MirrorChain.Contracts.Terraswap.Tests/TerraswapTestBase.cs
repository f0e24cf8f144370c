using System.Globalization;
using System.Text.Json;
using MirrorChain.Contracts.Cw20;
using MirrorChain.Contracts.Terraswap.Factory;
using MirrorChain.Contracts.Terraswap.Pair;

namespace MirrorChain.Contracts.Terraswap.Tests;

/// <summary>
/// cw20-base (code 1), terraswap_pair (code 2), terraswap_factory (code 3) and a fake token, all through the real
/// runtime; shorthands for the pair's messages as a client writes them.
/// </summary>
public abstract class TerraswapTestBase
{
    protected const string Uusd = "uusd";
    protected const string Uluna = "uluna";

    protected static readonly Address Creator = TestAddress.Of("creator");
    protected static readonly Address Alice = TestAddress.Of("alice");
    protected static readonly Address Bob = TestAddress.Of("bob");
    protected static readonly Address Carol = TestAddress.Of("carol");

    /// <summary>Every account that may hold anything in these tests (for supply conservation checks).</summary>
    protected static readonly Address[] Users = [Creator, Alice, Bob, Carol];

    protected ContractTestApp App { get; } = new(new ContractRegistry()
        .Register(CodeIds.Cw20Base, new Cw20BaseContract())
        .Register(CodeIds.TerraswapPair, new PairContract())
        .Register(CodeIds.TerraswapFactory, new FactoryContract())
        .Register(FakeTokenContract.CodeId, new FakeTokenContract()));

    // ---- asset JSON ----

    protected static string Native(string denom) => $$"""{"native_token":{"denom":"{{denom}}"} }""";

    protected static string Token(Address token) => $$"""{"token":{"contract_addr":"{{token}}"} }""";

    protected static string AssetJson(string info, UInt128 amount) => $$"""{"info":{{info}},"amount":"{{amount}}"}""";

    // ---- deployment ----

    /// <summary>A cw20-base token with the given balances (minter: Creator).</summary>
    protected Address NewToken(string symbol, params (Address Holder, UInt128 Amount)[] balances)
    {
        var rows = string.Join(",", balances.Select(b => $$"""{"address":"{{b.Holder}}","amount":"{{b.Amount}}"}"""));
        return App.Instantiate(CodeIds.Cw20Base, Creator,
            $$"""{"name":"{{symbol}} Token","symbol":"{{symbol}}","decimals":6,"initial_balances":[{{rows}}],"mint":{"minter":"{{Creator}}","cap":null} }""",
            label: symbol);
    }

    /// <summary>A pair instantiated directly (as v2.4's tests do), with its LP token from the pair query.</summary>
    protected (Address Pair, Address Lp) NewPair(string info0, string info1)
    {
        var pair = App.Instantiate(CodeIds.TerraswapPair, Creator, $$"""{"asset_infos":[{{info0}},{{info1}}],"token_code_id":{{CodeIds.Cw20Base}} }""", label: "pair");
        var lp = Address.Parse(App.Query(pair, """{"pair":{}}""").GetProperty("liquidity_token").GetString()!);
        return (pair, lp);
    }

    protected Address NewFactory() =>
        App.Instantiate(CodeIds.TerraswapFactory, Creator, $$"""{"pair_code_id":{{CodeIds.TerraswapPair}},"token_code_id":{{CodeIds.Cw20Base}} }""", label: "factory");

    // ---- pair calls ----

    /// <summary>
    /// provide_liquidity: approves each token deposit for the pair first (increase_allowance), then sends the native
    /// deposits as funds. Deposits are (asset info JSON, amount) in the order written into the message.
    /// </summary>
    protected AppResponse Provide(Address user, Address pair, (string Info, UInt128 Amount) first, (string Info, UInt128 Amount) second,
        string? slippage = null, Address? receiver = null, IReadOnlyList<Coin>? funds = null)
    {
        var coins = new List<Coin>();
        foreach (var (info, amount) in new[] { first, second })
        {
            using var doc = JsonDocument.Parse(info);
            if (doc.RootElement.TryGetProperty("token", out var token))
            {
                var tokenAddr = Address.Parse(token.GetProperty("contract_addr").GetString()!);
                App.Execute(user, tokenAddr, $$"""{"increase_allowance":{"spender":"{{pair}}","amount":"{{amount}}"} }""");
            }
            else if (amount > 0)
            {
                coins.Add(new Coin(doc.RootElement.GetProperty("native_token").GetProperty("denom").GetString()!, amount));
            }
        }
        var extra = (slippage is null ? "" : $",\"slippage_tolerance\":\"{slippage}\"") + (receiver is null ? "" : $",\"receiver\":\"{receiver}\"");
        return App.Execute(user, pair,
            $$"""{"provide_liquidity":{"assets":[{{AssetJson(first.Info, first.Amount)}},{{AssetJson(second.Info, second.Amount)}}]{{extra}} } }""",
            funds ?? coins.OrderBy(c => c.Denom, StringComparer.Ordinal).ToList());
    }

    /// <summary>A native swap (offer sent as funds).</summary>
    protected AppResponse SwapNative(Address user, Address pair, string denom, UInt128 amount, string? beliefPrice = null, string? maxSpread = null, Address? to = null) =>
        App.Execute(user, pair, $$"""{"swap":{"offer_asset":{{AssetJson(Native(denom), amount)}} {{SwapOptions(beliefPrice, maxSpread, to)}} } }""", [new Coin(denom, amount)]);

    /// <summary>A token swap: cw20 <c>send</c> to the pair with the <c>swap</c> hook.</summary>
    protected AppResponse SwapToken(Address user, Address token, Address pair, UInt128 amount, string? beliefPrice = null, string? maxSpread = null, Address? to = null) =>
        Send(user, token, pair, amount, $$"""{"swap":{ {{SwapOptions(beliefPrice, maxSpread, to).TrimStart(',')}} } }""");

    /// <summary>withdraw_liquidity: cw20 <c>send</c> of LP tokens to the pair with the hook.</summary>
    protected AppResponse Withdraw(Address user, Address lp, Address pair, UInt128 amount) =>
        Send(user, lp, pair, amount, """{"withdraw_liquidity":{}}""");

    protected AppResponse Send(Address user, Address token, Address contract, UInt128 amount, string hookJson) =>
        App.Execute(user, token, $$"""{"send":{"contract":"{{contract}}","amount":"{{amount}}","msg":"{{Convert.ToBase64String(Encoding.UTF8.GetBytes(hookJson))}}"} }""");

    protected void TransferToken(Address from, Address token, Address to, UInt128 amount) =>
        App.Execute(from, token, $$"""{"transfer":{"recipient":"{{to}}","amount":"{{amount}}"} }""");

    private static string SwapOptions(string? beliefPrice, string? maxSpread, Address? to) =>
        (beliefPrice is null ? "" : $",\"belief_price\":\"{beliefPrice}\"")
        + (maxSpread is null ? "" : $",\"max_spread\":\"{maxSpread}\"")
        + (to is null ? "" : $",\"to\":\"{to}\"");

    // ---- queries ----

    protected UInt128 TokenBalance(Address token, Address holder) =>
        Amount(App.Query(token, $$"""{"balance":{"address":"{{holder}}"} }""").GetProperty("balance"));

    protected UInt128 Supply(Address token) => Amount(App.Query(token, """{"token_info":{}}""").GetProperty("total_supply"));

    /// <summary>The pair's <c>pool</c> answer: (asset 0 amount, asset 1 amount, total share).</summary>
    protected (UInt128 Pool0, UInt128 Pool1, UInt128 TotalShare) Pool(Address pair)
    {
        var pool = App.Query(pair, """{"pool":{}}""");
        var assets = pool.GetProperty("assets");
        return (Amount(assets[0].GetProperty("amount")), Amount(assets[1].GetProperty("amount")), Amount(pool.GetProperty("total_share")));
    }

    protected (UInt128 Return, UInt128 Spread, UInt128 Commission) Simulate(Address pair, string info, UInt128 amount)
    {
        var r = App.Query(pair, $$"""{"simulation":{"offer_asset":{{AssetJson(info, amount)}} } }""");
        return (Amount(r.GetProperty("return_amount")), Amount(r.GetProperty("spread_amount")), Amount(r.GetProperty("commission_amount")));
    }

    protected (UInt128 Offer, UInt128 Spread, UInt128 Commission) ReverseSimulate(Address pair, string info, UInt128 amount)
    {
        var r = App.Query(pair, $$"""{"reverse_simulation":{"ask_asset":{{AssetJson(info, amount)}} } }""");
        return (Amount(r.GetProperty("offer_amount")), Amount(r.GetProperty("spread_amount")), Amount(r.GetProperty("commission_amount")));
    }

    // ---- errors ----

    protected SdkException Fails(Action action) => Assert.Throws<SdkException>(action);

    protected static string Exec(string reason) => reason + ": execute wasm contract failed";

    protected static string QueryFailed(string reason) => reason + ": query wasm contract failed";

    protected static string Panic(string message) => Exec($"Error executing Wasm: Aborted: panicked at '{message}'");

    protected static UInt128 Amount(JsonElement e) => UInt128.Parse(e.GetString()!, CultureInfo.InvariantCulture);

    protected static UInt128 U(string digits) => UInt128.Parse(digits.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
}
