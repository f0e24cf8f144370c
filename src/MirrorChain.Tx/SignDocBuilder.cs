using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace MirrorChain.Tx;

/// <summary>SIGN_MODE_DIRECT sign bytes: the protobuf SignDoc over the exact body and auth-info bytes.</summary>
public static class SignDocBuilder
{
    /// <summary>
    /// SignDoc{body_bytes=1, auth_info_bytes=2, chain_id=3, account_number=4}, fields in order, defaults omitted
    /// (account number 0 is absent). Signers sign SHA-256 of these bytes. Written directly, byte for byte what the
    /// protobuf serializer gives for the generated SignDoc.
    /// </summary>
    public static byte[] SignBytes(ReadOnlySpan<byte> bodyBytes, ReadOnlySpan<byte> authInfoBytes, string chainId, ulong accountNumber)
    {
        ArgumentNullException.ThrowIfNull(chainId);
        var bytes = new byte[Size(bodyBytes.Length, authInfoBytes.Length, Encoding.UTF8.GetByteCount(chainId), accountNumber)];
        Write(bytes, bodyBytes, authInfoBytes, chainId, accountNumber);
        return bytes;
    }

    /// <summary>The sign bytes of a decoded tx.</summary>
    public static byte[] SignBytes(DecodedTx tx, string chainId, ulong accountNumber) =>
        SignBytes(tx.BodyBytes, tx.AuthInfoBytes, chainId, accountNumber);

    /// <summary>SHA-256 of <see cref="SignBytes(DecodedTx, string, ulong)"/> into <paramref name="hash32"/>, through a pooled buffer.</summary>
    public static void SignHash(DecodedTx tx, string chainId, ulong accountNumber, Span<byte> hash32)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(chainId);
        var size = Size(tx.BodyBytes.Length, tx.AuthInfoBytes.Length, Encoding.UTF8.GetByteCount(chainId), accountNumber);
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            Write(buffer.AsSpan(0, size), tx.BodyBytes, tx.AuthInfoBytes, chainId, accountNumber);
            SHA256.HashData(buffer.AsSpan(0, size), hash32);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int Size(int body, int authInfo, int chainId, ulong accountNumber) =>
        FieldSize(body) + FieldSize(authInfo) + FieldSize(chainId) + (accountNumber != 0 ? 1 + VarintSize(accountNumber) : 0);

    /// <summary>A length-delimited field with tag below 16; absent (0 bytes) when empty, as proto3 serializes.</summary>
    private static int FieldSize(int length) => length == 0 ? 0 : 1 + VarintSize((ulong)length) + length;

    private static int VarintSize(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }
        return size;
    }

    private static void Write(Span<byte> span, ReadOnlySpan<byte> body, ReadOnlySpan<byte> authInfo, string chainId, ulong accountNumber)
    {
        var pos = 0;
        if (body.Length > 0)
        {
            pos = WriteHeader(span, pos, 1, body.Length);
            body.CopyTo(span[pos..]);
            pos += body.Length;
        }
        if (authInfo.Length > 0)
        {
            pos = WriteHeader(span, pos, 2, authInfo.Length);
            authInfo.CopyTo(span[pos..]);
            pos += authInfo.Length;
        }
        if (chainId.Length > 0)
        {
            pos = WriteHeader(span, pos, 3, Encoding.UTF8.GetByteCount(chainId));
            pos += Encoding.UTF8.GetBytes(chainId, span[pos..]);
        }
        if (accountNumber != 0)
        {
            span[pos++] = 4 << 3;
            pos = WriteVarint(span, pos, accountNumber);
        }
        if (pos != span.Length)
        {
            throw new InvalidOperationException("SignDoc size mismatch");
        }
    }

    private static int WriteHeader(Span<byte> span, int pos, int field, int length)
    {
        span[pos++] = (byte)((field << 3) | 2);
        return WriteVarint(span, pos, (ulong)length);
    }

    private static int WriteVarint(Span<byte> span, int pos, ulong value)
    {
        while (value >= 0x80)
        {
            span[pos++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[pos++] = (byte)value;
        return pos;
    }
}
