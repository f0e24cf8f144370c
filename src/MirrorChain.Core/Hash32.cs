using System.Buffers.Binary;

namespace MirrorChain.Core;

/// <summary>
/// A 32-byte hash (a tx hash: SHA-256 of the tx bytes) as a value: four big-endian words, so equality is four
/// compares, ordering is the bytes' unsigned lexicographic order, and a dictionary key costs no string. The hash
/// code mixes all words with the process's random <see cref="HashCode"/> seed, so chosen tx hashes cannot pile
/// up in one bucket. Prints as uppercase hex, as CometBFT shows tx hashes.
/// </summary>
public readonly struct Hash32 : IEquatable<Hash32>, IComparable<Hash32>
{
    public const int Length = 32;

    private readonly ulong _w0;
    private readonly ulong _w1;
    private readonly ulong _w2;
    private readonly ulong _w3;

    private Hash32(ulong w0, ulong w1, ulong w2, ulong w3)
    {
        _w0 = w0;
        _w1 = w1;
        _w2 = w2;
        _w3 = w3;
    }

    /// <summary>The hash held in <paramref name="bytes"/>, which must be exactly 32 bytes.</summary>
    public static Hash32 FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"a hash has {Length} bytes, got {bytes.Length}", nameof(bytes));
        }
        return new Hash32(
            BinaryPrimitives.ReadUInt64BigEndian(bytes),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]));
    }

    /// <summary>CometBFT's tx hash of <paramref name="txBytes"/> (SHA-256), computed without a heap allocation.</summary>
    public static Hash32 OfTx(ReadOnlySpan<byte> txBytes)
    {
        Span<byte> hash = stackalloc byte[Length];
        Hashing.Sha256(txBytes, hash);
        return FromBytes(hash);
    }

    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException($"a hash needs {Length} bytes, the destination has {destination.Length}", nameof(destination));
        }
        BinaryPrimitives.WriteUInt64BigEndian(destination, _w0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _w1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _w2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _w3);
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        CopyTo(bytes);
        return bytes;
    }

    public bool Equals(Hash32 other) => _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2 && _w3 == other._w3;

    public override bool Equals(object? obj) => obj is Hash32 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2, _w3);

    public int CompareTo(Hash32 other)
    {
        var c = _w0.CompareTo(other._w0);
        if (c != 0)
        {
            return c;
        }
        c = _w1.CompareTo(other._w1);
        if (c != 0)
        {
            return c;
        }
        c = _w2.CompareTo(other._w2);
        return c != 0 ? c : _w3.CompareTo(other._w3);
    }

    /// <summary>Uppercase hex, as tx_search and explorers show a tx hash.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        CopyTo(bytes);
        return Hex.Upper(bytes);
    }

    public static bool operator ==(Hash32 left, Hash32 right) => left.Equals(right);

    public static bool operator !=(Hash32 left, Hash32 right) => !left.Equals(right);

    public static bool operator <(Hash32 left, Hash32 right) => left.CompareTo(right) < 0;

    public static bool operator <=(Hash32 left, Hash32 right) => left.CompareTo(right) <= 0;

    public static bool operator >(Hash32 left, Hash32 right) => left.CompareTo(right) > 0;

    public static bool operator >=(Hash32 left, Hash32 right) => left.CompareTo(right) >= 0;
}
