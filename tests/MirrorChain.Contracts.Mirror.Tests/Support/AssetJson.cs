namespace MirrorChain.Contracts.Mirror.Tests.Support;

/// <summary>Terraswap/Mirror <c>AssetInfo</c> and <c>Asset</c> JSON.</summary>
internal static class AssetJson
{
    public static string Native(string denom) => $"{{\"native_token\":{{\"denom\":\"{denom}\"}}}}";

    public static string Token(Address token) => $"{{\"token\":{{\"contract_addr\":\"{token}\"}}}}";

    /// <summary>An <c>Asset</c>: <paramref name="info"/> (AssetInfo JSON) and an amount.</summary>
    public static string Asset(string info, UInt128 amount) => $"{{\"info\":{info},\"amount\":\"{amount}\"}}";
}
