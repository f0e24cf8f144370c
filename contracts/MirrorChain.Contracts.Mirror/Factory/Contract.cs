using System.Text.Json;
using MirrorChain.Core;
using MirrorChain.Core.Numerics;

namespace MirrorChain.Contracts.Mirror.Factory;

/// <summary>
/// mirror_factory v2.1.4: whitelists mAssets (token, mint and oracle registration, Terraswap pair, staking pool),
/// emits MIR to the staking pools by weight, and delists (revoke / migrate). The factory owns mint, oracle and
/// staking, and gov owns the factory. This file: entry points and the owner operations; whitelisting and the two
/// replies are in <c>Whitelist.cs</c>, delisting in <c>Delisting.cs</c>, the emission in <c>Distribute.cs</c>.
/// </summary>
public sealed partial class MirrorFactoryContract : IContract
{
    private const string ExecuteMsgType = "mirror_protocol::factory::ExecuteMsg";
    private const string QueryMsgType = "mirror_protocol::factory::QueryMsg";

    /// <summary>The MIR-UST pool's weight, set by post_initialize.</summary>
    public const uint MirrorTokenWeight = 300;

    /// <summary>The weight of a whitelisted mAsset whose params carry none.</summary>
    public const uint NormalTokenWeight = 30;

    public string Name => "mirror_factory";

    /// <summary>Every address starts empty; genesis_time = last_distributed = now; total_weight 0.</summary>
    public Response Instantiate(Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var m = ContractJson.Deserialize<InstantiateMsg>(msg, "mirror_protocol::factory::InstantiateMsg");
        FactoryState.Config.Save(deps.Storage, new Config
        {
            Owner = "",
            MirrorToken = "",
            MintContract = "",
            OracleContract = "",
            TerraswapFactory = "",
            StakingContract = "",
            CommissionCollector = "",
            TokenCodeId = m.TokenCodeId,
            BaseDenom = m.BaseDenom,
            GenesisTime = env.Block.TimeSeconds,
            DistributionSchedule = m.DistributionSchedule,
        });
        FactoryState.TotalWeight.Save(deps.Storage, 0);
        FactoryState.LastDistributed.Save(deps.Storage, env.Block.TimeSeconds);
        return new Response();
    }

    public Response Execute(Deps deps, Env env, MessageInfo info, JsonElement msg) => ExecuteRoutes.Dispatch(deps, env, info, msg);

    /// <summary>The <c>ExecuteMsg</c> variants, in the Rust enum's declaration order.</summary>
    internal static readonly MessageRoutes<ExecuteHandler> ExecuteRoutes = new(ExecuteMsgType,
        ("post_initialize", (deps, env, info, body) => PostInitialize(deps, Parse<PostInitializeMsg>(body))),
        ("update_config", (deps, env, info, body) => UpdateConfig(deps, info.Sender.ToString(), Parse<UpdateConfigMsg>(body))),
        ("update_weight", (deps, env, info, body) => UpdateWeight(deps, info.Sender.ToString(), Parse<UpdateWeightMsg>(body))),
        ("whitelist", (deps, env, info, body) => Whitelist(deps, info.Sender.ToString(), Parse<WhitelistMsg>(body))),
        ("pass_command", (deps, env, info, body) => PassCommand(deps, info.Sender.ToString(), Parse<PassCommandMsg>(body))),
        ("revoke_asset", (deps, env, info, body) => RevokeAsset(deps, info.Sender.ToString(), Parse<RevokeAssetMsg>(body))),
        ("migrate_asset", (deps, env, info, body) => MigrateAsset(deps, info.Sender.ToString(), Parse<MigrateAssetMsg>(body))),
        ("distribute", (deps, env, info, body) => Distribute(deps, env)));

    public byte[] Query(QueryDeps deps, Env env, JsonElement msg) => QueryRoutes.Dispatch(deps, env, msg);

    /// <summary>The <c>QueryMsg</c> variants, in the Rust enum's declaration order.</summary>
    internal static readonly MessageRoutes<QueryHandler> QueryRoutes = new(QueryMsgType,
        ("config", (deps, env, body) => ContractJson.Serialize(QueryConfig(deps))),
        ("distribution_info", (deps, env, body) =>
            ContractJson.Serialize(new DistributionInfoResponse(FactoryState.AllWeights(deps.Storage), FactoryState.LastDistributed.Load(deps.Storage)))));

