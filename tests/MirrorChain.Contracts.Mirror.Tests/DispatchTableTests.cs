using System.Reflection;

namespace MirrorChain.Contracts.Mirror.Tests;

/// <summary>
/// Every registered contract code dispatches through one ordered table per entry point, whose names are the
/// variants of the Rust message enum in declaration order (Mirror v2.1.4 contracts/mirror_protocol/src/*.rs,
/// terraswap v2.4 packages/terraswap/src/{pair,factory}.rs, cw20-base 0.8 src/msg.rs), and the unknown-variant error
/// serde gives lists exactly those names in that order.
/// </summary>
public sealed class DispatchTableTests
{
    private static readonly JsonElement Unknown = JsonDocument.Parse("{\"no_such_variant\":{}}").RootElement.Clone();

    public static TheoryData<string, string, string[]> Enums => new()
    {
        { "cw20_base", "Execute", ["transfer", "burn", "send", "mint", "increase_allowance", "decrease_allowance", "transfer_from", "send_from", "burn_from"] },
        { "cw20_base", "Query", ["balance", "token_info", "minter", "allowance", "all_allowances", "all_accounts"] },
        { "terraswap_pair", "Execute", ["receive", "provide_liquidity", "swap"] },
        { "terraswap_pair", "Query", ["pair", "pool", "simulation", "reverse_simulation"] },
        { "terraswap_factory", "Execute", ["update_config", "create_pair"] },
        { "terraswap_factory", "Query", ["config", "pair", "pairs"] },
        { "mirror_oracle", "Execute", ["update_config", "register_asset", "feed_price"] },
        { "mirror_oracle", "Query", ["config", "feeder", "price", "prices"] },
        { "mirror_collateral_oracle", "Execute", ["update_config", "register_collateral_asset", "revoke_collateral_asset", "update_collateral_price_source", "update_collateral_multiplier"] },
        { "mirror_collateral_oracle", "Query", ["config", "collateral_price", "collateral_asset_info", "collateral_asset_infos"] },
        { "mirror_mint", "Execute", ["receive", "update_config", "update_asset", "register_asset", "register_migration", "trigger_i_p_o", "open_position", "deposit", "withdraw", "mint"] },
        { "mirror_mint", "Query", ["config", "asset_config", "position", "positions", "next_position_idx"] },
        { "mirror_lock", "Execute", ["update_config", "lock_position_funds_hook", "unlock_position_funds", "release_position_funds"] },
        { "mirror_lock", "Query", ["config", "position_lock_info"] },
        { "mirror_staking", "Execute", ["receive", "update_config", "register_asset", "deprecate_staking_token", "unbond", "withdraw", "auto_stake", "auto_stake_hook", "adjust_premium", "increase_short_token", "decrease_short_token"] },
        { "mirror_staking", "Query", ["config", "pool_info", "reward_info"] },
        { "mirror_short_reward", "Execute", [] },
        { "mirror_short_reward", "Query", ["short_reward_weight"] },
        { "mirror_factory", "Execute", ["post_initialize", "update_config", "update_weight", "whitelist", "pass_command", "revoke_asset", "migrate_asset", "distribute"] },
        { "mirror_factory", "Query", ["config", "distribution_info"] },
        { "mirror_gov", "Execute", ["receive", "update_config", "cast_vote", "withdraw_voting_tokens", "withdraw_voting_rewards", "stake_voting_rewards", "end_poll", "execute_poll", "snapshot_poll"] },
        { "mirror_gov", "Query", ["config", "state", "staker", "poll", "polls", "voter", "voters", "shares"] },
        { "mirror_collector", "Execute", ["update_config", "convert", "distribute", "luna_swap_hook"] },
        { "mirror_collector", "Query", ["config"] },
        { "mirror_community", "Execute", ["update_config", "spend"] },
        { "mirror_community", "Query", ["config"] },
        { "mirror_admin_manager", "Execute", ["update_owner", "execute_migrations", "authorize_claim", "claim_admin"] },
        { "mirror_admin_manager", "Query", ["config", "migration_records", "auth_records"] },
    };

    [Fact]
    public void Every_registered_code_has_an_execute_and_a_query_table_and_all_are_pinned_here()
    {
        var names = MirrorCodes.All().Select(c => c.Value.Name).Order(StringComparer.Ordinal).ToList();
        var pinned = Enums.Select(row => (string)row[0]).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, pinned);
        Assert.All(names, name =>
        {
            Assert.NotEmpty(Table(name, "Execute").TypeName);
            Assert.NotEmpty(Table(name, "Query").TypeName);
        });
    }

    [Theory]
    [MemberData(nameof(Enums))]
    public void Table_lists_the_enum_variants_in_declaration_order(string contract, string entryPoint, string[] variants)
    {
        var (typeName, names) = Table(contract, entryPoint);
        Assert.Equal(Code(contract).MessageTypeName(entryPoint), typeName);
        Assert.Equal(variants, names);
    }

    [Theory]
    [MemberData(nameof(Enums))]
    public void Unknown_variant_error_names_every_table_entry_in_order(string contract, string entryPoint, string[] variants)
    {
        var code = Code(contract);
        Action call = entryPoint == "Execute" ? () => code.Execute(null!, null!, null!, Unknown) : () => code.Query(null!, null!, Unknown);
        var e = Assert.Throws<ContractException>(call);
        var expected = variants.Length == 0
            ? "there are no variants"
            : "expected one of " + string.Join(", ", variants.Select(v => $"`{v}`"));
        Assert.Equal($"Error parsing into type {code.MessageTypeName(entryPoint)}: unknown variant `no_such_variant`, {expected}", e.Message);
    }

    [Theory]
    [InlineData("terraswap_pair", "terraswap::pair::Cw20HookMsg", new[] { "swap", "withdraw_liquidity" })]
    [InlineData("mirror_mint", "mirror_protocol::mint::Cw20HookMsg", new[] { "open_position", "deposit", "burn", "auction" })]
    [InlineData("mirror_staking", "mirror_protocol::staking::Cw20HookMsg", new[] { "bond", "deposit_reward" })]
    [InlineData("mirror_gov", "mirror_protocol::gov::Cw20HookMsg", new[] { "stake_voting_tokens", "create_poll", "deposit_reward" })]
    public void Cw20_hook_table_lists_the_hook_enum_variants_in_declaration_order(string contract, string typeName, string[] variants)
    {
        var (actualType, names) = Table(contract, "Hook");
        Assert.Equal(typeName, actualType);
        Assert.Equal(variants, names);
    }

    private static IContract Code(string name) => MirrorCodes.All().Single(c => c.Value.Name == name).Value;

    /// <summary>The contract's static <c>{entryPoint}Routes</c> table (internal to its assembly, hence reflection).</summary>
    private static (string TypeName, string[] Names) Table(string contract, string entryPoint)
    {
        var field = Code(contract).GetType().GetField(entryPoint + "Routes", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public);
        Assert.NotNull(field);
        var routes = field.GetValue(null);
        var typeName = (string)field.FieldType.GetProperty("TypeName")!.GetValue(routes)!;
        var names = (IReadOnlyList<string>)field.FieldType.GetProperty("Names")!.GetValue(routes)!;
        return (typeName, names.ToArray());
    }
}
