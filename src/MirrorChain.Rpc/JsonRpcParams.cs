using System.Globalization;
using System.Text.Json;

namespace MirrorChain.Rpc;

/// <summary>JSON-RPC <c>params</c>: a named object (what cosmjs sends) or a positional array in the method's argument order.</summary>
internal sealed class JsonRpcParams : RpcParams
{
    private readonly Dictionary<string, JsonElement> _values = new(StringComparer.Ordinal);

    public JsonRpcParams(JsonElement? parameters, IReadOnlyList<string> argNames)
    {
        ArgumentNullException.ThrowIfNull(argNames);
        if (parameters is not { } p || p.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        switch (p.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in p.EnumerateObject())
                {
                    _values[property.Name] = property.Value;
                }
                break;
            case JsonValueKind.Array:
                var count = p.GetArrayLength();
                if (count > argNames.Count)
                {
                    throw RpcException.InvalidParams(
                        $"{ErrorPrefix}: expected at most {argNames.Count.ToString(CultureInfo.InvariantCulture)} parameters " +
                        $"({string.Join(", ", argNames)}), got {count.ToString(CultureInfo.InvariantCulture)}");
                }
                var i = 0;
                foreach (var item in p.EnumerateArray())
                {
                    _values[argNames[i++]] = item;
                }
                break;
            default:
                throw RpcException.InvalidParams($"{ErrorPrefix}: params must be an object or an array, got {Describe(p)}");
        }
    }

    protected override string ErrorPrefix => "error converting json params to arguments";

    protected override bool TryGet(string name, out RawParam value)
    {
        if (_values.TryGetValue(name, out var e) && e.ValueKind != JsonValueKind.Null)
        {
            value = new RawParam(e, null);
            return true;
        }
        value = default;
        return false;
    }
}
