namespace MirrorChain.Contracts.Mirror.Tests.Mint.Fakes;

/// <summary>Small helpers shared by the mint tests' stand-ins for contracts that are not (yet) built.</summary>
internal static class Fake
{
    public static string Str(JsonElement body, string name) => body.GetProperty(name).GetString()!;

    public static UInt128 U128(JsonElement body, string name) => UInt128.Parse(Str(body, name), CultureInfo.InvariantCulture);

    public static byte[] Json(object value) => ContractJson.Serialize(value);

    public static byte[] Raw(string json) => Encoding.UTF8.GetBytes(json);

    public static string? Get(IReadOnlyContractStorage s, string key) =>
        s.Get(Encoding.UTF8.GetBytes(key)) is { } b ? Encoding.UTF8.GetString(b) : null;

    public static void Set(IContractStorage s, string key, string value) => s.Set(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(value));

    public static void Remove(IContractStorage s, string key) => s.Remove(Encoding.UTF8.GetBytes(key));

    public static UInt128 GetU128(IReadOnlyContractStorage s, string key) =>
        Get(s, key) is { } v ? UInt128.Parse(v, CultureInfo.InvariantCulture) : UInt128.Zero;

    public static void SetU128(IContractStorage s, string key, UInt128 v) => Set(s, key, v.ToString(CultureInfo.InvariantCulture));

    public static string Fmt(UInt128 v) => v.ToString(CultureInfo.InvariantCulture);
}
