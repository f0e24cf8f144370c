using System.Globalization;

namespace MirrorChain.Rpc.Lcd;

/// <summary>One REST call as a handler sees it: path parameters, query string, body.</summary>
public sealed class LcdRequest(
    IReadOnlyDictionary<string, string> pathParams, IReadOnlyDictionary<string, IReadOnlyList<string>> query, byte[] body)
{
    public IReadOnlyDictionary<string, string> PathParams { get; } = pathParams;

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Query { get; } = query;

    public byte[] Body { get; } = body;

    /// <summary>Set by handlers that read state: sent back as grpc-gateway's <c>Grpc-Metadata-X-Cosmos-Block-Height</c> header.</summary>
    public long? Height { get; set; }

    public string Path(string name) => PathParams[name];

    /// <summary>The first value of a query parameter, or null.</summary>
    public string? QueryValue(string name) => Query.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;

    public IReadOnlyList<string> QueryValues(string name) => Query.TryGetValue(name, out var v) ? v : [];

    public ulong QueryUInt64(string name, ulong fallback)
    {
        var text = QueryValue(name);
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw LcdException.InvalidArgument($"invalid value for {name}: {text}");
    }

    public bool QueryBool(string name)
    {
        var text = QueryValue(name);
        return text switch
        {
            null or "" or "false" or "0" => false,
            "true" or "1" => true,
            _ => throw LcdException.InvalidArgument($"invalid value for {name}: {text}"),
        };
    }
}
