namespace MirrorChain.Core;

/// <summary>BIP-173 bech32 (not bech32m), as used by Cosmos SDK addresses.</summary>
public static class Bech32
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static readonly uint[] Generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
    public const int MaxLength = 1023; // Cosmos relaxes BIP-173's 90-character limit

    public static string Encode(string hrp, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(hrp);
        var values = ConvertBits(data, 8, 5, pad: true);
        var checksum = CreateChecksum(hrp, values);
        return string.Create(hrp.Length + 1 + values.Length + 6, (hrp, values, checksum), static (chars, state) =>
        {
            var (hrp, values, checksum) = state;
            hrp.AsSpan().CopyTo(chars);
            chars[hrp.Length] = '1';
            var i = hrp.Length + 1;
            foreach (var v in values)
            {
                chars[i++] = Charset[v];
            }
            for (var k = 0; k < 6; k++)
            {
                chars[i++] = Charset[(int)((checksum >> (5 * (5 - k))) & 31)];
            }
        });
    }

    /// <summary>Decodes a bech32 string; throws <see cref="FormatException"/> with the reason on any defect.</summary>
    public static (string Hrp, byte[] Data) Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 8 || text.Length > MaxLength)
        {
            throw new FormatException($"invalid bech32 length {text.Length}");
        }
        var hasLower = false;
        var hasUpper = false;
        foreach (var c in text)
        {
            hasLower |= char.IsLower(c);
            hasUpper |= char.IsUpper(c);
        }
        if (hasLower && hasUpper)
        {
            throw new FormatException("mixed-case bech32 string");
        }
        var s = text.ToLowerInvariant();
        var sep = s.LastIndexOf('1');
        if (sep < 1 || sep + 7 > s.Length)
        {
            throw new FormatException("missing bech32 separator or checksum");
        }
        var hrp = s[..sep];
        foreach (var c in hrp)
        {
            if (c < 33 || c > 126)
            {
                throw new FormatException("invalid character in bech32 prefix");
            }
        }
        var values = new byte[s.Length - sep - 1];
        for (var i = 0; i < values.Length; i++)
        {
            var idx = CharValue(s[sep + 1 + i]);
            if (idx < 0)
            {
                throw new FormatException($"invalid bech32 character '{s[sep + 1 + i]}'");
            }
            values[i] = (byte)idx;
        }
        if (Polymod(HrpPolymod(hrp), values) != 1)
        {
            throw new FormatException("invalid bech32 checksum");
        }
        var data = ConvertBits(values.AsSpan(0, values.Length - 6), 5, 8, pad: false);
        return (hrp, data);
    }

    /// <summary>The charset index of <paramref name="c"/>, or -1.</summary>
    private static int CharValue(char c) => c < 128 ? CharValues[c] : -1;

    private static readonly sbyte[] CharValues = BuildCharValues();

    private static sbyte[] BuildCharValues()
    {
        var table = new sbyte[128];
        Array.Fill(table, (sbyte)-1);
        for (var i = 0; i < Charset.Length; i++)
        {
            table[Charset[i]] = (sbyte)i;
        }
        return table;
    }

    /// <returns>The 30-bit checksum, six 5-bit groups from the most significant.</returns>
    private static uint CreateChecksum(string hrp, byte[] values) =>
        Polymod(Polymod(HrpPolymod(hrp), values), stackalloc byte[6]) ^ 1;

    /// <summary>The polymod state after the hrp expansion (high bits of each char, 0, low bits of each char).</summary>
    private static uint HrpPolymod(string hrp)
    {
        uint chk = 1;
        foreach (var c in hrp)
        {
            chk = PolymodStep(chk, (byte)(c >> 5));
        }
        chk = PolymodStep(chk, 0);
        foreach (var c in hrp)
        {
            chk = PolymodStep(chk, (byte)(c & 31));
        }
        return chk;
    }

    private static uint Polymod(uint chk, ReadOnlySpan<byte> values)
    {
        foreach (var v in values)
        {
            chk = PolymodStep(chk, v);
        }
        return chk;
    }

    private static uint PolymodStep(uint chk, byte v)
    {
        var top = chk >> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ v;
        for (var i = 0; i < 5; i++)
        {
            if (((top >> i) & 1) != 0)
            {
                chk ^= Generator[i];
            }
        }
        return chk;
    }

    private static byte[] ConvertBits(ReadOnlySpan<byte> data, int from, int to, bool pad)
    {
        var acc = 0;
        var bits = 0;
        var maxv = (1 << to) - 1;
        var result = new byte[(data.Length * from + to - 1) / to];
        var n = 0;
        foreach (var value in data)
        {
            if (value >> from != 0)
            {
                throw new FormatException("invalid data value for bit conversion");
            }
            acc = (acc << from) | value;
            bits += from;
            while (bits >= to)
            {
                bits -= to;
                result[n++] = (byte)((acc >> bits) & maxv);
            }
        }
        if (pad)
        {
            if (bits > 0)
            {
                result[n++] = (byte)((acc << (to - bits)) & maxv);
            }
        }
        else if (bits >= from || ((acc << (to - bits)) & maxv) != 0)
        {
            throw new FormatException("invalid bech32 padding");
        }
        return n == result.Length ? result : result[..n];
    }
}
