namespace MirrorChain.Rpc.Lcd;

/// <summary>Bytes in URLs and bodies: standard or URL-safe base64, padded or not (as grpc-gateway accepts them).</summary>
internal static class LcdBase64
{
    public static byte[] Decode(string text, string parameter)
    {
        var s = text.Trim().Replace('-', '+').Replace('_', '/');
        s = s.Replace(' ', '+'); // a '+' that arrived unescaped in a query string
        switch (s.Length % 4)
        {
            case 2:
                s += "==";
                break;
            case 3:
                s += "=";
                break;
        }
        try
        {
            return Convert.FromBase64String(s);
        }
        catch (FormatException)
        {
            throw LcdException.TypeMismatch(parameter, $"illegal base64 data: {Shorten(text)}");
        }
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
