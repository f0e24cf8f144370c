namespace MirrorChain.Contracts.Cw20;

/// <summary>serde-like checks for required fields and <c>Binary</c> values of a parsed message body.</summary>
internal static class MsgFields
{
    public static T Required<T>(T? value, string field, string typeName)
        where T : class =>
        value ?? throw ContractException.Parse(typeName, $"missing field `{field}`");

    public static T Required<T>(T? value, string field, string typeName)
        where T : struct =>
        value ?? throw ContractException.Parse(typeName, $"missing field `{field}`");

    /// <summary>cosmwasm <c>Binary</c>: standard base64; a bad string gives "invalid base64: …" like its visitor.</summary>
    public static byte[] Binary(string? value, string field, string typeName)
    {
        var text = Required(value, field, typeName);
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw ContractException.Parse(typeName, $"invalid base64: {text}");
        }
    }
}
