using System.Text.Json;

namespace MirrorChain.Rpc.Lcd;

/// <summary>Renders a 200 answer into the writer, or throws <see cref="LcdException"/>.</summary>
public delegate ValueTask LcdHandler(LcdRequest request, Utf8JsonWriter writer, CancellationToken ct);

/// <summary>
/// A route such as <c>GET /cosmos/auth/v1beta1/accounts/{address}</c>. A last segment written <c>{name*}</c> takes the
/// rest of the path (a base64 argument may contain '/').
/// </summary>
public sealed class LcdRoute
{
    private readonly string[] _segments;

    public LcdRoute(string method, string template, LcdHandler handler)
    {
        Method = method;
        Template = template;
        Handler = handler;
        _segments = Split(template);
    }

    public string Method { get; }

    public string Template { get; }

    public LcdHandler Handler { get; }

    /// <summary>Matches the path's raw (still percent-encoded) segments; parameters come back decoded.</summary>
    public bool TryMatch(string[] path, out Dictionary<string, string> values)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _segments.Length; i++)
        {
            var t = _segments[i];
            if (t.StartsWith('{') && t.EndsWith("*}", StringComparison.Ordinal) && i == _segments.Length - 1)
            {
                if (path.Length <= i)
                {
                    return false;
                }
                values[t[1..^2]] = Uri.UnescapeDataString(string.Join('/', path[i..]));
                return true;
            }
            if (i >= path.Length)
            {
                return false;
            }
            if (t.StartsWith('{') && t.EndsWith('}'))
            {
                if (path[i].Length == 0)
                {
                    return false;
                }
                values[t[1..^1]] = Uri.UnescapeDataString(path[i]);
            }
            else if (!string.Equals(t, path[i], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return path.Length == _segments.Length;
    }

    public static string[] Split(string path) => path.Trim('/').Split('/');
}
