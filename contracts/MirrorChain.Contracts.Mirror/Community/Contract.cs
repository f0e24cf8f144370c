using System.Text.Json;
using MirrorChain.Contracts.Cw20;
using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.Community;

/// <summary>
/// mirror_community v2.1.4 (= HEAD): the community pool. It holds MIR, and its owner (gov) spends up to
/// <c>spend_limit</c> per <c>spend</c> by a MIR transfer.
/// </summary>
public sealed class CommunityContract : IContract
{
    private const string ExecuteMsgType = "mirror_protocol::community::ExecuteMsg";
    private const string QueryMsgType = "mirror_protocol::community::QueryMsg";

    public string Name => "mirror_community";

    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var m = ContractJson.Deserialize<InstantiateMsg>(msg, "mirror_protocol::community::InstantiateMsg");
        CommunityState.Config.Save(deps.Storage, new Config
        {
            Owner = deps.Api.AddrValidate(m.Owner).ToString(),
            MirrorToken = deps.Api.AddrValidate(m.MirrorToken).ToString(),
            SpendLimit = m.SpendLimit,
        });
        return new Response();
    }

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg) => ExecuteRoutes.Dispatch(deps, env, info, msg);

    /// <summary>The <c>ExecuteMsg</c> variants, in the Rust enum's declaration order.</summary>
    internal static readonly MessageRoutes<ExecuteHandler> ExecuteRoutes = new(ExecuteMsgType,
        ("update_config", (deps, env, info, body) => UpdateConfig(deps, info, ContractJson.Deserialize<UpdateConfigMsg>(body, ExecuteMsgType))),
        ("spend", (deps, env, info, body) => Spend(deps, info, ContractJson.Deserialize<SpendMsg>(body, ExecuteMsgType))));

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => QueryRoutes.Dispatch(deps, env, msg);

    /// <summary>The <c>QueryMsg</c> variants, in the Rust enum's declaration order.</summary>
    internal static readonly MessageRoutes<QueryHandler> QueryRoutes = new(QueryMsgType,
        ("config", (deps, env, body) => ContractJson.Serialize(QueryConfig(deps))));

    /// <summary>Owner only ("unauthorized"); a new owner is validated. Attribute action=update_config.</summary>
    private static Response UpdateConfig(Deps deps, MessageInfo info, UpdateConfigMsg msg)
    {
        var config = CommunityState.Config.Load(deps.Storage);
        if (info.Sender.ToString() != config.Owner)
        {
            throw CommunityErrors.Unauthorized();
        }
        config = config with
        {
            Owner = msg.Owner is null ? config.Owner : deps.Api.AddrValidate(msg.Owner).ToString(),
            SpendLimit = msg.SpendLimit ?? config.SpendLimit,
        };
        CommunityState.Config.Save(deps.Storage, config);
        return new Response().AddAttribute("action", "update_config");
    }

    /// <summary>
    /// Owner only ("unauthorized"), then amount &gt; spend_limit gives "Cannot spend more than spend_limit" (equal is
    /// allowed). A MIR <c>transfer {recipient, amount}</c>; the recipient is not validated here (the token does).
    /// Attributes action=spend, recipient, amount.
    /// </summary>
    private static Response Spend(Deps deps, MessageInfo info, SpendMsg msg)
    {
        var config = CommunityState.Config.Load(deps.Storage);
        if (info.Sender.ToString() != config.Owner)
        {
            throw CommunityErrors.Unauthorized();
        }
        if (config.SpendLimit < msg.Amount)
        {
            throw CommunityErrors.SpendLimitExceeded();
        }
        var transfer = Cw20Messages.Transfer(Address.Parse(config.MirrorToken), msg.Recipient, msg.Amount);
        return new Response()
            .AddMessage(transfer)
            .AddAttributes(("action", "spend"), ("recipient", msg.Recipient), ("amount", msg.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static ConfigResponse QueryConfig(QueryDeps deps)
    {
        var c = CommunityState.Config.Load(deps.Storage);
        return new ConfigResponse(c.Owner, c.MirrorToken, c.SpendLimit);
    }
}
