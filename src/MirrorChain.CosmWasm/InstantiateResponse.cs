namespace MirrorChain.CosmWasm;

/// <summary>
/// wasmd's <c>MsgInstantiateContractResponse { string address = 1; bytes data = 2; }</c>, the data of a successful
/// instantiate sub-message's <see cref="Reply"/> (Terraswap's generated <c>response.rs</c>, cw-utils'
/// <c>parse_reply_instantiate_data</c>). Decoding follows protobuf's rules: fields in any order, the last occurrence
/// wins, unknown fields (and known numbers with another wire type) are skipped, strings are UTF-8 with invalid
/// sequences replaced (as Google.Protobuf reads them).
/// </summary>
public sealed record InstantiateResponse(string Address, byte[] Data)
{
    /// <summary>Decodes <paramref name="bytes"/>; a malformed encoding throws <see cref="ProtobufDecodeException"/>.</summary>
    public static InstantiateResponse Parse(ReadOnlySpan<byte> bytes)
    {
        var reader = new ProtobufReader(bytes);
        var address = "";
        byte[] data = [];
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field, wireType)
            {
                case (1, ProtobufReader.LengthDelimited):
                    address = System.Text.Encoding.UTF8.GetString(reader.ReadLengthDelimited());
                    break;
                case (2, ProtobufReader.LengthDelimited):
                    data = reader.ReadLengthDelimited().ToArray();
                    break;
                default:
                    reader.SkipField(field, wireType);
                    break;
            }
        }
        return new InstantiateResponse(address, data);
    }
}
