using MirrorChain.Fuzz.Engine;
using MirrorChain.Fuzz.Targets;

namespace MirrorChain.Fuzz;

/// <summary>Every fuzz target by name: tx, rpc-post, rpc-uri, lcd, contract:&lt;name&gt; for each contract.</summary>
public static class FuzzTargets
{
    public static IReadOnlyList<string> Names { get; } =
        ["tx", "rpc-post", "rpc-uri", "lcd", .. ContractCorpus.Contracts.Keys.Select(k => "contract:" + k)];

    public static IFuzzTarget Create(string name, DevnetWorld world) => name switch
    {
        "tx" => new TxTarget(world),
        "rpc-post" => new JsonRpcPostTarget(world),
        "rpc-uri" => new JsonRpcUriTarget(world),
        "lcd" => new LcdTarget(world),
        _ when name.StartsWith("contract:", StringComparison.Ordinal) && ContractCorpus.Contracts.ContainsKey(name["contract:".Length..]) =>
            new ContractTarget(world, name["contract:".Length..]),
        _ => throw new ArgumentException($"unknown target '{name}'; targets: {string.Join(", ", Names)}", nameof(name)),
    };
}
