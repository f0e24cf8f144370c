namespace MirrorChain.Contracts.Cw20.Tests;

public sealed class InstantiateTests : Cw20TestBase
{
    private static string Msg(string name = "Cash Token", string symbol = "CASH", string decimals = "9", string? balances = null, string mint = "null") =>
        $$$$"""{"name":{{{{JsonSerializer.Serialize(name)}}}},"symbol":{{{{JsonSerializer.Serialize(symbol)}}}},"decimals":{{{{decimals}}}},"initial_balances":{{{{balances ?? "[]"}}}},"mint":{{{{mint}}}}}""";

    private static string Row(object address, string amount) => $$$$"""{"address":"{{{{address}}}}","amount":"{{{{amount}}}}"}""";

    private static string Inst(string reason) => reason + ": instantiate wasm contract failed";

    [Fact]
    public void Proper_instantiation_stores_token_info_balances_and_no_minter()
    {
        var token = NewToken(Msg(balances: $"[{Row(Alice, "11223344")}]"));
        Assert.Equal("""{"name":"Cash Token","symbol":"CASH","decimals":9,"total_supply":"11223344"}""", QueryText(token, """{"token_info":{}}"""));
        Assert.Equal(11_223_344u, BalanceOf(token, Alice));
        Assert.Equal(JsonValueKind.Null, App.Query(token, """{"minter":{}}""").ValueKind);
    }

    [Fact]
    public void Instantiate_emits_no_wasm_attributes_and_the_contract_is_labelled_cw20_base()
    {
        Assert.Equal("cw20_base", new Cw20BaseContract().Name);
        var token = NewToken(Msg());
        Assert.Equal((1ul, "token"), (App.Runtime.ContractInfo(App.State, token)!.CodeId, App.Runtime.ContractInfo(App.State, token)!.Label));
        Assert.Equal(0u, Supply(token));
    }

    [Fact]
    public void Mintable_with_cap_reports_minter_and_cap()
    {
        var token = NewToken(Msg(balances: $"[{Row(Alice, "11223344")}]", mint: $$$$"""{"minter":"{{{{MinterAddr}}}}","cap":"511223344"}"""));
        Assert.Equal($$$$"""{"minter":"{{{{MinterAddr}}}}","cap":"511223344"}""", QueryText(token, """{"minter":{}}"""));
        Assert.Equal(11_223_344u, Supply(token));
    }

    [Theory]
    [InlineData("""{"minter":"MINTER","cap":null}""")]
    [InlineData("""{"minter":"MINTER"}""")]
    public void Mintable_without_cap_writes_cap_null(string mint)
    {
        var token = NewToken(Msg(mint: mint.Replace("MINTER", MinterAddr.ToString(), StringComparison.Ordinal)));
        Assert.Equal($$$$"""{"minter":"{{{{MinterAddr}}}}","cap":null}""", QueryText(token, """{"minter":{}}"""));
    }

    [Fact]
    public void Initial_supply_over_cap_is_rejected()
    {
        var e = InstantiateFails(Msg(balances: $"[{Row(Alice, "11223344")}]", mint: $$$$"""{"minter":"{{{{MinterAddr}}}}","cap":"11223300"}"""));
        Assert.Equal(Inst("Generic error: Initial supply greater than cap"), e.Log);
        Assert.Equal((4u, "wasm"), (e.Error.Code, e.Error.Codespace));
    }

    [Fact]
    public void Initial_supply_equal_to_cap_is_accepted()
    {
        var token = NewToken(Msg(balances: $"[{Row(Alice, "11223300")}]", mint: $$$$"""{"minter":"{{{{MinterAddr}}}}","cap":"11223300"}"""));
        Assert.Equal(11_223_300u, Supply(token));
    }

    [Fact]
    public void Several_initial_balances_add_up_to_the_supply()
    {
        var token = NewToken(Msg(balances: $"[{Row(Alice, "1000000")},{Row(Bob, "2500000")},{Row(Carol, "0")}]"));
        Assert.Equal((1_000_000u, 2_500_000u, 0u), (BalanceOf(token, Alice), BalanceOf(token, Bob), BalanceOf(token, Carol)));
        Assert.Equal(3_500_000u, Supply(token));
        Assert.Equal(3, AllAccounts(token).Count); // a zero initial balance still creates the account entry
    }

    [Fact]
    public void Duplicate_initial_addresses_are_rejected()
    {
        var e = InstantiateFails(Msg(balances: $"[{Row(Alice, "100")},{Row(Bob, "1")},{Row(Alice, "200")}]"));
        Assert.Equal(Inst("Duplicate initial balance addresses"), e.Log);
    }

    [Theory]
    [InlineData("ab", false)]
    [InlineData("abc", true)]
    [InlineData("Mirror Token", true)]
    [InlineData("12345678901234567890123456789012345678901234567890", true)]   // 50 bytes
    [InlineData("123456789012345678901234567890123456789012345678901", false)] // 51 bytes
    [InlineData("éa", true)]                                                   // 2 chars, 3 UTF-8 bytes
    [InlineData("ééééééééééééééééééééééééé", true)]                            // 25 chars, 50 bytes
    [InlineData("éééééééééééééééééééééééééé", false)]                          // 26 chars, 52 bytes
    public void Name_must_be_3_to_50_utf8_bytes(string name, bool ok)
    {
        if (ok)
        {
            Assert.Equal(name, App.Query(NewToken(Msg(name: name)), """{"token_info":{}}""").GetProperty("name").GetString());
        }
        else
        {
            Assert.Equal(Inst("Generic error: Name is not in the expected format (3-50 UTF-8 bytes)"), InstantiateFails(Msg(name: name)).Log);
        }
    }

