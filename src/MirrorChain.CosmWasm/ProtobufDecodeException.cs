namespace MirrorChain.CosmWasm;

/// <summary>Bytes that are not a valid protobuf encoding of the expected message (the protobuf crate's decode error).</summary>
public sealed class ProtobufDecodeException(string message) : FormatException(message);
