using System.Text.Json;
using MirrorChain.Contracts.Cw20;
using MirrorChain.Contracts.Terraswap;
using MirrorChain.Core;

namespace MirrorChain.Contracts.Mirror.Collector;

/// <summary>
/// mirror_collector v2.1.4 (= HEAD; collector crate 2.1.3): receives the mint's protocol fees and turns them into MIR
/// for gov. <c>convert</c> sells a fee token for base_denom (or redeems aUST, or sells bLuna/LunaX for uluna) and, for
/// the MIR token, buys MIR with the whole base_denom balance; <c>distribute</c> sends the whole MIR balance to gov's
/// <c>deposit_reward</c>. Everything but update_config is permissionless. See <see cref="Swap"/> for the routes.
/// </summary>
public sealed partial class CollectorContract : IContract
{
    private const string ExecuteMsgType = "mirror_protocol::collector::ExecuteMsg";
    private const string QueryMsgType = "mirror_protocol::collector::QueryMsg";

    public string Name => "mirror_collector";

    /// <summary>Stores the config; every address is validated (canonicalised in Rust); nothing else is checked.</summary>
    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var m = ContractJson.Deserialize<InstantiateMsg>(msg, "mirror_protocol::collector::InstantiateMsg");
        var mirUstPair = m.MirUstPair is null ? null : Addr(deps, m.MirUstPair);
        CollectorState.Config.Save(deps.Storage, new Config
        {
            Owner = Addr(deps, m.Owner),
            DistributionContract = Addr(deps, m.DistributionContract),
            TerraswapFactory = Addr(deps, m.TerraswapFactory),
            MirrorToken = Addr(deps, m.MirrorToken),
            BaseDenom = m.BaseDenom,
            AustToken = Addr(deps, m.AustToken),
            AnchorMarket = Addr(deps, m.AnchorMarket),
            BlunaToken = Addr(deps, m.BlunaToken),
            LunaxToken = Addr(deps, m.LunaxToken),
            MirUstPair = mirUstPair,
        });
        return new Response();
    }

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg) => ExecuteRoutes.Dispatch(deps, env, info, msg);

    /// <summary>The <c>ExecuteMsg</c> variants, in the Rust enum's declaration order.</summary>
    internal static readonly MessageRoutes<ExecuteHandler> ExecuteRoutes = new(ExecuteMsgType,
        ("update_config", (deps, env, info, body) => UpdateConfig(deps, info, ContractJson.Deserialize<UpdateConfigMsg>(body, ExecuteMsgType))),
        ("convert", (deps, env, info, body) => Convert(deps, env, deps.Api.AddrValidate(ContractJson.Deserialize<ConvertMsg>(body, ExecuteMsgType).AssetToken))),
        ("distribute", (deps, env, info, body) => Distribute(deps, env)),
        ("luna_swap_hook", (deps, env, info, body) => LunaSwapHook(deps, env)));

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => QueryRoutes.Dispatch(deps, env, msg);

    /// <summary>The <c>QueryMsg</c> variants, in the Rust enum's declaration order.</summary>
    internal static readonly MessageRoutes<QueryHandler> QueryRoutes = new(QueryMsgType,
        ("config", (deps, env, body) => ContractJson.Serialize(QueryConfig(deps))));

    /// <summary>
    /// Owner only ("Unauthorized"). Each given field replaces the stored one (addresses validated); mir_ust_pair, once
    /// set, switches the MIR swap to that pair. Attribute action=update_config.
    /// </summary>
    private static Response UpdateConfig(Deps deps, MessageInfo info, UpdateConfigMsg msg)
    {
        var config = CollectorState.Config.Load(deps.Storage);
        if (info.Sender.ToString() != config.Owner)
        {
            throw CollectorErrors.Unauthorized();
        }
        config = config with
        {
            Owner = msg.Owner is null ? config.Owner : Addr(deps, msg.Owner),
            DistributionContract = msg.DistributionContract is null ? config.DistributionContract : Addr(deps, msg.DistributionContract),
            TerraswapFactory = msg.TerraswapFactory is null ? config.TerraswapFactory : Addr(deps, msg.TerraswapFactory),
            MirrorToken = msg.MirrorToken is null ? config.MirrorToken : Addr(deps, msg.MirrorToken),
            BaseDenom = msg.BaseDenom ?? config.BaseDenom,
            AustToken = msg.AustToken is null ? config.AustToken : Addr(deps, msg.AustToken),
            AnchorMarket = msg.AnchorMarket is null ? config.AnchorMarket : Addr(deps, msg.AnchorMarket),
            BlunaToken = msg.BlunaToken is null ? config.BlunaToken : Addr(deps, msg.BlunaToken),
            MirUstPair = msg.MirUstPair is null ? config.MirUstPair : Addr(deps, msg.MirUstPair),
            LunaxToken = msg.LunaxToken is null ? config.LunaxToken : Addr(deps, msg.LunaxToken),
        };
        CollectorState.Config.Save(deps.Storage, config);
        return new Response().AddAttribute("action", "update_config");
    }

    /// <summary>
    /// Anyone: a MIR cw20 <c>send</c> of the collector's whole MIR balance to the distribution contract (gov) with the
    /// hook <c>{"deposit_reward":{}}</c>. No zero check: with no MIR the send of 0 is refused by the token
    /// ("Invalid zero amount"), as on Terra. Attributes action=distribute, amount.
    /// </summary>
    private static Response Distribute(Deps deps, Env env)
    {
        var config = CollectorState.Config.Load(deps.Storage);
        var mirrorToken = Address.Parse(config.MirrorToken);
        var amount = TerraswapQuerier.QueryTokenBalance(deps.Querier, mirrorToken, env.ContractAddress);
        return new Response()
            .AddMessage(Cw20Messages.Send(mirrorToken, Address.Parse(config.DistributionContract), amount, Gov.GovMessages.DepositRewardHook()))
            .AddAttribute("action", "distribute")
            .AddAttribute("amount", amount);
    }

    private static ConfigResponse QueryConfig(QueryDeps deps)
    {
        var c = CollectorState.Config.Load(deps.Storage);
        return new ConfigResponse(c.Owner, c.DistributionContract, c.TerraswapFactory, c.MirrorToken, c.BaseDenom,
            c.AustToken, c.AnchorMarket, c.BlunaToken, c.LunaxToken, c.MirUstPair);
    }

    private static string Addr(Deps deps, string human) => deps.Api.AddrValidate(human).ToString();
}
