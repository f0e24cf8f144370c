using System.Text;
using System.Text.Json;

namespace MirrorChain.Fuzz.Targets;

/// <summary>What a corpus message is sent as.</summary>
public enum EntryPoint
{
    Execute,
    Query,
    Instantiate,
}

/// <summary>One valid message of a contract's corpus.</summary>
public sealed record CorpusMessage(EntryPoint Entry, string Json);

/// <summary>
/// Valid messages for each contract, in the shapes the contract tests use (Mirror v2.1.4, Terraswap 2.4, cw20-base),
/// with the devnet's addresses; instantiate messages also come from genesis/devnet.json's own deployment steps.
/// Placeholders {name} are contract or account names of the <see cref="DevnetWorld"/>.
/// </summary>
public static class ContractCorpus
{
    /// <summary>Fuzz target name → (the genesis contract it runs against, its code's genesis step names).</summary>
    public static readonly IReadOnlyDictionary<string, string> Contracts = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["cw20"] = "mirrorToken",
        ["terraswap-pair"] = "mTSLA.pair",
        ["terraswap-factory"] = "terraswapFactory",
        ["oracle"] = "oracle",
        ["collateral-oracle"] = "collateralOracle",
        ["mint"] = "mint",
        ["lock"] = "lock",
        ["factory"] = "factory",
        ["gov"] = "gov",
        ["staking"] = "staking",
        ["short-reward"] = "shortReward",
        ["collector"] = "collector",
        ["community"] = "community",
    };

    private static string B64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    private const string UusdInfo = """{"native_token":{"denom":"uusd"}}""";
    private const string TslaInfo = """{"token":{"contract_addr":"{mTSLA}"}}""";

    public static IReadOnlyList<CorpusMessage> For(string target) => target switch
    {
        "cw20" =>
        [
            E("""{"transfer":{"recipient":"{test2}","amount":"100"}}"""),
            E("""{"burn":{"amount":"1"}}"""),
            E("""{"send":{"contract":"{mTSLA.pair}","amount":"100","msg":"@B64@"}}""", """{"swap":{"max_spread":"0.5"}}"""),
            E("""{"send":{"contract":"{gov}","amount":"100","msg":"@B64@"}}""", """{"stake_voting_tokens":{}}"""),
            E("""{"increase_allowance":{"spender":"{test2}","amount":"100","expires":{"at_height":100}}}"""),
            E("""{"decrease_allowance":{"spender":"{test2}","amount":"1","expires":{"at_time":"1700000000000000000"}}}"""),
            E("""{"transfer_from":{"owner":"{test1}","recipient":"{test2}","amount":"1"}}"""),
            E("""{"send_from":{"owner":"{test1}","contract":"{gov}","amount":"1","msg":"e30="}}"""),
            E("""{"burn_from":{"owner":"{test1}","amount":"1"}}"""),
            E("""{"mint":{"recipient":"{test1}","amount":"1"}}"""),
            Q("""{"balance":{"address":"{test1}"}}"""),
            Q("""{"token_info":{}}"""),
            Q("""{"minter":{}}"""),
            Q("""{"allowance":{"owner":"{test1}","spender":"{test2}"}}"""),
            Q("""{"all_allowances":{"owner":"{test1}","start_after":"{test2}","limit":10}}"""),
            Q("""{"all_accounts":{"start_after":"{test1}","limit":10}}"""),
            I("""{"name":"Fuzz Token","symbol":"FUZZ","decimals":6,"initial_balances":[{"address":"{test1}","amount":"1000"}],"mint":{"minter":"{test1}","cap":"100000"}}"""),
        ],
        "terraswap-pair" =>
        [
            E("""{"provide_liquidity":{"assets":[{"info":@TSLA@,"amount":"100"},{"info":@UUSD@,"amount":"100"}],"slippage_tolerance":"0.01"}}"""),
            E("""{"swap":{"offer_asset":{"info":@UUSD@,"amount":"1000"},"belief_price":"670","max_spread":"0.5","to":"{test2}"}}"""),
            E("""{"receive":{"sender":"{test1}","amount":"100","msg":"@B64@"}}""", """{"swap":{"belief_price":"0.0015","to":"terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v"}}"""),
            E("""{"receive":{"sender":"{test1}","amount":"100","msg":"@B64@"}}""", """{"withdraw_liquidity":{}}"""),
            Q("""{"pair":{}}"""),
            Q("""{"pool":{}}"""),
            Q("""{"simulation":{"offer_asset":{"info":@UUSD@,"amount":"1000"}}}"""),
            Q("""{"reverse_simulation":{"ask_asset":{"info":@TSLA@,"amount":"10"}}}"""),
        ],
        "terraswap-factory" =>
        [
            E("""{"create_pair":{"asset_infos":[{"token":{"contract_addr":"{mirrorToken}"}},{"native_token":{"denom":"uluna"}}]}}"""),
            E("""{"update_config":{"owner":"{test1}","token_code_id":1,"pair_code_id":2}}"""),
            Q("""{"config":{}}"""),
            Q("""{"pair":{"asset_infos":[@TSLA@,@UUSD@]}}"""),
            Q("""{"pairs":{"start_after":[@TSLA@,@UUSD@],"limit":5}}"""),
        ],
        "oracle" =>
        [
            E("""{"feed_price":{"prices":[["{mTSLA}","670.5"],["{mAAPL}","120"]]}}"""),
            E("""{"update_config":{"owner":"{test1}"}}"""),
            E("""{"register_asset":{"asset_token":"{mTSLA}","feeder":"{test1}"}}"""),
            Q("""{"config":{}}"""),
            Q("""{"feeder":{"asset_token":"{mTSLA}"}}"""),
            Q("""{"price":{"base_asset":"{mTSLA}","quote_asset":"uusd"}}"""),
            Q("""{"prices":{"start_after":"{mTSLA}","limit":10,"order_by":"desc"}}"""),
        ],
        "collateral-oracle" =>
        [
            E("""{"update_config":{"owner":"{test1}","mint_contract":"{mint}","base_denom":"uusd","mirror_oracle":"{oracle}"}}"""),
            E("""{"register_collateral_asset":{"asset":@TSLA@,"price_source":{"mirror_oracle":{}},"multiplier":"1.5"}}"""),
            E("""{"register_collateral_asset":{"asset":{"native_token":{"denom":"uluna"}},"price_source":{"native":{"native_denom":"uluna"}},"multiplier":"1"}}"""),
            E("""{"register_collateral_asset":{"asset":{"token":{"contract_addr":"{mirrorToken}"}},"price_source":{"terraswap":{"terraswap_pair_addr":"{mirrorToken.pair}","intermediate_denom":null}},"multiplier":"1"}}"""),
            E("""{"register_collateral_asset":{"asset":{"native_token":{"denom":"ukrw"}},"price_source":{"fixed_price":{"price":"0.001"}},"multiplier":"1"}}"""),
            E("""{"update_collateral_price_source":{"asset":@TSLA@,"price_source":{"fixed_price":{"price":"1"}}}}"""),
            E("""{"update_collateral_multiplier":{"asset":@TSLA@,"multiplier":"1.2"}}"""),
            E("""{"revoke_collateral_asset":{"asset":@TSLA@}}"""),
            Q("""{"config":{}}"""),
            Q("""{"collateral_price":{"asset":"{mTSLA}","block_height":null}}"""),
            Q("""{"collateral_asset_info":{"asset":"uusd"}}"""),
            Q("""{"collateral_asset_infos":{}}"""),
        ],
        "mint" =>
        [
            E("""{"open_position":{"collateral":{"info":@UUSD@,"amount":"1340000000"},"asset_info":@TSLA@,"collateral_ratio":"2"}}"""),
            E("""{"open_position":{"collateral":{"info":@UUSD@,"amount":"2000000000"},"asset_info":@TSLA@,"collateral_ratio":"2","short_params":{"belief_price":null,"max_spread":"0.5"}}}"""),
            E("""{"deposit":{"position_idx":"1","collateral":{"info":@UUSD@,"amount":"100"}}}"""),
            E("""{"withdraw":{"position_idx":"1","collateral":{"info":@UUSD@,"amount":"100"}}}"""),
            E("""{"mint":{"position_idx":"1","asset":{"info":@TSLA@,"amount":"100"},"short_params":null}}"""),
            E("""{"update_config":{"owner":"{test1}","protocol_fee_rate":"0.015","token_code_id":1}}"""),
            E("""{"update_asset":{"asset_token":"{mTSLA}","auction_discount":"0.2","min_collateral_ratio":"1.5","ipo_params":{"mint_end":1,"pre_ipo_price":"1","min_collateral_ratio_after_ipo":"1.5"}}}"""),
            E("""{"register_asset":{"asset_token":"{mirrorToken}","auction_discount":"0.2","min_collateral_ratio":"1.5"}}"""),
            E("""{"register_migration":{"asset_token":"{mTSLA}","end_price":"600"}}"""),
            E("""{"trigger_i_p_o":{"asset_token":"{mTSLA}"}}"""),
            E("""{"receive":{"sender":"{test1}","amount":"100","msg":"@B64@"}}""", """{"open_position":{"asset_info":{"token":{"contract_addr":"terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v"}},"collateral_ratio":"2"}}"""),
            E("""{"receive":{"sender":"{test1}","amount":"100","msg":"@B64@"}}""", """{"burn":{"position_idx":"1"}}"""),
            E("""{"receive":{"sender":"{test1}","amount":"100","msg":"@B64@"}}""", """{"auction":{"position_idx":"1"}}"""),
            Q("""{"config":{}}"""),
            Q("""{"asset_config":{"asset_token":"{mTSLA}"}}"""),
            Q("""{"position":{"position_idx":"1"}}"""),
            Q("""{"positions":{"owner_addr":"{test1}","start_after":"0","limit":10,"order_by":"asc"}}"""),
            Q("""{"positions":{"asset_token":"{mTSLA}","limit":3,"order_by":"desc"}}"""),
            Q("""{"next_position_idx":{}}"""),
        ],
        "lock" =>
        [
            E("""{"unlock_position_funds":{"positions_idx":["1","2"]}}"""),
            E("""{"lock_position_funds_hook":{"position_idx":"1","receiver":"{test1}"}}"""),
            E("""{"release_position_funds":{"position_idx":"1"}}"""),
            E("""{"update_config":{"owner":"{test1}","mint_contract":"{mint}","base_denom":"uusd","lockup_period":100}}"""),
            Q("""{"config":{}}"""),
            Q("""{"position_lock_info":{"position_idx":"1"}}"""),
        ],
        "factory" =>
        [
            E("""{"update_weight":{"asset_token":"{mTSLA}","weight":100}}"""),
            E("""{"whitelist":{"name":"Fuzz Share","symbol":"mFUZZ","oracle_feeder":"{test1}","params":{"auction_discount":"0.2","min_collateral_ratio":"1.5","weight":100,"mint_period":null,"min_collateral_ratio_after_ipo":null,"pre_ipo_price":null}}}"""),
            E("""{"update_config":{"owner":"{test1}","token_code_id":1,"distribution_schedule":[[0,100,"1000"],[100,200,"500"]]}}"""),
            E("""{"distribute":{}}"""),
            E("""{"revoke_asset":{"asset_token":"{mTSLA}"}}"""),
            E("""{"migrate_asset":{"name":"Fuzz","symbol":"mTSLA","from_token":"{mTSLA}","end_price":"600"}}"""),
            E("""{"pass_command":{"contract_addr":"{mint}","msg":"e30="}}"""),
            E("""{"post_initialize":{"owner":"{test1}","terraswap_factory":"{terraswapFactory}","mirror_token":"{mirrorToken}","staking_contract":"{staking}","oracle_contract":"{oracle}","mint_contract":"{mint}","commission_collector":"{collector}"}}"""),
            Q("""{"config":{}}"""),
            Q("""{"distribution_info":{}}"""),
        ],
        "gov" =>
        [
            E("""{"cast_vote":{"poll_id":1,"vote":"yes","amount":"100"}}"""),
            E("""{"withdraw_voting_tokens":{"amount":"1"}}"""),
            E("""{"withdraw_voting_rewards":{"poll_id":1}}"""),
            E("""{"stake_voting_rewards":{"poll_id":null}}"""),
            E("""{"end_poll":{"poll_id":1}}"""),
            E("""{"execute_poll":{"poll_id":1}}"""),
            E("""{"snapshot_poll":{"poll_id":1}}"""),
            E("""{"update_config":{"owner":"{test1}","effective_delay":100,"voter_weight":"0.5","snapshot_period":10}}"""),
            E("""{"receive":{"sender":"{test1}","amount":"1000","msg":"@B64@"}}""", """{"create_poll":{"title":"fuzz poll","description":"a poll","link":"http://mirror.io","execute_msg":{"contract":"terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v","msg":"e30="},"admin_action":null}}"""),
            E("""{"receive":{"sender":"{test1}","amount":"1000","msg":"@B64@"}}""", """{"stake_voting_tokens":{}}"""),
            E("""{"receive":{"sender":"{test1}","amount":"1000","msg":"@B64@"}}""", """{"deposit_reward":{}}"""),
            Q("""{"config":{}}"""),
            Q("""{"state":{}}"""),
            Q("""{"staker":{"address":"{test1}"}}"""),
            Q("""{"poll":{"poll_id":1}}"""),
            Q("""{"polls":{"filter":"in_progress","start_after":1,"limit":10,"order_by":"desc"}}"""),
            Q("""{"voter":{"poll_id":1,"address":"{test1}"}}"""),
            Q("""{"voters":{"poll_id":1,"start_after":"{test1}","limit":10,"order_by":"asc"}}"""),
            Q("""{"shares":{"start_after":"{test1}","limit":10,"order_by":"asc"}}"""),
        ],
        "staking" =>
        [
            E("""{"unbond":{"asset_token":"{mTSLA}","amount":"1"}}"""),
            E("""{"withdraw":{"asset_token":"{mTSLA}"}}"""),
            E("""{"withdraw":{}}"""),
            E("""{"auto_stake":{"assets":[{"info":@UUSD@,"amount":"100"},{"info":@TSLA@,"amount":"1"}],"slippage_tolerance":"0.1"}}"""),
            E("""{"register_asset":{"asset_token":"{mirrorToken}","staking_token":"{test1}"}}"""),
            E("""{"update_config":{"owner":"{test1}","premium_min_update_interval":10,"short_reward_contract":"{shortReward}"}}"""),
            E("""{"adjust_premium":{"asset_tokens":["{mTSLA}"]}}"""),
            E("""{"increase_short_token":{"staker_addr":"{test1}","asset_token":"{mTSLA}","amount":"1"}}"""),
            E("""{"decrease_short_token":{"staker_addr":"{test1}","asset_token":"{mTSLA}","amount":"1"}}"""),
            E("""{"deprecate_staking_token":{"asset_token":"{mTSLA}","new_staking_token":"{test1}"}}"""),
            E("""{"auto_stake_hook":{"asset_token":"{mTSLA}","staking_token":"{test1}","staker_addr":"{test1}","prev_staking_token_amount":"0"}}"""),
            E("""{"receive":{"sender":"{test1}","amount":"100","msg":"@B64@"}}""", """{"bond":{"asset_token":"terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v"}}"""),
            E("""{"receive":{"sender":"{test1}","amount":"100","msg":"@B64@"}}""", """{"deposit_reward":{"rewards":[["terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v","100"]]}}"""),
            Q("""{"config":{}}"""),
            Q("""{"pool_info":{"asset_token":"{mTSLA}"}}"""),
            Q("""{"reward_info":{"staker_addr":"{test1}","asset_token":"{mTSLA}"}}"""),
            Q("""{"reward_info":{"staker_addr":"{test1}"}}"""),
        ],
        "short-reward" =>
        [
            Q("""{"short_reward_weight":{"premium_rate":"0.1"}}"""),
            Q("""{"short_reward_weight":{"premium_rate":"7"}}"""),
            E("""{"short_reward_weight":{}}"""),
            I("""{}"""),
        ],
        "collector" =>
        [
            E("""{"convert":{"asset_token":"{mTSLA}"}}"""),
            E("""{"distribute":{}}"""),
            E("""{"luna_swap_hook":{}}"""),
            E("""{"update_config":{"owner":"{test1}","distribution_contract":"{gov}","terraswap_factory":"{terraswapFactory}","mirror_token":"{mirrorToken}","base_denom":"uusd"}}"""),
            Q("""{"config":{}}"""),
        ],
        "community" =>
        [
            E("""{"spend":{"recipient":"{test1}","amount":"1"}}"""),
            E("""{"update_config":{"owner":"{test1}","spend_limit":"100"}}"""),
            Q("""{"config":{}}"""),
        ],
        _ => throw new ArgumentException($"unknown contract target {target}", nameof(target)),
    };

    /// <summary>The instantiate messages genesis/devnet.json deploys with <paramref name="codeId"/>.</summary>
    public static IEnumerable<CorpusMessage> GenesisInstantiates(JsonElement wasm, ulong codeId)
    {
        foreach (var step in wasm.GetProperty("steps").EnumerateArray())
        {
            if (step.TryGetProperty("instantiate", out var inst) && inst.GetProperty("code_id").GetUInt64() == codeId)
            {
                yield return I(inst.GetProperty("msg").GetRawText());
            }
        }
    }

    /// <summary>The execute messages genesis/devnet.json sends to the contract named <paramref name="name"/>.</summary>
    public static IEnumerable<CorpusMessage> GenesisExecutes(JsonElement wasm, string name)
    {
        foreach (var step in wasm.GetProperty("steps").EnumerateArray())
        {
            if (step.TryGetProperty("execute", out var exec) && exec.TryGetProperty("contract", out var c) && c.GetString() == "${" + name + "}"
                && exec.TryGetProperty("msg", out var msg))
            {
                yield return E(msg.GetRawText());
            }
        }
    }

    private static CorpusMessage E(string json, string? hook = null) => new(EntryPoint.Execute, Expand(json, hook));

    private static CorpusMessage Q(string json) => new(EntryPoint.Query, Expand(json, null));

    private static CorpusMessage I(string json) => new(EntryPoint.Instantiate, Expand(json, null));

    /// <summary>@TSLA@ / @UUSD@ are the mTSLA and uusd AssetInfo objects; @B64@ is <paramref name="hook"/> as a Binary.</summary>
    private static string Expand(string json, string? hook)
    {
        json = json.Replace("@TSLA@", TslaInfo, StringComparison.Ordinal).Replace("@UUSD@", UusdInfo, StringComparison.Ordinal);
        return hook is null ? json : json.Replace("@B64@", B64(hook), StringComparison.Ordinal);
    }
}
