namespace MirrorChain.Contracts.Mirror.Tests.Mint.Fakes;

/// <summary>
/// Stand-in for the Terraswap factory's <c>pair{asset_infos}</c> query: pairs are registered by the test with
/// <c>register_pair{asset_infos, pair}</c>; an unknown pair errors like the factory's NotFound.
/// </summary>
internal sealed class FakeTerraswapFactory : IContract
{
    public string Name => "terraswap_factory";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg) => new();

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var (_, body) = ContractJson.Variant(msg, "factory");
        Fake.Set(deps.Storage, Key(body.GetProperty("asset_infos")), Fake.Str(body, "pair"));
        return new Response();
    }

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg)
    {
        var (_, body) = ContractJson.Variant(msg, "factory");
        var infos = body.GetProperty("asset_infos");
        var pair = Fake.Get(deps.Storage, Key(infos)) ?? throw ContractException.NotFound("terraswap::asset::PairInfoRaw");
        return Encoding.UTF8.GetBytes($"{{\"asset_infos\":{infos.GetRawText()},\"contract_addr\":\"{pair}\",\"liquidity_token\":\"{pair}\"}}");
    }

    private static string Key(JsonElement infos) =>
        "pair:" + string.Join("|", infos.EnumerateArray().Select(i => i.GetRawText()).Order(StringComparer.Ordinal));
}

/// <summary>
/// Stand-in for a Terraswap pair's cw20 <c>swap</c> hook: pays ⌊amount × price⌋ of the native denom (price and denom
/// fixed at instantiate) from its own balance to <c>to</c>, echoing belief_price / max_spread as attributes.
/// </summary>
internal sealed class FakePair : IContract
{
    public string Name => "terraswap_pair";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        Fake.Set(deps.Storage, "price", Fake.Str(msg, "price"));
        Fake.Set(deps.Storage, "denom", Fake.Str(msg, "denom"));
        return new Response();
    }

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var (_, body) = ContractJson.Variant(msg, "pair");
        var amount = Fake.U128(body, "amount");
        using var hook = JsonDocument.Parse(Convert.FromBase64String(Fake.Str(body, "msg")));
        var swap = hook.RootElement.GetProperty("swap");
        var to = swap.TryGetProperty("to", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : Fake.Str(body, "sender");
        var price = Decimal.Parse(Fake.Get(deps.Storage, "price")!);
        var returned = Decimal.Mul(amount, price);
        return new Response()
            .AddMessage(new BankSend(Address.Parse(to), [new Coin(Fake.Get(deps.Storage, "denom")!, returned)]))
            .AddAttributes(("action", "swap"), ("offer_amount", Fake.Fmt(amount)), ("return_amount", Fake.Fmt(returned)),
                ("receiver", to), ("belief_price", swap.GetProperty("belief_price").GetRawText()),
                ("max_spread", swap.GetProperty("max_spread").GetRawText()));
    }

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => throw ContractException.Generic("no queries");
}
