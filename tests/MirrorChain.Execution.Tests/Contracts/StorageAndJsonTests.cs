using System.Text.Json;
using MirrorChain.Core.Numerics;
using Decimal = MirrorChain.Core.Numerics.Decimal;

namespace MirrorChain.Execution.Tests.Contracts;

public sealed class StorageAndJsonTests
{
    private sealed record Config(string Owner, UInt128 Amount, Decimal Ratio, ulong? Period = null);

    private static ContractStorage Storage(StateCache state) => new(state, ContractKeys.ContractAddress(1, 1), readOnly: false);

    [Fact]
    public void Json_is_snake_case_with_uint128_and_decimal_as_strings_and_nulls_omitted()
    {
        var json = ContractJson.SerializeToString(new Config("terra1x", 1_000_000, Decimal.Percent(150)));
        Assert.Equal("{\"owner\":\"terra1x\",\"amount\":\"1000000\",\"ratio\":\"1.5\"}", json);
        var back = ContractJson.Deserialize<Config>(JsonDocument.Parse("{\"owner\":\"a\",\"amount\":\"7\",\"ratio\":\"0.01\",\"period\":60}").RootElement, "Config");
        Assert.Equal(new Config("a", 7, Decimal.Permille(10), 60), back);
    }

    [Fact]
    public void Json_errors_read_like_cosmwasm_parse_errors()
    {
        var e = Assert.Throws<ContractException>(() => ContractJson.Deserialize<Config>(JsonDocument.Parse("{\"owner\":\"a\",\"amount\":7,\"ratio\":\"1\"}").RootElement, "mirror_mint::state::Config"));
        Assert.StartsWith("Error parsing into type mirror_mint::state::Config: ", e.Message, StringComparison.Ordinal);
        var extra = ContractJson.Deserialize<Config>(JsonDocument.Parse("{\"owner\":\"a\",\"amount\":\"7\",\"ratio\":\"1\",\"x\":1}").RootElement, "Config");
        Assert.Equal(new Config("a", 7, Decimal.One), extra); // like serde without deny_unknown_fields
    }

    [Fact]
    public void Variant_splits_externally_tagged_enums_and_accepts_unit_strings()
    {
        var (name, body) = ContractJson.Variant(JsonDocument.Parse("{\"transfer\":{\"amount\":\"1\"}}").RootElement, "ExecuteMsg");
        Assert.Equal(("transfer", "1"), (name, body.GetProperty("amount").GetString()));
        Assert.Equal("config", ContractJson.Variant(JsonDocument.Parse("\"config\"").RootElement, "QueryMsg").Name);
        Assert.Throws<ContractException>(() => ContractJson.Variant(JsonDocument.Parse("{\"a\":{},\"b\":{}}").RootElement, "ExecuteMsg"));
        Assert.Equal("Error parsing into type ExecuteMsg: unknown variant `x`, expected one of `a`, `b`",
            ContractJson.UnknownVariant("ExecuteMsg", "x", "a", "b").Message);
    }

    [Fact]
    public void Item_round_trips_and_a_missing_item_is_cosmwasm_not_found()
    {
        var state = new StateCache(new StateCache(new EmptyReader()));
        var item = new Item<Config>("config") { TypeName = "mirror_mint::state::Config" };
        var storage = Storage(state);
        Assert.Null(item.May(storage));
        Assert.Equal("mirror_mint::state::Config not found", Assert.Throws<StdErrorAdapter>(() => item.Load(storage)).Message);
        item.Save(storage, new Config("o", 1, Decimal.One));
        Assert.Equal(new Config("o", 1, Decimal.One), item.Load(storage));
    }

    [Fact]
    public void Map_namespaces_do_not_overlap_and_range_in_key_order()
    {
        var state = new StateCache(new EmptyReader());
        var storage = Storage(state);
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

    [Fact]
    public void Contract_storage_is_isolated_per_instance_and_read_only_in_queries()
    {
        var state = new StateCache(new EmptyReader());
        var one = new ContractStorage(state, ContractKeys.ContractAddress(1, 1), readOnly: false);
        var two = new ContractStorage(state, ContractKeys.ContractAddress(1, 2), readOnly: false);
        one.Set("k"u8.ToArray(), "v"u8.ToArray());
        Assert.Null(two.Get("k"u8.ToArray()));
        Assert.Empty(two.Range(null, null));
        var ro = new ContractStorage(state, ContractKeys.ContractAddress(1, 1), readOnly: true);
        Assert.Equal("v"u8.ToArray(), ro.Get("k"u8.ToArray()));
        Assert.Throws<ContractException>(() => ro.Set("k"u8.ToArray(), "w"u8.ToArray()));
    }

    [Fact]
    public void Panics_and_std_errors_map_to_wasm_errors_with_their_text()
    {
        var std = Assert.Throws<SdkException>(() => ContractRuntime.Guard<int>(SdkError.WasmExecuteFailed, () => throw StdException.GenericErr("Price is too old")));
        Assert.Equal("Generic error: Price is too old: execute wasm contract failed", std.Log);
        var panic = Assert.Throws<SdkException>(() => ContractRuntime.Guard<int>(SdkError.WasmExecuteFailed, () => Uint128Math.Sub(1, 2) == 0 ? 1 : 0));
        Assert.Equal("Error executing Wasm: Aborted: panicked at 'attempt to subtract with overflow': execute wasm contract failed", panic.Log);
    }
}
