using Google.Protobuf;
using MirrorChain.Tx.Proto.Cosmos.Tx.V1Beta1;

namespace MirrorChain.Tx;

/// <summary>SIGN_MODE_DIRECT sign bytes: the protobuf SignDoc over the exact body and auth-info bytes.</summary>
public static class SignDocBuilder
{
    /// <summary>
    /// SignDoc{body_bytes=1, auth_info_bytes=2, chain_id=3, account_number=4}, fields in order, defaults omitted
    /// (account number 0 is absent). Signers sign SHA-256 of these bytes.
    /// </summary>
    public static byte[] SignBytes(ReadOnlySpan<byte> bodyBytes, ReadOnlySpan<byte> authInfoBytes, string chainId, ulong accountNumber)
    {
        ArgumentNullException.ThrowIfNull(chainId);
        return new SignDoc
        {
            BodyBytes = ByteString.CopyFrom(bodyBytes),
            AuthInfoBytes = ByteString.CopyFrom(authInfoBytes),
            ChainId = chainId,
            AccountNumber = accountNumber,
        }.ToByteArray();
    }

    /// <summary>The sign bytes of a decoded tx.</summary>
    public static byte[] SignBytes(DecodedTx tx, string chainId, ulong accountNumber) =>
        SignBytes(tx.BodyBytes, tx.AuthInfoBytes, chainId, accountNumber);
}
