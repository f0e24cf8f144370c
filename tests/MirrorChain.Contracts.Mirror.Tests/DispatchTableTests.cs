using System.Text.Json;
using MirrorChain.Contracts.Mirror.AdminManager;
using MirrorChain.Contracts.Mirror.CollateralOracle;
using MirrorChain.Contracts.Mirror.Collector;
using MirrorChain.Contracts.Mirror.Community;
using MirrorChain.Contracts.Mirror.Factory;
using MirrorChain.Contracts.Mirror.Gov;
using MirrorChain.Contracts.Mirror.Lock;
using MirrorChain.Contracts.Mirror.Mint;
using MirrorChain.Contracts.Mirror.Oracle;
using MirrorChain.Contracts.Mirror.ShortReward;
using MirrorChain.Contracts.Mirror.Staking;
using MirrorChain.Execution.Contracts;

namespace MirrorChain.Contracts.Mirror.Tests;

/// <summary>
/// Each Mirror contract's dispatch tables hold the variants of its Rust message enums (Mirror v2.1.4
/// contracts/mirror_protocol/src/*.rs) in declaration order, and the unknown-variant error serde gives for an execute
/// or query message lists exactly those names in that order.
/// </summary>
public sealed class DispatchTableTests
{
    private static readonly JsonElement Unknown = JsonDocument.Parse("{\"no_such_variant\":{}}").RootElement.Clone();

    public static TheoryData<string, string[]> ExecuteEnums => new()
    {
        { "mirror_oracle", ["update_config", "register_asset", "feed_price"] },
        { "mirror_collateral_oracle", ["update_config", "register_collateral_asset", "revoke_collateral_asset", "update_collateral_price_source", "update_collateral_multiplier"] },
        { "mirror_mint", ["receive", "update_config", "update_asset", "register_asset", "register_migration", "trigger_i_p_o", "open_position", "deposit", "withdraw", "mint"] },
        { "mirror_lock", ["update_config", "lock_position_funds_hook", "unlock_position_funds", "release_position_funds"] },
        { "mirror_staking", ["receive", "update_config", "register_asset", "deprecate_staking_token", "unbond", "withdraw", "auto_stake", "auto_stake_hook", "adjust_premium", "increase_short_token", "decrease_short_token"] },
        { "mirror_short_reward", [] },
        { "mirror_factory", ["post_initialize", "update_config", "update_weight", "whitelist", "pass_command", "revoke_asset", "migrate_asset", "distribute"] },
        { "mirror_gov", ["receive", "update_config", "cast_vote", "withdraw_voting_tokens", "withdraw_voting_rewards", "stake_voting_rewards", "end_poll", "execute_poll", "snapshot_poll"] },
        { "mirror_collector", ["update_config", "convert", "distribute", "luna_swap_hook"] },
        { "mirror_community", ["update_config", "spend"] },
        { "mirror_admin_manager", ["update_owner", "execute_migrations", "authorize_claim", "claim_admin"] },
    };

    public static TheoryData<string, string[]> QueryEnums => new()
    {
        { "mirror_oracle", ["config", "feeder", "price", "prices"] },
        { "mirror_collateral_oracle", ["config", "collateral_price", "collateral_asset_info", "collateral_asset_infos"] },
        { "mirror_mint", ["config", "asset_config", "position", "positions", "next_position_idx"] },
        { "mirror_lock", ["config", "position_lock_info"] },
        { "mirror_staking", ["config", "pool_info", "reward_info"] },
        { "mirror_short_reward", ["short_reward_weight"] },
        { "mirror_factory", ["config", "distribution_info"] },
        { "mirror_gov", ["config", "state", "staker", "poll", "polls", "voter", "voters", "shares"] },
        { "mirror_collector", ["config"] },
        { "mirror_community", ["config"] },
        { "mirror_admin_manager", ["config", "migration_records", "auth_records"] },
    };

    [Theory]
    [MemberData(nameof(ExecuteEnums))]
    public void Execute_table_lists_the_enum_variants_in_declaration_order(string contract, string[] variants)
    {
        var (_, routes, _) = Tables(contract);
        Assert.Equal($"mirror_protocol::{contract["mirror_".Length..]}::ExecuteMsg", routes.TypeName);
        Assert.Equal(variants, routes.Names);
    }

