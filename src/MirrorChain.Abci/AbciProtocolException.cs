namespace MirrorChain.Abci;

/// <summary>A peer broke the ABCI socket protocol (bad framing, undecodable request); the connection is closed.</summary>
public sealed class AbciProtocolException(string message) : Exception(message);