    [Theory]
    [InlineData("AB", false)]
    [InlineData("ABC", true)]
    [InlineData("mAAPL", true)]
    [InlineData("uLP", true)]
    [InlineData("A-B", true)]
    [InlineData("ABCDEFGHIJKL", true)]   // 12
    [InlineData("ABCDEFGHIJKLM", false)] // 13
    [InlineData("AB1", false)]
    [InlineData("AB_", false)]
    [InlineData("AB ", false)]
    [InlineData("ABÉ", false)]
    public void Symbol_must_be_3_to_12_letters_or_dashes(string symbol, bool ok)
    {
        if (ok)
        {
            Assert.Equal(symbol, App.Query(NewToken(Msg(symbol: symbol)), """{"token_info":{}}""").GetProperty("symbol").GetString());
        }
        else
        {
            Assert.Equal(Inst(@"Generic error: Ticker symbol is not in expected format [a-zA-Z\-]{3,12}"), InstantiateFails(Msg(symbol: symbol)).Log);
        }
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(6, true)]
    [InlineData(18, true)]
    [InlineData(19, false)]
    [InlineData(255, false)]
    public void Decimals_must_not_exceed_18(int decimals, bool ok)
    {
        var json = Msg(decimals: decimals.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (ok)
        {
            Assert.Equal(decimals, App.Query(NewToken(json), """{"token_info":{}}""").GetProperty("decimals").GetInt32());
        }
        else
        {
            Assert.Equal(Inst("Generic error: Decimals must not exceed 18"), InstantiateFails(json).Log);
        }
    }

    [Fact]
    public void Checks_run_in_order_name_symbol_decimals_duplicates_addresses_cap_minter()
    {
        Assert.Equal(Inst("Generic error: Name is not in the expected format (3-50 UTF-8 bytes)"), InstantiateFails(Msg(name: "x", symbol: "1", decimals: "19")).Log);
        Assert.Equal(Inst(@"Generic error: Ticker symbol is not in expected format [a-zA-Z\-]{3,12}"), InstantiateFails(Msg(symbol: "1", decimals: "19")).Log);
        var dupes = $"[{Row("bad", "5")},{Row("bad", "5")}]";
        Assert.Equal(Inst("Generic error: Decimals must not exceed 18"), InstantiateFails(Msg(decimals: "19", balances: dupes)).Log);
        Assert.Equal(Inst("Duplicate initial balance addresses"), InstantiateFails(Msg(balances: dupes, mint: """{"minter":"bad","cap":"1"}""")).Log);
        Assert.Equal(Inst(AddrError("bad")), InstantiateFails(Msg(balances: $"[{Row("bad", "5")}]", mint: """{"minter":"bad","cap":"1"}""")).Log);
        Assert.Equal(Inst("Generic error: Initial supply greater than cap"), InstantiateFails(Msg(balances: $"[{Row(Alice, "5")}]", mint: """{"minter":"bad","cap":"1"}""")).Log);
        Assert.Equal(Inst(AddrError("bad")), InstantiateFails(Msg(balances: $"[{Row(Alice, "1")}]", mint: """{"minter":"bad","cap":"1"}""")).Log);
    }

    [Fact]
    public void Missing_fields_read_like_serde()
    {
        Assert.Equal(
            Inst("Error parsing into type cw20_base::msg::InstantiateMsg: missing field `initial_balances`"),
            InstantiateFails("""{"name":"Cash Token","symbol":"CASH","decimals":6}""").Log);
        Assert.Equal(
            Inst("Error parsing into type cw20_base::msg::InstantiateMsg: missing field `amount`"),
            InstantiateFails($$$$"""{"name":"Cash Token","symbol":"CASH","decimals":6,"initial_balances":[{"address":"{{{{Alice}}}}"}]}""").Log);
    }

    [Fact]
    public void Mint_and_marketing_fields_may_be_omitted_and_unknown_fields_are_ignored()
    {
        var token = NewToken($$$$"""{"name":"Mirror Token","symbol":"MIR","decimals":6,"initial_balances":[{"address":"{{{{Alice}}}}","amount":"7"}],"marketing":{"project":"x"}}""");
        Assert.Equal(7u, Supply(token));
        Assert.Equal(JsonValueKind.Null, App.Query(token, """{"minter":{}}""").ValueKind);
    }

    [Fact]
    public void Helper_instantiate_message_creates_the_token_it_describes()
    {
        var json = System.Text.Encoding.UTF8.GetString(Cw20Messages.InstantiateMsgJson("terraswap liquidity token", "uLP", 6, [(Alice, 42)], MinterAddr));
        Assert.Equal($$$$"""{"name":"terraswap liquidity token","symbol":"uLP","decimals":6,"initial_balances":[{"address":"{{{{Alice}}}}","amount":"42"}],"mint":{"minter":"{{{{MinterAddr}}}}","cap":null}}""", json);
        var token = NewToken(json);
        Assert.Equal("""{"name":"terraswap liquidity token","symbol":"uLP","decimals":6,"total_supply":"42"}""", QueryText(token, """{"token_info":{}}"""));
        Assert.Equal($$$$"""{"minter":"{{{{MinterAddr}}}}","cap":null}""", QueryText(token, """{"minter":{}}"""));
    }
}
