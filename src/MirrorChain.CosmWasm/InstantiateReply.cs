namespace MirrorChain.CosmWasm;

/// <summary>
/// The reply to an instantiate sub-message: its data is the protobuf <c>MsgInstantiateContractResponse{address, data}</c>
/// (wasmd x/wasm/keeper/msg_server.go). One reader for every contract that instantiates another (Terraswap's
/// factory and pair, Mirror's factory), as their Rust code decodes it with <c>Message::parse_from_bytes</c>.
/// </summary>
public static class InstantiateReply
{
    /// <summary>
    /// Field 1 (contract_address) of the reply data; no data reads as an empty message (address ""). Bytes that are not
    /// the protobuf message fail with "Error parsing into type MsgInstantiateContractResponse: failed to parse data".
    /// </summary>
    public static string ContractAddress(byte[]? data)
    {
        try
        {
            return InstantiateResponse.Parse(data ?? []).Address;
        }
        catch (ProtobufDecodeException)
        {
            throw ContractException.Parse("MsgInstantiateContractResponse", "failed to parse data");
        }
    }
}
