using System.Globalization;
using System.Text.RegularExpressions;

namespace MirrorChain.Core;

/// <summary>A native coin: denom and amount in base units (uluna, uusd). Amounts never go negative.</summary>
public readonly partial record struct Coin(string Denom, UInt128 Amount)
{
    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex DenomPattern();

    public static bool IsValidDenom(string? denom) => denom is not null && DenomPattern().IsMatch(denom);

    /// <summary>Parses a decimal amount string ("1000"); no sign, no fraction, no leading '+', at most 2^128-1.</summary>
    public static bool TryParseAmount(string? text, out UInt128 amount)
    {
        amount = UInt128.Zero;
        if (string.IsNullOrEmpty(text) || text.Length > 39)
        {
            return false;
        }
        foreach (var c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }
        return UInt128.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out amount);
    }

    /// <summary>Parses "1000uluna".</summary>
    public static Coin Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
        if (i == 0 || !TryParseAmount(text[..i], out var amount) || !IsValidDenom(text[i..]))
        {
            throw new FormatException($"invalid coin expression: {text}");
        }
        return new Coin(text[i..], amount);
    }

    public string AmountString => Amount.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => AmountString + Denom;
}