    /// <summary>
    /// Anyone, but only while no owner is set ("unauthorized" afterwards). Stores the addresses, gives MIR the weight
    /// 300 and registers the MIR-UST LP token in staking (the pair must already exist in the Terraswap factory).
    /// </summary>
    private static Response PostInitialize(Deps deps, PostInitializeMsg m)
    {
        var config = FactoryState.Config.Load(deps.Storage);
        if (config.Owner != "")
        {
            throw FactoryErrors.Unauthorized();
        }
        config = config with
        {
            Owner = Addr(deps, m.Owner),
            MirrorToken = Addr(deps, m.MirrorToken),
            MintContract = Addr(deps, m.MintContract),
            OracleContract = Addr(deps, m.OracleContract),
            TerraswapFactory = Addr(deps, m.TerraswapFactory),
            StakingContract = Addr(deps, m.StakingContract),
            CommissionCollector = Addr(deps, m.CommissionCollector),
        };
        FactoryState.Config.Save(deps.Storage, config);
        FactoryState.SaveWeight(deps.Storage, config.MirrorToken, MirrorTokenWeight);
        FactoryState.IncreaseTotalWeight(deps.Storage, MirrorTokenWeight);
        return TerraswapCreationHook(deps, config, config.MirrorToken);
    }

    /// <summary>Owner only; each given field replaces the stored one. Attribute action=update_config.</summary>
    private static Response UpdateConfig(Deps deps, string sender, UpdateConfigMsg m)
    {
        var config = LoadOwned(deps, sender);
        config = config with
        {
            Owner = m.Owner is null ? config.Owner : Addr(deps, m.Owner),
            DistributionSchedule = m.DistributionSchedule ?? config.DistributionSchedule,
            TokenCodeId = m.TokenCodeId ?? config.TokenCodeId,
        };
        FactoryState.Config.Save(deps.Storage, config);
        return new Response().AddAttribute("action", "update_config");
    }

    /// <summary>
    /// Owner only; the asset must have a weight ("No distribution info stored"); total_weight = total + new − old
    /// (u32, left to right).
    /// </summary>
    private static Response UpdateWeight(Deps deps, string sender, UpdateWeightMsg m)
    {
        LoadOwned(deps, sender);
        var asset = Addr(deps, m.AssetToken);
        var old = FactoryState.LoadWeight(deps.Storage, asset);
        FactoryState.SaveWeight(deps.Storage, asset, m.Weight);
        FactoryState.IncreaseTotalWeight(deps.Storage, m.Weight);
        FactoryState.DecreaseTotalWeight(deps.Storage, old);
        return new Response()
            .AddAttribute("action", "update_weight")
            .AddAttribute("asset_token", m.AssetToken)
            .AddAttribute("weight", m.Weight.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Owner only: forwards <c>msg</c> to <c>contract_addr</c> with no funds (how gov drives the owned contracts).</summary>
    private static Response PassCommand(Deps deps, string sender, PassCommandMsg m)
    {
        LoadOwned(deps, sender);
        byte[] payload;
        try
        {
            payload = Convert.FromBase64String(m.Msg);
        }
        catch (FormatException e)
        {
            throw ContractException.Parse(ExecuteMsgType, "invalid base64: " + e.Message);
        }
        return new Response().AddMessage(new WasmExecute(deps.Api.AddrValidate(m.ContractAddr), payload, []));
    }

    private static ConfigResponse QueryConfig(QueryDeps deps)
    {
        var c = FactoryState.Config.Load(deps.Storage);
        return new ConfigResponse(c.Owner, c.MirrorToken, c.MintContract, c.StakingContract, c.CommissionCollector, c.OracleContract,
            c.TerraswapFactory, c.TokenCodeId, c.BaseDenom, c.GenesisTime, c.DistributionSchedule);
    }

    /// <summary>The config, after checking that <paramref name="sender"/> is the owner ("unauthorized").</summary>
    private static Config LoadOwned(Deps deps, string sender)
    {
        var config = FactoryState.Config.Load(deps.Storage);
        return sender == config.Owner ? config : throw FactoryErrors.Unauthorized();
    }

    private static T Parse<T>(JsonElement body) => ContractJson.Deserialize<T>(body, ExecuteMsgType);

    private static string Addr(QueryDeps deps, string human) => deps.Api.AddrValidate(human).ToString();

    /// <summary>Rust's u64 <c>+</c>.</summary>
    private static ulong AddU64(ulong a, ulong b) => a > ulong.MaxValue - b ? throw new PanicException("attempt to add with overflow") : a + b;

    /// <summary>Rust's u64 <c>-</c>.</summary>
    private static ulong SubU64(ulong a, ulong b) => a < b ? throw new PanicException("attempt to subtract with overflow") : a - b;
}
