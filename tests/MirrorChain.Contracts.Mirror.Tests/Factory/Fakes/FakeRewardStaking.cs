using MirrorChain.Contracts.Mirror.Tests.Mint.Fakes;

namespace MirrorChain.Contracts.Mirror.Tests.Factory.Fakes;

/// <summary>
/// Stand-in for mirror_staking's factory-facing side (the real one is being written): <c>register_asset {asset_token,
/// staking_token}</c> (owner only, "Asset was already registered") and the MIR cw20 hook <c>deposit_reward {rewards}</c>
/// (sender must be the MIR token; Σ rewards must equal the amount, "rewards amount miss matched"; unknown assets fail).
/// Query <c>pool_info {asset_token}</c> → {asset_token, staking_token, total_reward}.
/// </summary>
internal sealed class FakeRewardStaking : IContract
{
    public string Name => "mirror_staking";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        Fake.Set(deps.Storage, "owner", Fake.Str(msg, "owner"));
        Fake.Set(deps.Storage, "mirror_token", Fake.Str(msg, "mirror_token"));
        return new Response();
    }

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var (name, body) = ContractJson.Variant(msg, "staking");
        switch (name)
        {
            case "register_asset":
            {
                if (info.Sender.ToString() != Fake.Get(deps.Storage, "owner"))
                {
                    throw ContractException.Generic("unauthorized");
                }
                var asset = Fake.Str(body, "asset_token");
                if (Fake.Get(deps.Storage, "pool:" + asset) is not null)
                {
                    throw ContractException.Generic("Asset was already registered");
                }
                Fake.Set(deps.Storage, "pool:" + asset, Fake.Str(body, "staking_token"));
                return new Response().AddAttributes(("action", "register_asset"), ("asset_token", asset));
            }
            case "receive":
            {
                if (info.Sender.ToString() != Fake.Get(deps.Storage, "mirror_token"))
                {
                    throw ContractException.Generic("unauthorized");
                }
                var amount = Fake.U128(body, "amount");
                using var hook = JsonDocument.Parse(Convert.FromBase64String(Fake.Str(body, "msg")));
                var total = UInt128.Zero;
                foreach (var reward in hook.RootElement.GetProperty("deposit_reward").GetProperty("rewards").EnumerateArray())
                {
                    var asset = reward[0].GetString()!;
                    var value = UInt128.Parse(reward[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                    if (Fake.Get(deps.Storage, "pool:" + asset) is null)
                    {
                        throw ContractException.NotFound("mirror_staking::state::PoolInfo");
                    }
                    Fake.SetU128(deps.Storage, "reward:" + asset, Fake.GetU128(deps.Storage, "reward:" + asset) + value);
                    total += value;
                }
                if (total != amount)
                {
                    throw ContractException.Generic("rewards amount miss matched");
                }
                return new Response().AddAttributes(("action", "deposit_reward"), ("rewards_amount", Fake.Fmt(amount)));
            }
            default:
                throw ContractException.Generic("unknown " + name);
        }
    }

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg)
    {
        var (_, body) = ContractJson.Variant(msg, "staking");
        var asset = Fake.Str(body, "asset_token");
        var stakingToken = Fake.Get(deps.Storage, "pool:" + asset) ?? throw ContractException.NotFound("mirror_staking::state::PoolInfo");
        return Fake.Json(new { asset_token = asset, staking_token = stakingToken, total_reward = Fake.GetU128(deps.Storage, "reward:" + asset) });
    }
}
