using System.Text;
using MirrorChain.Fuzz.Engine;
using MirrorChain.Rpc;

namespace MirrorChain.Fuzz.Targets;

/// <summary>
/// Mutated JSON-RPC POST bodies (single requests with object or array params, batches) into the real
/// <see cref="JsonRpcProcessor"/> over the in-memory devnet node. Properties: the processor never throws and never
/// has to log an unexpected exception (its -32603 safety net).
/// </summary>
public sealed class JsonRpcPostTarget : IFuzzTarget
{
    private readonly JsonRpcProcessor _processor;
    private readonly CapturingLogger _logger = new();
    private readonly List<string> _corpus = [];
    private readonly JsonMutator _mutator;

    public JsonRpcPostTarget(DevnetWorld world)
    {
        var table = RpcMethodTable.Create(world.Backend, new RpcServerOptions { BroadcastTxCommitTimeout = TimeSpan.FromMilliseconds(1) });
        _processor = new JsonRpcProcessor(table, _logger);
        var values = RpcSeeds.BodyValues(world);
        var id = 1;
        foreach (var method in table.All)
        {
            var args = method.ArgNames.Where(values.ContainsKey).ToList();
            var obj = string.Join(",", args.Select(a => $"\"{a}\":{values[a][0]}"));
            _corpus.Add($$"""{"jsonrpc":"2.0","id":{{id++}},"method":"{{method.Name}}","params":""" + "{" + obj + "}}");
            var arr = string.Join(",", args.Select(a => values[a][^1]));
            _corpus.Add($$"""{"jsonrpc":"2.0","id":"s{{id++}}","method":"{{method.Name}}","params":[{{arr}}]}""");
        }
        _corpus.Add("""[{"jsonrpc":"2.0","id":1,"method":"status"},{"jsonrpc":"2.0","id":2,"method":"block","params":{"height":"1"}},{"jsonrpc":"2.0","method":"health"}]""");
        _mutator = new JsonMutator(_corpus);
    }

    public string Name => "rpc-post";

    public byte[] Generate(FuzzRandom random) => _mutator.Mutate(random.Pick(_corpus), random);

    public string? Run(byte[] input)
    {
        _processor.ProcessBodyAsync(input, CancellationToken.None).GetAwaiter().GetResult();
        return _logger.Take();
    }

    /// <summary>The HTTP status and body the server would answer <paramref name="input"/> with.</summary>
    public (int Status, string Body) Answer(byte[] input)
    {
        var answer = _processor.ProcessBodyAsync(input, CancellationToken.None).GetAwaiter().GetResult();
        return (answer.StatusCode, Encoding.UTF8.GetString(answer.Body));
    }

    /// <summary>The corpus as text (for the tests).</summary>
    public IReadOnlyList<string> Corpus => _corpus;

    internal static string Text(byte[] input) => Encoding.UTF8.GetString(input);
}
