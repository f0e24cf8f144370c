namespace MirrorChain.Contracts.Cw20.Tests;

public sealed class QueryTests : Cw20TestBase
{
    /// <summary>n holders in canonical (byte) order, which is the order cw20 enumerates them in.</summary>
    private static List<Address> Holders(int n) =>
        Enumerable.Range(0, n).Select(i => TestAddress.Of($"holder{i}")).OrderBy(a => a).ToList();

    private List<string> Accounts(Address token, string args) =>
        App.Query(token, $$$$"""{"all_accounts":{{{{{args}}}}}}""").GetProperty("accounts").EnumerateArray().Select(a => a.GetString()!).ToList();

    [Fact]
    public void Balance_of_an_unknown_holder_is_zero()
    {
        var token = NewToken(Alice, 5);
        Assert.Equal("""{"balance":"0"}""", QueryText(token, $$$$"""{"balance":{"address":"{{{{Bob}}}}"}}"""));
        Assert.Equal("""{"balance":"5"}""", QueryText(token, $$$$"""{"balance":{"address":"{{{{Alice}}}}"}}"""));
    }

    [Fact]
    public void Query_errors_read_like_cosmwasm()
    {
        var token = NewToken(Alice, 5);
        var e = Assert.Throws<SdkException>(() => App.Query(token, """{"balance":{"address":"bad"}}"""));
        Assert.Equal((9u, AddrError("bad") + ": query wasm contract failed"), (e.Error.Code, e.Log));
        var v = Assert.Throws<SdkException>(() => App.Query(token, """{"marketing_info":{}}"""));
        Assert.Equal(
            "Error parsing into type cw20_base::msg::QueryMsg: unknown variant `marketing_info`, expected one of `balance`, `token_info`, `minter`, `allowance`, `all_allowances`, `all_accounts`: query wasm contract failed",
            v.Log);
    }

    [Fact]
    public void All_accounts_are_in_canonical_byte_order_with_exclusive_start_after()
    {
        var holders = Holders(5);
        var token = NewToken(holders.AsEnumerable().Reverse().Select((h, i) => (h, (UInt128)(i + 1))));
        var expected = holders.Select(h => h.ToString()).ToList();
        Assert.Equal(expected, Accounts(token, ""));
        Assert.Equal(expected[..2], Accounts(token, """ "limit":2 """));
        Assert.Equal(expected[2..3], Accounts(token, $$$$""" "start_after":"{{{{expected[1]}}}}","limit":1 """));
        Assert.Equal(expected[3..], Accounts(token, $$$$""" "start_after":"{{{{expected[2]}}}}","limit":777 """));
        Assert.Empty(Accounts(token, $$$$""" "start_after":"{{{{expected[4]}}}}" """));
        // an address that holds nothing still works as a cursor
        var outsider = TestAddress.Of("outsider");
        Assert.Equal(expected.Where(h => Address.Parse(h).CompareTo(outsider) > 0), Accounts(token, $$$$""" "start_after":"{{{{outsider}}}}","limit":30 """));
    }

    [Fact]
    public void Canonical_order_is_not_the_bech32_string_order()
    {
        // guard for the test above: with these holders the two orders differ, so the byte order is really exercised
        var holders = Holders(10).Select(h => h.ToString()).ToList();
        Assert.NotEqual(holders.Order(StringComparer.Ordinal), holders);
    }

    [Fact]
    public void All_accounts_default_limit_is_10_and_max_is_30()
    {
        var holders = Holders(35);
        var token = NewToken(holders.Select(h => (h, (UInt128)1_000)));
        var expected = holders.Select(h => h.ToString()).ToList();
        Assert.Equal(expected[..10], Accounts(token, ""));
        Assert.Equal(expected[..30], Accounts(token, """ "limit":100 """));
        Assert.Equal(expected[..30], Accounts(token, """ "limit":30 """));
        Assert.Equal(expected[30..], Accounts(token, $$$$""" "start_after":"{{{{expected[29]}}}}","limit":30 """));
        Assert.Empty(Accounts(token, """ "limit":0 """));
        Assert.Equal(expected, AllAccounts(token));
    }

    [Fact]
    public void Holders_that_spent_everything_stay_listed()
    {
        var token = NewToken(Alice, 10);
        App.Execute(Alice, token, $$$$"""{"transfer":{"recipient":"{{{{Bob}}}}","amount":"10"}}""");
        App.Execute(Bob, token, """{"burn":{"amount":"10"}}""");
        Assert.Equal(new[] { Alice, Bob }.Order().Select(a => a.ToString()), AllAccounts(token));
        Assert.Equal(0u, Supply(token));
    }

    [Fact]
    public void All_allowances_lists_one_owner_in_canonical_spender_order()
    {
        var spenders = Holders(12);
        var token = NewToken(Alice, 1_000);
        for (var i = 0; i < spenders.Count; i++)
        {
            var expires = i % 2 == 0 ? "null" : $$$$"""{"at_height":{{{{1_000 + i}}}}}""";
            App.Execute(Alice, token, $$$$"""{"increase_allowance":{"spender":"{{{{spenders[i]}}}}","amount":"{{{{100 + i}}}}","expires":{{{{expires}}}}}}""");
        }
        App.Execute(Bob, token, $$$$"""{"increase_allowance":{"spender":"{{{{Carol}}}}","amount":"5"}}""");   // another owner

        var page = App.Query(token, $$$$"""{"all_allowances":{"owner":"{{{{Alice}}}}"}}""").GetProperty("allowances");
        Assert.Equal(10, page.GetArrayLength());
        Assert.Equal(spenders[..10].Select(s => s.ToString()), page.EnumerateArray().Select(a => a.GetProperty("spender").GetString()));
        Assert.Equal(
            $$$$"""{"spender":"{{{{spenders[1]}}}}","allowance":"101","expires":{"at_height":1001}}""",
            page[1].GetRawText());
        Assert.Equal($$$$"""{"spender":"{{{{spenders[0]}}}}","allowance":"100","expires":{"never":{}}}""", page[0].GetRawText());

        var rest = App.Query(token, $$$$"""{"all_allowances":{"owner":"{{{{Alice}}}}","start_after":"{{{{spenders[9]}}}}","limit":5}}""").GetProperty("allowances");
        Assert.Equal(spenders[10..].Select(s => s.ToString()), rest.EnumerateArray().Select(a => a.GetProperty("spender").GetString()));
        Assert.Equal(
            $$$$"""{"allowances":[{"spender":"{{{{Carol}}}}","allowance":"5","expires":{"never":{}}}]}""",
            QueryText(token, $$$$"""{"all_allowances":{"owner":"{{{{Bob}}}}"}}"""));
        Assert.Equal("""{"allowances":[]}""", QueryText(token, $$$$"""{"all_allowances":{"owner":"{{{{Carol}}}}"}}"""));
    }

    [Fact]
    public void Token_info_and_minter_answers_deserialize_into_the_public_response_types()
    {
        var token = NewToken(Alice, 77, MinterAddr, 1_000);
        var info = App.Query<TokenInfoResponse>(token, """{"token_info":{}}""", ContractJson.Options);
        Assert.Equal(new TokenInfoResponse("Cash Token", "CASH", 6, 77), info);
        var minter = App.Query<MinterResponse>(token, """{"minter":{}}""", ContractJson.Options);
        Assert.Equal(new MinterResponse(MinterAddr.ToString(), 1_000), minter);
        Assert.Equal(JsonValueKind.Object, App.Query(token, """{"minter":{}}""").ValueKind);
    }
}
