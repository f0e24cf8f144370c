using System.Text.Json;

namespace MirrorChain.Contracts.Mirror.Common;

/// <summary>
/// The <c>msg</c> of a cw20 <c>receive</c> as Mirror's contracts read it: any payload that does not decode into the
/// contract's hook enum is the one error "invalid cw20 hook message" (mint, staking, gov).
/// </summary>
internal static class Cw20Hook
{
    public static ContractException Invalid() => ContractException.Generic("invalid cw20 hook message");

    /// <summary>Splits the payload into (variant, body); <paramref name="hookMsgType"/> is the Rust hook enum's path.</summary>
    public static (string Name, JsonElement Body) Decode(byte[] payload, string hookMsgType)
    {
        try
        {
            using var doc = ContractJson.ParseDocument(payload, hookMsgType);
            return ContractJson.Variant(doc.RootElement.Clone(), hookMsgType);
        }
        catch (Exception e) when (e is JsonException or ContractException)
        {
            throw Invalid();
        }
    }

    public static T Parse<T>(JsonElement body, string hookMsgType)
    {
        try
        {
            return ContractJson.Deserialize<T>(body, hookMsgType);
        }
        catch (ContractException)
        {
            throw Invalid();
        }
    }
}
