using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using MirrorChain.Core;
using MirrorChain.Tx;
using MirrorChain.Tx.Proto.Cosmos.Auth.V1Beta1;
using PubKeyProto = MirrorChain.Tx.Proto.Cosmos.Crypto.Secp256k1.PubKey;

namespace MirrorChain.Execution;

/// <summary>
/// An auth account: a user BaseAccount, or a ModuleAccount when <see cref="ModuleName"/> is set. Stored, and
/// answered to queries, as the protobuf Any clients decode (<see cref="ToAny"/>).
/// </summary>
public sealed record Account(Address Address, ulong AccountNumber, ulong Sequence, byte[]? PubKey)
{
    /// <summary>Module name (e.g. "fee_collector") for module accounts; null for users and contracts.</summary>
    public string? ModuleName { get; init; }

    public IReadOnlyList<string> Permissions { get; init; } = [];

    public bool IsModuleAccount => ModuleName is not null;

    public Any ToAny()
    {
        var baseAccount = new BaseAccount { Address = Address.ToString(), AccountNumber = AccountNumber, Sequence = Sequence };
        if (PubKey is not null)
        {
            baseAccount.PubKey = TxBuilder.PubKeyAny(PubKey);
        }
        if (ModuleName is null)
        {
            return new Any { TypeUrl = TypeUrls.BaseAccount, Value = baseAccount.ToByteString() };
        }
        var module = new ModuleAccount { BaseAccount = baseAccount, Name = ModuleName };
        module.Permissions.AddRange(Permissions);
        return new Any { TypeUrl = TypeUrls.ModuleAccount, Value = module.ToByteString() };
    }

    /// <summary>
    /// The stored bytes: <see cref="ToAny"/> serialized. A user account (the one every tx's ante writes) is written
    /// straight into one array, byte for byte what the protobuf serializer gives (fields in number order, defaults
    /// left out); module accounts go through the serializer.
    /// </summary>
    public byte[] Encode() => ModuleName is null ? EncodeBaseAccount() : ToAny().ToByteArray();

    private static readonly byte[] BaseAccountTypeUrl = Encoding.UTF8.GetBytes(TypeUrls.BaseAccount);
    private static readonly byte[] PubKeyTypeUrl = Encoding.UTF8.GetBytes(TypeUrls.Secp256k1PubKey);

    private byte[] EncodeBaseAccount()
    {
        var address = Address.ToString();
        var addressLength = Encoding.UTF8.GetByteCount(address);
        // PubKey{key=1}, inside Any{type_url=1, value=2}, inside BaseAccount{address=1, pub_key=2, account_number=3, sequence=4}
        var keyLength = PubKey is { Length: > 0 } ? FieldSize(PubKey.Length) : 0;
        var keyAnyLength = FieldSize(PubKeyTypeUrl.Length) + (keyLength > 0 ? FieldSize(keyLength) : 0);
        var baseLength = (addressLength > 0 ? FieldSize(addressLength) : 0)
            + (PubKey is not null ? FieldSize(keyAnyLength) : 0)
            + (AccountNumber != 0 ? 1 + CodedOutputStream.ComputeUInt64Size(AccountNumber) : 0)
            + (Sequence != 0 ? 1 + CodedOutputStream.ComputeUInt64Size(Sequence) : 0);
        var bytes = new byte[FieldSize(BaseAccountTypeUrl.Length) + (baseLength > 0 ? FieldSize(baseLength) : 0)];
        var span = bytes.AsSpan();
        WriteBytesField(ref span, 1, BaseAccountTypeUrl);
        if (baseLength > 0)
        {
            WriteHeader(ref span, 2, baseLength);
            if (addressLength > 0)
            {
                WriteHeader(ref span, 1, addressLength);
                span = span[Encoding.UTF8.GetBytes(address, span)..];
            }
            if (PubKey is not null)
            {
                WriteHeader(ref span, 2, keyAnyLength);
                WriteBytesField(ref span, 1, PubKeyTypeUrl);
                if (keyLength > 0)
                {
                    WriteHeader(ref span, 2, keyLength);
                    WriteBytesField(ref span, 1, PubKey);
                }
            }
            WriteVarintField(ref span, 3, AccountNumber);
            WriteVarintField(ref span, 4, Sequence);
        }
        return span.IsEmpty ? bytes : throw new InvalidOperationException("account encoding size mismatch");
    }

    /// <summary>Tag (field numbers below 16: one byte) + length + payload of a length-delimited field.</summary>
    private static int FieldSize(int length) => 1 + CodedOutputStream.ComputeLengthSize(length) + length;

    private static void WriteHeader(ref Span<byte> span, int field, int length)
    {
        span[0] = (byte)((field << 3) | 2);
        span = span[1..];
        WriteVarint(ref span, (ulong)length);
    }

    private static void WriteBytesField(ref Span<byte> span, int field, ReadOnlySpan<byte> payload)
    {
        WriteHeader(ref span, field, payload.Length);
        payload.CopyTo(span);
        span = span[payload.Length..];
    }

    private static void WriteVarintField(ref Span<byte> span, int field, ulong value)
    {
        if (value != 0)
        {
            span[0] = (byte)(field << 3);
            span = span[1..];
            WriteVarint(ref span, value);
        }
    }

    private static void WriteVarint(ref Span<byte> span, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[i++] = (byte)value;
        span = span[i..];
    }

