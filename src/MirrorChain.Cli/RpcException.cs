namespace MirrorChain.Cli;

/// <summary>A JSON-RPC call failed: the node answered with an error, or not at all.</summary>
public sealed class RpcException(string message) : Exception(message);
