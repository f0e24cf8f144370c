using System.Globalization;

namespace MirrorChain.Execution;

/// <summary>Balance and supply values: the amount as ASCII decimal digits (no sign, no leading zeros).</summary>
internal static class StoredAmount
{
    /// <summary>Digits of UInt128.MaxValue: the longest amount, and the longest stored value accepted.</summary>
    private const int MaxDigits = 39;

    public static byte[] Encode(UInt128 amount)
    {
        Span<byte> digits = stackalloc byte[MaxDigits];
        if (!amount.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("a UInt128 has at most 39 digits");
        }
        return digits[..written].ToArray();
    }

    /// <summary>
    /// Absent = 0. Accepts 1–39 ASCII digits (leading zeros allowed) that fit a UInt128, as
    /// <see cref="Core.Coin.TryParseAmount"/> over the ASCII text does; anything else is corrupt.
    /// </summary>
    public static UInt128 Decode(byte[]? value)
    {
        if (value is null)
        {
            return UInt128.Zero;
        }
        if (value.Length is 0 or > MaxDigits)
        {
            throw Corrupt();
        }
        // Up to 19 digits always fit a ulong: the common case, without 128-bit arithmetic.
        var split = Math.Min(value.Length, 19);
        ulong low = 0;
        for (var i = 0; i < split; i++)
        {
            var d = (uint)(value[i] - (byte)'0');
            if (d > 9)
            {
                throw Corrupt();
            }
            low = (low * 10) + d;
        }
        UInt128 amount = low;
        for (var i = split; i < value.Length; i++)
        {
            var d = (uint)(value[i] - (byte)'0');
            if (d > 9)
            {
                throw Corrupt();
            }
            var times10 = amount * 10;
            if (times10 / 10 != amount || times10 > UInt128.MaxValue - d)
            {
                throw Corrupt();
            }
            amount = times10 + d;
        }
        return amount;
    }

    private static InvalidDataException Corrupt() => new("corrupt stored amount");
}
