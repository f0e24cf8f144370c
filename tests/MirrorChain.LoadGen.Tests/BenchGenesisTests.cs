using System.Text.Json.Nodes;
using MirrorChain.Node;
using MirrorChain.Tests;

namespace MirrorChain.LoadGen.Tests;

public class BenchGenesisTests
{
    private static readonly string DevnetJson = File.ReadAllText(RepoPaths.File("genesis/devnet.json"));

    [Fact]
    public void Bench_accounts_follow_the_devnet_accounts_in_order_each_funded_with_luna_and_ust()
    {
        var keys = BenchKeys.Keys(BenchKeys.DefaultSeed, 25);
        var devnet = JsonNode.Parse(DevnetJson)!;
        var baseAccounts = devnet["app_state"]!["auth"]!["accounts"]!.AsArray().Count;

        var bench = JsonNode.Parse(BenchGenesis.Build(DevnetJson, [.. keys.Select(k => k.Address)]))!;

        var accounts = bench["app_state"]!["auth"]!["accounts"]!.AsArray();
        Assert.Equal(baseAccounts + 25, accounts.Count);
        for (var i = 0; i < 25; i++)
        {
            Assert.Equal(keys[i].Address.ToString(), accounts[baseAccounts + i]!["address"]!.GetValue<string>());
        }
        var balances = bench["app_state"]!["bank"]!["balances"]!.AsArray();
        var last = balances[^1]!;
        Assert.Equal(keys[24].Address.ToString(), last["address"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            [{"denom":"uluna","amount":"1000000000000"},{"denom":"uusd","amount":"1000000000000"}]
            """), last["coins"]));
    }

    [Fact]
    public void Everything_but_the_accounts_and_balances_stays_as_in_the_devnet_genesis()
    {
        var bench = JsonNode.Parse(BenchGenesis.Build(DevnetJson, [.. BenchKeys.Keys("x", 3).Select(k => k.Address)]))!.AsObject();
        var devnet = JsonNode.Parse(DevnetJson)!.AsObject();
        bench["app_state"]!["auth"] = null;
        bench["app_state"]!["bank"] = null;
        devnet["app_state"]!["auth"] = null;
        devnet["app_state"]!["bank"] = null;

        Assert.True(JsonNode.DeepEquals(devnet, bench));
    }

    [Fact]
    public void The_bench_genesis_is_a_valid_genesis_with_the_devnet_chain_id()
    {
        var doc = GenesisDoc.Parse(BenchGenesis.Build(DevnetJson, [.. BenchKeys.Keys(BenchKeys.DefaultSeed, 10).Select(k => k.Address)]));

        Assert.Equal("mirrorchain-devnet-1", doc.ChainId);
    }

    [Fact]
    public void An_account_the_base_already_has_is_refused()
    {
        var test1 = JsonNode.Parse(DevnetJson)!["app_state"]!["auth"]!["accounts"]![1]!["address"]!.GetValue<string>();

        var e = Assert.Throws<InvalidDataException>(() => BenchGenesis.Build(DevnetJson, [Core.Address.Parse(test1)]));
        Assert.Contains(test1, e.Message, StringComparison.Ordinal);
    }
}
