using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace MirrorChain.Execution;

/// <summary>
/// A gas price such as "0.015uluna": a decimal with up to 18 fractional digits, held as an integer count of
/// 10^-18 units (<see cref="Atto"/>). No floating point anywhere.
/// </summary>
public readonly partial record struct GasPrice(string Denom, UInt128 Atto)
{
    public const int Decimals = 18;
    private static readonly BigInteger Scale = BigInteger.Pow(10, Decimals);
    private static readonly UInt128 AttoPerUnit = 1_000_000_000_000_000_000UL;

    [GeneratedRegex(@"^([0-9]+)(?:\.([0-9]+))?([a-zA-Z][a-zA-Z0-9/:._-]{2,127})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static GasPrice Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var m = Pattern().Match(text.Trim());
        if (!m.Success)
        {
            throw new FormatException($"invalid gas price: \"{text}\" (expected e.g. 0.015uluna)");
        }
        var fraction = m.Groups[2].Value;
        if (fraction.Length > Decimals)
        {
            throw new FormatException($"invalid gas price: \"{text}\" has more than {Decimals} decimal places");
        }
        var atto = BigInteger.Parse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture) * Scale;
        if (fraction.Length > 0)
        {
            atto += BigInteger.Parse(fraction.PadRight(Decimals, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
        }
        if (atto > (BigInteger)UInt128.MaxValue)
        {
            throw new FormatException($"invalid gas price: \"{text}\" is too large");
        }
        return new GasPrice(m.Groups[3].Value, (UInt128)atto);
    }

    /// <summary>Parses "0.015uluna,0.15uusd" (empty = none); sorted by denom, duplicates rejected.</summary>
    public static IReadOnlyList<GasPrice> ParseList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var prices = text.Split(',').Select(Parse).OrderBy(p => p.Denom, StringComparer.Ordinal).ToList();
        for (var i = 1; i < prices.Count; i++)
        {
            if (prices[i].Denom == prices[i - 1].Denom)
            {
                throw new FormatException($"duplicate gas price denom {prices[i].Denom}");
            }
        }
        return prices;
    }

    public static string FormatList(IEnumerable<GasPrice> prices) => string.Join(',', prices.Select(p => p.ToString()));

    public bool IsZero => Atto == UInt128.Zero;

    /// <summary>ceil(price × gas) in base units (saturating at the largest amount).</summary>
    public UInt128 RequiredFee(ulong gas)
    {
        if (Atto <= ulong.MaxValue)
        {
            // 64 × 64 bits fits 128 bits: the same ceiling without BigInteger (and below UInt128.MaxValue).
            var exact = Atto * gas;
            var quotient = exact / AttoPerUnit;
            return exact % AttoPerUnit == UInt128.Zero ? quotient : quotient + 1;
        }
        var product = (BigInteger)Atto * gas;
        var fee = BigInteger.DivRem(product, Scale, out var rem);
        if (!rem.IsZero)
        {
            fee += 1;
        }
        return fee > (BigInteger)UInt128.MaxValue ? UInt128.MaxValue : (UInt128)fee;
    }

    /// <summary>Shortest decimal form: "0.015uluna", "1uluna".</summary>
    public override string ToString()
    {
        var whole = Atto / (UInt128)1_000_000_000_000_000_000UL;
        var fraction = Atto % (UInt128)1_000_000_000_000_000_000UL;
        var text = whole.ToString(CultureInfo.InvariantCulture);
        if (fraction != UInt128.Zero)
        {
            text += "." + fraction.ToString(CultureInfo.InvariantCulture).PadLeft(Decimals, '0').TrimEnd('0');
        }
        return text + Denom;
    }
}
