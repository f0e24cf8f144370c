using System.Globalization;

namespace MirrorChain.Contracts.Cw20.Tests;

/// <summary>A harness with cw20-base (code 1) and the test receiver, plus query shorthands.</summary>
public abstract class Cw20TestBase
{
    protected static readonly Address Creator = TestAddress.Of("creator");
    protected static readonly Address Alice = TestAddress.Of("alice");
    protected static readonly Address Bob = TestAddress.Of("bob");
    protected static readonly Address Carol = TestAddress.Of("carol");
    protected static readonly Address MinterAddr = TestAddress.Of("minter");

    protected ContractTestApp App { get; } = new(new ContractRegistry()
        .Register(CodeIds.Cw20Base, new Cw20BaseContract())
        .Register(TestReceiverContract.CodeId, new TestReceiverContract()));

    protected Address NewToken(string json) => App.Instantiate(CodeIds.Cw20Base, Creator, json, label: "token");

    /// <summary>"Cash Token"/CASH/6 with the given balances and optional minter/cap.</summary>
    protected Address NewToken(IEnumerable<(Address Holder, UInt128 Amount)> balances, Address? minter = null, UInt128? cap = null)
    {
        var rows = string.Join(",", balances.Select(b => $$$$"""{"address":"{{{{b.Holder}}}}","amount":"{{{{b.Amount}}}}"}"""));
        var capJson = cap is { } c ? $"\"{c}\"" : "null";
        var mint = minter is null ? "null" : $$$$"""{"minter":"{{{{minter}}}}","cap":{{{{capJson}}}}}""";
        return NewToken($$$$"""{"name":"Cash Token","symbol":"CASH","decimals":6,"initial_balances":[{{{{rows}}}}],"mint":{{{{mint}}}}}""");
    }

    protected Address NewToken(Address holder, UInt128 amount, Address? minter = null, UInt128? cap = null) => NewToken([(holder, amount)], minter, cap);

    protected Address NewReceiver() => App.Instantiate(TestReceiverContract.CodeId, Creator, "{}", label: "receiver");

    protected UInt128 BalanceOf(Address token, Address holder) =>
        Amount(App.Query(token, $$$$"""{"balance":{"address":"{{{{holder}}}}"}}""").GetProperty("balance"));

    protected UInt128 Supply(Address token) => Amount(App.Query(token, """{"token_info":{}}""").GetProperty("total_supply"));

    protected string QueryText(Address contract, string json) => App.Query(contract, json).GetRawText();

    protected JsonElement Hooks(Address receiver) => App.Query(receiver, "{}");

    protected SdkException Fails(Address sender, Address contract, string json) =>
        Assert.Throws<SdkException>(() => App.Execute(sender, contract, json));

    protected SdkException InstantiateFails(string json) => Assert.Throws<SdkException>(() => NewToken(json));

    protected static UInt128 Amount(JsonElement e) => UInt128.Parse(e.GetString()!, CultureInfo.InvariantCulture);

    protected static string Exec(string reason) => reason + ": execute wasm contract failed";

    /// <summary>The exact text of cosmwasm's addr_validate failure as the runtime's API reports it.</summary>
    protected static string AddrError(string text)
    {
        Assert.False(Address.TryParse(text, out _, out var error));
        return $"Generic error: addr_validate errored: {error}";
    }

    /// <summary>All holders by paging all_accounts with the maximum page size.</summary>
    protected List<string> AllAccounts(Address token)
    {
        var all = new List<string>();
        string? after = null;
        while (true)
        {
            var start = after is null ? "" : $",\"start_after\":\"{after}\"";
            var page = App.Query(token, $$$$"""{"all_accounts":{"limit":30{{{{start}}}}}}""").GetProperty("accounts").EnumerateArray().Select(a => a.GetString()!).ToList();
            all.AddRange(page);
            if (page.Count < 30)
            {
                return all;
            }
            after = page[^1];
        }
    }
}
