using System.Text.Json;
using MirrorChain.Fuzz.Engine;
using MirrorChain.Rpc;

namespace MirrorChain.Fuzz.Targets;

/// <summary>
/// Mutated URI-form calls (GET /method?arg=value): the input is a JSON object {"method": name, "params": {arg: value}}
/// whose values become the raw query strings (non-string values by their JSON text), fed to
/// <see cref="JsonRpcProcessor.ProcessUriAsync"/>. Properties as for POST.
/// </summary>
public sealed class JsonRpcUriTarget : IFuzzTarget
{
    private readonly JsonRpcProcessor _processor;
    private readonly RpcMethodTable _table;
    private readonly CapturingLogger _logger = new();
    private readonly List<string> _corpus = [];
    private readonly JsonMutator _mutator;

    public JsonRpcUriTarget(DevnetWorld world)
    {
        _table = RpcMethodTable.Create(world.Backend, new RpcServerOptions { BroadcastTxCommitTimeout = TimeSpan.FromMilliseconds(1) });
        _processor = new JsonRpcProcessor(_table, _logger);
        var values = RpcSeeds.UriValues(world);
        foreach (var method in _table.All)
        {
            var args = method.ArgNames.Where(values.ContainsKey)
                .Select(a => $"{JsonSerializer.Serialize(a)}:{JsonSerializer.Serialize(values[a][0])}");
            _corpus.Add($$"""{"method":"{{method.Name}}","params":""" + "{" + string.Join(",", args) + "}}");
        }
        _mutator = new JsonMutator(_corpus);
    }

    public string Name => "rpc-uri";

    public byte[] Generate(FuzzRandom random) => _mutator.Mutate(random.Pick(_corpus), random);

    public string? Run(byte[] input)
    {
        if (!TryRead(input, out var name, out var query) || !_table.TryGet(name, out var method))
        {
            return null; // not a URI call (the HTTP layer would answer 404); nothing reaches the processor
        }
        _processor.ProcessUriAsync(method, query, CancellationToken.None).GetAwaiter().GetResult();
        return _logger.Take();
    }

    private static bool TryRead(byte[] input, out string name, out Dictionary<string, string> query)
    {
        name = "";
        query = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(input);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("method", out var m) || m.ValueKind != JsonValueKind.String)
            {
                return false;
            }
            name = m.GetString()!;
            if (root.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object)
            {
                foreach (var prop in p.EnumerateObject())
                {
                    query[prop.Name] = prop.Value.ValueKind == JsonValueKind.String ? prop.Value.GetString()! : prop.Value.GetRawText();
                }
            }
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false; // the HTTP layer hands the processor only decoded query strings
        }
    }
}
