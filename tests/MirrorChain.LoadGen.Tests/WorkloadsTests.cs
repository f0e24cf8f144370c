namespace MirrorChain.LoadGen.Tests;

public class WorkloadsTests
{
    [Fact]
    public void Mix_all_or_empty_means_every_workload_in_canonical_order()
    {
        Assert.Equal(Workloads.All, Workloads.ParseMix("all"));
        Assert.Equal(Workloads.All, Workloads.ParseMix(""));
        Assert.Equal("auction", Workloads.All[^1]);
    }

    [Fact]
    public void A_mix_subset_runs_in_canonical_order_whatever_order_it_is_given_in()
    {
        Assert.Equal(["bank", "swap", "open_position"], Workloads.ParseMix("open_position, swap,bank"));
    }

    [Fact]
    public void An_unknown_workload_is_a_usage_error_naming_it()
    {
        var e = Assert.Throws<FormatException>(() => Workloads.ParseMix("swap,swop"));
        Assert.Contains("'swop'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Auction_targets_pair_each_tx_with_its_neighbour_and_cover_every_position_once()
    {
        foreach (var count in new[] { 1, 2, 7, 10 })
        {
            var targets = Enumerable.Range(0, count).Select(i => Workloads.AuctionTarget(i, count)).ToList();

            Assert.Equal(Enumerable.Range(0, count), targets.Order());
            for (var i = 0; i < count; i++)
            {
                Assert.Equal(i / 2, targets[i] / 2); // same mAsset: the asset of tx i is chosen by i / 2
            }
        }
    }

    [Fact]
    public void An_auction_sends_about_a_tenth_of_what_the_155_percent_position_minted()
    {
        // open_position mints collateral / price / 1.55; at mAAPL's genesis price 150 uusd
        var minted = Workloads.CollateralUusd * 1_000_000 * 100 / (150_000_000 * (UInt128)155);

        var amount = Workloads.AuctionAmount(Workloads.CollateralUusd, 150_000_000);

        Assert.InRange(amount, minted / 11, minted / 10);
    }

    [Fact]
    public void Provide_amounts_keep_the_pool_ratio_and_round_the_uusd_up()
    {
        var (token, uusd) = Workloads.ProvideAmounts(20_000_000_000, 3_000_000_000_000, 8_000_000);

        Assert.Equal((UInt128)53_333, token);
        Assert.Equal((UInt128)7_999_950, uusd);
        Assert.True(uusd * 20_000_000_000 >= token * 3_000_000_000_000);
    }

    [Fact]
    public void Senders_and_bench_accounts_exclude_each_other()
    {
        Assert.Throws<FormatException>(() => LoadGenOptions.Parse(["--senders", "3", "--bench-accounts", "100"]));
        Assert.Equal(100, LoadGenOptions.Parse(["--bench-accounts", "100", "--mix", "swap"]).BenchAccounts);
    }

    [Fact]
    public void A_committed_open_position_gives_its_position_idx_from_the_wasm_event()
    {
        var reply = """
            {"jsonrpc":"2.0","id":3,"result":{"height":"9","txs_results":[{"code":0,"log":"","gas_used":"312345","events":[
              {"type":"message","attributes":[{"key":"action","value":"/cosmwasm.wasm.v1.MsgExecuteContract","index":true}]},
              {"type":"wasm","attributes":[{"key":"_contract_address","value":"terra1mint","index":true},
                {"key":"action","value":"open_position","index":true},{"key":"position_idx","value":"17","index":true}]},
              {"type":"wasm","attributes":[{"key":"action","value":"mint","index":true}]}]}]}}
            """u8;

        var outcome = BlockReplies.TxResults(reply, keepEvents: true).Single();

        Assert.Equal("17", outcome.WasmAttribute("position_idx"));
        Assert.Equal(312_345, outcome.GasUsed);
        Assert.Null(BlockReplies.TxResults(reply, keepEvents: false).Single().WasmAttribute("position_idx"));
    }
}
