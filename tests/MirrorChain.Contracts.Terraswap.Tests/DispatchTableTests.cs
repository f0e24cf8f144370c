using System.Text.Json;
using MirrorChain.Contracts.Terraswap.Factory;
using MirrorChain.Contracts.Terraswap.Pair;
using MirrorChain.Execution.Contracts;

namespace MirrorChain.Contracts.Terraswap.Tests;

/// <summary>
/// The Terraswap contracts' dispatch tables hold the variants of their message enums (terraswap v2.4
/// packages/terraswap src/pair.rs and src/factory.rs) in declaration order, and an unknown variant's error lists
/// exactly those.
/// </summary>
public sealed class DispatchTableTests
{
    private static readonly JsonElement Unknown = JsonDocument.Parse("{\"no_such_variant\":{}}").RootElement.Clone();

    [Fact]
    public void Pair_tables_list_the_enum_variants_in_declaration_order()
    {
        Assert.Equal(["receive", "provide_liquidity", "swap"], PairContract.ExecuteRoutes.Names);
        Assert.Equal(["pair", "pool", "simulation", "reverse_simulation"], PairContract.QueryRoutes.Names);
        Assert.Equal(["swap", "withdraw_liquidity"], PairContract.HookRoutes.Names);
        Assert.Equal("terraswap::pair::Cw20HookMsg", PairContract.HookRoutes.TypeName);
    }

    [Fact]
    public void Factory_tables_list_the_enum_variants_in_declaration_order()
    {
        Assert.Equal(["update_config", "create_pair"], FactoryContract.ExecuteRoutes.Names);
        Assert.Equal(["config", "pair", "pairs"], FactoryContract.QueryRoutes.Names);
    }

    [Fact]
    public void Unknown_variants_name_every_table_entry_in_order()
    {
        Assert.Equal(
            "Error parsing into type terraswap::pair::ExecuteMsg: unknown variant `no_such_variant`, expected one of `receive`, `provide_liquidity`, `swap`",
            Assert.Throws<ContractException>(() => new PairContract().Execute(null!, null!, null!, Unknown)).Message);
        Assert.Equal(
            "Error parsing into type terraswap::pair::QueryMsg: unknown variant `no_such_variant`, expected one of `pair`, `pool`, `simulation`, `reverse_simulation`",
            Assert.Throws<ContractException>(() => new PairContract().Query(null!, null!, Unknown)).Message);
        Assert.Equal(
            "Error parsing into type terraswap::factory::ExecuteMsg: unknown variant `no_such_variant`, expected one of `update_config`, `create_pair`",
            Assert.Throws<ContractException>(() => new FactoryContract().Execute(null!, null!, null!, Unknown)).Message);
        Assert.Equal(
            "Error parsing into type terraswap::factory::QueryMsg: unknown variant `no_such_variant`, expected one of `config`, `pair`, `pairs`",
            Assert.Throws<ContractException>(() => new FactoryContract().Query(null!, null!, Unknown)).Message);
    }
}
