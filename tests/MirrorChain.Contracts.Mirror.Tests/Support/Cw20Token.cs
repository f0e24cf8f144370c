namespace MirrorChain.Contracts.Mirror.Tests.Support;

/// <summary>cw20-base messages and queries the tests send to real tokens.</summary>
internal static class Cw20Token
{
    /// <summary>The instantiate message: name, symbol, 6 decimals, initial balances, and a minter (or <c>"mint":null</c>).</summary>
    public static string InstantiateJson(string name, string symbol, Address? minter, params (Address Holder, UInt128 Amount)[] balances)
    {
        var initial = string.Join(",", balances.Select(b => $"{{\"address\":\"{b.Holder}\",\"amount\":\"{b.Amount}\"}}"));
        var mint = minter is null ? "null" : $"{{\"minter\":\"{minter}\",\"cap\":null}}";
        return $$"""{"name":"{{name}}","symbol":"{{symbol}}","decimals":6,"initial_balances":[{{initial}}],"mint":{{mint}}}""";
    }

    /// <summary><c>send</c> of <paramref name="amount"/> to <paramref name="contract"/> with the hook message <paramref name="hook"/>.</summary>
    public static string SendJson(Address contract, UInt128 amount, string hook) =>
        $"{{\"send\":{{\"contract\":\"{contract}\",\"amount\":\"{amount}\",\"msg\":\"{Base64(hook)}\"}}}}";

    public static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    public static UInt128 Balance(ContractTestApp app, Address token, Address holder) =>
        UInt128.Parse(app.Query(token, $"{{\"balance\":{{\"address\":\"{holder}\"}}}}").GetProperty("balance").GetString()!, CultureInfo.InvariantCulture);
}
