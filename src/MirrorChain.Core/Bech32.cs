namespace MirrorChain.Core;

/// <summary>BIP-173 bech32 (not bech32m), as used by Cosmos SDK addresses.</summary>
public static class Bech32
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static readonly uint[] Generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
    public const int MaxLength = 1023; // Cosmos relaxes BIP-173's 90-character limit

    public static string Encode(string hrp, ReadOnlySpan<byte> data)
    {
        var values = ConvertBits(data, 8, 5, pad: true);
        var checksum = CreateChecksum(hrp, values);
        var chars = new char[hrp.Length + 1 + values.Length + 6];
        hrp.CopyTo(0, chars, 0, hrp.Length);
        chars[hrp.Length] = '1';
        var i = hrp.Length + 1;
        foreach (var v in values)
        {
            chars[i++] = Charset[v];
        }
        foreach (var v in checksum)
        {
            chars[i++] = Charset[v];
        }
        return new string(chars);
    }

    /// <summary>Decodes a bech32 string; throws <see cref="FormatException"/> with the reason on any defect.</summary>
    public static (string Hrp, byte[] Data) Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 8 || text.Length > MaxLength)
        {
            throw new FormatException($"invalid bech32 length {text.Length}");
        }
        var hasLower = text.Any(char.IsLower);
        var hasUpper = text.Any(char.IsUpper);
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
            var idx = Charset.IndexOf(s[sep + 1 + i], StringComparison.Ordinal);
            if (idx < 0)
            {
                throw new FormatException($"invalid bech32 character '{s[sep + 1 + i]}'");
            }
            values[i] = (byte)idx;
        }
        if (Polymod(ExpandHrp(hrp).Concat(values)) != 1)
        {
            throw new FormatException("invalid bech32 checksum");
        }
        var data = ConvertBits(values.AsSpan(0, values.Length - 6), 5, 8, pad: false);
        return (hrp, data);
    }

    private static byte[] CreateChecksum(string hrp, byte[] values)
    {
        var polymod = Polymod(ExpandHrp(hrp).Concat(values).Concat(new byte[6])) ^ 1;
        var result = new byte[6];
        for (var i = 0; i < 6; i++)
        {
            result[i] = (byte)((polymod >> (5 * (5 - i))) & 31);
        }
        return result;
    }

    private static uint Polymod(IEnumerable<byte> values)
    {
        uint chk = 1;
        foreach (var v in values)
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
        }
        return chk;
    }

    private static byte[] ExpandHrp(string hrp)
    {
        var result = new byte[hrp.Length * 2 + 1];
        for (var i = 0; i < hrp.Length; i++)
        {
            result[i] = (byte)(hrp[i] >> 5);
            result[i + hrp.Length + 1] = (byte)(hrp[i] & 31);
        }
        return result;
    }

    private static byte[] ConvertBits(ReadOnlySpan<byte> data, int from, int to, bool pad)
    {
        var acc = 0;
        var bits = 0;
        var maxv = (1 << to) - 1;
        var result = new List<byte>(data.Length * from / to + 1);
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
                result.Add((byte)((acc >> bits) & maxv));
            }
        }
        if (pad)
        {
            if (bits > 0)
            {
                result.Add((byte)((acc << (to - bits)) & maxv));
            }
        }
        else if (bits >= from || ((acc << (to - bits)) & maxv) != 0)
        {
            throw new FormatException("invalid bech32 padding");
        }
        return [.. result];
    }
}
