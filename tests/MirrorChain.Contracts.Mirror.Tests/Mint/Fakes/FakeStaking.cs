namespace MirrorChain.Contracts.Mirror.Tests.Mint.Fakes;

/// <summary>
/// Stand-in for mirror_staking's short side: <c>increase_short_token</c> / <c>decrease_short_token</c> (mint only,
/// "unauthorized" otherwise) keep a per-(asset, staker) short amount; query <c>short_amount{asset_token, staker_addr}</c>.
/// </summary>
internal sealed class FakeStaking : IContract
{
    public string Name => "mirror_staking";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        Fake.Set(deps.Storage, "mint", Fake.Str(msg, "mint_contract"));
        return new Response();
    }

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var (name, body) = ContractJson.Variant(msg, "staking");
        if (name == "set_mint")
        {
            Fake.Set(deps.Storage, "mint", Fake.Str(body, "mint_contract"));
            return new Response();
        }
        if (info.Sender.ToString() != Fake.Get(deps.Storage, "mint"))
        {
            throw ContractException.Generic("unauthorized");
        }
        var key = "short:" + Fake.Str(body, "asset_token") + ":" + Fake.Str(body, "staker_addr");
        var amount = Fake.U128(body, "amount");
        var current = Fake.GetU128(deps.Storage, key);
        Fake.SetU128(deps.Storage, key, name switch
        {
            "increase_short_token" => current + amount,
            "decrease_short_token" => checked(current - amount),
            _ => throw ContractException.Generic("unknown " + name),
        });
        return new Response().AddAttributes(("action", name), ("staker_addr", Fake.Str(body, "staker_addr")),
            ("asset_token", Fake.Str(body, "asset_token")), ("amount", Fake.Fmt(amount)));
    }

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg)
    {
        var (_, body) = ContractJson.Variant(msg, "staking");
        var key = "short:" + Fake.Str(body, "asset_token") + ":" + Fake.Str(body, "staker_addr");
        return Fake.Json(new { amount = Fake.GetU128(deps.Storage, key) });
    }
}