    [Theory]
    [MemberData(nameof(QueryEnums))]
    public void Query_table_lists_the_enum_variants_in_declaration_order(string contract, string[] variants)
    {
        var (_, _, routes) = Tables(contract);
        Assert.Equal($"mirror_protocol::{contract["mirror_".Length..]}::QueryMsg", routes.TypeName);
        Assert.Equal(variants, routes.Names);
    }

    [Theory]
    [MemberData(nameof(ExecuteEnums))]
    public void Unknown_execute_variant_names_every_table_entry_in_order(string contract, string[] variants)
    {
        var (code, _, _) = Tables(contract);
        var e = Assert.Throws<ContractException>(() => code.Execute(null!, null!, null!, Unknown));
        Assert.Equal(UnknownVariantText($"mirror_protocol::{contract["mirror_".Length..]}::ExecuteMsg", variants), e.Message);
    }

    [Theory]
    [MemberData(nameof(QueryEnums))]
    public void Unknown_query_variant_names_every_table_entry_in_order(string contract, string[] variants)
    {
        var (code, _, _) = Tables(contract);
        var e = Assert.Throws<ContractException>(() => code.Query(null!, null!, Unknown));
        Assert.Equal(UnknownVariantText($"mirror_protocol::{contract["mirror_".Length..]}::QueryMsg", variants), e.Message);
    }

    [Fact]
    public void Cw20_hook_tables_list_the_hook_enum_variants_in_declaration_order()
    {
        Assert.Equal(["open_position", "deposit", "burn", "auction"], MintContract.HookRoutes.Names);
        Assert.Equal(["bond", "deposit_reward"], StakingContract.HookRoutes.Names);
        Assert.Equal(["stake_voting_tokens", "create_poll", "deposit_reward"], GovContract.HookRoutes.Names);
    }

    private static string UnknownVariantText(string typeName, string[] variants) => variants.Length == 0
        ? $"Error parsing into type {typeName}: unknown variant `no_such_variant`, there are no variants"
        : $"Error parsing into type {typeName}: unknown variant `no_such_variant`, expected one of {string.Join(", ", variants.Select(v => $"`{v}`"))}";

    private static (IContract Code, MessageRoutes<ExecuteHandler> Execute, MessageRoutes<QueryHandler> Query) Tables(string contract) => contract switch
    {
        "mirror_oracle" => (new OracleContract(), OracleContract.ExecuteRoutes, OracleContract.QueryRoutes),
        "mirror_collateral_oracle" => (new CollateralOracleContract(), CollateralOracleContract.ExecuteRoutes, CollateralOracleContract.QueryRoutes),
        "mirror_mint" => (new MintContract(), MintContract.ExecuteRoutes, MintContract.QueryRoutes),
        "mirror_lock" => (new LockContract(), LockContract.ExecuteRoutes, LockContract.QueryRoutes),
        "mirror_staking" => (new StakingContract(), StakingContract.ExecuteRoutes, StakingContract.QueryRoutes),
        "mirror_short_reward" => (new ShortRewardContract(), ShortRewardContract.ExecuteRoutes, ShortRewardContract.QueryRoutes),
        "mirror_factory" => (new MirrorFactoryContract(), MirrorFactoryContract.ExecuteRoutes, MirrorFactoryContract.QueryRoutes),
        "mirror_gov" => (new GovContract(), GovContract.ExecuteRoutes, GovContract.QueryRoutes),
        "mirror_collector" => (new CollectorContract(), CollectorContract.ExecuteRoutes, CollectorContract.QueryRoutes),
        "mirror_community" => (new CommunityContract(), CommunityContract.ExecuteRoutes, CommunityContract.QueryRoutes),
        "mirror_admin_manager" => (new AdminManagerContract(), AdminManagerContract.ExecuteRoutes, AdminManagerContract.QueryRoutes),
        _ => throw new ArgumentOutOfRangeException(nameof(contract), contract, null),
    };
}
