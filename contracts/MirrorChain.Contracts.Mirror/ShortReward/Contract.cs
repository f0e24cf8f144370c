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

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg) => ExecuteRoutes.Dispatch(deps, env, info, msg);

    /// <summary><c>enum ExecuteMsg {}</c>: an empty table; serde accepts no input ("unknown variant …, there are no variants").</summary>
    internal static readonly MessageRoutes<ExecuteHandler> ExecuteRoutes = new(ExecuteMsgType);

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => QueryRoutes.Dispatch(deps, env, msg);

    /// <summary>The <c>QueryMsg</c> variants, in the Rust enum's declaration order.</summary>
    internal static readonly MessageRoutes<QueryHandler> QueryRoutes = new(QueryMsgType,
        ("short_reward_weight", (deps, env, body) => ContractJson.Serialize(new ShortRewardWeightResponse(
            ErfMath.ShortRewardWeight(ContractJson.Deserialize<ShortRewardWeightQuery>(body, QueryMsgType).PremiumRate)))));
}
