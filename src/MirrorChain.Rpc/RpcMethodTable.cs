using System.Text.Json;

namespace MirrorChain.Rpc;

/// <summary>The methods the server answers, by name.</summary>
internal sealed class RpcMethodTable
{
    private readonly Dictionary<string, RpcMethod> _methods = new(StringComparer.Ordinal);

    public static RpcMethodTable Create(IRpcBackend backend, RpcServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(options);
        var table = new RpcMethodTable();
        new InfoMethods(backend).Register(table);
        new AbciMethods(backend).Register(table);
        new BroadcastMethods(backend, options.BroadcastTxCommitTimeout).Register(table);
        var searches = new SearchGate(options.MaxConcurrentSearches);
        new TxMethods(backend, searches).Register(table);
        new BlockMethods(backend).Register(table);
        new CommitMethods(backend).Register(table);
        new BlockSearchMethods(backend, searches).Register(table);
        new MempoolMethods(backend).Register(table);
        new ConsensusParamsMethods(backend).Register(table);
        return table;
    }

    public IEnumerable<RpcMethod> All => _methods.Values.OrderBy(m => m.Name, StringComparer.Ordinal);

    public bool TryGet(string name, out RpcMethod method) => _methods.TryGetValue(name, out method!);

    public void Add(string name, string[] argNames, RpcMethodHandler handler) =>
        _methods.Add(name, new RpcMethod(name, argNames, handler));

    public void Add(string name, string[] argNames, Action<RpcParams, Utf8JsonWriter> handler) =>
        Add(name, argNames, (args, w, _) =>
        {
            handler(args, w);
            return ValueTask.CompletedTask;
        });
}
