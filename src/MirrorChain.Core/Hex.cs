namespace MirrorChain.Core;

/// <summary>Hex encoding helpers. Parsing accepts either case and an optional 0x prefix.</summary>
public static class Hex
{
    public static string Lower(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    public static string Upper(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);

    public static byte[] Decode(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var s = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
        if (s.Length % 2 != 0)
        {
            throw new FormatException("hex string has an odd number of digits");
        }
        return Convert.FromHexString(s);
    }

    public static bool TryDecode(string? hex, out byte[] bytes)
    {
        bytes = [];
        if (hex is null)
        {
            return false;
        }
        try
        {
            bytes = Decode(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
