namespace MirrorChain.Contracts.Terraswap.Tests.Factory;

/// <summary>
/// terraswap_factory 2.4 (Terraswap v2.4 contracts/terraswap_factory/src/contract.rs): config, create_pair through the
/// pair's reply, registry, pagination.
/// </summary>
public sealed class FactoryTests : TerraswapTestBase
{
    private AppResponse CreatePair(Address factory, string info0, string info1, Address? sender = null) =>
        App.Execute(sender ?? Alice, factory, $$"""{"create_pair":{"asset_infos":[{{info0}},{{info1}}]} }""");

    private string PairQuery(Address factory, string info0, string info1) =>
        App.Query(factory, $$"""{"pair":{"asset_infos":[{{info0}},{{info1}}]} }""").GetRawText();

    [Fact]
    public void Instantiate_stores_config_with_the_sender_as_owner()
    {
        var factory = NewFactory();
        Assert.Equal($$"""{"owner":"{{Creator}}","pair_code_id":2,"token_code_id":1}""", App.Query(factory, """{"config":{}}""").GetRawText());
    }

    [Fact]
    public void Create_pair_instantiates_pair_and_lp_and_registers_them()
    {
        var factory = NewFactory();
        var token = NewToken("MAAPL", (Alice, 1_000_000));
        var r = CreatePair(factory, Native(Uusd), Token(token));

        var info = App.Query(factory, $$"""{"pair":{"asset_infos":[{{Native(Uusd)}},{{Token(token)}}]} }""");
        var pair = Address.Parse(info.GetProperty("contract_addr").GetString()!);
        var lp = Address.Parse(info.GetProperty("liquidity_token").GetString()!);
        Assert.Equal(CodeIds.TerraswapPair, App.Runtime.ContractInfo(App.State, pair)!.CodeId);
        Assert.Equal(CodeIds.Cw20Base, App.Runtime.ContractInfo(App.State, lp)!.CodeId);
        // the registry entry is the pair's own PairInfo
        Assert.Equal(App.Query(pair, """{"pair":{}}""").GetRawText(), info.GetRawText());

        Assert.Equal([("action", "create_pair"), ("pair", $"uusd-{token}")], Attributes(r, factory).Take(2));
        Assert.Equal([("pair_contract_addr", pair.ToString()), ("liquidity_token_addr", lp.ToString())], Attributes(r, factory).Skip(2));
        Assert.Contains(("liquidity_token_addr", lp.ToString()), Attributes(r, pair));
    }

    [Fact]
    public void Pair_lookup_is_order_independent_and_duplicates_are_rejected()
    {
        var factory = NewFactory();
        var token = NewToken("MAAPL", (Alice, 1_000_000));
        CreatePair(factory, Native(Uusd), Token(token));
        Assert.Equal(PairQuery(factory, Native(Uusd), Token(token)), PairQuery(factory, Token(token), Native(Uusd)));

        Assert.Equal(Exec("Generic error: Pair already exists"), Fails(() => CreatePair(factory, Native(Uusd), Token(token))).Log);
        Assert.Equal(Exec("Generic error: Pair already exists"), Fails(() => CreatePair(factory, Token(token), Native(Uusd), Bob)).Log);
        Assert.Single(App.Query(factory, """{"pairs":{}}""").GetProperty("pairs").EnumerateArray());
    }

    [Fact]
    public void Unknown_pair_is_not_found()
    {
        var factory = NewFactory();
        var e = Fails(() => PairQuery(factory, Native(Uusd), Native(Uluna)));
        Assert.Equal(QueryFailed("terraswap::asset::PairInfoRaw not found"), e.Log);
    }

    [Fact]
    public void Invalid_token_address_fails_create_pair_and_registers_nothing()
    {
        var factory = NewFactory();
        var e = Fails(() => CreatePair(factory, Native(Uusd), """{"token":{"contract_addr":"not-an-address"} }"""));
        Assert.StartsWith("Generic error: addr_validate errored: ", e.Log, StringComparison.Ordinal);
        Assert.Empty(App.Query(factory, """{"pairs":{}}""").GetProperty("pairs").EnumerateArray());
    }

