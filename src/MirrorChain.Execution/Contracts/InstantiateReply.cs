using Google.Protobuf;
using MirrorChain.Tx.Proto.Cosmwasm.Wasm.V1;

namespace MirrorChain.Execution.Contracts;

/// <summary>
/// The reply to an instantiate sub-message: its data is the protobuf <c>MsgInstantiateContractResponse{address, data}</c>
/// (cosmwasm wasmd x/wasm/keeper/msg_server.go). One reader for every contract that instantiates another (Terraswap's
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
            return MsgInstantiateContractResponse.Parser.ParseFrom(data ?? []).Address;
        }
        catch (InvalidProtocolBufferException)
        {
            throw ContractException.Parse("MsgInstantiateContractResponse", "failed to parse data");
        }
    }
}
