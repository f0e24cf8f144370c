using System.Text.Json;
using MirrorChain.Execution.Contracts;

namespace MirrorChain.Contracts.Cw20.Tests;

/// <summary>
/// cw20-base's dispatch tables hold the variants of <c>Cw20ExecuteMsg</c> and <c>QueryMsg</c> (cw20-base 0.8
/// src/msg.rs, packages/cw20 src/msg.rs) in declaration order, and an unknown variant's error lists exactly those.
/// </summary>
public sealed class DispatchTableTests
{
    private static readonly string[] ExecuteVariants =
        ["transfer", "burn", "send", "mint", "increase_allowance", "decrease_allowance", "transfer_from", "send_from", "burn_from"];

    private static readonly string[] QueryVariants = ["balance", "token_info", "minter", "allowance", "all_allowances", "all_accounts"];

    private static readonly JsonElement Unknown = JsonDocument.Parse("{\"no_such_variant\":{}}").RootElement.Clone();

    [Fact]
    public void Tables_list_the_enum_variants_in_declaration_order()
    {
        Assert.Equal(ExecuteVariants, Cw20BaseContract.ExecuteRoutes.Names);
        Assert.Equal(QueryVariants, Cw20BaseContract.QueryRoutes.Names);
    }

    [Fact]
    public void Unknown_execute_variant_names_every_table_entry_in_order()
    {
        var e = Assert.Throws<ContractException>(() => new Cw20BaseContract().Execute(null!, null!, null!, Unknown));
        Assert.Equal("Error parsing into type cw20_base::msg::ExecuteMsg: unknown variant `no_such_variant`, expected one of "
            + string.Join(", ", ExecuteVariants.Select(v => $"`{v}`")), e.Message);
    }

    [Fact]
    public void Unknown_query_variant_names_every_table_entry_in_order()
    {
        var e = Assert.Throws<ContractException>(() => new Cw20BaseContract().Query(null!, null!, Unknown));
        Assert.Equal("Error parsing into type cw20_base::msg::QueryMsg: unknown variant `no_such_variant`, expected one of "
            + string.Join(", ", QueryVariants.Select(v => $"`{v}`")), e.Message);
    }
}
