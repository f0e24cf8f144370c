using System.Text.Json;

namespace MirrorChain.Rpc;

/// <summary>Writes one method's <c>result</c> value, or throws <see cref="RpcException"/>.</summary>
internal delegate ValueTask RpcMethodHandler(RpcParams args, Utf8JsonWriter result, CancellationToken ct);

/// <summary>A JSON-RPC method: its name, its argument names in CometBFT's order (for positional params and the index page), and its handler.</summary>
internal sealed record RpcMethod(string Name, IReadOnlyList<string> ArgNames, RpcMethodHandler Handler);
