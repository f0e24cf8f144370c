using MirrorChain.Core.Numerics;

namespace MirrorChain.CosmWasm.Tests;

/// <summary>Item and Map over a contract's storage: JSON values, cosmwasm's not-found errors, namespaces and ranges.</summary>
public sealed class ItemAndMapTests
{
    private sealed record Config(string Owner, UInt128 Amount, Decimal Ratio, ulong? Period = null);

    [Fact]
    public void Item_round_trips_and_a_missing_item_is_cosmwasm_not_found()
    {
        var item = new Item<Config>("config") { TypeName = "mirror_mint::state::Config" };
        var storage = new MemoryStorage();
        Assert.Null(item.May(storage));
        Assert.Equal("mirror_mint::state::Config not found", Assert.Throws<StdErrorAdapter>(() => item.Load(storage)).Message);
        item.Save(storage, new Config("o", 1, Decimal.One));
        Assert.Equal(new Config("o", 1, Decimal.One), item.Load(storage));
    }

    [Fact]
    public void Map_namespaces_do_not_overlap_and_range_in_key_order()
    {
        var storage = new MemoryStorage();
        var a = new Map<string>("a");
        var ab = new Map<string>("ab");
        a.Save(storage, "bz"u8.ToArray(), "1");
        a.Save(storage, "ba"u8.ToArray(), "2");
        ab.Save(storage, "c"u8.ToArray(), "3");   // "ab"+"c" must not show up in "a" ranges
        Assert.Equal(["2", "1"], a.Range(storage).Select(e => e.Value));
        Assert.Equal(["1", "2"], a.Range(storage, descending: true).Select(e => e.Value));
        Assert.Equal(["1"], a.Range(storage, start: "bb"u8.ToArray()).Select(e => e.Value));
        Assert.Equal(["3"], ab.Range(storage).Select(e => e.Value));
        a.Remove(storage, "ba"u8.ToArray());
        Assert.False(a.Has(storage, "ba"u8.ToArray()));
    }
}
