using static MirrorChain.Contracts.Mirror.Tests.Mint.MintFixture;

namespace MirrorChain.Contracts.Mirror.Tests.Mint;

/// <summary>
/// positions / next_position_idx (Mirror v2.1.4 contracts/mirror_mint/src/state.rs <c>read_positions</c>, with the
/// pagination fix of Mirror's later master, 56cc694).
/// </summary>
public sealed class QueryTests
{
    private readonly MintFixture _f = new();

    private string[] Ids(string query) =>
        _f.App.Query(_f.Mint, query).GetProperty("positions").EnumerateArray().Select(p => p.GetProperty("idx").GetString()!).ToArray();

    [Fact]
    public void unfiltered_pagination_is_exclusive_in_both_directions()
    {
        var asset = _f.NewAsset("mAAA", "1");
        for (var i = 0; i < 12; i++)
        {
            _f.OpenNative(i % 2 == 0 ? Alice : Bob, 1000, asset, "2");
        }
        Assert.Equal(["4", "3", "2"], Ids("{\"positions\":{\"start_after\":\"5\",\"limit\":3}}"));
        Assert.Equal(["6", "7", "8"], Ids("{\"positions\":{\"start_after\":\"5\",\"limit\":3,\"order_by\":\"asc\"}}"));
        Assert.Equal(["12", "11", "10", "9", "8", "7", "6", "5", "4", "3"], Ids("{\"positions\":{}}"));
        Assert.Equal(["1", "2"], Ids("{\"positions\":{\"order_by\":\"asc\",\"limit\":2}}"));
        Assert.Equal(["10", "8", "6"], Ids($"{{\"positions\":{{\"owner_addr\":\"{Bob}\",\"start_after\":\"12\",\"limit\":3}}}}"));
        Assert.Equal(["2", "4"], Ids($"{{\"positions\":{{\"owner_addr\":\"{Bob}\",\"order_by\":\"asc\",\"limit\":2}}}}"));
        Assert.Equal("13", _f.App.Query(_f.Mint, "{\"next_position_idx\":{}}").GetProperty("next_position_idx").GetString());
    }

    [Fact]
    public void Owner_filter_overrides_asset_filter_and_limit_is_capped_at_30()
    {
        var a = _f.NewAsset("mAAA", "1");
        var b = _f.NewAsset("mBBB", "1");
        for (var i = 0; i < 32; i++)
        {
            _f.OpenNative(Alice, 1000, i < 31 ? a : b, "2");
        }
        _f.OpenNative(Bob, 1000, b, "2");
        Assert.Equal(30, Ids("{\"positions\":{\"limit\":100}}").Length);
        Assert.Equal(["33", "32"], Ids($"{{\"positions\":{{\"asset_token\":\"{b}\"}}}}"));
        Assert.Equal(["32", "31"], Ids($"{{\"positions\":{{\"owner_addr\":\"{Alice}\",\"asset_token\":\"{a}\",\"limit\":2}}}}"));
        Assert.Equal("mirror_mint::state::Position not found: query wasm contract failed",
            Fail(() => _f.App.Query(_f.Mint, "{\"position\":{\"position_idx\":\"99\"}}")));
    }
}