    [Fact]
    public void Update_config_is_owner_only()
    {
        var factory = NewFactory();
        var e = Fails(() => App.Execute(Alice, factory, """{"update_config":{"pair_code_id":7}}"""));
        Assert.Equal(Exec("Generic error: unauthorized"), e.Log);

        var r = App.Execute(Creator, factory, $$"""{"update_config":{"owner":"{{Bob}}","token_code_id":5,"pair_code_id":6} }""");
        Assert.Equal("update_config", r.Attribute("action"));
        Assert.Equal($$"""{"owner":"{{Bob}}","pair_code_id":6,"token_code_id":5}""", App.Query(factory, """{"config":{}}""").GetRawText());

        Assert.Equal(Exec("Generic error: unauthorized"), Fails(() => App.Execute(Creator, factory, """{"update_config":{}}""")).Log);
        App.Execute(Bob, factory, """{"update_config":{"pair_code_id":2}}""");
        Assert.Equal($$"""{"owner":"{{Bob}}","pair_code_id":2,"token_code_id":5}""", App.Query(factory, """{"config":{}}""").GetRawText());
    }

    [Fact]
    public void Update_config_validates_the_new_owner()
    {
        var factory = NewFactory();
        var e = Fails(() => App.Execute(Creator, factory, """{"update_config":{"owner":"nobody"}}"""));
        Assert.StartsWith("Generic error: addr_validate errored: ", e.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pair_created_by_the_factory_trades()
    {
        var factory = NewFactory();
        App.Mint(Alice, new Coin(Uusd, 10_000_000), new Coin(Uluna, 10_000_000));
        CreatePair(factory, Native(Uluna), Native(Uusd));
        var pair = Address.Parse(App.Query(factory, $$"""{"pair":{"asset_infos":[{{Native(Uusd)}},{{Native(Uluna)}}]} }""").GetProperty("contract_addr").GetString()!);
        Provide(Alice, pair, (Native(Uusd), 1_000_000), (Native(Uluna), 1_000_000));
        var r = SwapNative(Alice, pair, Uusd, 1_000);
        Assert.Equal("997", r.Attribute("return_amount")); // 1,000 into 1e6 / 1e6: gross 999, commission 2
    }

    /// <summary>
    /// pairs: ascending by key (the two raw asset infos sorted bytewise and concatenated), default limit 10, max 30,
    /// start_after exclusive and order independent.
    /// </summary>
    [Fact]
    public void Pairs_paginate_in_key_order()
    {
        var factory = NewFactory();
        var infos = new List<(string Info0, string Info1, byte[] Key)>();
        for (var i = 0; i < 31; i++)
        {
            var denom = $"u{(char)('z' - i % 26)}{i:D2}";
            infos.Add((Native(denom), Native(Uusd), Key(Encoding.UTF8.GetBytes(denom), Encoding.UTF8.GetBytes(Uusd))));
        }
        for (var i = 0; i < 3; i++)
        {
            var token = NewToken($"TOK{(char)('A' + i)}", (Alice, 1));
            infos.Add((Token(token), Native(Uusd), Key(token.ToArray(), Encoding.UTF8.GetBytes(Uusd))));
        }
        foreach (var (a, b, _) in infos)
        {
            CreatePair(factory, a, b);
        }
        var expected = infos.OrderBy(x => x.Key, Comparer<byte[]>.Create((x, y) => x.AsSpan().SequenceCompareTo(y)))
            .Select(x => PairQuery(factory, x.Info0, x.Info1)).ToList();

        var firstPage = Page(factory, "");
        Assert.Equal(expected.Take(10), firstPage);
        Assert.Equal(expected.Take(30), Page(factory, "\"limit\":100"));
        Assert.Equal(expected.Take(3), Page(factory, "\"limit\":3"));

        // start_after the 10th pair, given in either order
        var tenth = infos.OrderBy(x => x.Key, Comparer<byte[]>.Create((x, y) => x.AsSpan().SequenceCompareTo(y))).ElementAt(9);
        Assert.Equal(expected.Skip(10).Take(10), Page(factory, $"\"start_after\":[{tenth.Info0},{tenth.Info1}]"));
        Assert.Equal(expected.Skip(10).Take(30), Page(factory, $"\"start_after\":[{tenth.Info1},{tenth.Info0}],\"limit\":30"));
    }

    private List<string> Page(Address factory, string args) =>
        App.Query(factory, "{\"pairs\":{" + args + "}}").GetProperty("pairs").EnumerateArray().Select(p => p.GetRawText()).ToList();

    private static byte[] Key(byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b) <= 0 ? [.. a, .. b] : [.. b, .. a];

    private static List<(string Key, string Value)> Attributes(AppResponse r, Address contract) =>
        r.Events.Where(e => e.Type == "wasm" && e.Attributes[0].Value == contract.ToString())
            .SelectMany(e => e.Attributes.Skip(1)).Select(a => (a.Key, a.Value)).ToList();
}
