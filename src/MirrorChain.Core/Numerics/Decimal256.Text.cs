namespace MirrorChain.Core.Numerics;

public readonly partial struct Decimal256
{
    /// <summary>
    /// The same grammar and messages as <see cref="Decimal.Parse"/>, with a 256-bit range: throws
    /// <see cref="StdException"/> (GenericErr) "Error parsing whole", "Value too big", "Error parsing fractional",
    /// "Cannot parse more than 18 fractional digits" or "Unexpected number of dots".
    /// </summary>
    public static Decimal256 Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var error = TryParseCore(text, out var value);
        return error is null ? value : throw StdException.GenericErr(error);
    }

    public static bool TryParse(string? text, out Decimal256 value)
    {
        value = Zero;
        return text is not null && TryParseCore(text, out value) is null;
    }

    /// <summary>"0", "1", "0.5" (no trailing zeros), like <see cref="Decimal.ToString"/>.</summary>
    public override string ToString() => FixedPointText.Format(_atomics);

    /// <summary>Returns null on success, else the generic_err message.</summary>
    internal static string? TryParseCore(string text, out Decimal256 value)
    {
        var error = FixedPointText.TryParse(text, wide: true, out var atomics);
        value = error is null ? new(atomics) : Zero;
        return error;
    }
}
