using System.Text.Json;

namespace MirrorChain.Contracts.Mirror.ShortReward;

/// <summary>
/// mirror_short_reward v2.1.4: a stateless calculator staking queries for the share of each asset's MIR rewards
/// that goes to short (sLP) stakers, from the asset's premium. Instantiate takes <c>{}</c>; ExecuteMsg has no
/// variants, so every execute fails to parse; there is no migrate entry point in v2.1.4.
/// </summary>
public sealed class ShortRewardContract : IContract
{
    private const string ExecuteMsgType = "mirror_protocol::short_reward::ExecuteMsg";
    private const string QueryMsgType = "mirror_protocol::short_reward::QueryMsg";

    public string Name => "mirror_short_reward";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        if (msg.ValueKind != JsonValueKind.Object)
        {
            throw ContractException.Parse("mirror_protocol::short_reward::InstantiateMsg", $"invalid type: {msg.ValueKind}, expected struct InstantiateMsg");
        }
        return new Response();
    }

    /// <summary><c>enum ExecuteMsg {}</c>: serde accepts no input ("unknown variant …, there are no variants").</summary>
    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var (name, _) = ContractJson.Variant(msg, ExecuteMsgType);
        throw ContractException.Parse(ExecuteMsgType, $"unknown variant `{name}`, there are no variants");
    }

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg)
    {
        var (name, body) = ContractJson.Variant(msg, QueryMsgType);
        return name switch
        {
            "short_reward_weight" => ContractJson.Serialize(new ShortRewardWeightResponse(
                ErfMath.ShortRewardWeight(ContractJson.Deserialize<ShortRewardWeightQuery>(body, QueryMsgType).PremiumRate))),
            _ => throw ContractJson.UnknownVariant(QueryMsgType, name, "short_reward_weight"),
        };
    }
}
