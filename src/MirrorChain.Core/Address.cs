namespace MirrorChain.Core;

/// <summary>
/// A Terra account or contract address: bech32 with HRP "terra" over 20 bytes (accounts) or 32 bytes (contracts).
/// Equality and ordering are by the raw bytes.
/// </summary>
public sealed class Address : IEquatable<Address>, IComparable<Address>
{
    public const string Prefix = "terra";
    private readonly byte[] _bytes;
    private readonly string _text;

    private Address(byte[] bytes)
        : this(bytes, Bech32.Encode(Prefix, bytes))
    {
    }

    /// <summary><paramref name="text"/> must be the bech32 encoding of <paramref name="bytes"/> (as a lowercase text that decodes to them is).</summary>
    private Address(byte[] bytes, string text)
    {
        _bytes = bytes;
        _text = text;
    }

    public ReadOnlySpan<byte> Bytes => _bytes;

    public byte[] ToArray() => (byte[])_bytes.Clone();

    public static Address FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 20 && bytes.Length != 32)
        {
            throw new ArgumentException($"address must be 20 or 32 bytes, got {bytes.Length}", nameof(bytes));
        }
        return new Address(bytes.ToArray());
    }

    /// <summary>Most valid texts parsed recently (contracts validate the same few addresses over and over).</summary>
    private static readonly ParsedAddressCache Parsed = new(capacity: 16_384);

    /// <summary>
    /// Parses a bech32 "terra1…" address; the error text says why it is invalid. Valid texts are remembered in a
    /// bounded cache (a pure function of the text: only the time it takes depends on it).
    /// </summary>
    public static bool TryParse(string? text, out Address? address, out string error)
    {
        address = null;
        error = "";
        if (string.IsNullOrEmpty(text))
        {
            error = "empty address string is not allowed";
            return false;
        }
        if (Parsed.TryGet(text, out var known))
        {
            address = known;
            return true;
        }
        if (!TryParseUncached(text, out address, out error))
        {
            return false;
        }
        Parsed.Add(text, address!);
        return true;
    }

    private static bool TryParseUncached(string text, out Address? address, out string error)
    {
        address = null;
        error = "";
        try
        {
            var (hrp, data) = Bech32.Decode(text);
            if (hrp != Prefix)
            {
                error = $"invalid Bech32 prefix; expected {Prefix}, got {hrp}";
                return false;
            }
            if (data.Length != 20 && data.Length != 32)
            {
                error = $"address length must be 20 or 32 bytes, got {data.Length}";
                return false;
            }
            if (text.Any(char.IsAsciiLetterUpper))
            {
                error = "address must be lowercase";
                return false;
            }
            // Valid, all lowercase, zero padding (Bech32.Decode enforces it): the text is the canonical encoding of
            // data (the checksum is determined by hrp and data), so it need not be encoded again.
            address = new Address(data, text);
            return true;
        }
        catch (FormatException e)
        {
            error = $"decoding bech32 failed: {e.Message}";
            return false;
        }
    }

    public static Address Parse(string text) =>
        TryParse(text, out var a, out var error) ? a! : throw new FormatException(error);

    public bool Equals(Address? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => Equals(obj as Address);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.AddBytes(_bytes);
        return h.ToHashCode();
    }

    public int CompareTo(Address? other) => other is null ? 1 : _bytes.AsSpan().SequenceCompareTo(other._bytes);

    public override string ToString() => _text;

    public static bool operator ==(Address? a, Address? b) => a is null ? b is null : a.Equals(b);

    public static bool operator !=(Address? a, Address? b) => !(a == b);

    /// <summary>Byte order, as <see cref="CompareTo"/>; null sorts first.</summary>
    public static bool operator <(Address? a, Address? b) => Compare(a, b) < 0;

    public static bool operator <=(Address? a, Address? b) => Compare(a, b) <= 0;

    public static bool operator >(Address? a, Address? b) => Compare(a, b) > 0;

    public static bool operator >=(Address? a, Address? b) => Compare(a, b) >= 0;

    private static int Compare(Address? a, Address? b) => a is null ? (b is null ? 0 : -1) : a.CompareTo(b);
}