    public static Account Decode(byte[] value) => Decode(value, null);

    /// <summary>
    /// <see cref="Decode(byte[])"/> of the account stored under <paramref name="expected"/>'s key: when the stored
    /// address text is exactly <paramref name="expected"/>'s, that instance is reused instead of parsing the bech32
    /// again (any other text is parsed as usual).
    /// </summary>
    public static Account Decode(byte[] value, Address? expected)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryDecodeUserAccount(value, expected) ?? DecodeWithProtobuf(value, expected);
    }

    /// <summary>The reference decode through the generated protobuf types (every stored account shape).</summary>
    internal static Account DecodeWithProtobuf(byte[] value, Address? expected)
    {
        var any = Any.Parser.ParseFrom(value);
        return any.TypeUrl switch
        {
            TypeUrls.BaseAccount => FromBase(BaseAccount.Parser.ParseFrom(any.Value), expected),
            TypeUrls.ModuleAccount => FromModule(ModuleAccount.Parser.ParseFrom(any.Value), expected),
            _ => throw new InvalidDataException($"unknown stored account type {any.TypeUrl}"),
        };
    }

    /// <summary>
    /// The user account the ante reads for every tx, read straight from the wire: a BaseAccount Any with each field at
    /// most once, a secp256k1 key when there is one, and the address text of <paramref name="expected"/>. Anything
    /// else (module accounts, other addresses, unusual encodings) answers null and <see cref="DecodeWithProtobuf"/>
    /// decides, so the result is always the one it gives.
    /// </summary>
    internal static Account? TryDecodeUserAccount(ReadOnlySpan<byte> value, Address? expected)
    {
        if (expected is null || !TryReadAny(value, out var typeUrl, out var body) || !typeUrl.SequenceEqual(BaseAccountTypeUrl))
        {
            return null;
        }
        var reader = new WireReader(body);
        ReadOnlySpan<byte> address = default;
        byte[]? pubKey = null;
        ulong number = 0, sequence = 0;
        bool hasAddress = false, hasKey = false, hasNumber = false, hasSequence = false;
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                return null;
            }
            switch (field)
            {
                case 1 when wire == WireReader.LengthDelimited && !hasAddress:
                    if (!reader.TryReadBytes(out address))
                    {
                        return null;
                    }
                    hasAddress = true;
                    break;
                case 2 when wire == WireReader.LengthDelimited && !hasKey:
                    if (!reader.TryReadBytes(out var keyAny) || !TryReadSecp256k1Key(keyAny, out pubKey))
                    {
                        return null;
                    }
                    hasKey = true;
                    break;
                case 3 when wire == WireReader.Varint && !hasNumber:
                    if (!reader.TryReadUInt64(out number))
                    {
                        return null;
                    }
                    hasNumber = true;
                    break;
                case 4 when wire == WireReader.Varint && !hasSequence:
                    if (!reader.TryReadUInt64(out sequence))
                    {
                        return null;
                    }
                    hasSequence = true;
                    break;
                default:
                    return null;
            }
        }
        return IsText(address, expected.ToString()) ? new Account(expected, number, sequence, pubKey) : null;
    }

    private static bool TryReadSecp256k1Key(ReadOnlySpan<byte> any, out byte[]? key)
    {
        key = null;
        if (!TryReadAny(any, out var typeUrl, out var value) || !typeUrl.SequenceEqual(PubKeyTypeUrl))
        {
            return false;
        }
        var reader = new WireReader(value);
        if (!reader.TryReadTag(out var field, out var wire) || field != 1 || wire != WireReader.LengthDelimited
            || !reader.TryReadBytes(out var bytes) || !reader.AtEnd)
        {
            return false;
        }
        key = bytes.ToArray();
        return true;
    }

    private static bool TryReadAny(ReadOnlySpan<byte> data, out ReadOnlySpan<byte> typeUrl, out ReadOnlySpan<byte> value)
    {
        typeUrl = default;
        value = default;
        bool hasTypeUrl = false, hasValue = false;
        var reader = new WireReader(data);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var field, out var wire) || wire != WireReader.LengthDelimited)
            {
                return false;
            }
            if (field == 1 && !hasTypeUrl && reader.TryReadBytes(out typeUrl))
            {
                hasTypeUrl = true;
            }
            else if (field == 2 && !hasValue && reader.TryReadBytes(out value))
            {
                hasValue = true;
            }
            else
            {
                return false;
            }
        }
        return hasTypeUrl;
    }

    /// <summary>Whether the wire bytes are exactly the ASCII text (so they decode to it).</summary>
    private static bool IsText(ReadOnlySpan<byte> bytes, string text)
    {
        if (bytes.Length != text.Length)
        {
            return false;
        }
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != text[i] || text[i] > 0x7F)
            {
                return false;
            }
        }
        return true;
    }

    private static Account FromBase(BaseAccount b, Address? expected) =>
        new(expected is not null && string.Equals(b.Address, expected.ToString(), StringComparison.Ordinal) ? expected : Address.Parse(b.Address),
            b.AccountNumber, b.Sequence,
            b.PubKey is null ? null : PubKeyProto.Parser.ParseFrom(b.PubKey.Value).Key.ToByteArray());

    private static Account FromModule(ModuleAccount m, Address? expected) =>
        FromBase(m.BaseAccount, expected) with { ModuleName = m.Name, Permissions = [.. m.Permissions] };
}
