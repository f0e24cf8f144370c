using System.Buffers.Binary;
using MirrorChain.Core;

namespace MirrorChain.Execution.Contracts;

/// <summary>
/// The wasm module's keys in the app state (module byte 0x03):
/// <code>
/// 03 01 ‖ contract(32) ‖ key   contract storage
/// 03 02 ‖ contract(32)         ContractInfo (protobuf cosmwasm.wasm.v1.ContractInfo)
/// 03 03                        last instance id (u64 BE), shared by all codes as wasmd's sequence
/// </code>
/// </summary>
public static class ContractKeys
{
    public const byte Wasm = 0x03;

    public static byte[] StoragePrefix(Address contract) => [Wasm, 0x01, .. contract.Bytes];

    public static byte[] Info(Address contract) => [Wasm, 0x02, .. contract.Bytes];

    public static byte[] InfoPrefix() => [Wasm, 0x02];

    public static byte[] LastInstanceId() => [Wasm, 0x03];

    public static byte[] EncodeU64(ulong v)
    {
        var b = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(b, v);
        return b;
    }

    /// <summary>
    /// wasmd's classic contract address: 32 bytes of <c>address.Module("wasm", codeID ‖ instanceID)</c>, i.e.
    /// SHA-256(SHA-256("module") ‖ "wasm" ‖ 0x00 ‖ codeID(8 BE) ‖ instanceID(8 BE)).
    /// </summary>
    public static Address ContractAddress(ulong codeId, ulong instanceId)
    {
        var typeHash = Hashing.Sha256("module"u8);
        byte[] key = [.. typeHash, .. "wasm"u8, 0, .. EncodeU64(codeId), .. EncodeU64(instanceId)];
        return Address.FromBytes(Hashing.Sha256(key));
    }
}
